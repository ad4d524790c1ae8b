"""The Spreadsheet written out: CSV (ticks as ✓) or XLSX (ticks as TRUE/FALSE).

Both open cleanly in spreadsheet programs: a text cell that starts like a formula (=, +, -,
@, a tab or a carriage return) is written as text, never run. In CSV it gets a leading
apostrophe (diary.core.checklists.spreadsheet.neutral), which `diary bp import` takes off
again; in XLSX
it is stored as a string cell.
"""

import csv
import io
from collections.abc import Sequence
from typing import Any

from diary.base.errors import InvalidInput
from diary.core.checklists.spreadsheet import FORMULA_START, SheetRow, neutral
from diary.core.diary.ratings import as_number
from diary.core.films.lookup import label
from diary.store.models import Person

TICK = "✓"
EARLIEST = (1980, 1, 1, 0, 0, 0)  # the first time a zip file can record


def headings(people: Sequence[Person]) -> list[str]:
    columns = ["Ceremony", "Year", "Film", "Winner", "Covered"]
    for person in people:
        columns += [f"{person.name} seen", f"{person.name} rating", f"{person.name} comment"]
    return [*columns, "IMDb"]


def cells(row: SheetRow, people: Sequence[Person]) -> list[Any]:
    """The row's values: numbers as numbers, ticks as booleans, text as text."""
    entry = row.entry
    values: list[Any] = [
        entry.group.number if entry.group else None,
        _year(entry.group.label) if entry.group else entry.item.listed_year,
        entry.item.listed_title,
        entry.item.winner,
        entry.covered == "covered",
    ]
    for person in people:
        marks = row.marks[person.id or 0]
        values += [marks.seen, as_number(marks.rating), marks.comment]
    return [*values, row.imdb]


def _year(label: str) -> int | str:
    return int(label) if label.isdigit() else label


def to_csv(rows: Sequence[SheetRow], people: Sequence[Person]) -> str:
    """The sheet as CSV text, opening with a byte-order mark: without one, Excel reads the
    file in the machine's legacy encoding and shows ✓ and accents as mojibake."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutral(h) for h in headings(people)])
    for row in rows:
        writer.writerow([_csv_cell(value) for value in cells(row, people)])
    return out.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return TICK if value else ""
    if isinstance(value, float):
        return f"{value:g}"
    return neutral(str(value))


def to_xlsx(rows: Sequence[SheetRow], people: Sequence[Person], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    columns = headings(people)
    _check_text(columns)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        _check_holdable(row, people)
        values = cells(row, people)
        _check_text(values)
        sheet.append(values)
    for line in sheet.iter_rows(min_row=1):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"  # stored as text: never evaluated
    sheet.freeze_panes = "D2"
    widths = {"Film": 44, "Year": 9, "Ceremony": 9, "IMDb": 12}
    for index, heading in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        width = widths.get(heading, 30 if heading.endswith("comment") else 12)
        sheet.column_dimensions[letter].width = width
    return _reproducible(book)


def _check_holdable(row: SheetRow, people: Sequence[Person]) -> None:
    """A control character (other than tab and line breaks) cannot be stored in XLSX."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for person in people:
        comment = row.marks[person.id or 0].comment
        found = ILLEGAL_CHARACTERS_RE.search(comment) if comment else None
        if found:
            raise InvalidInput(
                f"{person.name}'s comment on {label(row.entry.film)} holds a control character "
                f"(U+{ord(found.group()):04X}) that an XLSX file cannot hold: rewrite it with "
                "`diary comment add`, or export CSV"
            )


def _check_text(values: Sequence[Any]) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for value in values:
        found = ILLEGAL_CHARACTERS_RE.search(value) if isinstance(value, str) else None
        if found:
            raise InvalidInput(
                f"{value!r} holds a control character (U+{ord(found.group()):04X}) that an XLSX "
                "file cannot hold: export CSV"
            )


def _reproducible(book: Any) -> bytes:
    """The workbook's bytes, the same every time for the same cells.

    openpyxl stamps the file's properties and every part of the zip with the current time;
    here both carry the zip format's earliest time instead.
    """
    import zipfile
    from datetime import datetime

    from openpyxl.writer.excel import ExcelWriter

    book.properties.creator = "diary"
    book.properties.created = book.properties.modified = datetime(*EARLIEST)
    raw = io.BytesIO()
    ExcelWriter(book, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(raw) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            fixed = zipfile.ZipInfo(part.filename, date_time=EARLIEST)
            target.writestr(fixed, source.read(part), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
