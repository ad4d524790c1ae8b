"""`diary export`: take data out: Letterboxd CSV, a lossless JSON dump."""

import typer

HELP = """Take data out: Letterboxd CSV, a lossless JSON dump.

\b
Example:
  diary export letterboxd ~/letterboxd-import
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
