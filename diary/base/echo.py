"""Text from a file shown back to a person: control characters escaped, long text cut.

A saved page can hold anything, including terminal escapes (ESC, CSI, OSC, BEL, NUL). What
is said about it in a message or a table shows such characters as `\\x1b`-style escapes, so
nothing from the file ever reaches the terminal raw, and a message stays one readable line.
"""

from diary.base.words import escaped

LIMIT = 80  # characters of page text in a one-line message


def escape_controls(text: str, keep_lines: bool = False) -> str:
    """Every control character as a visible escape; `keep_lines` keeps line breaks and tabs.

    Control characters are those `diary.base.words.escaped` writes out (C0, DEL, C1 and the
    bidirectional overrides); without `keep_lines` tab and line feed are escaped too, so a
    message stays one line.
    """
    shown = escaped(text)
    return shown if keep_lines else shown.replace("\t", "\\x09").replace("\n", "\\x0a")


def echo(text: str, limit: int = LIMIT) -> str:
    """Page text fit for a one-line message: escaped, and cut with '…' past `limit`."""
    shown = escape_controls(text)
    return shown if len(shown) <= limit else shown[: limit - 1].rstrip() + "…"
