"""`diary import`: bring data in: a Letterboxd export, a lossless JSON dump."""

import typer

HELP = """Bring data in: a Letterboxd export, a lossless JSON dump.

\b
Example:
  diary import letterboxd ~/Downloads/letterboxd-export.zip
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
