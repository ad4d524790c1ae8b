"""Charts in a post: `post chart` adds one to a section as a `chart` entry.

The entry's text names the chart and, when given, its year ("ratings 2024"); the picture is
drawn from the diary when the post is exported or previewed, so it is always current.
"""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from diary.base.errors import InvalidInput
from diary.core.posts.document import PostDoc, SectionDoc
from diary.core.posts.lifecycle import sections_of_kind, touch
from diary.core.stats import CHART_KINDS
from diary.store.models import Post, PostEntry, PostSection

KIND = "chart"
# Sections whose template prints the section's paragraphs, where a picture can stand.
HOLDS_CHARTS = ("intro", "prose", "speakers", "facts", "films", "boilerplate", "qa", "award")


@dataclass
class PostChart:
    entry: PostEntry
    section: SectionDoc
    kind: str
    year: int | None


def chart_text(kind: str, year: int | None) -> str:
    if kind not in CHART_KINDS:
        raise InvalidInput(f"unknown chart {kind!r}: use one of {', '.join(CHART_KINDS)}")
    return kind if year is None else f"{kind} {year}"


def default_section(session: Session, post: Post) -> PostSection:
    """Where a chart goes when no section is named: the post's first prose section."""
    found = sections_of_kind(session, post, "prose") or sections_of_kind(session, post, "intro")
    if not found:
        raise InvalidInput("this post has no prose section: name one with --section")
    return found[0]


def add_chart(
    session: Session, post: Post, section: PostSection, kind: str, year: int | None
) -> str:
    assert section.id is not None
    if section.kind not in HOLDS_CHARTS:
        raise InvalidInput(f"{section.heading} cannot hold a chart; choose another --section")
    text = chart_text(kind, year)
    highest = session.exec(
        select(func.max(PostEntry.position)).where(PostEntry.section_id == section.id)
    ).one()
    session.add(
        PostEntry(section_id=section.id, position=int(highest or 0) + 1, kind=KIND, text=text)
    )
    session.flush()
    touch(session, post)
    return f"{section.heading}: added the {text} chart."


def post_charts(doc: PostDoc) -> list[PostChart]:
    """Every chart of the post, in reading order."""
    found = []
    for section in doc.sections:
        for piece in section.pieces:
            if piece.entry.kind == KIND:
                kind, _, year = piece.entry.text.partition(" ")
                found.append(
                    PostChart(piece.entry, section, kind, int(year) if year.isdigit() else None)
                )
    return found
