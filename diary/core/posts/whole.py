"""A whole post as one plain-text document (for `$EDITOR` and `post import`), and read back.

The document starts with the post's own fields (`title: …`, `status: …`), then every section
under a line `=== Heading [key] ===`. Right under that line come the section's fields, one a
line with no blank line between them (`tagline:`, `lead-in:`, a plot's `short:`, `source:`
and `long source:`); then a blank line and what the section says, in the text form
`post write` reads (see diary.core.posts.text). An award section lists its awards:

    award: Best Snacktor in a Supporting Role[^tally]
    nominee: The pot roast on the pier
    winner: A bucket of chum

    The acceptance note, as paragraphs.

A paragraph `[^key]: text` anywhere defines a footnote. Lines starting with `#` before the
post's fields are comments (where an error is shown when a document does not read).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from diary.base.errors import InvalidInput
from diary.core.films.lookup import label
from diary.core.posts.document import AwardDoc, PostDoc, SectionDoc
from diary.core.posts.text import EDITABLE, Parsed, _block, parse_section_text, section_text
from diary.core.posts.wording import own_labels
from diary.store.models import PostEntry

POST_FIELDS = (
    "title",
    "subtitle",
    "number",
    "status",
    "publish on",
    "film",
    "next film",
    "format",
)
SECTION_FIELDS = {
    "intro": (),
    "prose": ("tagline",),
    "boilerplate": ("tagline",),
    "footnotes": ("tagline",),
    "speakers": ("tagline", "lead-in"),
    "facts": ("tagline", "lead-in"),
    "qa": ("tagline", "lead-in"),
    "films": ("tagline", "lead-in"),
    "award": ("tagline", "lead-in"),
    "plot": ("tagline", "short", "source", "long source"),
}
HEADER = re.compile(r"^=== (?P<heading>.+?) \[(?P<key>[a-z0-9][a-z0-9-]*)\] ===[ \t]*$")
DEFINITION = re.compile(r"^\[\^(?P<key>[A-Za-z0-9_-]{1,40})\]:[ \t]*(?P<text>.*)$", re.DOTALL)
_FIELD = re.compile(r"^(?P<name>[a-z][a-z _-]*[a-z]):[ \t]?(?P<value>.*)$")
_LABELLED = ("intro", "footnotes")  # kinds without labels of their own
_BLANK = re.compile(r"\n[ \t]*\n")
_AWARD_LINE = re.compile(r"^(?P<name>award|theme|nominee|winner|announced):[ \t]*(?P<value>.*)$")


@dataclass
class AwardText:
    category: str
    nominees: list[str] = field(default_factory=list)
    winner: int | None = None
    note: str | None = None
    theme: str | None = None
    announced: str | None = None  # the winner in the post's own words


@dataclass
class SectionText:
    key: str
    heading: str
    fields: dict[str, str | None] = field(default_factory=dict)
    body: str | None = None  # what a prose section says
    pieces: list[Parsed] = field(default_factory=list)
    awards: list[AwardText] = field(default_factory=list)
    films: list[tuple[str, list[Parsed]]] = field(default_factory=list)


@dataclass
class WholePost:
    fields: dict[str, str | None]
    sections: list[SectionText]
    footnotes: dict[str, str]


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def post_document(doc: PostDoc, comments: list[str] | None = None) -> str:
    """The whole post as one document, optionally with comment lines at the top."""
    post = doc.post
    values = {
        "title": post.title,
        "subtitle": post.subtitle,
        "number": str(post.number) if post.number is not None else None,
        "status": post.status,
        "publish on": post.publish_on.isoformat() if post.publish_on else None,
        "film": label(doc.film) if doc.film is not None else None,
        "next film": label(doc.next_film) if doc.next_film is not None else None,
        "format": post.format,
    }
    lines = [f"# {c}".rstrip() for c in comments or []]
    lines += [f"{name}: {_one_line(values[name])}".rstrip() for name in POST_FIELDS]
    blocks = ["\n".join(lines)]
    for section in doc.sections:
        blocks.append(_section_block(section, doc))
    if not any(s.section.kind == "footnotes" for s in doc.sections):
        blocks.extend(f"[^{f.key}]: {_one_line(f.text)}" for f in doc.footnotes)
    return "\n\n".join(b for b in blocks if b) + "\n"


def _section_block(doc: SectionDoc, post: PostDoc) -> str:
    section = doc.section
    head = [f"=== {_one_line(section.heading)} [{section.key}] ==="]
    values = {
        "tagline": section.tagline,
        "lead-in": section.body,
        "short": section.body,
        "source": section.source,
        "long source": section.long_source,
    }
    for name in SECTION_FIELDS.get(section.kind, ()):
        if values[name]:
            head.append(f"{name}: {_one_line(values[name])}")
    head += [f"label {name}: {text}" for name, text in own_labels(section).items()]
    parts = ["\n".join(head)]
    kind = section.kind
    if EDITABLE.get(kind) == "body" and section.body:
        parts.append(section.body.strip())
    elif kind in ("speakers", "plot", "facts", "qa") and doc.pieces:
        parts.append(section_text(doc).strip())
    elif kind == "award":
        parts.extend(_award_block(a, section.heading) for a in doc.awards)
    elif kind == "films":
        parts.extend(_film_block(p.entry.text, p.remarks) for p in doc.pieces)
    elif kind == "footnotes":
        parts.extend(f"[^{f.key}]: {_one_line(f.text)}" for f in post.footnotes)
    return "\n\n".join(parts)


def _award_block(award: AwardDoc, heading: str) -> str:
    lines = [f"award: {_one_line(award.award.category)}"]
    if award.award.theme != heading:
        lines.append(f"theme: {_one_line(award.award.theme)}")
    for number, name in enumerate(award.nominees, start=1):
        word = "winner" if award.award.winner_position == number else "nominee"
        lines.append(f"{word}: {_one_line(name)}")
    if award.award.announced and award.winner is not None:
        lines.append(f"announced: {_one_line(award.award.announced)}")
    note = (award.award.note or "").strip()
    return "\n".join(lines) + ("\n\n" + note if note else "")


def _film_block(text: str, remarks: list[PostEntry]) -> str:
    blocks = [f"film: {_one_line(text)}"]
    blocks += [_block("facts", "remark", r.speaker, r.text) for r in remarks]
    return "\n\n".join(blocks)


def parse_document(text: str, kinds: Mapping[str, str], people: Mapping[str, str]) -> WholePost:
    """Read a whole post; `kinds` maps the post's section keys to their kinds.

    `people` maps name keys to names (who may speak). Raises InvalidInput naming the line.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, str | None] = {}
    at = 0
    while at < len(lines) and (lines[at].startswith("#") or not lines[at].strip()):
        at += 1
    while at < len(lines) and lines[at].strip() and not HEADER.match(lines[at]):
        found = _FIELD.match(lines[at])
        if not found or found["name"] not in POST_FIELDS:
            names = ", ".join(POST_FIELDS)
            raise InvalidInput(f"line {at + 1}: expected a post field ({names}): {lines[at]!r}")
        fields[found["name"]] = found["value"].strip() or None
        at += 1
    sections: list[SectionText] = []
    footnotes: dict[str, str] = {}
    starts = [n for n in range(at, len(lines)) if HEADER.match(lines[n])]
    stray = "\n".join(lines[at : starts[0] if starts else len(lines)]).strip()
    if stray:
        raise InvalidInput(f"line {at + 1}: text before the first section (=== Heading [key] ===)")
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        header = HEADER.match(lines[start])
        assert header is not None
        key = header["key"]
        if key not in kinds:
            known = ", ".join(kinds)
            raise InvalidInput(f"line {start + 1}: no section [{key}] in this post ({known})")
        if any(s.key == key for s in sections):
            raise InvalidInput(f"line {start + 1}: section [{key}] appears twice")
        section = SectionText(key, header["heading"].strip())
        try:
            _read_section(section, kinds[key], lines[start + 1 : end], people, footnotes)
        except InvalidInput as exc:
            raise InvalidInput(f"in section [{key}] (line {start + 1}): {exc.message}") from exc
        sections.append(section)
    return WholePost(fields, sections, footnotes)


