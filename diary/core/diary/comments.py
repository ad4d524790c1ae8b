"""Spreadsheet comments: one short remark per person per film, separate from reviews."""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import InvalidInput, NotFound
from diary.base.words import refuse_control
from diary.core.films.lookup import label
from diary.store.models import Comment, Film, Person


@dataclass
class CommentRow:
    comment: Comment
    film: Film
    person: Person


def check_text(text: str) -> None:
    """Refuse a comment holding a control character, naming it."""
    refuse_control(text, "a comment")  # a pasted bell or escape


def set_comment(session: Session, film: Film, person: Person, text: str) -> tuple[Comment, bool]:
    """Write or rewrite the comment; a rewrite keeps the date it was first written."""
    clean = text.strip()
    if not clean:
        raise InvalidInput("a comment needs some text")
    check_text(clean)
    assert film.id is not None and person.id is not None
    comment = session.exec(
        select(Comment).where(Comment.film_id == film.id, Comment.person_id == person.id)
    ).first()
    now = clock.now()
    created = comment is None
    if comment is None:
        comment = Comment(
            film_id=film.id, person_id=person.id, text=clean, created_at=now, updated_at=now
        )
    else:
        comment.text = clean
        comment.updated_at = now
    session.add(comment)
    session.flush()
    return comment, created


def remove_comment(session: Session, film: Film, person: Person) -> Comment:
    comment = session.exec(
        select(Comment).where(Comment.film_id == film.id, Comment.person_id == person.id)
    ).first()
    if comment is None:
        raise NotFound(f"{person.name} has no comment on {label(film)}")
    session.delete(comment)
    session.flush()
    return comment


def list_comments(
    session: Session, film: Film | None = None, person: Person | None = None
) -> list[CommentRow]:
    query = (
        select(Comment, Film, Person)
        .join(Film, col(Film.id) == col(Comment.film_id))
        .join(Person, col(Person.id) == col(Comment.person_id))
    )
    if film is not None:
        query = query.where(Comment.film_id == film.id)
    if person is not None:
        query = query.where(Comment.person_id == person.id)
    query = query.order_by(col(Film.title_key), col(Film.year), col(Person.id))
    return [CommentRow(c, f, p) for c, f, p in session.exec(query)]
