"""The inline Markdown a writer may use in a post's text, written back out safely.

Emphasis, strong, strike-through, inline code and links to http(s) or mailto addresses are the
writer's to use: markdown-it-py reads the text as inline Markdown only (so `#`, `>`, `-`, `1.`
at the start, tables and raw HTML can never become structure) and every piece it recognises is
written out again in one canonical spelling; everything else is escaped by
`diary.render.markdown.escape_line`, exactly like any other typed text.

A footnote marker `[^key]` naming one of the post's footnotes is always a reference, whatever
follows it: it is swapped for a placeholder before parsing, so `[^1](https://…)` can never
become a link. A marker naming no footnote stays as text.
"""

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from diary.core.posts.document import MARKER
from diary.core.posts.inline import LINK_SCHEMES
from diary.render.markdown import (
    _REF,
    escape_line,
    footnote_keys,
    guard_references,
    paragraphs,
)

# Private-use characters stand in for footnote markers while the text is parsed; typed text
# never keeps them (they are removed before parsing). Escaped brackets around them keep the
# punctuation a marker has next to any emphasis (`*so*[^1]`), without ever making a link.
_OPEN, _CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(f"\\\\\\[{_OPEN}([0-9]+){_CLOSE}\\\\\\]")
_WRITTEN_REF = re.compile("\x00fn:([A-Za-z0-9_-]+)\x00")
_PRIVATE = re.compile(f"[{_OPEN}{_CLOSE}]")
_SAFE_URL = re.compile(r"^[^\s<>()\\]+$")


@cache
def _parser() -> MarkdownIt:
    """Inline CommonMark with strike-through; images, autolinks, entities and HTML are off."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("strikethrough")
    md.disable(["image", "autolink", "entity", "html_inline"])
    md.validateLink = _allowed  # type: ignore[method-assign]
    return md


def _allowed(url: str) -> bool:
    scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
    return scheme in LINK_SCHEMES


def writer_paragraphs(text: str | None, known: Iterable[str]) -> list[str]:
    """The paragraphs of `text` as Markdown: inline Markdown kept, the rest escaped."""
    keys = footnote_keys(known)  # once per export when the caller passes a frozenset
    return [writer_line(p, keys) for p in paragraphs(text)]


def writer_inline(text: str | None, known: Iterable[str]) -> str:
    """All of `text` on one line (a nominee, a category), inline Markdown kept."""
    return " ".join(writer_paragraphs(text, known))


def writer_line(line: str, known: AbstractSet[str]) -> str:
    """One paragraph (no newlines) of a writer's text as safe Markdown."""
    out, emphasis = _written(line, known)
    if emphasis and _written(_WRITTEN_REF.sub(r"[^\1]", out), known)[0] != out:
        # Delimiter runs glued to punctuation (`***]*]*`) can read back as other emphasis
        # than was written: such a line keeps its asterisks, tildes and underscores as text,
        # so that writing it out again gives the same line.
        out = _written(line, known, emphasis=False)[0]
    return out


def _written(line: str, known: AbstractSet[str], emphasis: bool = True) -> tuple[str, bool]:
    """The line written out canonically, and whether it holds emphasis."""
    found: list[str] = []

    def hold(match: re.Match[str]) -> str:
        found.append(match[1])
        return f"\\[{_OPEN}{len(found) - 1}{_CLOSE}\\]"

    def put_back(match: re.Match[str]) -> str:
        key = found[int(match[1])]
        return _REF.format(key=key) if key in known else f"\\[^{escape_line(key)}\\]"

    held = MARKER.sub(hold, _PRIVATE.sub("", line))
    tokens = _parser().parseInline(held, {})
    children = (tokens[0].children or []) if tokens else []
    writer = _Writer(emphasis)
    out = writer.write(children)
    return guard_references(_PLACEHOLDER.sub(put_back, out)), writer.emphasised


class _Writer:
    """Turns markdown-it's inline tokens back into Markdown, escaping all plain text."""

    def __init__(self, emphasis: bool = True) -> None:
        self.parts: list[str] = []
        self.links: list[str] = []
        self.emphasis = emphasis  # else emphasis delimiters are written as plain text
        self.emphasised = False

    def write(self, tokens: list[Token]) -> str:
        for token in tokens:
            self._token(token)
        return "".join(self.parts)

    def _text(self, text: str) -> None:
        # The parser has already applied the writer's escapes, so a backslash left in the text
        # is a literal one: doubled, it stays one backslash however often it is written out.
        text = text.replace("\\", "\\\\")
        first = not self.parts
        escaped = escape_line(text) if first else escape_line("x" + text)[1:]
        self.parts.append(escaped)

    def _token(self, token: Token) -> None:
        kind = token.type
        if kind == "text":
            self._text(token.content)
        elif kind in ("softbreak", "hardbreak"):
            self._text(" ")
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            if self.emphasis:
                self.emphasised = True
                self.parts.append(token.markup)
            else:
                self._text(token.markup)
        elif kind == "code_inline":
            self.parts.append(_code(token.content))
        elif kind == "link_open":
            self._before_link()
            self.links.append(str(token.attrGet("href") or ""))
            self.parts.append("[")
        elif kind == "link_close":
            self.parts.append("](" + _destination(self.links.pop()) + ")")
        else:  # anything else a future parser might produce is shown as its text
            self._text(token.content)

    def _before_link(self) -> None:
        """A `!` right before a link would make it an image in some renderers."""
        if self.parts and self.parts[-1].endswith("!") and not self.parts[-1].endswith("\\!"):
            self.parts[-1] = self.parts[-1][:-1] + "\\!"


def _destination(url: str) -> str:
    return url if _SAFE_URL.match(url) else "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def _code(content: str) -> str:
    """An inline code span that holds `content` exactly, however many backticks it has."""
    runs = [len(r) for r in re.findall(r"`+", content)]
    fence = "`" * (max(runs, default=0) + 1)
    spaced = content[:1] == " " and content[-1:] == " " and bool(content.strip())
    pad = " " if spaced or content[:1] == "`" or content[-1:] == "`" else ""
    return f"{fence}{pad}{content}{pad}{fence}"