def _read_section(
    section: SectionText,
    kind: str,
    lines: list[str],
    people: Mapping[str, str],
    footnotes: dict[str, str],
) -> None:
    allowed = SECTION_FIELDS.get(kind, ())
    at = 0
    while at < len(lines) and lines[at].strip():
        found = _FIELD.match(lines[at])
        labelled = kind not in _LABELLED and found is not None and found["name"][:6] == "label "
        if not found or (found["name"] not in allowed and not labelled):
            names = ", ".join([*allowed, "label NAME"] if kind not in _LABELLED else allowed)
            names = names or "none"
            raise InvalidInput(
                f"{lines[at]!r} is not a field of this section (fields: {names});"
                " leave a blank line before the text"
            )
        section.fields[found["name"]] = found["value"].strip() or None
        at += 1
    body = "\n".join(lines[at:]).strip("\n")
    kept: list[str] = []
    for block in _BLANK.split(body):
        definition = DEFINITION.match(block.strip())
        if definition:
            key = definition["key"]
            if key in footnotes:
                raise InvalidInput(f"footnote [^{key}] is defined twice")
            note = _one_line(definition["text"])
            if not note:
                raise InvalidInput(f"footnote [^{key}] has no text")
            footnotes[key] = note
        elif block.strip():
            kept.append(block)
    text = "\n\n".join(kept)
    if EDITABLE.get(kind) == "body":
        section.body = text.strip() or None
    elif kind in ("speakers", "plot", "facts", "qa"):
        section.pieces = parse_section_text(kind, text, people)
    elif kind == "award":
        section.awards = _read_awards(kept)
    elif kind == "films":
        section.films = _read_films(kept, people)
    elif kind == "footnotes" and text.strip():
        raise InvalidInput("only footnote definitions ([^key]: text) go here")


