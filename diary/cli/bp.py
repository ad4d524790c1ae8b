"""`diary bp`: the Best Picture checklist: ticks, progress, picks, The Spreadsheet."""

import typer

HELP = """The Best Picture checklist: ticks, progress, picks, The Spreadsheet.

\b
Example:
  diary bp progress
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
