"""Where output goes: data to stdout (tables or JSON), messages to stderr.

Text from the diary can hold anything a file or an old database held, so nothing reaches the
terminal raw: control characters (ESC, BEL, NUL, the C1 set) in messages and table cells are
written out as `\\x1b` and the like, and JSON escapes them as `\\u001b`.
"""

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from diary.base.words import UNPRINTABLE, escaped

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.segment import Segment

_consoles: dict[str, "Console"] = {}


def console() -> "Console":
    """Rich console on stdout; colour only on a terminal and never with NO_COLOR."""
    if "out" not in _consoles:
        from rich.console import Console

        _consoles["out"] = Console(soft_wrap=False)
    return _consoles["out"]


def say(message: str) -> None:
    """A message for the person at the terminal, on stderr, control characters escaped."""
    print(escaped(message), file=sys.stderr)


def data_line(text: str) -> None:
    """A line of data on stdout, control characters escaped."""
    print(escaped(text))


Row = TypeVar("Row")

# The options every listing shares, declared once.
JSON_OPTION: Any = typer.Option(False, "--json", help="Print JSON.")
JSONL_OPTION: Any = typer.Option(
    False, "--jsonl", help="Print one JSON object per line (JSON Lines)."
)


def listing(
    rows: Sequence[Row],
    *,
    json_: bool,
    jsonl: bool = False,
    as_dict: Callable[[Row], Any],
    table: Callable[[Sequence[Row]], Any],
    empty: str | None,
) -> None:
    """The one shape of a listing: JSON (an array, or one object per line with --jsonl) on
    stdout, else a table (rich, or text already laid out), else (nothing to list, and `empty`
    given) a message on stderr."""
    if json_ and jsonl:
        from diary.base.errors import InvalidInput

        raise InvalidInput("give --json or --jsonl, not both")
    if json_ or jsonl:
        (emit_jsonl if jsonl else emit_json_list)(as_dict(row) for row in rows)
    elif rows or empty is None:
        drawn = table(rows)  # a rich renderable, or text a fast table drawer laid out
        show_text(drawn) if isinstance(drawn, str) else show(drawn)
    else:
        say(empty)


def _json(data: Any, indent: int | None) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=str)
    # json leaves U+007F-U+009F as they are; a \\u escape is the same string to a reader.
    return UNPRINTABLE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


def emit_json(data: Any) -> None:
    sys.stdout.write(_json(data, 2))
    sys.stdout.write("\n")


def emit_json_list(items: Iterable[Any]) -> int:
    """A JSON array written an item at a time, exactly as `emit_json` writes a list; the count."""
    count = 0
    for item in items:
        text = _json(item, 2)
        sys.stdout.write(("[\n  " if count == 0 else ",\n  ") + text.replace("\n", "\n  "))
        count += 1
    sys.stdout.write("\n]\n" if count else "[]\n")
    return count


def emit_jsonl(items: Iterable[Any]) -> int:
    """One compact JSON object per line (JSON Lines); the count."""
    count = 0
    for item in items:
        sys.stdout.write(_json(item, None) + "\n")
        count += 1
    return count


def plain_stdout() -> bool:
    """Whether stdout takes plain text: not a terminal (piped, a file), colour not forced.

    The rule is rich's, so a command that writes plain text here looks as rich would have
    drawn it, without loading rich.
    """
    import os

    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] == ""
    return not sys.stdout.isatty()


def width() -> int:
    """The width to lay output out in: the terminal's (whichever standard stream is one),
    COLUMNS, or 80, as rich reckons it."""
    if not plain_stdout():
        return console().width
    import os

    found = None
    for stream in (0, 1, 2):
        try:
            found = os.get_terminal_size(stream).columns
            break
        except (AttributeError, ValueError, OSError):
            pass
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        found = int(columns)
    return found or 80


def show_text(text: str) -> None:
    """Text already laid out (a table drawn by render.tables.text_table), printed as it is."""
    sys.stdout.write(text)


def show(renderable: Any) -> None:
    console().print(_Escaped(renderable))


class _Escaped:
    """Any rich renderable, with the control characters in its text written out."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, target: "Console", options: "ConsoleOptions") -> Iterator["Segment"]:
        from rich.segment import Segment

        for segment in target.render(self.inner, options):
            if segment.control is None and UNPRINTABLE.search(segment.text):
                yield Segment(escaped(segment.text), segment.style)
            else:
                yield segment
