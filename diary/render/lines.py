"""A view laid out as lines of text, each a few pieces with the style a piece takes at a
terminal (a bar's colour, a heading's italics): written as the plain text it is when piped,
without loading rich, or drawn by rich at a terminal."""

from collections.abc import Sequence
from typing import Any

BAR = "bar.complete"  # the styles of rich's default theme that its tables and bars use
BAR_BACK = "bar.back"
HEADING = "table.title"

Line = list[tuple[str, str | None]]  # pieces of one line: text, and its style (None: none)


def plain(*texts: str) -> list[Line]:
    """Unstyled lines (a text with line breaks makes several)."""
    return [[(line, None)] for text in texts for line in text.split("\n")]


def width_of(text: str) -> int:
    """How many terminal cells the text takes (wide characters take two)."""
    from rich.cells import cell_len

    return cell_len(text)


def padded(text: str, size: int, right: bool = False) -> str:
    gap = " " * max(size - width_of(text), 0)
    return gap + text if right else text + gap


def as_text(lines: Sequence[Line]) -> str:
    """The view as plain text, a line each, without trailing spaces."""
    return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in lines)


def as_rich(lines: Sequence[Line]) -> Any:
    """The view for rich: each line a Text with its pieces' styles."""
    from rich.console import Group
    from rich.text import Text

    drawn = [Text.assemble(*((text, style or "") for text, style in line)) for line in lines]
    for text in drawn:
        text.rstrip()
    return Group(*drawn)
