"""A review as Letterboxd writes it (text with a little HTML) read into pieces a person can see.

Letterboxd keeps a member's line breaks and allows `<b>`, `<i>`, `<a>`, `<blockquote>` and
entities; reviews pasted from elsewhere bring `<p>`, `<br />`, `<h2>`, `<em>`, `<strong>`,
links in single quotes, `&nbsp;` and embeds. Read here once, so that every place showing a
review shows the same words: a terminal draws the pieces with styles (`diary.render.
review_text`), a post writes them as inline Markdown (`as_markdown`).

- Emphasis (`b`, `strong`, `i`, `em`, `u`, headings) becomes a style of its text; entities are
  decoded; a link is its words and its address.
- `p`, headings and quotations are paragraphs, `br` a line break; more than one blank line in
  a row is one, and blank lines at either end are dropped.
- The text of `script`, `style`, `iframe` and similar embeds is dropped, as is every tag that
  is not understood (its words kept): no markup reaches the reader as markup.
- Control characters are written out (`\\x1b`), never passed on.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from diary.base.words import escaped

_TAG = re.compile(r"</?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_STYLES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARAGRAPHS = {"p", "div", "blockquote", "ul", "ol"} | _HEADINGS
_UNSEEN = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg"}
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_NEWLINES = re.compile(r"(\n+)")


@dataclass(frozen=True)
class Piece:
    """Words with their styles, or a break (`text` empty, `breaks` 1 for a line, 2 for a
    paragraph)."""

    text: str = ""
    styles: frozenset[str] = frozenset()
    link: str | None = None  # the address of the link these words are
    quoted: bool = False
    breaks: int = 0


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[Piece] = []
        self.styles: list[str] = []
        self.links: list[str | None] = []
        self.quoted = 0
        self.unseen = 0

    def _break(self, count: int, literal: bool = False) -> None:
        # literal line ends add up; breaks asked for by tags take the larger
        last = self.pieces[-1] if self.pieces else None
        if last is not None and last.breaks:
            total = last.breaks + count if literal else max(last.breaks, count)
            self.pieces[-1] = Piece(breaks=total)
        else:
            self.pieces.append(Piece(breaks=count))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNSEEN:
            self.unseen += 1
        elif self.unseen:
            return
        if tag in _STYLES:
            self.styles.append(_STYLES[tag])
        elif tag in _HEADINGS:
            self.styles.append("bold")
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
        elif tag == "li":
            self._break(1)
            self.handle_data("• ")
        if tag == "blockquote":
            self.quoted += 1
        if tag == "br":
            self._break(1)
        elif tag in _PARAGRAPHS:
            self._break(2)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self.unseen:
            self._break(1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNSEEN:
            self.unseen = max(0, self.unseen - 1)
            return
        if self.unseen:
            return
        if tag in _STYLES and _STYLES[tag] in self.styles:
            self.styles.reverse()
            self.styles.remove(_STYLES[tag])
            self.styles.reverse()
        elif tag in _HEADINGS and "bold" in self.styles:
            self.styles.reverse()
            self.styles.remove("bold")
            self.styles.reverse()
        elif tag == "a" and self.links:
            self.links.pop()
        if tag == "blockquote":
            self.quoted = max(0, self.quoted - 1)
        if tag in _PARAGRAPHS:
            self._break(2)

    def handle_data(self, data: str) -> None:
        if self.unseen or not data:
            return
        link = next((href for href in reversed(self.links) if href), None)
        for part in _NEWLINES.split(data.replace("\xa0", " ")):
            if part.startswith("\n"):
                self._break(len(part), literal=True)
            elif part:
                styles = frozenset(self.styles)
                self.pieces.append(Piece(escaped(part), styles, link, bool(self.quoted)))


def pieces(review: str) -> list[Piece]:
    """The review's words and breaks, in order; no break at either end, none over two."""
    review = review.replace("\r\n", "\n")
    if not _TAG.search(review):
        found = [
            Piece(breaks=len(part)) if part.startswith("\n") else Piece(escaped(part))
            for part in _NEWLINES.split(review)
            if part
        ]
    else:
        reader = _Reader()
        reader.feed(review)
        reader.close()
        found = reader.pieces
    tidy = [Piece(breaks=min(2, p.breaks)) if p.breaks else p for p in found if p.breaks or p.text]
    while tidy and (tidy[0].breaks or not tidy[0].text.strip()):
        tidy.pop(0)
    while tidy and (tidy[-1].breaks or not tidy[-1].text.strip()):
        tidy.pop()
    return tidy


def safe_link(address: str | None) -> str | None:
    """The address when a reader may follow it (http, https, mailto, no spaces), else None."""
    if not address:
        return None
    address = address.strip()
    if not address.lower().startswith(_LINK_SCHEMES) or re.search(r"[\s<>()\\]", address):
        return None
    return address


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]~])")


def as_markdown(review: str, one_line: bool = False, most_words: int | None = None) -> str:
    """The review as inline Markdown: `**bold**`, `*italic*`, links as `[words](address)`,
    every other character of the review escaped. Breaks are kept (a blank line between
    paragraphs), or made spaces with `one_line`; with `most_words`, only so many words are kept,
    then '…'."""
    out: list[str] = []
    left = most_words
    for piece in _merged(pieces(review)):
        if left is not None and left <= 0:
            out.append("…")
            break
        if piece.breaks:
            out.append(" " if one_line else "\n" * piece.breaks)
            continue
        text = piece.text
        if left is not None:
            count = len(text.split())
            if count > left:
                text = " ".join(text.split()[:left])
            left -= count
        written = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
        core = written.strip()
        if not core:
            out.append(written)
            continue
        lead = written[: len(written) - len(written.lstrip())]
        trail = written[len(written.rstrip()) :]
        if (address := safe_link(piece.link)) is not None:
            core = f"[{core}]({address})"
        if "italic" in piece.styles:
            core = f"*{core}*"
        if "bold" in piece.styles:
            core = f"**{core}**"
        out.append(lead + core + trail)
    text = "".join(out)
    return " ".join(text.split()) if one_line else text


def _merged(found: list[Piece]) -> list[Piece]:
    """Neighbouring words of the same styles and link as one piece (one `**…**`, not three)."""
    merged: list[Piece] = []
    for piece in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not piece.breaks
            and not last.breaks
            and (last.styles, last.link, last.quoted) == (piece.styles, piece.link, piece.quoted)
        ):
            merged[-1] = Piece(last.text + piece.text, last.styles, last.link, last.quoted)
        else:
            merged.append(piece)
    return merged
