"""The Markdown `diary post export` writes, read back into a whole-post document.

`# Title`, then `*subtitle*`; the intro; each `## Heading` with its `*tagline*`; speaker lines
`**Name:** text`; a plot's `**Label** (via Source): one line`; an award's `Label **category**`,
its `- nominee` list and `Label **winner**`, then its note; `[^N]: text` footnotes. Backslash
escapes are kept as they are: the export of such text is the same again.
"""

import re
from collections.abc import Sequence

from diary.importers.post_page import ReadPage, SectionShape, _heading, closest

_BLANK = re.compile(r"\n[ \t]*\n")
_ITALIC = re.compile(r"^\*(?!\*)(?P<text>.+?)(?<!\\)\*$", re.DOTALL)
_SPEAKER = re.compile(r"^\*\*(?P<name>[^*\n]{1,80}?):\*\* (?P<text>.+)$", re.DOTALL)
_SHORT = re.compile(r"^\*\*(?P<label>[^*\n]{1,60})\*\*(?: \((?P<via>[^)\n]+)\))?: (?P<text>.+)$")
_LONG = re.compile(r"^\*\*(?P<label>[^*\n]{1,60}?)(?::\*\*|\*\* \((?P<source>[^)\n]+)\):)$")
_VIA = re.compile(r"^(?P<via>via|courtesy of|from|thanks to)\s+(?P<source>.+)$", re.IGNORECASE)
_BOLD_END = re.compile(r"^(?P<label>[^*\n]*?) ?\*\*(?P<text>.+)\*\*$")
_DEFINITION = re.compile(r"^\[\^[A-Za-z0-9_-]+\]: ")


def looks_exported(text: str) -> bool:
    """Whether `text` reads like the Markdown of an export: an H1, then H2 sections."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and lines[0].startswith("# ") and any(x.startswith("## ") for x in lines)


def read_markdown(text: str, shapes: Sequence[SectionShape]) -> ReadPage:
    blocks = [b.strip() for b in _BLANK.split(text.replace("\r\n", "\n")) if b.strip()]
    fields: list[str] = []
    if blocks and blocks[0].startswith("# "):
        fields.append("title: " + blocks.pop(0)[2:].strip())
        if blocks and (italic := _ITALIC.match(blocks[0])):
            fields.append("subtitle: " + italic["text"])
            blocks.pop(0)
    result = ReadPage("")
    intro = next((s for s in shapes if s.kind == "intro"), None)
    sections: list[tuple[SectionShape, str, list[str], list[str]]] = []
    if intro is not None:
        sections.append((intro, intro.heading, [], []))
        result.sections.append(intro.key)
    notes: list[str] = []
    for block in blocks:
        if block.startswith("## "):
            line = block[3:].strip()
            shape = _heading(line, shapes, result.sections)
            if shape is not None:
                result.sections.append(shape.key)
                sections.append((shape, line, [], []))
                continue
            result.unsure.append(f"a heading no section has, kept as text: {line!r}")
        if _DEFINITION.match(block):
            notes.append(block)
            continue
        if not sections:
            result.unsure.append(f"text before any section: {block[:40]!r}")
            continue
        shape, _, head, body = sections[-1]
        if not head and not body and shape.kind != "intro" and (m := _ITALIC.match(block)):
            head.append("tagline: " + " ".join(m["text"].split()))
            continue
        _piece(shape, block, head, body, result)
    result.footnotes = len(notes)
    parts = ["\n".join(fields)] if fields else []
    for shape, heading, head, body in sections:
        top = "\n".join([f"=== {heading} [{shape.key}] ===", *head])
        parts.append("\n\n".join([top, *body]))
    parts.extend(notes)
    result.document = "\n\n".join(parts) + "\n"
    return result


def _piece(
    shape: SectionShape, block: str, head: list[str], body: list[str], into: ReadPage
) -> None:
    if speaker := _SPEAKER.match(block):
        body.append(f"{speaker['name']}: {speaker['text']}")
    elif shape.kind == "plot" and (long := _LONG.match(block)):
        head.append(f"label long: {long['label']}")
        if long["source"]:
            head.append(f"long source: {long['source']}")
    elif shape.kind == "plot" and not body and (short := _SHORT.match(block)):
        head += [f"short: {short['text']}", f"label short: {short['label']}"]
        via = _VIA.match(short["via"] or "")
        if via:
            head += [f"source: {via['source']}", f"label via: {via['via']}"]
        elif short["via"]:
            head.append(f"source: {short['via']}")
    elif shape.kind == "award":
        _award(block, head, body, into, shape.heading)
    else:
        body.append(block)


def _award(block: str, head: list[str], body: list[str], into: ReadPage, heading: str) -> None:
    """Category, nominees and winner lines in turn; anything after them is the note."""
    last = body[-1] if body else ""
    bold = _BOLD_END.match(block)
    if bold and (not body or "\nwinner: " in "\n" + last or _has_winner_line(body)):
        body.append(f"award: {bold['text']}")
        _label(head, "category", bold["label"])
    elif block.startswith("- ") and body and last.startswith("award: "):
        names = [line[2:].strip() for line in block.split("\n") if line.startswith("- ")]
        body[-1] = last + "".join(f"\nnominee: {name}" for name in names)
    elif bold and body and last.startswith("award: ") and "\nnominee: " in last:
        rows = last.split("\n")
        names = [row.removeprefix("nominee: ") for row in rows if row.startswith("nominee: ")]
        winner, announced = bold["text"], ""
        if winner not in names:  # worded its own way: the closest nominee won
            winner = names[closest(bold["text"], names)]
            announced = f"\nannounced: {bold['text']}"
        body[-1] = last.replace(f"nominee: {winner}", f"winner: {winner}", 1) + announced + "\n"
        _label(head, "winner", bold["label"])
    elif body and last.startswith("award: ") and "\nnominee: " not in last:
        _label(head, "nominees", block)  # the words before the nominee list
    elif body:
        body.append(block)
    else:
        into.unsure.append(f"{heading}: text before the award: {block[:40]!r}")


def _label(head: list[str], name: str, text: str) -> None:
    if text.strip() and not any(line.startswith(f"label {name}:") for line in head):
        head.append(f"label {name}: {' '.join(text.split())}")


def _has_winner_line(body: list[str]) -> bool:
    return any(block.startswith("award: ") and block.endswith("\n") for block in body[-1:])
