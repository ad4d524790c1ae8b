"""Rich tables whose cells are the user's text, shown literally.

Rich reads `[…]` in plain strings as markup: a title such as "[REC]" would vanish and a
review containing "[/]" would crash the listing. Every cell built here is a `Text`, which is
never parsed for markup or highlighted (and is cheaper to render). Rich is imported only when
a table is actually built, so commands that print one line never pay for it.
"""

from collections.abc import Iterable
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

    from diary.core.words import escaped

    return Text("" if value is None else escaped(str(value)))


def add_row(target: "Table", *values: object) -> None:
    """Append a row of literal cells."""
    target.add_row(*(literal(value) for value in values))
