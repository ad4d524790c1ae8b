"""Typed text stays text in Markdown: escaping is literal, idempotent, and footnotes number in
order of first use."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.render.markdown import (
    ASCII_PUNCTUATION,
    escape_inline,
    escape_text,
    escape_with_markers,
    number_footnotes,
    paragraphs,
    tidy,
    with_markers,
)
from tests.render.post_support import parser, structure

HOSTILE = [
    "# not a heading",
    "## also not",
    "> not a quote",
    "- not a list",
    "+ not a list",
    "* not a list",
    "1. not numbered",
    "2) not numbered either",
    "| a | b |",
    "snake_case and _under_ and __bold__",
    "*stars* and **more**",
    "`code` and ``more``",
    "```",
    "~~~",
    "~~struck~~",
    "<b>bold</b>",
    "<!-- a comment -->",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[a link](javascript:alert(1))",
    "![an image](x.png)",
    "<https://example.com>",
    "[^1] is not a footnote",
    "[^1]: nor a definition",
    "[ref]: /url",
    "---",
    "***",
    "___",
    "===",
    "AT&T &amp; &copy; &#169; &#x41;",
    "ends with a backslash \\",
    "C:\\Users\\me",
    "already \\*escaped\\* text",
    "Curly “quotes”, ‘single’, Nostalgia™, 🦅, café, naïve",
    "tab\tinside",
    "1917",
    "42. The answer",
]
# What a reader sees when an escape was already written: the backslash is consumed.
_WRITTEN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def seen(line: str) -> str:
    """The text a reader sees for one folded line: escapes someone wrote are applied."""
    return _WRITTEN_ESCAPE.sub(r"\1", line)


def rendered_text(markdown: str) -> str:
    found = structure(markdown)
    assert not found.headings and not found.lists and not found.footnote_refs, markdown
    assert found.inline_types <= {"text"}, (markdown, found.inline_types)
    assert found.block_types <= {"paragraph_open", "paragraph_close", "inline"}, markdown
    return " ".join(found.paragraphs)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally(text: str) -> None:
    assert rendered_text(escape_text(text)) == seen(" ".join(text.split()))


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_inert_in_html(text: str) -> None:
    html = parser().render(escape_text(text))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<!--" not in html and "<b>" not in html and "<code" not in html


_ALPHABET = st.sampled_from(
    list(ASCII_PUNCTUATION) + list("ab1 \t\n") + ["é", "“", "™", "🦅", "&amp;", "\\", "1."]
)
_TEXTS = st.one_of(st.lists(_ALPHABET, max_size=40).map("".join), st.text(max_size=40))


@given(_TEXTS)
def test_escaping_is_idempotent(text: str) -> None:
    once = escape_text(text)
    assert escape_text(once) == once


@given(_TEXTS)
def test_escaped_text_reads_as_typed(text: str) -> None:
    lines = paragraphs(text)
    escaped = escape_text(text)
    if not lines:
        assert escaped == ""
        return
    found = structure(escaped)
    assert found.inline_types <= {"text"}, (escaped, found.inline_types)
    assert not found.headings and not found.lists
    assert found.paragraphs == [seen(line) for line in lines]


@given(_TEXTS)
def test_one_line_escaping_reads_as_typed(text: str) -> None:
    escaped = escape_inline(text)
    assert "\n" not in escaped
    if escaped:
        assert rendered_text(escaped) == seen(" ".join(paragraphs(text)))


def test_paragraphs_split_on_blank_lines_and_fold_the_rest() -> None:
    text = "  first line\n  still first\r\n\r\n\n second\x00 para \n\t\n"
    assert paragraphs(text) == ["first line still first", "second para"]


def test_known_markers_become_references_and_unknown_stay_text() -> None:
    line = escape_with_markers("Wow![^a] and [^b] and [^a]", {"a"})
    final, unused = number_footnotes(line, {"a": "the note"})
    assert unused == []
    assert final == "Wow\\![^1] and \\[^b\\] and [^1]\n\n[^1]: the note\n"
    found = structure(final)
    assert found.footnote_refs == [1, 1] and found.footnotes == ["the note"]
    assert "image" not in found.inline_types


def test_a_backslash_before_a_marker_keeps_it_text() -> None:
    final, unused = number_footnotes(
        escape_with_markers(r"as typed \[^a] then [^a]", {"a"}), {"a": "n"}
    )
    assert final == "as typed \\[^a\\] then [^1]\n\n[^1]: n\n"
    assert unused == []
    assert structure(final).paragraphs[0] == "as typed [^a] then "


def test_a_marker_at_the_start_of_a_paragraph_stays_a_reference() -> None:
    rendered = "\n\n".join(with_markers("[^x] starts it\n\n- then [^y]", {"x", "y"}))
    final, _ = number_footnotes(rendered, {"x": "ex", "y": "why"})
    found = structure(final)
    assert found.footnote_refs == [1, 2] and not found.lists
    assert found.paragraphs == [" starts it", "- then "]


def test_footnotes_are_numbered_in_order_of_first_use() -> None:
    text = "b[^late] a[^early]\n\nagain[^late] c[^third]"
    body = "\n\n".join(with_markers(text, {"early", "late", "third"}))
    texts = {"early": "E", "late": "L", "third": "T", "spare": "S"}
    final, unused = number_footnotes(body, texts)
    found = structure(final)
    assert found.footnote_refs == [1, 2, 1, 3]
    assert found.footnotes == ["L", "E", "T"]
    assert unused == ["spare"]


def test_tidy_leaves_one_blank_line_and_one_final_newline() -> None:
    assert tidy("\n\na  \n\n\n\nb\t\n\n") == "a\n\nb\n"
