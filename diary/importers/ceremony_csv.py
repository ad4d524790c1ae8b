"""A ceremony file for `diary bp add-ceremony`: one row per nominee (title, year, winner).

Headings are matched loosely: title/film/name/nominee, year, winner/won (✓, x, yes, 1 or
blank), and an optional imdb/imdb id column.
"""

import re
from pathlib import Path

from diary.base.errors import InvalidInput
from diary.base.words import quoted
from diary.core.checklists.bestpicture import Nominee
from diary.importers.spreadsheet_csv import find_column, read_sheet, truth, year

TITLE = ("title", "film", "name", "nominee", "movie", "film title")
YEAR = ("year", "film year", "release year")
WINNER = ("winner", "won", "win")
IMDB = ("imdb", "imdb id", "imdbid", "imdb_id")


def read_ceremony(path: Path) -> tuple[list[Nominee], list[int]]:
    """The nominees of the file, and the lines control characters were dropped from."""
    sheet = read_sheet(path)
    title = find_column(sheet.headings, *TITLE)
    when = find_column(sheet.headings, *YEAR)
    if title is None or when is None:
        raise InvalidInput(
            f"{path} needs the columns title, year and (optionally) winner; "
            f"it has {', '.join(sheet.headings) or 'none'}"
        )
    winner = find_column(sheet.headings, *WINNER)
    imdb = find_column(sheet.headings, *IMDB)
    nominees = []
    for line, cells in sheet.rows:
        if not cells[title]:
            raise InvalidInput(f"{path}, line {line}: the title is empty")
        imdb_id = cells[imdb].strip() if imdb else ""
        if imdb_id and not re.fullmatch(r"tt\d{7,8}", imdb_id):
            raise InvalidInput(f"{path}, line {line}: {quoted(imdb_id)} is not an IMDb id (tt…)")
        nominees.append(
            Nominee(
                title=cells[title],
                year=year(cells[when], path, line),
                winner=truth(cells[winner], path, line, winner) if winner else False,
                imdb=imdb_id or None,
                line=line,
            )
        )
    return nominees, sheet.cleaned
