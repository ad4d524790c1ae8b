"""Turning domain objects into tables, JSON and documents."""
