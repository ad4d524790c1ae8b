"""Where, how and with whom: the people each person watches with most, tags and places."""

from dataclasses import dataclass

from sqlalchemy import and_, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from diary.core.stats.scope import Scope
from diary.store.models import Person, Viewing, ViewingPerson, ViewingTag

TOP = 10


@dataclass
class Company:
    person: str
    with_whom: list[tuple[str, int]]  # most viewings together first


def company(session: Session, scope: Scope) -> list[Company]:
    """For each person in scope, everyone they shared a viewing with, most often first."""
    mine = aliased(ViewingPerson)
    theirs = aliased(ViewingPerson)
    other = aliased(Person)
    person_id, viewing_id = col(mine.person_id), col(mine.viewing_id)
    count = func.count()
    query = (
        select(person_id, col(other.name), count)
        .select_from(mine)
        .join(
            theirs,
            and_(col(theirs.viewing_id) == viewing_id, col(theirs.person_id) != person_id),
        )
        .join(other, col(other.id) == col(theirs.person_id))
        .join(Viewing, col(Viewing.id) == viewing_id)
        .where(*scope.dates(), person_id.in_(scope.person_ids))
        .group_by(person_id, col(other.id), col(other.name))
        .order_by(person_id, count.desc(), col(other.name))
    )
    together: dict[int, list[tuple[str, int]]] = {p.id or 0: [] for p in scope.people}
    for person_id, name, n in session.execute(query):
        together[person_id].append((name, n))
    return [Company(p.name, together[p.id or 0]) for p in scope.people]


def tags(session: Session, scope: Scope, limit: int = TOP) -> list[tuple[str, int]]:
    count = func.count()
    query = (
        select(col(ViewingTag.tag), count)
        .join(Viewing, col(Viewing.id) == col(ViewingTag.viewing_id))
        .where(*scope.viewings())
        .group_by(col(ViewingTag.tag))
        .order_by(count.desc(), col(ViewingTag.tag))
        .limit(limit)
    )
    return [(tag, n) for tag, n in session.execute(query)]


def places(session: Session, scope: Scope, limit: int = TOP) -> list[tuple[str, int]]:
    count = func.count()
    query = (
        select(col(Viewing.place), count)
        .where(col(Viewing.place).is_not(None), col(Viewing.place) != "", *scope.viewings())
        .group_by(col(Viewing.place))
        .order_by(count.desc(), col(Viewing.place))
        .limit(limit)
    )
    return [(place, n) for place, n in session.execute(query)]
