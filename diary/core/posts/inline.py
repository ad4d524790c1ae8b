"""What a writer may put inline in a post's text, checked when the text is written.

Links may point to http, https or mailto addresses only; a link to anything else (a
`javascript:` or `data:` address) is refused with one line before anything is saved.
"""

import re

from diary.base.errors import InvalidInput

LINK_SCHEMES = ("http", "https", "mailto")
# The start of a link's destination: `](`, optional `<` and spaces, then a scheme and a colon.
_DESTINATION = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.\-]{0,31})\s*:")


def check_links(text: str | None) -> None:
    """Refuse a link whose address uses a scheme other than http, https or mailto."""
    for match in _DESTINATION.finditer(text or ""):
        scheme = match[1].lower()
        if scheme not in LINK_SCHEMES:
            raise InvalidInput(
                f"a link to a {scheme}: address is not allowed; links go to http, https or"
                " mailto addresses"
            )
