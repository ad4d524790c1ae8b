"""A section as plain text, for `$EDITOR` and `post write`, and that text read back.

Paragraphs are separated by blank lines. A paragraph starting with a known person's name and a
colon (`Ellen: …`, `Ellen & Tyler: …`) is theirs: a speaker line, a remark on the paragraph or
fact above it, or an answer to the question above it. In a Q&A section `Q: …` (or
`Q (asked by): …`) starts a question. An indented paragraph continues the piece above it. Any
other paragraph is the section's own: a plot paragraph, a fact, a question.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from diary.base.errors import InvalidInput
from diary.core.diary.people import name_key
from diary.core.posts.document import SectionDoc
from diary.core.posts.formats import a_kind

EDITABLE = {
    "intro": "body",
    "prose": "body",
    "boilerplate": "body",
    "speakers": "line",
    "plot": "paragraph",
    "facts": "fact",
    "qa": "question",
}
REMARK_KIND = {"speakers": "line", "plot": "remark", "facts": "remark", "qa": "answer"}
_COLON = re.compile(r":[ \t]+(?=\S)")
_QUESTION = re.compile(r"^Q(?:[ \t]*\((?P<asker>[^)\n]*)\))?:[ \t]*(?P<text>\S.*)$", re.DOTALL)
_BLANK = re.compile(r"\n[ \t]*\n")
INDENT = "    "


@dataclass
class Parsed:
    kind: str
    text: str
    speaker: str | None = None
    remarks: list["Parsed"] = field(default_factory=list)


def section_text(doc: SectionDoc) -> str:
    """The section as its authors would type it."""
    kind = doc.section.kind
    if EDITABLE.get(kind) == "body":
        return (doc.section.body or "").strip() + "\n"
    blocks: list[str] = []
    for piece in doc.pieces:
        blocks.append(_block(kind, piece.entry.kind, piece.entry.speaker, piece.entry.text))
        for remark in piece.remarks:
            blocks.append(_block(kind, remark.kind, remark.speaker, remark.text))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _block(section_kind: str, kind: str, speaker: str | None, text: str) -> str:
    first, *rest = [p.strip() for p in _BLANK.split(text.strip())] or [""]
    if kind == "question":
        first = f"Q ({speaker}): {first}" if speaker else f"Q: {first}"
    elif speaker:
        first = f"{speaker}: {first}"
    return "\n\n".join([first, *(INDENT + p.replace("\n", "\n" + INDENT) for p in rest)])


def parse_section_text(kind: str, text: str, people: Mapping[str, str]) -> list[Parsed]:
    """Read the text form of a section of `kind`; `people` maps name keys to names."""
    if EDITABLE.get(kind) in (None, "body"):
        raise InvalidInput(f"{a_kind(kind)} has no pieces to read")
    pieces: list[Parsed] = []
    last: Parsed | None = None
    for block in _BLANK.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        if not block.strip():
            continue
        if block[:1] in (" ", "\t") and last is not None:
            last.text += "\n\n" + " ".join(block.split())
            continue
        block = block.strip()
        question = _QUESTION.match(block) if kind == "qa" else None
        speaker = _speaker(block, people)
        if question:
            last = Parsed("question", question["text"].strip(), question["asker"] or None)
            pieces.append(last)
        elif speaker:
            last = Parsed(REMARK_KIND[kind], speaker[1], speaker[0])
            if kind == "speakers" or not pieces:
                if kind == "qa":
                    raise InvalidInput("an answer needs a question above it (Q: …)")
                if kind == "facts":
                    raise InvalidInput("a remark needs a fact above it")
                last.kind = "line"
                pieces.append(last)
            else:
                pieces[-1].remarks.append(last)
        else:
            last = Parsed(EDITABLE[kind], block)
            pieces.append(last)
    return pieces


def _speaker(block: str, people: Mapping[str, str]) -> tuple[str, str] | None:
    """('Ellen & Tyler', text) when the block starts with known names and a colon.

    The first colon whose words before it are people wins, so a name may itself hold ':' or
    '&' ('Dr: Who', 'Tom & Jerry')."""
    for colon in _COLON.finditer(block):
        if colon.start() > 120:
            break
        names = _names(block[: colon.start()].split("&"), people)
        if names:
            return " & ".join(names), block[colon.end() :].strip()
    return None


def _names(parts: list[str], people: Mapping[str, str]) -> list[str] | None:
    """The people `parts` (split at '&') make, longest names first; None if any is unknown."""
    if not parts or "\n" in "".join(parts):
        return None
    for end in range(len(parts), 0, -1):
        key = name_key("&".join(parts[:end]))
        if key in people:
            rest = [] if end == len(parts) else _names(parts[end:], people)
            if rest is not None:
                return [people[key], *rest]
    return None
