"""One row of a Letterboxd file as plain values: dates, half-star ratings, tags, the film.

Each kind of file has its parser; a value that cannot be read raises RowError, to which the
reader adds the file and row.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from diary.core.viewings import clean_tags

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
        raise RowError(f"Position {position!r} is not a number")
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
        watched_on=_date(values.get("WatchedDate", ""), "WatchedDate"),
        rating=halves,
        rewatch=_rewatch(values.get("Rewatch", "")),
        tags=clean_tags([values.get("Tags", "")]),
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
