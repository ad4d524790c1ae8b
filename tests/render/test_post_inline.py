"""A writer's inline Markdown survives export; everything else stays literal and inert."""

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from diary.render.html import html_fragment
from diary.render.inline import writer_inline, writer_line, writer_paragraphs
from diary.render.markdown import ASCII_PUNCTUATION, number_footnotes
from tests.render.post_support import structure
from tests.render.test_post_escaping import HOSTILE


def exported(text: str, keys: dict[str, str] | None = None) -> str:
    body = "\n\n".join(writer_paragraphs(text, set(keys or {})))
    markdown, _ = number_footnotes(body, keys or {})
    return markdown


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("an *emphasised* word", {"em_open"}),
        ("a _second_ spelling", {"em_open"}),
        ("a **strong** word", {"strong_open"}),
        ("~~struck~~ out", {"s_open"}),
        ("some `code` here", {"code_inline"}),
        ("*nested **strong** inside*", {"em_open", "strong_open"}),
        ("[a page](https://example.org/wiki/Her_(film))", {"link_open"}),
        ("[write](mailto:hosts@example.org)", {"link_open"}),
        ("[*loud* link](http://example.org)", {"link_open", "em_open"}),
    ],
)
def test_inline_markdown_is_the_writers_to_use(text: str, kinds: set[str]) -> None:
    found = structure(exported(text))
    assert kinds <= found.inline_types
    assert not found.headings and not found.lists
    assert exported(exported(text)) == exported(text)


def test_links_keep_their_address() -> None:
    html = html_fragment(exported("see [the article](https://example.org/wiki/Her_(film))"))
    assert '<a href="https://example.org/wiki/Her_(film)">the article</a>' in html


@pytest.mark.parametrize("text", HOSTILE)
def test_block_constructs_and_html_stay_literal(text: str) -> None:
    markdown = exported(text)
    found = structure(markdown)
    assert not found.headings and not found.lists and not found.footnote_refs, markdown
    assert found.block_types <= {"paragraph_open", "paragraph_close", "inline"}, markdown
    html = html_fragment(markdown)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "<a " not in html


def test_a_marker_is_a_reference_whatever_follows_it() -> None:
    markdown = exported("Once[^a](https://example.org) and [^a]: not a definition", {"a": "n"})
    found = structure(markdown)
    assert found.footnote_refs == [1, 1]
    assert "link_open" not in found.inline_types
    assert found.footnotes == ["n"]
    html = html_fragment(markdown)
    assert '<a href="https://example.org"' not in html


def test_an_unknown_marker_is_text_and_never_a_link() -> None:
    markdown = exported("[^nope](https://example.org)")
    found = structure(markdown)
    assert "link_open" not in found.inline_types and not found.footnote_refs
    assert found.paragraphs == ["[^nope](https://example.org)"]


def test_bad_schemes_are_never_links() -> None:
    for text in ("[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](vbscript:y)"):
        html = html_fragment(exported(text))
        assert "<a " not in html, text


def test_an_image_is_not_an_image() -> None:
    found = structure(exported("![a picture](https://example.org/a.png)"))
    assert "image" not in found.inline_types


def test_footnote_text_can_use_inline_markdown() -> None:
    assert writer_inline("*italic* [x](https://e.org)", ()) == "*italic* [x](https://e.org)"


_ALPHABET = st.sampled_from(
    [*ASCII_PUNCTUATION, *"ab1 ", "é", "™", "[x](https://e.org)", "*", "**", "`", "~~", "[^a]"]
    + ["[^b]", "_", "\\"]
)
_WRITTEN_REF = re.compile("\x00fn:([a-z]+)\x00")


# Any text, delimiters glued to punctuation and footnote markers included.
@given(st.lists(_ALPHABET, max_size=30).map("".join))
@example("\\\\%")  # an escaped backslash before punctuation
@example("C:\\path and a trailing \\")
@example("***]*]*")  # emphasis that would read back as other emphasis
@example("é*[^a]*")  # emphasis around a marker
def test_writing_out_is_idempotent(text: str) -> None:
    once = "\n\n".join(writer_paragraphs(text, ()))
    assert "\n\n".join(writer_paragraphs(once, ())) == once
    # with a known footnote, the marker it became reads back as the same marker
    known = "\n\n".join(writer_paragraphs(text, ("a",)))
    again = writer_paragraphs(_WRITTEN_REF.sub(r"[^\1]", known), ("a",))
    assert "\n\n".join(again) == known


def test_emphasis_next_to_a_footnote_is_kept() -> None:
    assert writer_line("*great*[^a] and **bold**", frozenset({"a"})) == (
        "*great*\x00fn:a\x00 and **bold**"
    )


def test_emphasis_that_would_read_back_otherwise_is_kept_as_text() -> None:
    line = writer_line("***]*]*", frozenset())
    assert "*" in line and writer_line(line, frozenset()) == line
