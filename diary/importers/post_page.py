"""A published post as copied from the newsletter's web page (or saved as HTML), read into the
whole-post document that `diary post edit` shows.

The copy is a list of lines. A line that is a section's heading starts that section (the
line after it is its tagline); `Name: text` is a person's line or remark; `Short Version
(courtesy of IMDb): …` is a plot's one-line version; the award is a line naming its category
(`… award the Oscar for CATEGORY.`), its nominees one a line, and a line `And the … goes to …`
naming the winner. Footnote markers are digits glued to the word before them (`inbox3`),
numbered 1, 2, 3… in order; their definitions are the last lines of the copy, one a line.

Anything else is kept as a paragraph of the section it sits in and listed in `unsure`, never
dropped.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

_GLUED = re.compile(r"(?<=[^\s\d])(\d{1,2})(?=[\s,.;:!?)\]”’\"']|$)")
_SHORT = re.compile(r"^(?P<label>[^:()]{1,40}?)\s*(?:\((?P<via>[^)]{1,80})\))?:\s+(?P<text>\S.*)$")
_CATEGORY = re.compile(r"\bfor (?P<category>[^.!?]{3,120}?)[.!?](?:\s|$)")
_WINNER = re.compile(r"^And the .{0,40}?\bgoes to\b\s*(?:…|\.\.\.)?\s*(?P<rest>.+)$")
_SENTENCE = re.compile(r"^(?P<first>.+?[.!?])(?:\s+(?P<rest>.*))?$")
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SectionShape:
    key: str
    kind: str
    heading: str


@dataclass
class ReadPage:
    document: str  # the body of a whole-post document: its sections and footnotes
    sections: list[str] = field(default_factory=list)  # keys found, in order
    footnotes: int = 0
    unsure: list[str] = field(default_factory=list)


def page_lines(text: str) -> list[str]:
    """The non-empty lines of a copied page, or of a saved HTML page's text."""
    if re.match(r"\s*(?:<!doctype|<html|<body|<article|<p[ >])", text, re.IGNORECASE):
        text = _html_text(text)
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return [line for line in lines if line]


def read_page(
    lines: Sequence[str], shapes: Sequence[SectionShape], people: Mapping[str, str]
) -> ReadPage:
    """Read a published post's lines against the sections of a format."""
    body, notes = _split_footnotes(list(lines))
    found: dict[str, list[str]] = {}
    headings: dict[str, str] = {}
    order: list[str] = []
    current = next((s.key for s in shapes if s.kind == "intro"), None)
    if current is not None:
        order.append(current)
    for line in body:
        shape = _heading(line, shapes, order)
        if shape is not None:
            current = shape.key
            order.append(shape.key)
            headings[shape.key] = line
            found[shape.key] = []
            continue
        if current is None:
            current = shapes[0].key
        found.setdefault(current, []).append(line)
    result = ReadPage("", list(order), len(notes))
    blocks: list[str] = []
    for shape in shapes:
        if shape.key not in found:
            continue
        heading = headings.get(shape.key, shape.heading)
        blocks.append(_section(shape, heading, found[shape.key], people, result))
    footnotes = "\n\n".join(f"[^{n}]: {text}" for n, text in enumerate(notes, start=1))
    result.document = "\n\n".join([*blocks, footnotes]).strip() + "\n"
    return result


def _split_footnotes(lines: list[str]) -> tuple[list[str], list[str]]:
    """Markers (digits glued to a word, 1, 2, 3… in order) become [^N]; the last N lines are
    their definitions."""
    expected = 1
    marked: list[str] = []
    for line in lines:

        def mark(match: re.Match[str]) -> str:
            nonlocal expected
            if int(match[1]) != expected:
                return match[0]
            expected += 1
            return f"[^{match[1]}]"

        marked.append(_GLUED.sub(mark, line))
    count = expected - 1
    if count == 0 or count >= len(marked):
        return marked, []
    return marked[:-count], lines[-count:]


def _heading(line: str, shapes: Sequence[SectionShape], seen: list[str]) -> SectionShape | None:
    """The section whose heading `line` is: the same words, or a short line ending like a
    heading of a later section whose name is filled in per post (`Basil's Corner`)."""
    later = [s for s in shapes if s.key not in seen and s.kind != "intro"]
    words = _WORDS.findall(line.lower().replace("’", "'"))
    for shape in later:
        if words and words == _WORDS.findall(shape.heading.lower().replace("’", "'")):
            return shape
    if 0 < len(words) <= 4 and not line.endswith((".", "!", "?", ":")):
        ends = [s for s in later if _WORDS.findall(s.heading.lower())[-1:] == words[-1:]]
        if len(ends) == 1 and len(words) >= 2:
            return ends[0]
    return None


