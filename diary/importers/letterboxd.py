"""The CSV files of a Letterboxd export, and Letterboxd's import format, read row by row.

A file is recognised by its header; a file whose header does not fit, that is not text or
holds only NUL bytes is left out (named, with the columns expected). Rows come out as plain
records (dates, half-star ratings, tags, the film as title, year and links) with control
characters taken out; a row with a value that cannot be read comes out as `Unreadable`,
naming its file, row and reason, and the rest of the file goes on.

`open_source` is what the command calls: it opens the export, reads every file once to check
it (before the import takes the database's write lock) and hands core a `Source`.
"""

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

from diary.base.errors import InvalidInput
from diary.core.letterboxd.records import (
    ListInfo,
    Progress,
    Row,
    Source,
    SourceFile,
    Unreadable,
)
from diary.importers.letterboxd_files import (
    Export,
    ExportFile,
    Limits,
    TooLong,
    open_export,
    shown_name,
    sized,
)
from diary.importers.letterboxd_rows import PARSERS, RowError, shown, text_value, without_control

FILM = ("Date", "Name", "Year", "Letterboxd URI")
HEADERS = {
    "diary": FILM + ("Rating", "Rewatch", "Tags", "Watched Date"),
    "reviews": FILM + ("Rating", "Rewatch", "Review", "Tags", "Watched Date"),
    "ratings": FILM + ("Rating",),
    "watched": FILM,
    "watchlist": FILM,
    "likes": FILM,
}
LIST_INFO = ("Date", "Name", "Tags", "URL", "Description")
LIST_ITEMS = ("Position", "Name", "Year", "URL", "Description")
# Letterboxd's import format: any of these columns, in any order, with a title or a link.
IMPORT_COLUMNS = (
    "LetterboxdURI",
    "tmdbID",
    "imdbID",
    "Title",
    "Year",
    "Directors",
    "WatchedDate",
    "Rating",
    "Rating10",
    "Rewatch",
    "Tags",
    "Review",
    "Date",  # written by `diary export letterboxd` on the watchlist: the day it was added
)
_IMPORT_KEYS = {name.lower(): name for name in IMPORT_COLUMNS}


class BadFile(InvalidInput):
    """A file that is not what it claims: left out of the import, named in the summary."""


def detect(file: ExportFile) -> str:
    """The file's kind, checked against its header; raises BadFile for a wrong file."""
    _check_bytes(file)
    try:
        with file.text() as handle:
            reader = csv.reader(handle)
            first = _first_record(reader)
            if _is_list_preamble(first):
                if file.kind not in (None, "list"):
                    raise _wrong(file, file.kind, first)
                _list_info(reader, file, first)
                return "list"
    except UnicodeDecodeError:
        raise BadFile(f"{file.name} is not UTF-8 text") from None
    except csv.Error as exc:
        raise BadFile(f"{file.name}: broken CSV ({exc})") from None
    header = tuple(cell.strip() for cell in without_control(first)[0])
    if file.kind in HEADERS:
        if not set(HEADERS[file.kind]) <= set(header):
            raise _wrong(file, file.kind, header)
        return file.kind
    if file.kind in ("import-diary", "import-watchlist"):
        if not _is_import_format(header):
            raise _wrong(file, file.kind, header)
        return file.kind
    if file.kind == "list":
        raise _wrong(file, "list", header)
    return _kind_from_header(file, header)


def _check_bytes(file: ExportFile) -> None:
    """An empty file, or one of NUL bytes only (a sync that broke), is not a CSV file."""
    with file.opener() as raw:
        start = raw.read(1 << 16)
    if not start.strip():
        raise BadFile(f"{file.name} is empty")
    if not start.replace(b"\0", b"").strip():
        raise BadFile(f"{file.name} holds only NUL bytes, no text (a broken copy?)")


def _kind_from_header(file: ExportFile, header: tuple[str, ...]) -> str:
    for kind in ("reviews", "diary", "ratings"):
        if set(HEADERS[kind]) <= set(header):
            return kind
    if set(FILM) <= set(header):
        stem = file.name.lower().rsplit("/", 1)[-1]
        for kind, hint in (("watchlist", "watchlist"), ("watched", "watched"), ("likes", "film")):
            if hint in stem:
                return kind
        raise BadFile(
            f"{file.name} has the columns of watched.csv, watchlist.csv and likes/films.csv; "
            "name it after the one it is"
        )
    if _is_import_format(header):
        return "import-watchlist" if "watchlist" in file.name.lower() else "import-diary"
    expected = "; ".join(f"{kind}.csv: {', '.join(cols)}" for kind, cols in HEADERS.items())
    raise BadFile(
        f"{file.name} is not a Letterboxd export file: found columns {_cells(header)}; "
        f"expected those of {expected}; or a list export"
    )


def _cells(found: tuple[str, ...] | list[str]) -> str:
    """Cells found in a file, as a message shows them: escaped, cut, at most ten."""
    cells = [shown(cell) if not cell.isprintable() or len(cell) > 40 else cell for cell in found]
    more = f" and {len(cells) - 10} more" if len(cells) > 10 else ""
    return ", ".join(cells[:10]) + more


