"""Text from a file shown back to a person: control characters escaped, long text cut.

A saved page can hold anything, including terminal escapes (ESC, CSI, OSC, BEL, NUL). What
is said about it in a message or a table shows such characters as `\\x1b`-style escapes, so
nothing from the file ever reaches the terminal raw, and a message stays one readable line.
"""

import re

LIMIT = 80  # characters of page text in a one-line message
# C0 controls (tab and line breaks too: a message is one line), DEL, C1 controls (CSI as
# one byte), and the bidirectional overrides that reorder what the eye sees.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape_controls(text: str, keep_lines: bool = False) -> str:
    """Every control character as a visible escape; `keep_lines` keeps line breaks and tabs."""

    def escaped(match: re.Match[str]) -> str:
        char = match.group()
        if keep_lines and char in "\n\t":
            return char
        code = ord(char)
        return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"

    return _CONTROL.sub(escaped, text)


def echo(text: str, limit: int = LIMIT) -> str:
    """Page text fit for a one-line message: escaped, and cut with '…' past `limit`."""
    shown = escape_controls(text)
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"
