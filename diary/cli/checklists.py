"""`diary checklist`: named lists of films (Best Picture is the built-in one)."""

import typer

HELP = """Named lists of films to work through; Best Picture is the built-in one.

\b
Example:
  diary checklist list
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
