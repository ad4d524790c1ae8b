"""One row of a Letterboxd file as plain values: dates, half-star ratings, tags, the film.

Each kind of file has its parser; a value that cannot be read raises RowError, to which the
reader adds the file and row.
"""

import re
from datetime import date
from urllib.parse import urlsplit

from diary.core.letterboxd.records import FilmRef, Row

_YES = {"yes", "true", "y", "1"}
_NO = {"", "no", "false", "n", "0"}
# C0 and C1 control characters (tab and line breaks are text): terminal escapes, bells, NULs
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SHOWN = 40  # characters of a value echoed in a message


def shown(value: str) -> str:
    """A value as a message quotes it: escaped (repr), and cut to a sane length."""
    cut = value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"
    return repr(cut)


def without_control(record: list[str]) -> tuple[list[str], int]:
    """The record's cells with control characters taken out, and how many cells had any."""
    if CONTROL.search("".join(record)) is None:  # almost every row: one look at all its cells
        return record, 0
    cleaned = [CONTROL.sub("", cell) for cell in record]
    return cleaned, sum(1 for a, b in zip(record, cleaned, strict=True) if a != b)


def letterboxd_tags(value: str) -> list[str]:
    """Tags as Letterboxd writes them (', ' between), their case kept, each once."""
    seen: dict[str, str] = {}
    for part in value.split(","):
        clean = " ".join(part.split())
        if clean:
            seen.setdefault(clean.casefold(), clean)
    return list(seen.values())


class RowError(ValueError):
    """A value that cannot be read; the reader adds the file and row."""


# --- values -----------------------------------------------------------------------------


def text_value(value: str | None) -> str | None:
    """Text as written, or None when blank; a file's Windows line ends become plain ones."""
    return value.replace("\r\n", "\n") if value and value.strip() else None


def _date(value: str, column: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if len(value) == 10 and value[4] == value[7] == "-":
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise RowError(f"{column} {shown(value)} is not a date (YYYY-MM-DD)")


def _year(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or not 1870 <= int(value) <= 2200:
        raise RowError(f"Year {shown(value)} is not a film year")
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
        raise RowError(f"rating {shown(value)} is not {allowed}")
    return int(halves)


def _rewatch(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise RowError(f"Rewatch {shown(value)} is not Yes, No or empty")


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
    uri = values["Letterboxd URI"].strip() or None  # films that left Letterboxd have none
    return Row(
        file,
        number,
        _ref(values, "Name", None),
        logged=_date(values["Date"], "Date"),
        uri=uri,
        watched_on=_date(values["Watched Date"], "Watched Date"),
        rating=rating(values["Rating"]),
        rewatch=_rewatch(values["Rewatch"]),
        tags=letterboxd_tags(values["Tags"]),
        review=text_value(values.get("Review")),
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
        raise RowError(f"Position {shown(position)} is not a number")
    return Row(
        file,
        number,
        _ref(values, "Name", "URL"),
        position=int(position),
        note=text_value(values["Description"]),
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
        logged=_date(values.get("Date", ""), "Date"),
        watched_on=_date(values.get("WatchedDate", ""), "WatchedDate"),
        rating=halves,
        rewatch=_rewatch(values.get("Rewatch", "")),
        tags=letterboxd_tags(values.get("Tags", "")),
        review=text_value(values.get("Review")),
    )


PARSERS = {
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
