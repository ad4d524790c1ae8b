"""Where output goes: data to stdout (tables or JSON), messages to stderr."""

import json
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_consoles: dict[str, "Console"] = {}


def console() -> "Console":
    """Rich console on stdout; colour only on a terminal and never with NO_COLOR."""
    if "out" not in _consoles:
        from rich.console import Console

        _consoles["out"] = Console(soft_wrap=False)
    return _consoles["out"]


def say(message: str) -> None:
    """A message for the person at the terminal, on stderr, printed as is."""
    print(message, file=sys.stderr)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False, default=str)
    sys.stdout.write("\n")


def emit_json_list(items: Iterable[Any]) -> int:
    """A JSON array written an item at a time, exactly as `emit_json` writes a list; the count."""
    count = 0
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write(("[\n  " if count == 0 else ",\n  ") + text.replace("\n", "\n  "))
        count += 1
    sys.stdout.write("\n]\n" if count else "[]\n")
    return count


def emit_jsonl(items: Iterable[Any]) -> int:
    """One compact JSON object per line (JSON Lines); the count."""
    count = 0
    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def show_text(text: str) -> None:
    """Text already laid out (a table drawn by render.tables.text_table), printed as it is."""
    sys.stdout.write(text)


def show(renderable: Any) -> None:
    console().print(renderable)
