"""`diary import`: bring data in: a Letterboxd export, a lossless JSON dump."""

import sys
from pathlib import Path

import typer

from diary.cli import context
from diary.cli.output import emit_json, say, show
from diary.core.words import counted

HELP = """Bring data in: a Letterboxd export, a lossless JSON dump.

\b
Example:
  diary import letterboxd ~/Downloads/letterboxd-export.zip
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("letterboxd")
def import_letterboxd(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="The export zip, its unpacked folder, or one of its CSV files."
    ),
    as_: str | None = typer.Option(
        None, "--as", metavar="PERSON", help="Whose export it is (default: you)."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change; change nothing."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Import a Letterboxd export: diary, reviews, ratings, watched, likes, watchlist, lists.

    Films are matched by their Letterboxd link, else by exact title and year; importing the
    same export again adds nothing, and a newer export adds only what is new. All or nothing:
    a bad row stops the import, naming the file and row, and nothing is changed.

    \b
    Example:
      diary import letterboxd ~/Downloads/letterboxd-ellen-2025-01-31.zip
      diary import letterboxd diary.csv --as Tyler --dry-run
    """
    from contextlib import nullcontext

    from diary.core.letterboxd_import import import_letterboxd as run
    from diary.render.letterboxd import ProgressBar, summary_dict, summary_notes, summary_table

    context.ask_name_first(as_)
    bar = ProgressBar() if sys.stderr.isatty() and not json_ else None
    with context.session(write=True) as db, bar or nullcontext():
        person = context.person(db, as_)
        summary = run(db, path, person, bar)
        if dry_run:
            summary.dry_run = True
            db.rollback()
    if json_:
        emit_json(summary_dict(summary))
    else:
        show(summary_table(summary))
    for line in summary_notes(summary):
        say(line)


@app.command("json")
def import_json(
    file: Path = typer.Argument(..., metavar="FILE", help="A dump made by `diary export json`."),
) -> None:
    """Restore a JSON dump into a new (empty) database.

    The database must hold nothing but what a fresh install holds; its built-in rows are
    replaced by the dump's.

    \b
    Example:
      diary --db ~/restored.db import json diary-backup.json
    """
    from diary.core.dump_reader import restore_file
    from diary.core.errors import NotFound

    if not file.is_file():
        raise NotFound(f"no such file: {file}")
    with context.session(write=True) as db:
        restored = restore_file(db, file)
    say(
        f"Restored {counted(restored.rows, 'rows')} in "
        f"{counted(restored.tables, 'tables')} from {file}."
    )
