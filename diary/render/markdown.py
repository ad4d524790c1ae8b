"""Markdown that says exactly what was typed: escaping, paragraphs and footnote numbering.

Whatever people type (titles, comments, lines, paragraphs) is text, never Markdown: every
character that could start structure (`#`, `>`, `-`, `1.`, `*`, `_`, `|`, backticks, `<b>`,
`<!--`, `[`…) is backslash-escaped, so it renders literally in any CommonMark or GFM renderer.

Escaping is idempotent: a backslash already standing before punctuation is taken as an escape
someone wrote (or an earlier export produced) and kept as it is, so escaping twice changes
nothing. The one piece of syntax recognised in text is a footnote marker `[^key]` naming one
of the post's footnotes; it is numbered at the end, in order of first use.
"""

import re
from collections.abc import Callable, Iterable, Mapping

from diary.base.words import CONTROL
from diary.core.posts.document import MARKER

ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ALWAYS = frozenset("`*_[]<>#|~")
_AT_START = frozenset("-+=")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t\n]+")

# Placeholders in rendered text, replaced once every footnote reference has been seen. User
# text can never contain them: control characters are removed from it.
_REF = "\x00fn:{key}\x00"
_REF_FOUND = re.compile("\x00fn:([A-Za-z0-9_-]+)\x00")
# After a reference, `(` would make `[^1](…)` a link and `:` could make `[^1]: …` a definition.
_AFTER_REF = re.compile("(\x00fn:[A-Za-z0-9_-]+\x00)([(:])")
_BANG_BEFORE_REF = re.compile("(\\\\*)!(?=\x00fn:)")
FOOTNOTES_HERE = "\x00footnotes\x00"


def paragraphs(text: str | None) -> list[str]:
    """The paragraphs of `text`: split at blank lines, each on one line, control chars gone."""
    if not text:
        return []
    clean = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Unicode spaces at a paragraph's edges are dropped too: renderers disagree about them.
    found = (_SPACES.sub(" ", block).strip() for block in _BLANK_LINE.split(clean))
    return [block for block in found if block]


def one_line(text: str | None) -> str:
    """All of `text` on one line (for headings, names, list items)."""
    return " ".join(paragraphs(text))


def escape_line(line: str) -> str:
    """Escape one line of text (no newlines) so that Markdown shows it literally."""
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        char = line[i]
        if char == "\\":
            if i + 1 < n and line[i + 1] in ASCII_PUNCTUATION:
                out.append(line[i : i + 2])  # an escape already written: keep it
                i += 2
                continue
            # A lone backslash is literal, except at the very end where whatever the
            # template puts next could turn it into an escape or a hard line break.
            out.append("\\\\" if i + 1 == n else "\\")
        elif char in _ALWAYS or (char == "&" and _ENTITY.match(line, i)):
            out.append("\\" + char)
        else:
            out.append(char)
        i += 1
    escaped = "".join(out)
    if escaped[:1] in _AT_START:
        return "\\" + escaped
    if match := _ORDERED.match(escaped):
        cut = match.end() - 1
        return escaped[:cut] + "\\" + escaped[cut:]
    return escaped


def escape_inline(text: str | None) -> str:
    """`text` on one line, escaped."""
    return escape_line(one_line(text))


def escape_text(text: str | None) -> str:
    """`text` as escaped paragraphs separated by one blank line."""
    return "\n\n".join(escape_line(p) for p in paragraphs(text))


def markers(text: str | None) -> list[str]:
    """The footnote keys `text` refers to, in order."""
    return MARKER.findall(text or "")


def footnote_keys(keys: Iterable[str]) -> frozenset[str]:
    """The post's footnote keys as a set, built once for a whole export and passed to every
    `with_markers` (rebuilding it per text made an export grow with texts × footnotes)."""
    return keys if isinstance(keys, frozenset) else frozenset(keys)


def escape_with_markers(line: str, known: Iterable[str]) -> str:
    """Escape one line, turning markers of known footnotes into numbered-later references."""
    known_keys = footnote_keys(known)
    out: list[str] = []
    start = 0
    for match in MARKER.finditer(line):
        if match[1] not in known_keys:
            continue
        piece = _escape_piece(line[start : match.start()], first=start == 0)
        if piece.endswith("!") and not _escaped_at_end(piece):
            piece = piece[:-1] + "\\!"  # `![^1]` would start an image in some renderers
        out.append(piece)
        out.append(_REF.format(key=match[1]))
        start = match.end()
    out.append(_escape_piece(line[start:], first=start == 0))
    return guard_references("".join(out))


def guard_references(line: str) -> str:
    """Escape what would turn a footnote reference into a link or a definition."""
    unbanged = _BANG_BEFORE_REF.sub(
        lambda m: m[0] if len(m[1]) % 2 else m[1] + "\\!", line
    )  # `![^1]` would start an image in some renderers
    return _AFTER_REF.sub(r"\1\\\2", unbanged)


def _escape_piece(piece: str, first: bool) -> str:
    """Only the first piece of a line can start a block; later ones follow a reference."""
    if not piece:
        return ""
    return escape_line(piece) if first else escape_line("x" + piece)[1:]


def _escaped_at_end(text: str) -> bool:
    """Whether the last character of `text` is backslash-escaped."""
    backslashes = len(text[:-1]) - len(text[:-1].rstrip("\\"))
    return backslashes % 2 == 1


def with_markers(text: str | None, known: Iterable[str]) -> list[str]:
    """The escaped paragraphs of `text`, footnote markers of known footnotes kept."""
    keys = footnote_keys(known)
    return [escape_with_markers(p, keys) for p in paragraphs(text)]


def number_footnotes(
    rendered: str, texts: Mapping[str, str], write: Callable[[str], str] | None = None
) -> tuple[str, list[str]]:
    """Number references in order of first use and write the definitions where they belong.

    `write` turns a footnote's text into Markdown (plain escaping unless given). Returns the
    final Markdown and the keys of footnotes no text refers to (left out).
    """
    write = write or escape_inline
    order = reference_order(rendered)
    numbers = {key: n for n, key in enumerate(order, start=1)}
    text = _REF_FOUND.sub(lambda m: f"[^{numbers[m[1]]}]", rendered)
    definitions = "\n\n".join(f"[^{numbers[key]}]: {write(texts[key])}" for key in order)
    if FOOTNOTES_HERE in text:
        text = text.replace(FOOTNOTES_HERE, definitions, 1).replace(FOOTNOTES_HERE, "")
    elif definitions:
        text = text.rstrip("\n") + "\n\n" + definitions + "\n"
    return tidy(text), [key for key in texts if key not in numbers]


def reference_order(rendered: str) -> list[str]:
    """The footnote keys `rendered` refers to, each once, in order of first use."""
    return list(dict.fromkeys(_REF_FOUND.findall(rendered)))


def tidy(text: str) -> str:
    """Blank-line hygiene: no trailing spaces, never two blank lines, one final newline."""
    lines = [line.rstrip(" \t") for line in text.split("\n")]
    joined = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return joined.strip("\n") + "\n"
