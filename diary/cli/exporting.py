"""`diary export`: take data out: Letterboxd CSV, a lossless JSON dump."""

from collections.abc import Iterable, Iterator
from pathlib import Path

import typer

from diary.base.words import counted
from diary.cli import context
from diary.cli.output import say

HELP = """Take data out: Letterboxd CSV, a lossless JSON dump.

\b
Example:
  diary export letterboxd ~/letterboxd-import
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("letterboxd")
def export_letterboxd(
    out: Path = typer.Argument(
        ..., metavar="FOLDER", help="Folder for the CSV files (made if missing)."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="PERSON", help="Whose diary (default: you)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace files from an earlier export."),
) -> None:
    """Write a diary and watchlist as CSV files that letterboxd.com/import accepts.

    Files are named diary-001.csv, diary-002.csv… and watchlist-001.csv, each under 1 MB with
    its own header, so that Letterboxd takes every one. Import them on Letterboxd (the
    watchlist files on the watchlist page); `diary import letterboxd FOLDER` reads them back.

    \b
    Example:
      diary export letterboxd ~/to-letterboxd --by Ellen
    """
    from itertools import chain

    from diary.core.letterboxd.export import diary_pages, watchlist_rows, write_folder
    from diary.render.letterboxd_csv import (
        DIARY_HEADER,
        WATCHLIST_HEADER,
        diary_cells,
        split_files,
        watchlist_cells,
    )

    counts = {"diary": 0, "watchlist": 0}

    def counting(kind: str, pages: "Iterable[list[list[str]]]") -> "Iterator[list[list[str]]]":
        for page in pages:
            counts[kind] += len(page)
            yield page

    with context.session() as db:
        person = context.person(db, by)
        diary = counting(
            "diary", ([diary_cells(row) for row in page] for page in diary_pages(db, person))
        )
        watchlist = counting("watchlist", [list(map(watchlist_cells, watchlist_rows(db, person)))])
        files = chain(
            split_files("diary", DIARY_HEADER, diary),
            split_files("watchlist", WATCHLIST_HEADER, watchlist, always=False),
        )
        written = write_folder(out, files, force)
    say(
        f"Wrote {counted(counts['diary'], 'diary rows')} and "
        f"{counted(counts['watchlist'], 'watchlist films')} for {person.name} "
        f"to {counted(len(written), 'files')} in {out}."
    )


@app.command("json")
def export_json(
    out: Path = typer.Argument(..., metavar="FILE", help="The dump file to write."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Dump everything in the database to one JSON file (lossless; see docs/json-format.md).

    `diary import json FILE` restores it into a new database.

    \b
    Example:
      diary export json diary-backup.json
    """
    from diary.core.diary.dump import Written, dump_text
    from diary.store.files import check_target, write_pieces

    check_target(out, force)
    written = Written()
    with context.session() as db:
        write_pieces(out, dump_text(db, written), force=force)
    tables = counted(written.tables, "tables")
    say(f"Wrote {counted(written.rows, 'rows')} from {tables} to {out}.")
