"""The diary read a page at a time, newest first, so that a listing of any size stays small.

Pages follow the index on (watched_on, id): dated viewings from the newest down, then the
viewings without a date, newest entry first. Each page starts where the last one ended (keyset
pagination), and its people and tags are read for the page's range of that index, so no
query binds more than a handful of values however long the diary is, and the same SQL runs
on SQLite and PostgreSQL.
"""

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, tuple_
from sqlmodel import Session, col, select

from diary.store.models import Film, Person, Viewing, ViewingPerson, ViewingTag

PAGE = 1000


def pages(
    session: Session,
    query: Any,
    limit: int | None = None,
    size: int | None = None,
) -> Iterator[list[tuple[Viewing, Film]]]:
    """`query` (a select of Viewing and Film, filtered) in pages, newest first."""
    size = size or PAGE
    left = limit
    for dated in (True, False):
        after: tuple[date | None, int] | None = None
        while left is None or left > 0:
            step = size if left is None else min(size, left)
            found = session.exec(_page(query, dated, after).limit(step)).all()
            if not found:
                break
            yield list(found)
            if left is not None:
                left -= len(found)
            if len(found) < step:
                break
            last = found[-1][0]
            after = (last.watched_on, last.id or 0)


def _page(query: Any, dated: bool, after: tuple[date | None, int] | None) -> Any:
    watched, ident = col(Viewing.watched_on), col(Viewing.id)
    if dated:
        query = query.where(watched.is_not(None))
        if after is not None:
            query = query.where(tuple_(watched, ident) < tuple_(after[0], after[1]))
        return query.order_by(watched.desc(), ident.desc())
    query = query.where(watched.is_(None))
    if after is not None:
        query = query.where(ident < after[1])
    return query.order_by(ident.desc())


def span(newest: Viewing, oldest: Viewing) -> ColumnElement[bool]:
    """The viewings from `oldest` to `newest` in listing order (both included)."""
    watched, ident = col(Viewing.watched_on), col(Viewing.id)
    if newest.watched_on is None:  # the dateless run: ordered by id alone
        return and_(watched.is_(None), ident <= (newest.id or 0), ident >= (oldest.id or 0))
    upper = tuple_(watched, ident) <= tuple_(newest.watched_on, newest.id or 0)
    if oldest.watched_on is None:
        return and_(watched.is_not(None), upper)  # a page never mixes the two runs
    lower = tuple_(watched, ident) >= tuple_(oldest.watched_on, oldest.id or 0)
    return and_(upper, lower)


def details(
    session: Session, found: Sequence[tuple[Viewing, Film]]
) -> tuple[dict[int, list[tuple[Person, ViewingPerson]]], dict[int, list[str]]]:
    """Everyone present and the tags, for one page of viewings (by the page's span)."""
    attendees: dict[int, list[tuple[Person, ViewingPerson]]] = {v.id or 0: [] for v, _ in found}
    tags: dict[int, list[str]] = {v.id or 0: [] for v, _ in found}
    if not found:
        return attendees, tags
    within = span(found[0][0], found[-1][0])
    for part, person in session.exec(
        select(ViewingPerson, Person)
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .join(Person, col(Person.id) == col(ViewingPerson.person_id))
        .where(within)
        .order_by(col(Person.id))
    ):
        if part.viewing_id in attendees:
            attendees[part.viewing_id].append((person, part))
    for viewing_id, tag in session.exec(
        select(ViewingTag.viewing_id, ViewingTag.tag)
        .join(Viewing, col(Viewing.id) == col(ViewingTag.viewing_id))
        .where(within)
        .order_by(col(ViewingTag.tag))
    ):
        if viewing_id in tags:
            tags[viewing_id].append(tag)
    return attendees, tags
