"""Reviews written in Letterboxd's HTML read as text in a terminal."""

import pytest

from diary.render.review_text import readable


@pytest.mark.parametrize(
    ("review", "plain"),
    [
        ("Plain words, <3 and a & b", "Plain words, <3 and a & b"),
        ("<b>Tender</b> &amp; strange", "Tender & strange"),
        ("Caf&eacute; &#8220;quote&#8221;", "Café “quote”"),
        ('See <a href="https://example.org/x">this</a>.', "See this (https://example.org/x)."),
        ("One<br>two<br/>three", "One\ntwo\nthree"),
        ("<blockquote>Said once</blockquote>After", "│ Said once\nAfter"),
        ("<span class='x'>kept</span> text", "kept text"),
        ("bell\x07 and <b>esc\x1b[2J</b>", "bell and esc[2J"),
    ],
)
def test_readable_text(review: str, plain: str) -> None:
    assert readable(review).plain == plain


def test_emphasis_becomes_terminal_style() -> None:
    text = readable("<b>bold</b> and <i>slanted</i>")
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles == {"bold": "bold", "slanted": "italic"}
