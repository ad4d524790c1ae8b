"""`diary import`: bring data in: a Letterboxd export, a lossless JSON dump."""

import sys
from pathlib import Path

import typer

from diary.base.words import counted
from diary.cli import context
from diary.cli.output import emit_json, say, show

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
    prune: bool = typer.Option(
        False,
        "--prune",
        help="Remove what earlier imports brought that this whole export no longer holds.",
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change; change nothing."
    ),
    max_size: int = typer.Option(
        500, "--max-size", metavar="MB", min=1, help="Refuse exports larger once unpacked."
    ),
    max_line: int = typer.Option(
        1024, "--max-line", metavar="KB", min=1, help="Refuse files with a longer line."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Import a Letterboxd export: diary, reviews, ratings, watched, likes, watchlist, lists.

    Films are matched by their Letterboxd link, else by title and year; importing the same
    export again adds nothing, and a newer export adds what is new and applies what was
    edited. A row or file that cannot be read is skipped and named in the summary; the rest
    is imported in one transaction. What the newer export no longer holds is reported, and
    removed with --prune. Every file is read and checked before the database is locked.

    \b
    Example:
      diary import letterboxd ~/Downloads/letterboxd-ellen-2025-01-31.zip
      diary import letterboxd diary.csv --as Tyler --dry-run
    """
    from contextlib import nullcontext

    from diary.core.letterboxd.importing import import_letterboxd as run
    from diary.importers.letterboxd import open_source
    from diary.importers.letterboxd_files import MB, Limits
    from diary.render.letterboxd import ProgressBar, summary_dict, summary_notes, summary_table

    context.ask_name_first(as_)
    source, export = open_source(path, Limits(total=max_size * MB, line=max_line * 1024))
    try:
        bar = ProgressBar() if sys.stderr.isatty() and not json_ else None
        with context.session(write=True) as db, bar or nullcontext():
            person = context.person(db, as_)
            summary = run(db, source, person, bar, prune=prune)
            if dry_run:
                summary.dry_run = True
                db.rollback()
    finally:
        export.close()
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
    from diary.base.errors import NotFound
    from diary.core.diary.dump_reader import restore_file

    if not file.is_file():
        raise NotFound(f"no such file: {file}")
    with context.session(write=True) as db:
        restored = restore_file(db, file)
    say(
        f"Restored {counted(restored.rows, 'rows')} in "
        f"{counted(restored.tables, 'tables')} from {file}."
    )
