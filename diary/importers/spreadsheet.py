"""The Spreadsheet as a CSV file or a workbook: rows of films with a tick, rating and comment
per person.

Column names are mapped loosely, so both an export of `diary bp export` and a sheet kept by
hand read in: the film is in title/film/name/movie/nominee, the year in year (1927/28 is
fine), the ceremony in ceremony/number/#, and IMDb in imdb. A person's columns carry their
name: "Ellen" or "Ellen seen" (a tick), "Ellen rating" (4.5, ★★★★½, 9/10), "Ellen comment"
or "Ellen's comment". Winner is a fact the diary keeps itself: it is read past. A covered
column (a tick, a date, an issue number: anything but blank or no) marks the film covered by
the newsletter. Any other column is reported as ignored.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from diary.base.errors import InvalidInput
from diary.base.words import quoted
from diary.core.checklists.spreadsheet import Marks, SheetLine, plain
from diary.core.diary.comments import check_text
from diary.core.diary.ratings import parse_rating
from diary.importers.spreadsheet_csv import (
    FALSE,
    find_column,
    heading_key,
    read_sheet,
    truth,
    year,
)
from diary.importers.spreadsheet_xlsx import is_workbook, read_workbook

TITLE = ("film", "title", "name", "movie", "nominee", "film title", "picture")
YEAR = ("year", "film year", "season")
CEREMONY = ("ceremony", "ceremony number", "number", "no", "nr")
IMDB = ("imdb", "imdb id", "imdbid", "imdb_id")
COVERED = ("covered", "covered on", "post")
KNOWN = ("winner", "won", "label", "category")
SEEN = {"", "seen", "watched", "tick", "ticked", "has seen"}
RATING = {"rating", "stars", "score", "rated"}
COMMENT = {"comment", "comments", "spreadsheet comment", "note", "notes", "thoughts"}
PLURAL = {"seen": "ticks", "rating": "ratings", "comment": "comments"}


@dataclass
class Layout:
    title: str
    year: str | None = None
    ceremony: str | None = None
    imdb: str | None = None
    covered: str | None = None
    people: dict[str, dict[str, str]] = field(default_factory=dict)  # name -> kind -> heading
    ignored: list[str] = field(default_factory=list)
    cleaned: list[int] = field(default_factory=list)  # lines whose control characters went


def layout(path: Path, headings: list[str], names: list[str]) -> Layout:
    title = find_column(headings, *TITLE)
    if title is None:
        raise InvalidInput(
            f"{path} has no film column (title, film or name); it has {', '.join(headings)}"
        )
    found = Layout(
        title,
        find_column(headings, *YEAR),
        next((h for h in headings if h.strip() == "#"), None) or find_column(headings, *CEREMONY),
        find_column(headings, *IMDB),
        find_column(headings, *COVERED),
    )
    taken = {found.title, found.year, found.ceremony, found.imdb, found.covered}
    for number, heading in enumerate(headings, start=1):
        if heading in taken or heading_key(heading) in KNOWN:
            continue
        owner = _person_column(heading, names)
        if owner is None:
            found.ignored.append(heading.strip() or f"column {number} (no heading)")
        else:
            name, kind = owner
            columns = found.people.setdefault(name, {})
            if kind in columns:
                raise InvalidInput(
                    f"{path}: columns {columns[kind]!r} and {heading!r} both hold {name}'s "
                    f"{PLURAL[kind]}; rename or remove one"
                )
            columns[kind] = heading
    if not found.people:
        who = ", ".join(names) or "nobody yet: add people with `diary people add NAME`"
        raise InvalidInput(
            f"no column of {path} names a person ({who}); "
            'name them like "Ellen", "Ellen rating", "Ellen comment"'
        )
    return found


def _person_column(heading: str, names: list[str]) -> tuple[str, str] | None:
    """('Ellen', 'seen') for 'Ellen', 'Ellen seen', "Ellen's comment", 'Rating (Ellen)'…"""
    words = heading_key(heading).split()
    for name in sorted(names, key=len, reverse=True):
        size = len(heading_key(name).split())
        target = heading_key(name).split()
        for start in range(len(words) - size + 1):
            if words[start : start + size] == target or (
                words[start : start + size - 1] == target[:-1]
                and words[start + size - 1] == target[-1] + "s"  # a possessive
            ):
                rest = " ".join(words[:start] + words[start + size :])
                kind = _kind(rest)
                if kind is not None:
                    return name, kind
    return None


def _kind(rest: str) -> str | None:
    if rest in SEEN:
        return "seen"
    if rest in RATING:
        return "rating"
    if rest in COMMENT:
        return "comment"
    return None


def read_spreadsheet(path: Path, names: list[str]) -> tuple[list[SheetLine], Layout]:
    """Every row of the sheet with its cells per person, and how the columns were read."""
    sheet = read_workbook(path) if is_workbook(path) else read_sheet(path)
    unquote = plain if sheet.quoted else str
    found = layout(path, sheet.headings, names)
    lines = []
    found.cleaned = sheet.cleaned
    for line, cells in sheet.rows:
        title = unquote(cells[found.title])
        if not title:
            if any(cells.values()):
                raise InvalidInput(f"{path}, line {line}: the film is empty")
            continue
        row = SheetLine(line=line, title=title)
        if found.year and cells[found.year]:
            row.year = year(cells[found.year], path, line)
        if found.ceremony and cells[found.ceremony]:
            row.ceremony = _number(cells[found.ceremony], path, line)
        if found.imdb and cells[found.imdb]:
            row.imdb = cells[found.imdb]
        if found.covered:  # a tick, a date, an issue number…: anything but blank or no
            row.covered = cells[found.covered].strip().casefold() not in FALSE
        for name, columns in found.people.items():
            row.marks[name] = _marks(cells, columns, path, line, unquote)
        lines.append(row)
    return lines, found


def _marks(
    cells: dict[str, str],
    columns: dict[str, str],
    path: Path,
    line: int,
    unquote: Callable[[str], str],
) -> Marks:
    marks = Marks()
    if "seen" in columns:
        marks.seen = truth(cells[columns["seen"]], path, line, columns["seen"])
    if "rating" in columns and cells[columns["rating"]]:
        try:
            marks.rating = parse_rating(cells[columns["rating"]])
        except InvalidInput as exc:
            raise InvalidInput(f"{path}, line {line}: {exc.message}") from exc
    if "comment" in columns and cells[columns["comment"]]:
        marks.comment = unquote(cells[columns["comment"]])
        try:
            check_text(marks.comment)
        except InvalidInput as exc:
            raise InvalidInput(f"{path}, line {line}: {exc.message}") from exc
    if marks.rating is not None or marks.comment:
        marks.seen = marks.seen or "seen" not in columns
    return marks


def _number(value: str, path: Path, line: int) -> int:
    digits = value.strip().rstrip(".").removesuffix("th").removesuffix("st")
    digits = digits.removesuffix("nd").removesuffix("rd")
    if digits.isdigit():
        return int(digits)
    raise InvalidInput(f"{path}, line {line}: the ceremony is {quoted(value)}; use its number")
