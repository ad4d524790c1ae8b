"""Reading a workbook (XLSX) as the same table a CSV file gives: headings and text cells.

The first worksheet is read. Each cell becomes the text a CSV export would hold: TRUE/FALSE
as a tick or blank, whole numbers without a decimal point, dates as 2025-01-26. Text is taken
as it is: a workbook stores text as text, so nothing was quoted to stop a formula.
"""

import warnings
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from diary.base.errors import InvalidInput, NotFound
from diary.importers.spreadsheet_csv import Sheet, table

ZIP_START = b"PK\x03\x04"


def is_workbook(path: Path) -> bool:
    """Whether the file is a workbook rather than CSV text: by its name, else its first bytes."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(4) == ZIP_START
    except OSError:
        return False  # the CSV reader reports it


def read_workbook(path: Path) -> Sheet:
    from openpyxl import load_workbook

    if not path.exists():
        raise NotFound(f"no file {path}")
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a CSV or XLSX file")
    with warnings.catch_warnings():
        # openpyxl warns about parts it skips (data validation, conditional formats…):
        # nothing that holds a cell's value.
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise InvalidInput(
                f"{path} is not a workbook this can read (save it as XLSX or CSV)"
            ) from exc
        try:
            if not book.worksheets:
                raise InvalidInput(f"{path} has no worksheet")
            rows = [
                (line, [_text(value) for value in values])
                for line, values in enumerate(book.worksheets[0].iter_rows(values_only=True), 1)
            ]
        finally:
            book.close()
    found = table(path, rows)
    found.quoted = False
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()
