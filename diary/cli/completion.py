"""Shell completion of values: what a parameter offers follows the value it names.

Command names and options are completed by Typer from the command tree alone, importing no
database library, just as `diary --help` does not. A parameter whose metavar names a person
(NAME, PERSON), a film (FILM) or a post's section (SECTION) is given a completer here, once,
when the tree is built; the completer opens the database (read-only, never creating or
upgrading it) only when the shell asks for such a value. Any failure offers nothing rather
than noise at the prompt.
"""

import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session

# What Typer's completion scripts set when the shell asks; its value names the shell.
COMPLETE_VAR = "_DIARY_COMPLETE"


def completing() -> bool:
    """Whether the shell is asking for completions (rather than running a command)."""
    return COMPLETE_VAR in os.environ


# Parameters that take a new value, where offering existing ones would mislead.
NEW_VALUES = {("people", "add", "NAME")}
# Characters bash would read as syntax in a candidate it inserts as typed.
_BASH_SPECIAL = re.compile(r"""([\s'"\\$`!&;|<>()*?\[\]{}#~])""")

Completer = Callable[[Any, Any, str], list[str]]


def attach(command: Any, path: tuple[str, ...] = ()) -> None:
    """Give every parameter in the tree under `command` the completer its metavar calls for,
    unless it already has one of its own."""
    for param in command.params:
        completer = COMPLETERS.get(param.metavar or "")
        if completer is None or (*path, param.metavar) in NEW_VALUES:
            continue
        if param._custom_shell_complete is None:
            param._custom_shell_complete = completer
    for name, sub in getattr(command, "commands", {}).items():
        attach(sub, (*path, name))


def people(ctx: Any, param: Any, incomplete: str) -> list[str]:
    """People by name; for NAME[=RATING] only the name part, before any '='."""
    if "=" in incomplete:
        return []
    from diary.core.diary.completions import people_starting

    return _from_database(ctx, lambda db: people_starting(db, incomplete))


def films(ctx: Any, param: Any, incomplete: str) -> list[str]:
    from diary.core.diary.completions import titles_starting

    return _from_database(ctx, lambda db: titles_starting(db, incomplete))


def sections(ctx: Any, param: Any, incomplete: str) -> list[str]:
    """The section keys of the post named earlier on the line, else those of the formats."""
    from diary.core.diary.completions import section_keys

    post = next((ctx.params.get(p.name) for p in ctx.command.params if p.metavar == "POST"), None)
    return _from_database(ctx, lambda db: section_keys(db, post, incomplete))


COMPLETERS: dict[str, Completer] = {
    "NAME": people,
    "PERSON": people,
    "NAME[=RATING]": people,
    "FILM": films,
    "FILM...": films,
    "SECTION": sections,
}


def _from_database(ctx: Any, lookup: Callable[["Session"], list[str]]) -> list[str]:
    try:
        return [_for_shell(value) for value in _looked_up(ctx, lookup)]
    except Exception:  # a half-typed line must never put a traceback at the prompt
        return []


def _looked_up(ctx: Any, lookup: Callable[["Session"], list[str]]) -> list[str]:
    from diary.store.location import resolve

    location = resolve(ctx.find_root().params.get("db"))
    if location.path is not None and not location.path.is_file():
        return []  # no diary there yet: offer nothing, and do not create one
    from diary.store.database import open_session

    with open_session(location, write=False) as db:
        return lookup(db)


def _for_shell(value: str) -> str:
    """Bash inserts a candidate as it is: 'Schindler's List' must arrive quoted. Zsh and fish
    quote what they insert themselves."""
    if "bash" in os.environ.get(COMPLETE_VAR, ""):
        return _BASH_SPECIAL.sub(r"\\\1", value)
    return value
