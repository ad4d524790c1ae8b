"""A review as a person reads it at a terminal: Letterboxd's HTML turned into styled text.

The review is read by `diary.base.review_html` (the reading posts use too): bold, italic and
underline become terminal styles, entities are decoded, a link keeps its words with its
address after them, a quotation is indented with a bar, and no tag or control character
reaches the terminal as such.
"""

from typing import TYPE_CHECKING

from diary.base.review_html import pieces, safe_link

if TYPE_CHECKING:
    from rich.text import Text


def readable(review: str, limit: int | None = None) -> "Text":
    """The review as styled text; with `limit`, cut to that many characters with '…'."""
    from rich.text import Text

    text = Text()
    found = pieces(review)
    line_start = True
    for index, piece in enumerate(found):
        if piece.breaks:
            text.append("\n" * piece.breaks)
            line_start = True
            continue
        if piece.quoted and line_start:
            text.append("│ ", style="dim")
        text.append(piece.text, style=" ".join(sorted(piece.styles)) or None)
        line_start = False
        following = found[index + 1] if index + 1 < len(found) else None
        address = safe_link(piece.link)
        if address and (following is None or following.link != piece.link):
            if address != piece.text.strip():
                text.append(f" ({address})", style="dim")
    if limit is not None and len(text.plain) > limit:
        text.truncate(limit - 1)
        text.append("…")
    return text
