"""`diary post`: newsletter posts: draft piece by piece, export Markdown."""

import typer

HELP = """Newsletter posts: draft piece by piece, export ready-to-paste Markdown.

\b
Example:
  diary post new "Rocky" --number 12
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
