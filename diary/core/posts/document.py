"""A whole post read in a few queries: its sections, their pieces and remarks, awards, footnotes.

Pieces are a section's top-level entries (a speaker line, a plot paragraph, a fact, a
question, a film) numbered from 1 in order; remarks hang under the piece they follow.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from diary.core.films.lookup import label
from diary.store.models import (
    Award,
    AwardNominee,
    Film,
    Post,
    PostEntry,
    PostFootnote,
    PostSection,
)

# A footnote marker as written in text: [^key]. Numbered in order of first use on export.
# A backslash before it (\[^key]) makes it plain text, like any other escape.
MARKER = re.compile(r"(?<!\\)\[\^([A-Za-z0-9_-]{1,40})\]")


@dataclass
class Piece:
    entry: PostEntry
    number: int
    film: Film | None = None
    remarks: list[PostEntry] = field(default_factory=list)


@dataclass
class AwardDoc:
    award: Award
    nominees: list[str]

    @property
    def winner(self) -> str | None:
        position = self.award.winner_position
        if position is None or not 1 <= position <= len(self.nominees):
            return None
        return self.nominees[position - 1]

    @property
    def announced(self) -> str | None:
        """The winner as the post announces it: its own wording, else the nominee's."""
        winner = self.winner
        return (self.award.announced or winner) if winner is not None else None


@dataclass
class SectionDoc:
    section: PostSection
    pieces: list[Piece] = field(default_factory=list)
    awards: list[AwardDoc] = field(default_factory=list)

    def piece(self, number: int) -> Piece | None:
        return next((p for p in self.pieces if p.number == number), None)

    def entries(self) -> list[PostEntry]:
        """Every entry in reading order: each piece, then its remarks."""
        return [e for p in self.pieces for e in (p.entry, *p.remarks)]


@dataclass
class PostDoc:
    post: Post
    film: Film | None
    sections: list[SectionDoc]
    footnotes: list[PostFootnote]
    next_film: Film | None = None  # the film its teaser announces

    @property
    def name(self) -> str:
        """How messages name the post: 'post 12 (Jaws (1975))'."""
        return post_name(self.post, self.film)


def load_post(session: Session, post: Post) -> PostDoc:
    assert post.id is not None
    sections = list(
        session.exec(
            select(PostSection)
            .where(PostSection.post_id == post.id)
            .order_by(col(PostSection.position), col(PostSection.id))
        )
    )
    docs = {s.id: SectionDoc(s) for s in sections}
    entries = list(
        session.exec(
            select(PostEntry)
            .where(col(PostEntry.section_id).in_(list(docs)))
            .order_by(col(PostEntry.position), col(PostEntry.id))
        )
    )
    film_ids = {e.film_id for e in entries if e.film_id is not None}
    film_ids |= {i for i in (post.film_id, post.next_film_id) if i is not None}
    films = {f.id: f for f in session.exec(select(Film).where(col(Film.id).in_(list(film_ids))))}
    _attach_entries(docs, entries, films)
    _attach_awards(session, docs)
    footnotes = list(
        session.exec(
            select(PostFootnote)
            .where(PostFootnote.post_id == post.id)
            .order_by(col(PostFootnote.id))
        )
    )
    film = films.get(post.film_id) if post.film_id is not None else None
    upcoming = films.get(post.next_film_id) if post.next_film_id is not None else None
    return PostDoc(post, film, [docs[s.id] for s in sections], footnotes, upcoming)


def _attach_entries(
    docs: dict[int | None, SectionDoc], entries: list[PostEntry], films: dict[int | None, Film]
) -> None:
    pieces: dict[int | None, Piece] = {}
    remarks: dict[int, list[PostEntry]] = defaultdict(list)
    for entry in entries:
        if entry.parent_id is None:
            doc = docs[entry.section_id]
            piece = Piece(entry, len(doc.pieces) + 1, films.get(entry.film_id))
            doc.pieces.append(piece)
            pieces[entry.id] = piece
        else:
            remarks[entry.parent_id].append(entry)
    for parent_id, found in remarks.items():
        if parent_id in pieces:
            pieces[parent_id].remarks.extend(found)


def _attach_awards(session: Session, docs: dict[int | None, SectionDoc]) -> None:
    awards = list(
        session.exec(
            select(Award)
            .where(col(Award.section_id).in_(list(docs)))
            .order_by(col(Award.position), col(Award.id))
        )
    )
    if not awards:
        return
    names: dict[int, list[str]] = defaultdict(list)
    for nominee in session.exec(
        select(AwardNominee)
        .where(col(AwardNominee.award_id).in_([a.id for a in awards]))
        .order_by(col(AwardNominee.award_id), col(AwardNominee.position))
    ):
        names[nominee.award_id].append(nominee.name)
    for award in awards:
        assert award.id is not None
        docs[award.section_id].awards.append(AwardDoc(award, names[award.id]))


def post_name(post: Post, film: Film | None) -> str:
    """How messages name a post: its number and its film (or title)."""
    number = f"post {post.number}" if post.number is not None else f"post #{post.id}"
    about = label(film) if film is not None else post.title
    return f"{number} ({about})" if about else number
