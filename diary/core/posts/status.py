"""How far along a post is: sections filled or empty, words per section and per speaker,
and footnotes that are never used or markers that name no footnote."""

from collections import Counter
from dataclasses import dataclass, field

from diary.core.posts.document import MARKER, PostDoc, SectionDoc

_BODY_KINDS = {"intro", "prose", "boilerplate"}
_SPOKEN = {"line", "remark", "answer"}


@dataclass
class SectionStatus:
    key: str
    heading: str
    kind: str
    filled: bool
    words: int
    pieces: int
    missing: str | None = None  # the part a filled section still lacks: a plot's long version


@dataclass
class PostStatus:
    doc: PostDoc
    sections: list[SectionStatus]
    speakers: dict[str, int]
    words: int
    unused_footnotes: list[str] = field(default_factory=list)
    unknown_markers: list[str] = field(default_factory=list)

    @property
    def empty(self) -> list[SectionStatus]:
        return [s for s in self.sections if not s.filled]

    @property
    def to_write(self) -> list[SectionStatus]:
        """Sections empty or missing a part, in order."""
        return [s for s in self.sections if not s.filled or s.missing]


def words(text: str | None) -> int:
    return len(MARKER.sub(" ", text or "").split())


def is_filled(doc: SectionDoc, post: PostDoc) -> bool:
    kind = doc.section.kind
    if kind in _BODY_KINDS:
        return bool((doc.section.body or "").strip())
    if kind == "award":
        return bool(doc.awards)
    if kind == "footnotes":
        return bool(post.footnotes)
    if kind == "plot":
        return bool((doc.section.body or "").strip()) or bool(doc.pieces)
    return bool(doc.pieces)


def section_texts(doc: SectionDoc) -> list[str]:
    """Every text of a section that can hold footnote markers."""
    texts = [doc.section.body or ""]
    texts.extend(e.text for e in doc.entries())
    for award in doc.awards:
        texts.extend([award.award.category, *award.nominees, award.award.note or ""])
    return texts


def section_words(doc: SectionDoc) -> int:
    return sum(words(t) for t in section_texts(doc))


def _footnote_words(doc: SectionDoc, post: PostDoc) -> int:
    """The footnotes' own words count where their definitions go."""
    if doc.section.kind != "footnotes":
        return 0
    return sum(words(f.text) for f in post.footnotes)


def _missing(doc: SectionDoc) -> str | None:
    """A plot whose one-line version is there (often pre-filled) still needs its recap."""
    if doc.section.kind == "plot" and (doc.section.body or "").strip() and not doc.pieces:
        return "long version"
    return None


def post_status(doc: PostDoc) -> PostStatus:
    speakers: Counter[str] = Counter()
    sections = []
    used: list[str] = []
    for section in doc.sections:
        for entry in section.entries():
            if entry.speaker and entry.kind in _SPOKEN:
                speakers[entry.speaker] += words(entry.text)
        for text in section_texts(section):
            used.extend(MARKER.findall(text))
        sections.append(
            SectionStatus(
                key=section.section.key,
                heading=section.section.heading,
                kind=section.section.kind,
                filled=is_filled(section, doc),
                words=section_words(section) + _footnote_words(section, doc),
                pieces=len(section.pieces) + len(section.awards),
                missing=_missing(section),
            )
        )
    keys = [f.key for f in doc.footnotes]
    unknown = sorted({k for k in used if k not in keys})
    return PostStatus(
        doc=doc,
        sections=sections,
        speakers=dict(sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))),
        words=sum(s.words for s in sections),
        unused_footnotes=[k for k in keys if k not in used],
        unknown_markers=unknown,
    )
