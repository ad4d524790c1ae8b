"""Where, how and with whom: the people each person watches with most, tags and places."""

from collections import Counter
from dataclasses import dataclass

from sqlmodel import Session

from diary.core.stats.scope import Scope, rows, where

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
    everyone = list(rows(session, "SELECT id, name FROM person ORDER BY id", {}))
    if not everyone:
        return []
    if len(everyone) > MAX_BITS:
        return _company_by_pairs(session, scope)
    bits = {int(person_id): 1 << i for i, (person_id, _) in enumerate(everyone)}
    cases = " ".join(f"WHEN {person_id} THEN {bit}" for person_id, bit in bits.items())
    mask = f"CAST(sum(CASE vp.person_id {cases} ELSE 0 END) AS BIGINT)"
    query = (  # a set of one person (a single bit) has no company: left out before counting
        f"SELECT s.mask, count(*) FROM (SELECT {mask} AS mask FROM viewing_person vp "
        f"{where(scope.in_period('vp.viewing_id'))} GROUP BY vp.viewing_id "
        f"HAVING ({mask} & ({mask} - 1)) != 0) s GROUP BY s.mask"
    )
    pairs: dict[int, Counter[int]] = {i: Counter() for i, _ in everyone}
    for found, count in rows(session, query, scope.params):
        present = [i for i, bit in bits.items() if int(found) & bit]
        for one in present:
            for other in present:
                if one != other:
                    pairs[one][other] += count
    names: dict[int, str] = dict(everyone)
    return [
        Company(
            p.name,
            sorted(
                ((names[i], n) for i, n in pairs.get(p.id, Counter()).items()),
                key=lambda pair: (-pair[1], pair[0]),
            ),
        )
        for p in scope.people
    ]


def _company_by_pairs(session: Session, scope: Scope) -> list[Company]:
    """The same, by joining the parts of each viewing to each other (for many people)."""
    query = (
        "SELECT mine.person_id, other.name, count(*) AS n FROM viewing_person mine "
        "JOIN viewing_person theirs ON theirs.viewing_id = mine.viewing_id "
        "AND theirs.person_id != mine.person_id "
        "JOIN person other ON other.id = theirs.person_id "
        f"{where([*scope.in_period('mine.viewing_id'), 'mine.person_id IN :people'])} "
        "GROUP BY mine.person_id, other.id, other.name "
        "ORDER BY mine.person_id, n DESC, other.name"
    )
    together: dict[int, list[tuple[str, int]]] = {p.id: [] for p in scope.people}
    for person_id, name, n in rows(session, query, scope.params):
        together[person_id].append((name, n))
    return [Company(p.name, together[p.id]) for p in scope.people]


def tags(session: Session, scope: Scope, limit: int = TOP) -> list[tuple[str, int]]:
    conditions = scope.viewings()
    joined = "JOIN viewing v ON v.id = t.viewing_id" if conditions else ""
    query = (
        f"SELECT t.tag, count(*) AS n FROM viewing_tag t {joined} {where(conditions)} "
        f"GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT {int(limit)}"
    )
    return [(tag, n) for tag, n in rows(session, query, scope.params)]


def places(session: Session, scope: Scope, limit: int = TOP) -> list[tuple[str, int]]:
    conditions = ["v.place IS NOT NULL", "v.place != ''", *scope.viewings()]
    query = (
        f"SELECT v.place, count(*) AS n FROM viewing v {where(conditions)} "
        f"GROUP BY v.place ORDER BY n DESC, v.place LIMIT {int(limit)}"
    )
    return [(place, n) for place, n in rows(session, query, scope.params)]
