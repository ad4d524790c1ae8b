"""Text in and out: counts in messages ('1 row', '2 rows'), the control characters that no
piece of user text can carry into a sheet or a post (tab and line breaks are text), and how
text from data is shown at a terminal."""

import re
from collections.abc import Sequence

from diary.base.errors import InvalidInput

# C0 controls but tab and line breaks, DEL, and the C1 controls (U+0080-U+009F: U+009B is a
# CSI to many terminals, as ESC [ is).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What a terminal would obey rather than show: the same, a carriage return too (it would let a
# title print over the line before it), and the bidirectional overrides and isolates
# (U+202A-U+202E, U+2066-U+2069) that reorder what the eye sees ("evil\u202etxt.exe").
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SHOWN_LENGTH = 60

_IRREGULAR = {"entries": "entry", "aliases": "alias"}


def counted(count: int, plural: str) -> str:
    """'1 row' or '3 rows' from the plural noun (the last word is made singular for one)."""
    if count != 1:
        return f"{count} {plural}"
    head, _, last = plural.rpartition(" ")
    single = _IRREGULAR.get(last) or (last[:-1] if last.endswith("s") else last)
    return f"{count} {head + ' ' if head else ''}{single}"


def dropped_controls(lines: Sequence[int], what: str = "rows") -> str:
    """What an imported file lost to cleaning, for its summary: the rows (or lines) and the
    first ten line numbers."""
    shown = ", ".join(str(line) for line in lines[:10]) + (" …" if len(lines) > 10 else "")
    where = "line" if len(lines) == 1 else "lines"
    return f"Dropped control characters from {counted(len(lines), what)} ({where} {shown})."


def escaped(text: str) -> str:
    """The text with every control character written out (ESC as \\x1b): safe at a terminal."""
    if not UNPRINTABLE.search(text):
        return text
    return UNPRINTABLE.sub(_written_out, text)


def _written_out(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def quoted(text: str, limit: int = SHOWN_LENGTH) -> str:
    """A piece of a file for a message: one line, escaped, cut to `limit` characters, quoted."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return "'" + escaped(cut).replace("\n", "\\n") + "'"


def refuse_control(text: str, what: str = "text") -> str:
    """The text as typed, or InvalidInput naming the control character found in it."""
    if found := CONTROL.search(text):
        raise InvalidInput(
            f"{what} cannot hold a control character (U+{ord(found[0]):04X} in "
            f"{quoted(text)}): type it again without it"
        )
    return text