def _read_awards(blocks: list[str]) -> list[AwardText]:
    awards: list[AwardText] = []
    for block in blocks:
        rows = block.strip().split("\n")
        if _AWARD_LINE.match(rows[0]) and rows[0].startswith("award:"):
            award = AwardText(_one_line(rows[0].split(":", 1)[1]))
            for row in rows[1:]:
                found = _AWARD_LINE.match(row.strip())
                if not found or found["name"] == "award":
                    raise InvalidInput(f"{row!r}: expected nominee:, winner:, announced: or theme:")
                value = _one_line(found["value"])
                if found["name"] == "theme":
                    award.theme = value or None
                    continue
                if found["name"] == "announced":
                    award.announced = value or None
                    continue
                award.nominees.append(value)
                if found["name"] == "winner":
                    if award.winner is not None:
                        raise InvalidInput(f"{award.category} has two winners")
                    award.winner = len(award.nominees)
            if not award.category or not award.nominees:
                raise InvalidInput("an award needs a category (award: …) and a nominee")
            if award.announced and award.winner is None:
                raise InvalidInput(f"{award.category}: 'announced:' words a winner; mark one")
            if any(a.category.casefold() == award.category.casefold() for a in awards):
                raise InvalidInput(f"the award {award.category!r} is given twice")
            awards.append(award)
        elif awards:
            note = awards[-1].note
            awards[-1].note = (note + "\n\n" if note else "") + block.strip()
        else:
            raise InvalidInput(f"{rows[0]!r}: an award section starts with 'award: CATEGORY'")
    return awards


def _read_films(blocks: list[str], people: Mapping[str, str]) -> list[tuple[str, list[Parsed]]]:
    films: list[tuple[str, list[Parsed]]] = []
    for block in blocks:
        text = block.strip()
        if text.startswith("film:"):
            films.append((_one_line(text[5:]), []))
            continue
        if block[:1] in (" ", "\t") and films and films[-1][1]:
            films[-1][1][-1].text += "\n\n" + " ".join(block.split())
            continue
        said = parse_section_text("speakers", text, people)
        if not films or not said or not said[0].speaker:
            raise InvalidInput(f"{text[:40]!r}: expected 'film: TITLE' or 'Name: remark'")
        films[-1][1].extend(Parsed("remark", p.text, p.speaker) for p in said)
    return films