def _section(
    shape: SectionShape, heading: str, lines: list[str], people: Mapping[str, str], into: ReadPage
) -> str:
    head = [f"=== {heading} [{shape.key}] ==="]
    rest = list(lines)
    if shape.kind != "intro" and rest and not _speaker(rest[0], people):
        head.append(f"tagline: {rest.pop(0)}")
    paragraphs: list[str] = []
    if shape.kind == "plot":
        paragraphs = _plot(rest, head, into)
    elif shape.kind == "award":
        paragraphs = _award(rest, head, into, shape.heading)
    elif shape.kind == "facts":
        paragraphs = _facts(rest, people)
    else:
        paragraphs = rest
    return "\n".join(head) + ("\n\n" + "\n\n".join(paragraphs) if paragraphs else "")


def _speaker(line: str, people: Mapping[str, str]) -> bool:
    name = line.split(":", 1)[0].strip().lower()
    return ":" in line and " ".join(name.split()) in people


def _plot(lines: list[str], head: list[str], into: ReadPage) -> list[str]:
    kept: list[str] = []
    for line in lines:
        found = _SHORT.match(line)
        label = found["label"].lower() if found else ""
        if found and "short" in label and not any(h.startswith("short:") for h in head):
            head.append(f"short: {found['text']}")
            head.append(f"label short: {found['label'].strip()}")
            via = re.match(r"^(courtesy of|via|from)\s+(.+)$", found["via"] or "", re.I)
            if via:
                head += [f"source: {via[2]}", f"label via: {via[1]}"]
            elif found["via"]:
                head.append(f"source: {found['via']}")
            continue
        long = re.match(
            r"^(?P<label>[^:()]{0,40}\blong\b[^:()]{0,40}?)\s*(?:\((?P<via>[^)]{1,120})\))?:$",
            line,
            re.I,
        )
        if long and not kept:
            head.append(f"label long: {long['label'].strip()}")
            if long["via"]:
                head.append(f"long source: {long['via']}")
            continue
        kept.append(line)
    return kept


def _facts(lines: list[str], people: Mapping[str, str]) -> list[str]:
    """A speaker line before any fact cannot be a remark: keep it as a fact."""
    kept: list[str] = []
    for line in lines:
        if not kept and _speaker(line, people):
            line = "\\" + line  # an escaped first character: read as text, exported the same
        kept.append(line)
    return kept


def _award(lines: list[str], head: list[str], into: ReadPage, heading: str) -> list[str]:
    at = next((n for n, line in enumerate(lines) if _CATEGORY.search(line)), None)
    end = next((n for n, line in enumerate(lines) if _WINNER.match(line)), None)
    category = _CATEGORY.search(lines[at]) if at is not None else None
    winner_line = _WINNER.match(lines[end]) if end is not None else None
    if at is None or end is None or end <= at + 1 or not category or not winner_line:
        into.unsure.append(f"{heading}: no award found (category, nominees, winner)")
        if lines:
            head.append("lead-in: " + " ".join(lines))
        return []
    nominees = lines[at + 1 : end]
    sentence = _SENTENCE.match(winner_line["rest"])
    named = sentence["first"] if sentence else winner_line["rest"]
    note = (sentence["rest"] or "") if sentence else ""
    winner = closest(named, nominees)
    lead = lines[at][: category.start()].rstrip() + " for"
    after = lines[at][category.end() :].strip()
    head.append(f"label category: {lead}")
    if after:
        head.append(f"label nominees: {after}")
    said = lines[end][: len(lines[end]) - len(winner_line["rest"])].strip()
    head.append(f"label winner: {said}")
    rows = [f"award: {category['category'].strip()}"]
    rows += [f"{'winner' if n == winner else 'nominee'}: {name}" for n, name in enumerate(nominees)]
    if (announced := own_words(named)) and announced != nominees[winner]:
        rows.append(f"announced: {announced}")
    before = lines[:at]
    if before:
        into.unsure.append(f"{heading}: kept {len(before)} line(s) before the award as its note")
    notes = [*before, *([note] if note else []), *lines[end + 1 :]]
    return ["\n".join(rows), *notes]


def own_words(named: str) -> str:
    """The winner as the line words it, without the pause and the cheer around it."""
    return " ".join(named.strip().strip("…!. ").split())


def closest(named: str, nominees: list[str]) -> int:
    wanted = set(_WORDS.findall(named.lower()))
    scores = [len(wanted & set(_WORDS.findall(n.lower()))) for n in nominees]
    return scores.index(max(scores))


class _Text(HTMLParser):
    """The text of a page, a line per block element; `<sup>` numbers glued to their word."""

    _BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "br", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "nav", "footer"):
            self.skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "nav", "footer"):
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data.replace("\n", " "))


def _html_text(html: str) -> str:
    reader = _Text()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)
