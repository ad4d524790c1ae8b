"""A list of films for `diary checklist import`: a simple CSV, or a Letterboxd list export.

Simple CSV: a row per film with title and year, and optionally a group (a section, a
ceremony, a category) and a position. Letterboxd: the list export, whose preamble names the
list (Date, Name, Tags, URL, Description) before the table Position, Name, Year, URL,
Description.
"""

from pathlib import Path

from diary.base.errors import InvalidInput
from diary.base.words import CONTROL
from diary.core.checklists.imported import FilmList, ListEntry
from diary.importers.spreadsheet_csv import find_column, parse, read_sheet, read_text, year

TITLE = ("title", "film", "name", "movie", "film title")
YEAR = ("year", "film year", "release year")
GROUP = ("group", "section", "category", "ceremony", "part", "chapter")
POSITION = ("position", "rank", "number", "no", "#")
NOTE = ("note", "notes", "description", "comment")
LETTERBOXD_MARK = "letterboxd list export"


def read_list(path: Path, name: str | None = None) -> FilmList:
    text = read_text(path)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.strip().casefold().startswith(LETTERBOXD_MARK):
        return _letterboxd(path, text, name)
    return _simple(path, text, name)


def _letterboxd(path: Path, text: str, name: str | None) -> FilmList:
    rows = [(line, cells) for line, cells in parse(path, text) if any(cells)]
    if len(rows) < 4:
        raise InvalidInput(f"{path} is a Letterboxd list export without a list in it")
    about = {
        heading.casefold(): CONTROL.sub("", value)
        for heading, value in zip(rows[1][1], rows[2][1], strict=False)
    }
    table_start = next(
        (
            i
            for i, (_, cells) in enumerate(rows)
            if [c.casefold() for c in cells[:3]] == ["position", "name", "year"]
        ),
        None,
    )
    if table_start is None:
        raise InvalidInput(f"{path}: no table with the columns Position, Name, Year, URL")
    sheet = read_sheet(path, text, skip=_skip(path, text, rows[table_start][0]))
    found = FilmList(
        name=name or about.get("name") or path.stem,
        kind="letterboxd",
        source_key=about.get("url") or None,
        description=about.get("description") or None,
        cleaned=sheet.cleaned,
    )
    for line, cells in sheet.rows:
        found.entries.append(
            ListEntry(
                line=line,
                title=_title(cells.get("Name", ""), path, line),
                year=year(cells["Year"], path, line) if cells.get("Year") else None,
                position=int(cells["Position"]) if cells.get("Position", "").isdigit() else None,
                link=cells.get("URL") or None,
                note=cells.get("Description") or None,
            )
        )
    return found


def _skip(path: Path, text: str, line: int) -> int:
    """How many parsed rows come before the row on `line`."""
    return sum(1 for found, _ in parse(path, text) if found < line)


def _simple(path: Path, text: str, name: str | None) -> FilmList:
    sheet = read_sheet(path, text)
    title = find_column(sheet.headings, *TITLE)
    if title is None:
        raise InvalidInput(
            f"{path} needs the columns title and year (and optionally group); "
            f"it has {', '.join(sheet.headings)}"
        )
    when = find_column(sheet.headings, *YEAR)
    group = find_column(sheet.headings, *GROUP)
    position = find_column(sheet.headings, *POSITION)
    note = find_column(sheet.headings, *NOTE)
    found = FilmList(name=name or path.stem, kind="user", source_key=None, description=None)
    found.cleaned = sheet.cleaned
    for line, cells in sheet.rows:
        number = cells[position] if position else ""
        found.entries.append(
            ListEntry(
                line=line,
                title=_title(cells[title], path, line),
                year=year(cells[when], path, line) if when and cells[when] else None,
                group=(cells[group] or None) if group else None,
                position=int(number) if number.isdigit() else None,
                note=(cells[note] or None) if note else None,
            )
        )
    return found


def _title(value: str, path: Path, line: int) -> str:
    if not value.strip():
        raise InvalidInput(f"{path}, line {line}: the title is empty")
    return value.strip()
