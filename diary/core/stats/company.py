"""Where, how and with whom: the people each person watches with most, tags and places."""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from diary.core.stats.scope import Scope
from diary.store.models import Person, Viewing, ViewingPerson, ViewingTag

TOP = 10
MAX_BITS = 60  # people a 64-bit sum can hold as a set


@dataclass
class Company:
    person: str
    with_whom: list[tuple[str, int]]  # most viewings together first


def company(session: Session, scope: Scope) -> list[Company]:
    """For each person in scope, everyone they shared a viewing with, most often first.

    Each viewing is reduced to the set of people at it (a bit per person, summed per
    viewing in the order of the viewing_person key), and the sets are counted: a handful of
    rows, from which Python adds up the pairs.
    """
    everyone = list(session.execute(select(col(Person.id), col(Person.name))))
    if not everyone:
        return []
    if len(everyone) > MAX_BITS:
        return _company_by_pairs(session, scope)
    bits = {person_id: 1 << i for i, (person_id, _) in enumerate(everyone)}
    person_id = col(ViewingPerson.person_id)
    mask = func.sum(case(bits, value=person_id, else_=0)).label("mask")
    per_viewing: Any = select(mask).group_by(col(ViewingPerson.viewing_id))
    per_viewing = scope.joined(per_viewing, col(ViewingPerson.viewing_id)).where(*scope.dates())
    sets = per_viewing.subquery()
    pairs: dict[int, Counter[int]] = {i: Counter() for i, _ in everyone}
    for found, count in session.execute(select(sets.c.mask, func.count()).group_by(sets.c.mask)):
        present = [i for i, bit in bits.items() if int(found) & bit]
        for one in present:
            for other in present:
                if one != other:
                    pairs[one][other] += count
    names = dict(everyone)
    return [
        Company(
            p.name,
            sorted(
                ((names[i], n) for i, n in pairs.get(p.id or 0, Counter()).items()),
                key=lambda pair: (-pair[1], pair[0]),
            ),
        )
        for p in scope.people
    ]


def _company_by_pairs(session: Session, scope: Scope) -> list[Company]:
    """The same, by joining the parts of each viewing to each other (for many people)."""
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
