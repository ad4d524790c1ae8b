"""The CSV files of a Letterboxd export, and Letterboxd's import format, read row by row.

A file is recognised by its header; a file whose header does not fit is refused with the
columns expected. Rows come out as plain values (dates, half-star ratings, cleaned tags, the
film as title, year and links), each knowing its file and row number so that a bad value
stops the import with a message naming both.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from diary.core.errors import InvalidInput
from diary.core.viewings import clean_tags
from diary.importers.letterboxd_files import Progress, SourceFile

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
_YES = {"yes", "true", "y", "1"}
_NO = {"", "no", "false", "n", "0"}


@dataclass(slots=True)
class FilmRef:
    """A film as a file names it: title and year, and its ids where the file gives them."""

    title: str
    year: int | None
    link: str | None = None  # the film's Letterboxd link (never a diary entry's)
    imdb: str | None = None
    tmdb: str | None = None


@dataclass(slots=True)
class Row:
    file: str
    number: int
    ref: FilmRef
    logged: date | None = None  # the Date column: when logged, added, rated or liked
    uri: str | None = None  # the diary entry's or review's own link
    watched_on: date | None = None
    rating: int | None = None  # half-stars, 1-10
    rewatch: bool = False
    tags: list[str] = field(default_factory=list)
    review: str | None = None
    position: int | None = None
    note: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file} row {self.number}"

    @property
    def bare(self) -> bool:
        """A row of the import format that only says "seen" (and maybe a rating)."""
        return self.watched_on is None and not self.review and not self.tags and not self.rewatch


@dataclass
class ListInfo:
    name: str
    url: str | None
    description: str | None


class RowError(ValueError):
    """A value that cannot be read; the reader adds the file and row."""


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
    return ListInfo(name, (info.get("URL") or "").strip() or None, _text(info.get("Description")))


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
            parse = _PARSERS[kind]
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


# --- values -----------------------------------------------------------------------------


def _text(value: str | None) -> str | None:
    """Text as written, or None when blank; a file's Windows line ends become plain ones."""
    return value.replace("\r\n", "\n") if value and value.strip() else None


def _date(value: str, column: str, required: bool = False) -> date | None:
    value = value.strip()
    if not value:
        if required:
            raise RowError(f"no {column}")
        return None
    try:
        if len(value) == 10 and value[4] == value[7] == "-":
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise RowError(f"{column} {value!r} is not a date (YYYY-MM-DD)")


def _year(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or not 1870 <= int(value) <= 2200:
        raise RowError(f"Year {value!r} is not a film year")
    return int(value)


def rating(value: str, out_of_ten: bool = False) -> int | None:
    """Half-stars from '4.5' (0.5-5, Letterboxd writes no trailing .0) or from '9' of 10."""
    value = value.strip()
    if not value:
        return None
    try:
        number = float(value) if not out_of_ten else float(value) / 2
    except ValueError:
        number = -1
    halves = number * 2
    if not 1 <= halves <= 10 or halves != int(halves):
        allowed = "1 to 10" if out_of_ten else "0.5 to 5 in half steps"
        raise RowError(f"rating {value!r} is not {allowed}")
    return int(halves)


def _rewatch(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise RowError(f"Rewatch {value!r} is not Yes, No or empty")


def film_link(value: str) -> str | None:
    """A film's Letterboxd link in one spelling; boxd.it codes keep their case."""
    value = value.strip()
    if not value:
        return None
    if value.startswith("https://boxd.it/"):
        return value.rstrip("/")
    parts = urlsplit(value if "//" in value else f"https://{value}")
    host = parts.netloc.lower().removeprefix("www.")
    if host == "letterboxd.com" and parts.path.startswith("/film/"):
        slug = parts.path.split("/")[2]
        return f"https://letterboxd.com/film/{slug.lower()}/"
    if host == "boxd.it":
        return f"https://boxd.it/{parts.path.strip('/')}"
    return value


def _ref(values: dict[str, str], title_column: str, link_column: str | None) -> FilmRef:
    title = " ".join(values.get(title_column, "").split())
    if not title:
        raise RowError("no film name")
    link = film_link(values.get(link_column, "")) if link_column else None
    return FilmRef(title, _year(values.get("Year", "")), link)


# --- one parser per kind ------------------------------------------------------------------


def _entry(file: str, number: int, values: dict[str, str]) -> Row:
    uri = values["Letterboxd URI"].strip()
    if not uri:
        raise RowError("no Letterboxd URI")
    return Row(
        file,
        number,
        _ref(values, "Name", None),
        logged=_date(values["Date"], "Date"),
        uri=uri,
        watched_on=_date(values["Watched Date"], "Watched Date"),
        rating=rating(values["Rating"]),
        rewatch=_rewatch(values["Rewatch"]),
        tags=clean_tags([values["Tags"]]),
        review=_text(values.get("Review")),
    )


def _film(file: str, number: int, values: dict[str, str]) -> Row:
    return Row(
        file,
        number,
        _ref(values, "Name", "Letterboxd URI"),
        logged=_date(values["Date"], "Date"),
        rating=rating(values.get("Rating", "")),
    )


def _rated(file: str, number: int, values: dict[str, str]) -> Row:
    row = _film(file, number, values)
    if row.rating is None:
        raise RowError("no Rating")
    return row


def _list_item(file: str, number: int, values: dict[str, str]) -> Row:
    position = values["Position"].strip()
    if not position.isdigit():
        raise RowError(f"Position {position!r} is not a number")
    return Row(
        file,
        number,
        _ref(values, "Name", "URL"),
        position=int(position),
        note=_text(values["Description"]),
    )


def _imported(file: str, number: int, values: dict[str, str]) -> Row:
    link = film_link(values.get("LetterboxdURI", ""))
    title = " ".join(values.get("Title", "").split())
    if not title and not link:
        raise RowError("no Title and no LetterboxdURI")
    ref = FilmRef(
        title,
        _year(values.get("Year", "")),
        link,
        values.get("imdbID", "").strip() or None,
        values.get("tmdbID", "").strip() or None,
    )
    halves = rating(values.get("Rating", ""))
    if halves is None:
        halves = rating(values.get("Rating10", ""), out_of_ten=True)
    return Row(
        file,
        number,
        ref,
        watched_on=_date(values.get("WatchedDate", ""), "WatchedDate"),
        rating=halves,
        rewatch=_rewatch(values.get("Rewatch", "")),
        tags=clean_tags([values.get("Tags", "")]),
        review=_text(values.get("Review")),
    )


_PARSERS = {
    "diary": _entry,
    "reviews": _entry,
    "ratings": _rated,
    "watched": _film,
    "watchlist": _film,
    "likes": _film,
    "list": _list_item,
    "import-diary": _imported,
    "import-watchlist": _imported,
}
