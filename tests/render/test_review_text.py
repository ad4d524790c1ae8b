"""Reviews written in Letterboxd's HTML read as text in a terminal and as Markdown in a post."""

import pytest

from diary.base.review_html import as_markdown
from diary.render.review_text import readable


@pytest.mark.parametrize(
    ("review", "plain"),
    [
        ("Plain words, <3 and a & b", "Plain words, <3 and a & b"),
        ("<b>Tender</b> &amp; strange", "Tender & strange"),
        ("Caf&eacute; &#8220;quote&#8221; it&#39;s", "Café “quote” it's"),
        ('See <a href="https://example.org/x">this</a>.', "See this (https://example.org/x)."),
        ("See <a href='https://example.org/'>https://example.org/</a>", "See https://example.org/"),
        ('<a href="javascript:alert(1)">click</a> me', "click me"),
        ("One<br>two<br/>three<br />four", "One\ntwo\nthree\nfour"),
        ("<blockquote>Said once</blockquote>After", "│ Said once\n\nAfter"),
        ("<span class='x'>kept</span> text", "kept text"),
        (
            "<h2>Heading</h2>\n<p>First&nbsp;one.</p>\n<p>Second.</p>",
            "Heading\n\nFirst one.\n\nSecond.",
        ),
        ('Before<iframe src="https://example.org/e"></iframe> after', "Before after"),
        ("<script>alert('x')</script><style>b{}</style>Only this", "Only this"),
        ("One\n\n\n\nTwo\n\n", "One\n\nTwo"),
        ("windows\r\nline ends", "windows\nline ends"),
        ("bell\x07 and <b>esc\x1b[2J</b>", "bell\\x07 and esc\\x1b[2J"),
        ("no tags but \x1b[31mred", "no tags but \\x1b[31mred"),
    ],
)
def test_readable_text(review: str, plain: str) -> None:
    assert readable(review).plain == plain


def test_emphasis_becomes_terminal_style() -> None:
    text = readable("<b>bold</b> and <i>slanted</i> and <strong><em>both</em></strong>")
    styles = {text.plain[span.start : span.end]: str(span.style) for span in text.spans}
    assert styles == {"bold": "bold", "slanted": "italic", "both": "bold italic"}


def test_a_long_review_is_cut_where_asked() -> None:
    assert readable("<i>" + "word " * 100 + "</i>", limit=20).plain == "word word word word…"


@pytest.mark.parametrize(
    ("review", "markdown"),
    [
        ("<b>Tender</b> &amp; <i>strange</i>", "**Tender** & *strange*"),
        ("<b>Loud </b>and clear", "**Loud** and clear"),
        (
            'Read <a href="https://example.org/x">the essay</a>.',
            "Read [the essay](https://example.org/x).",
        ),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ("One<br />two\n\nthree", "One\ntwo\n\nthree"),
        (
            "2*3*4 and [not a link](x) # and `code`",
            r"2\*3\*4 and \[not a link\](x) # and \`code\`",
        ),
        ("<script>alert(1)</script><img src=x onerror=alert(1)>safe", "safe"),
        ("esc\x1b[2J", "esc\\\\x1b\\[2J"),
    ],
)
def test_as_markdown(review: str, markdown: str) -> None:
    assert as_markdown(review) == markdown


def test_as_markdown_on_one_line() -> None:
    assert as_markdown("<p>One.</p><p>Two <i>more</i>.</p>", one_line=True) == "One. Two *more*."
