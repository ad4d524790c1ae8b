"""Rich tables whose cells are the user's text, shown literally.

Rich reads `[…]` in plain strings as markup: a title such as "[REC]" would vanish and a
review containing "[/]" would crash the listing. Every cell built here is a `Text`, which is
never parsed for markup or highlighted (and is cheaper to render). Rich is imported only when
a table is actually built, so commands that print one line never pay for it.
"""

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def table(*headings: str, right: Iterable[str] = (), dim: Iterable[str] = ()) -> "Table":
    """A table with these columns; those named in `right` are right-aligned, `dim` dimmed."""
    from rich.table import Table

    right, dim = set(right), set(dim)
    built = Table()
    for heading in headings:
        built.add_column(
            heading,
            justify="right" if heading in right else "left",
            style="dim" if heading in dim else None,
        )
    return built


def literal(value: object) -> "Text":
    """The value as plain text: no markup, no highlighting, control characters written out."""
    from rich.text import Text

    from diary.base.words import escaped

    return Text("" if value is None else escaped(str(value)))


def add_row(target: "Table", *values: object) -> None:
    """Append a row of literal cells."""
    target.add_row(*(literal(value) for value in values))


def one_listing(tables: Iterator["Table"], width: int) -> Iterator["Table"]:
    """Tables of one long listing, built a page at a time, made to print as one table.

    A listing that fits one page is its table as it is. A longer one takes every column's
    width from its first page (narrowed to fit `width`), shows the headings once and drops
    the outer frame, so the pages follow each other without a seam while only one page is
    ever held.
    """
    first = next(tables, None)
    if first is None:
        return
    second = next(tables, None)
    if second is None:
        yield first
        return
    widths = _fitted(first, width)
    for number, page in enumerate(chain([first, second], tables)):
        page.show_edge = False
        page.show_header = number == 0
        for column, size in zip(page.columns, widths, strict=True):
            column.width = size
        yield page


def _fitted(first: "Table", width: int) -> list[int]:
    """Each column as wide as its widest cell on the page; the widest of the columns that
    wrap give way, one character at a time, until the row fits `width`."""
    from rich.cells import cell_len

    columns = first.columns
    widths = [
        max([cell_len(str(column.header)), *(cell_len(str(c)) for c in column.cells)])
        for column in columns
    ]
    room = width - 3 * len(columns) + 1  # padding either side and a rule between columns
    narrowable = [i for i, column in enumerate(columns) if not column.no_wrap]
    while sum(widths) > room and narrowable:
        widest = max(narrowable, key=lambda i: widths[i])
        if widths[widest] <= 4:
            break
        widths[widest] -= 1
    return widths


def text_table(
    headings: Sequence[str], rows: Iterable[Sequence[object]], width: int, right: Iterable[str] = ()
) -> str:
    """A table of one-line cells drawn as text in rich's default look, for long listings of
    short cells (rich measures and wraps every cell, which costs more than the command).

    Columns are as wide as their widest cell; when the table is wider than `width`, the
    widest columns give way and their cells end in "…". Control characters never reach the
    terminal: they are written out (`\\x1b`) as in every other table, and line breaks and tabs
    become spaces.
    """
    from rich.cells import cell_len, set_cell_size

    right = set(right)
    body = [[_one_line(value) for value in row] for row in rows]
    widths = [
        max([cell_len(h), *(cell_len(row[i]) for row in body)]) for i, h in enumerate(headings)
    ]
    while sum(widths) + 3 * len(widths) + 1 > width and max(widths) > 4:
        widths[widths.index(max(widths))] -= 1

    def fit(text: str, size: int, right_aligned: bool) -> str:
        if cell_len(text) > size:
            return set_cell_size(text, size - 1) + "…"
        padding = " " * (size - cell_len(text))
        return padding + text if right_aligned else text + padding

    def line(cells: Sequence[str], edge: str, between: str, aligned: bool = True) -> str:
        parts = (
            fit(cell, size, aligned and heading in right)
            for cell, size, heading in zip(cells, widths, headings, strict=True)
        )
        return edge + " " + f" {between} ".join(parts) + " " + edge

    def rule(left: str, fill: str, cross: str, end: str) -> str:
        return left + cross.join(fill * (size + 2) for size in widths) + end

    lines = [rule("┏", "━", "┳", "┓"), line(list(headings), "┃", "┃", aligned=False)]
    lines.append(rule("┡", "━", "╇", "┩"))
    lines.extend(line(row, "│", "│") for row in body)
    lines.append(rule("└", "─", "┴", "┘"))
    return "\n".join(lines) + "\n"


def _one_line(value: object) -> str:
    from diary.base.words import escaped

    text = "" if value is None else str(value)
    return escaped(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
