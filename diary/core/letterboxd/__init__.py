"""Letterboxd: importing an export into the diary, and writing one back out."""
