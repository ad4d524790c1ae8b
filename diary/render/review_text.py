"""A review as a person reads it: Letterboxd's HTML turned into styled terminal text.

Reviews are stored as written (Letterboxd's exports hold HTML: `<b>`, `<i>`, `<a>`,
`<blockquote>`, `<br>`, entities). Shown in a terminal, emphasis becomes bold and italic,
entities are decoded, a link keeps its text with its address after it, a quotation is
indented, and any other tag is dropped, its text kept. Text without tags is shown as it is.
"""

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from diary.base.words import CONTROL

if TYPE_CHECKING:
    from rich.text import Text

_TAG = re.compile(r"</?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_STYLES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline"}
_BREAKS = {"br", "p", "blockquote", "li"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []  # (text, style)
        self.open: list[str] = []
        self.links: list[str | None] = []
        self.quoted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STYLES:
            self.open.append(_STYLES[tag])
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
        elif tag == "blockquote":
            self.quoted += 1
        if tag in _BREAKS and self.pieces:
            self.pieces.append(("\n", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _STYLES and _STYLES[tag] in self.open:
            self.open.remove(_STYLES[tag])
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.pieces.append((f" ({href})", "dim"))
        elif tag == "blockquote":
            self.quoted = max(0, self.quoted - 1)
            self.pieces.append(("\n", ""))

    def handle_data(self, data: str) -> None:
        if self.quoted:
            data = data.replace("\n", "\n│ ")
            if not self.pieces or self.pieces[-1][0].endswith("\n"):
                data = "│ " + data
        self.pieces.append((data, " ".join(self.open)))


def readable(review: str) -> "Text":
    """The review as styled text for a terminal."""
    from rich.text import Text

    text = Text()
    if not _TAG.search(review):
        text.append(CONTROL.sub("", review))
        return text
    reader = _Reader()
    reader.feed(review)
    reader.close()
    for piece, style in reader.pieces:
        text.append(CONTROL.sub("", piece), style=style or None)
    return text
