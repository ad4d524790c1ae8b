"""Where output goes: data to stdout (tables or JSON), messages to stderr."""

import json
import sys
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


def show(renderable: Any) -> None:
    console().print(renderable)
