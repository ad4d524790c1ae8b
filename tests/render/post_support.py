"""What the post tests share: an isolated formats folder and a reading of exported Markdown.

The reading parses Markdown the way a renderer would (markdown-it-py with the footnote plugin)
and returns only its structure, so tests can say exactly which headings, lists and footnotes a
post must have and that nothing else (no HTML, no links, no emphasis from typed text) appears.
"""

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin


@pytest.fixture
def formats_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "formats"
    folder.mkdir()
    monkeypatch.setenv("DIARY_FORMATS_DIR", str(folder))
    return folder


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").use(footnote_plugin).enable(["table", "strikethrough"])


@dataclass
class Structure:
    headings: list[tuple[int, str]] = field(default_factory=list)
    lists: list[list[str]] = field(default_factory=list)
    footnote_refs: list[int] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    block_types: set[str] = field(default_factory=set)
    inline_types: set[str] = field(default_factory=set)


def inline_text(token: Token) -> str:
    """The text a reader sees in an inline token (markup characters left out)."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def structure(markdown: str) -> Structure:
    tokens = parser().parse(markdown)
    found = Structure()
    heading_level: int | None = None
    list_stack: list[list[str]] = []
    in_footnote = False
    in_item = False
    for token in tokens:
        found.block_types.add(token.type)
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append([])
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            found.lists.append(list_stack.pop())
        elif token.type == "list_item_open":
            in_item = True
        elif token.type == "list_item_close":
            in_item = False
        elif token.type == "footnote_open":
            in_footnote = True
        elif token.type == "footnote_close":
            in_footnote = False
        elif token.type == "inline":
            for child in token.children or []:
                found.inline_types.add(child.type)
                if child.type == "footnote_ref":
                    found.footnote_refs.append(int(child.meta["label"]))
            text = inline_text(token)
            if heading_level is not None:
                found.headings.append((heading_level, text))
                heading_level = None
            elif in_footnote:
                found.footnotes.append(text)
            elif in_item and list_stack:
                list_stack[-1].append(text)
            else:
                found.paragraphs.append(text)
    return found
