"""Text in and out: counts in messages ('1 row', '2 rows'), and the control characters that
no piece of user text can carry into a sheet or a post (tab and line breaks are text)."""

import re

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_IRREGULAR = {"entries": "entry", "aliases": "alias"}


def counted(count: int, plural: str) -> str:
    """'1 row' or '3 rows' from the plural noun (the last word is made singular for one)."""
    if count != 1:
        return f"{count} {plural}"
    head, _, last = plural.rpartition(" ")
    single = _IRREGULAR.get(last) or (last[:-1] if last.endswith("s") else last)
    return f"{count} {head + ' ' if head else ''}{single}"
