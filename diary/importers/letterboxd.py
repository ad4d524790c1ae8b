"""The CSV files of a Letterboxd export, and Letterboxd's import format, read row by row.

A file is recognised by its header; a file whose header does not fit is refused with the
columns expected. Rows come out as plain values (dates, half-star ratings, cleaned tags, the
film as title, year and links), each knowing its file and row number so that a bad value
stops the import with a message naming both.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass

from diary.core.errors import InvalidInput
from diary.importers.letterboxd_files import Progress, SourceFile
from diary.importers.letterboxd_rows import PARSERS, Row, RowError, text_value

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
)
_IMPORT_KEYS = {name.lower(): name for name in IMPORT_COLUMNS}


@dataclass
class ListInfo:
    name: str
    url: str | None
    description: str | None


def detect(file: SourceFile) -> str:
    """The file's kind, checked against its header; raises InvalidInput for a wrong file."""
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
        raise InvalidInput(f"{file.name} is not UTF-8 text") from None
    except csv.Error as exc:
        raise InvalidInput(f"{file.name}: broken CSV ({exc})") from None
    header = tuple(cell.strip() for cell in first)
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


def _kind_from_header(file: SourceFile, header: tuple[str, ...]) -> str:
    for kind in ("reviews", "diary", "ratings"):
        if set(HEADERS[kind]) <= set(header):
            return kind
    if set(FILM) <= set(header):
        stem = file.name.lower().rsplit("/", 1)[-1]
        for kind, hint in (("watchlist", "watchlist"), ("watched", "watched"), ("likes", "film")):
            if hint in stem:
                return kind
        raise InvalidInput(
            f"{file.name} has the columns of watched.csv, watchlist.csv and likes/films.csv; "
            "name it after the one it is"
        )
    if _is_import_format(header):
        return "import-watchlist" if "watchlist" in file.name.lower() else "import-diary"
    expected = "; ".join(f"{kind}.csv: {', '.join(cols)}" for kind, cols in HEADERS.items())
    raise InvalidInput(
        f"{file.name} is not a Letterboxd export file: found columns {', '.join(header)}; "
        f"expected those of {expected}; or a list export"
    )


def _wrong(file: SourceFile, kind: str | None, found: tuple[str, ...] | list[str]) -> InvalidInput:
    if kind == "list":
        expected = f"a list export ({', '.join(LIST_INFO)}, then {', '.join(LIST_ITEMS)})"
    elif kind in HEADERS:
        expected = f"the columns {', '.join(HEADERS[kind])}"
    else:
        expected = f"Letterboxd import columns ({', '.join(IMPORT_COLUMNS)})"
    shown = ", ".join(cell for cell in found) or "nothing"
    return InvalidInput(
        f"{file.name} is not what its name says: expected {expected}; found {shown}"
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


def _list_info(reader: Iterator[list[str]], file: SourceFile, first: list[str]) -> ListInfo:
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
        raise InvalidInput(f"{file.name}: the list has no name")
    return ListInfo(
        name, (info.get("URL") or "").strip() or None, text_value(info.get("Description"))
    )


def _next_filled(reader: Iterator[list[str]]) -> list[str]:
    for record in reader:
        if any(cell.strip() for cell in record):
            return record
    return []


def list_info(file: SourceFile) -> ListInfo:
    with file.text() as handle:
        reader = csv.reader(handle)
        return _list_info(reader, file, _first_record(reader))


def read_rows(file: SourceFile, kind: str, progress: Progress | None = None) -> Iterator[Row]:
    """Every data row of the file as a Row; raises InvalidInput naming the file and row."""
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
                if len(record) != len(header):
                    raise RowError(f"has {len(record)} fields; the header has {len(header)}")
                yield parse(file.name, number, dict(zip(header, record, strict=True)))
        except RowError as exc:
            raise InvalidInput(
                f"{file.name} row {number} (line {reader.line_num}): {exc}"
            ) from None
        except csv.Error as exc:
            raise InvalidInput(f"{file.name} line {reader.line_num}: broken CSV ({exc})") from None
        except UnicodeDecodeError:
            raise InvalidInput(
                f"{file.name} is not UTF-8 text (near line {reader.line_num})"
            ) from None
