"""Letterboxd's import format as CSV text, split into files under 1 MB, each with its header.

Cells are written as they are (no spreadsheet neutralising): the files must read back exactly.
"""

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from diary.base.errors import InvalidInput
from diary.core.diary.ratings import as_text
from diary.core.letterboxd.export import ExportRow

DIARY_HEADER = (
    "LetterboxdURI",
    "imdbID",
    "Title",
    "Year",
    "WatchedDate",
    "Rating",
    "Rewatch",
    "Tags",
    "Review",
    "tmdbID",
)
# Date: the day the film was added (Letterboxd's own watchlist export calls it so too)
WATCHLIST_HEADER = ("LetterboxdURI", "imdbID", "Title", "Year", "tmdbID", "Date")
LIMIT = 1_000_000  # bytes; Letterboxd's importer takes files up to 1 MB


def _line(cells: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def _lines(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


_RATINGS = {halves: as_text(halves) for halves in range(1, 11)} | {None: ""}


def diary_cells(row: ExportRow) -> list[str]:
    rating = _RATINGS.get(row.rating)
    return [
        row.link or "",
        row.imdb or "",
        row.title,
        str(row.year or ""),
        row.watched_on or "",
        as_text(row.rating) if rating is None else rating,
        "true" if row.rewatch else "false",
        ", ".join(row.tags),
        row.review or "",
        row.tmdb or "",
    ]


def watchlist_cells(row: ExportRow) -> list[str]:
    return [
        row.link or "",
        row.imdb or "",
        row.title,
        str(row.year or ""),
        row.tmdb or "",
        row.added_on or "",
    ]


def split_files(
    prefix: str,
    header: Sequence[str],
    pages: Iterable[Sequence[Sequence[str]]],
    limit: int = LIMIT,
    always: bool = True,
) -> Iterator[tuple[str, str]]:
    """(file name, text) pairs: prefix-001.csv, prefix-002.csv… each under `limit` bytes,
    each given as soon as it is full. Lines come a page at a time: a page that fits in the
    file being filled goes in whole, and only the page that fills it is looked at line by
    line. With `always`, no lines still make one file (a header)."""
    head = _line(header)
    empty = len(head.encode("utf-8"))
    current: list[str] = []
    size, number = empty, 0
    for page in pages:
        if not page:
            continue
        text = _lines(page)
        length = len(text) if text.isascii() else len(text.encode("utf-8"))
        if size + length < limit:
            current.append(text)
            size += length
            continue
        for cells in page:
            text = _line(cells)
            length = len(text.encode("utf-8"))
            if current and size + length >= limit:
                number += 1
                yield f"{prefix}-{number:03d}.csv", head + "".join(current)
                current, size = [], empty
            if size + length >= limit:
                raise InvalidInput(f"a row is too long for a {limit}-byte file: {cells[2]!r}")
            current.append(text)
            size += length
    if current or (always and number == 0):
        yield f"{prefix}-{number + 1:03d}.csv", head + "".join(current)
