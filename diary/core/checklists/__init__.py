"""Checklists: Best Picture and other lists, who has seen what, progress, picks, the Spreadsheet."""
