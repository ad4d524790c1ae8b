"""Importers: a file in, domain objects out (Letterboxd, spreadsheets, saved web pages)."""