def _wrong(file: ExportFile, kind: str | None, found: tuple[str, ...] | list[str]) -> BadFile:
    if kind == "list":
        expected = f"a list export ({', '.join(LIST_INFO)}, then {', '.join(LIST_ITEMS)})"
    elif kind in HEADERS:
        expected = f"the columns {', '.join(HEADERS[kind])}"
    else:
        expected = f"Letterboxd import columns ({', '.join(IMPORT_COLUMNS)})"
    return BadFile(
        f"{file.name} is not what its name says: expected {expected}; found "
        f"{_cells(found) or 'nothing'}"
    )


def _is_import_format(header: tuple[str, ...]) -> bool:
    lowered = [cell.lower() for cell in header if cell]
    known = all(cell in _IMPORT_KEYS for cell in lowered)
    return known and bool({"title", "letterboxduri", "imdbid", "tmdbid"} & set(lowered))


def _first_record(reader: Iterator[list[str]]) -> list[str]:
    for record in reader:
        return record
    return []


def _is_list_preamble(record: list[str]) -> bool:
    if not record or all(not cell.strip() for cell in record):
        return True
    return record[0].strip().lower().startswith("letterboxd list export")


def _list_info(reader: Iterator[list[str]], file: ExportFile, first: list[str]) -> ListInfo:
    """Read a list's preamble up to its items header; return the list's name and link."""
    header = first if tuple(c.strip() for c in first) == LIST_INFO else _next_filled(reader)
    if tuple(cell.strip() for cell in header) != LIST_INFO:
        raise _wrong(file, "list", header)
    values = _next_filled(reader)
    items = _next_filled(reader)
    if tuple(cell.strip() for cell in items) != LIST_ITEMS:
        raise _wrong(file, "list", items)
    info = dict(zip(LIST_INFO, values, strict=False))
    name = (info.get("Name") or "").strip()
    if not name:
        raise BadFile(f"{file.name}: the list has no name")
    return ListInfo(
        name, (info.get("URL") or "").strip() or None, text_value(info.get("Description"))
    )


def _next_filled(reader: Iterator[list[str]]) -> list[str]:
    for record in reader:
        if any(cell.strip() for cell in record):
            return record
    return []


def list_info(file: ExportFile) -> ListInfo:
    with file.text() as handle:
        reader = csv.reader(handle)
        return _list_info(reader, file, _first_record(reader))


def read_rows(
    file: ExportFile, kind: str, progress: Progress | None = None, check_only: bool = False
) -> Iterator[Row | Unreadable]:
    """Every data row of the file: a Row, or Unreadable naming the row and why. A file that
    breaks down (not UTF-8, broken quoting) raises BadFile; an overlong line, TooLong.

    With `check_only`, the file is read through for those errors and no row is made (what a
    row's values say is only known, and reported, when the import reads it)."""
    csv.field_size_limit(file.limits.line)
    with file.text(progress) as handle:
        reader = csv.reader(handle, strict=True)
        number = 0
        try:
            first = _first_record(reader)
            if kind == "list":
                _list_info(reader, file, first)
                header: tuple[str, ...] = LIST_ITEMS
            else:
                header = tuple(cell.strip() for cell in first)
            if kind.startswith("import-"):
                header = tuple(_IMPORT_KEYS.get(cell.lower(), cell) for cell in header)
            parse = PARSERS[kind]
            for record in reader:
                if not record or (len(record) == 1 and not record[0].strip()):
                    continue
                number += 1
                if check_only:
                    continue
                cells, cleaned = without_control(record)
                try:
                    if len(cells) != len(header):
                        raise RowError(f"has {len(cells)} fields; the header has {len(header)}")
                    row = parse(file.name, number, dict(zip(header, cells, strict=True)))
                except RowError as exc:
                    yield Unreadable(file.name, number, reader.line_num, str(exc))
                    continue
                row.cleaned = cleaned
                yield row
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise TooLong(
                    f"{file.name} line {reader.line_num + 1} holds a value longer than "
                    f"{sized(file.limits.line)}, the longest diary reads; raise the limit "
                    "with --max-line KB"
                ) from None
            raise BadFile(f"{file.name} line {reader.line_num}: broken CSV ({exc})") from None
        except UnicodeDecodeError:
            raise BadFile(f"{file.name} is not UTF-8 text (near line {reader.line_num})") from None


def open_source(path: Path, limits: Limits | None = None) -> tuple[Source, Export]:
    """The export at `path`, every file read once and checked, as core's Source.

    A file that is not what it claims is left out and named; in a single-file import it is
    the error. Close the returned Export once the import is done.
    """
    export = open_export(path, limits)
    try:
        source = Source(export.label, [], list(export.not_imported), complete=not export.single)
        for file in export.files:
            try:
                kind = detect(file)
                info = list_info(file) if kind == "list" else None
                for _ in read_rows(file, kind, check_only=True):
                    pass
            except BadFile as exc:
                if export.single:
                    raise
                source.not_imported.append(f"{exc}; not imported")
                continue
            source.files.append(SourceFile(file.name, kind, file.size, _reader(file, kind), info))
        if not source.files:
            raise InvalidInput(f"{shown_name(export.label)} holds no file diary can import")
    except BaseException:
        export.close()
        raise
    return source, export


def _reader(file: ExportFile, kind: str) -> Callable[[Progress | None], Iterator[Row | Unreadable]]:
    return lambda progress: read_rows(file, kind, progress)
