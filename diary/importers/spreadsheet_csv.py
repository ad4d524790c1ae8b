"""Reading CSV files people make in spreadsheet programs: tolerant of what those write.

A byte-order mark, Windows line endings, semicolons or tabs instead of commas, headings in
any case and spacing, blank lines and blank trailing columns are all fine. A file that is not
UTF-8 (or not text at all) gives one error naming the file.
"""

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from diary.base.errors import InvalidInput, NotFound
from diary.base.words import CONTROL, quoted

TRUE = {"1", "yes", "y", "true", "x", "✓", "✔", "☑", "seen", "winner", "won", "w", "*"}
FALSE = {"", "0", "no", "n", "false", "-", "☐"}


@dataclass
class Sheet:
    path: Path
    headings: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (line number, heading -> cell)
    quoted: bool = True  # text may carry the apostrophe that stops a formula (CSV)
    cleaned: list[int] = field(default_factory=list)  # lines whose control characters went


def heading_key(text: str) -> str:
    """'Film Title ' -> 'film title'; "Ellen's comment" -> 'ellens comment'."""
    plain = text.replace("\ufeff", "").replace("'", "").replace("’", "").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise NotFound(f"no file {path}") from exc
    except IsADirectoryError as exc:
        raise InvalidInput(f"{path} is a folder; give a CSV file") from exc
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path} is not a UTF-8 text file (save it as CSV, UTF-8)") from exc


def parse(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """The rows of the text with their line numbers.

    The delimiter is the one of comma, semicolon and tab most used on the first line;
    quoting is always the usual kind (doubled quotes inside quoted cells).
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max([",", ";", "\t"], key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, [c.strip() for c in cells]))
    except csv.Error as exc:
        raise InvalidInput(f"{path}, line {reader.line_num}: {exc}") from exc
    return rows


def read_sheet(path: Path, text: str | None = None, skip: int = 0) -> Sheet:
    """The table in a CSV file: the first non-blank row (after `skip` rows) is the heading."""
    return table(path, parse(path, read_text(path) if text is None else text)[skip:])


def table(path: Path, rows: list[tuple[int, list[str]]]) -> Sheet:
    """Rows (line number, cells) as a table: the first non-blank row holds the headings."""
    rows = [(line, cells) for line, cells in rows if any(cells)]
    if not rows:
        raise InvalidInput(f"{path} is empty")
    _, headings = rows[0]
    while headings and not headings[-1]:
        headings = headings[:-1]
    found = []
    cleaned = []
    for line, cells in rows[1:]:
        extra = [c for c in cells[len(headings) :] if c]
        if extra:
            raise InvalidInput(f"{path}, line {line}: more cells than headings")
        if any(CONTROL.search(cell) for cell in cells):  # a sheet may pick them up anywhere
            cells = [CONTROL.sub("", cell) for cell in cells]
            cleaned.append(line)
        found.append(
            (line, {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(headings)})
        )
    return Sheet(path, headings, found, cleaned=cleaned)


def find_column(headings: Iterable[str], *names: str) -> str | None:
    """The first heading whose key is one of `names` (already in key form).

    A column that is used must be the only one of its name: two headed Year would leave one
    of them unread, so that is an error (repeated columns nobody reads are fine)."""
    keys = [(heading_key(h), h) for h in headings]
    by_key = dict(reversed(keys))
    found = next((n for n in names if n in by_key), None)
    if found is None:
        return None
    if sum(1 for key, _ in keys if key == found) > 1:
        raise InvalidInput(f"two columns are headed {quoted(by_key[found])}; rename one")
    return by_key[found]


def truth(value: str, path: Path, line: int, heading: str) -> bool:
    clean = value.strip().casefold()
    if clean in TRUE:
        return True
    if clean in FALSE:
        return False
    raise InvalidInput(
        f"{path}, line {line}: {heading} is {quoted(value)}; use ✓, x, yes or 1 (blank for no)"
    )


def year(value: str, path: Path, line: int) -> int:
    clean = value.strip()
    if re.fullmatch(r"\d{4}", clean):
        return int(clean)
    if re.fullmatch(r"\d{4}/\d{2}", clean):  # a split season such as 1927/28: the later year
        return int(clean[:2] + clean[-2:])
    raise InvalidInput(f"{path}, line {line}: the year is {quoted(value)}; use four digits")
