"""Wiki-Wiki-Whaaat? candidates: the fun facts imported pages hold about a post's film."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, select

from diary.base.errors import InvalidInput
from diary.core.posts.pieces import add_fact
from diary.core.posts.prefill import fun_facts
from diary.store.models import Film, FilmFact, Post, PostEntry, PostSection


@dataclass
class Candidate:
    number: int
    fact: FilmFact
    used: bool


def candidates(session: Session, post: Post) -> list[Candidate]:
    """The film's fun facts, numbered, each marked when the post already has it."""
    film = session.get(Film, post.film_id) if post.film_id is not None else None
    if film is None:
        return []
    used = fact_texts(session, post)
    return [
        Candidate(number, fact, " ".join(fact.value.split()) in used)
        for number, fact in enumerate(fun_facts(session, film), start=1)
    ]


def fact_texts(session: Session, post: Post) -> set[str]:
    """The text of every fact the post already has, to mark what is already used."""
    return set(
        session.exec(
            select(PostEntry.text)
            .join(PostSection)
            .where(PostSection.post_id == post.id, PostEntry.kind == "fact")
        )
    )


def add_candidates(
    session: Session, post: Post, section: PostSection, numbers: Sequence[int]
) -> list[str]:
    """Add the chosen candidates as facts, in the order given; say what was added."""
    found = {c.number: c for c in candidates(session, post)}
    if not found:
        raise InvalidInput("no fun facts to choose from: import the film's Wikipedia page first")
    said = []
    for number in numbers:
        candidate = found.get(number)
        if candidate is None:
            raise InvalidInput(f"no candidate {number}: choose 1 to {len(found)}")
        if candidate.used:
            said.append(f"{section.heading}: candidate {number} is already there.")
            continue
        said.append(add_fact(session, post, section, " ".join(candidate.fact.value.split())))
        candidate.used = True
    return said
