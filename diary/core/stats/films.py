"""Which films: how many different ones, their release decades, and the hours they took.

Runtimes come from imported pages (a `runtime` fact in minutes); films without one are
counted, so the hours are never a silent undercount.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.core.stats.scope import Scope
from diary.store.models import Film, FilmFact, Viewing

MINUTES = re.compile(r"\d{1,4}")


@dataclass
class Films:
    distinct: int = 0
    decades: list[tuple[str, int]] = field(default_factory=list)  # ("1970s", viewings)
    minutes: int = 0  # runtime of every viewing whose film has one
    timed_viewings: int = 0
    untimed_films: int = 0  # films in scope with no known runtime

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


def films(session: Session, scope: Scope) -> Films:
    found = Films()
    per_film: dict[int, int] = {}
    decades = Counter[int | None]()
    query = (
        select(col(Viewing.film_id), col(Film.year), func.count())
        .join(Film, col(Film.id) == col(Viewing.film_id))
        .where(*scope.viewings())
        .group_by(col(Viewing.film_id), col(Film.year))
    )
    for film_id, year, count in session.execute(query):
        per_film[film_id] = count
        decades[year // 10 * 10 if year is not None else None] += count
    found.distinct = len(per_film)
    found.decades = [
        (f"{d}s" if d is not None else "No year", decades[d])
        for d in sorted(decades, key=lambda d: (d is None, d or 0))
    ]
    runtimes = _runtimes(session, scope)
    for film_id, count in per_film.items():
        minutes = runtimes.get(film_id)
        if minutes is None:
            found.untimed_films += 1
        else:
            found.minutes += minutes * count
            found.timed_viewings += count
    return found


def _runtimes(session: Session, scope: Scope) -> dict[int, int]:
    """Film id -> minutes, for films in scope with a runtime fact (the first source's)."""
    in_scope = select(col(Viewing.film_id)).where(*scope.viewings())
    query = (
        select(col(FilmFact.film_id), col(FilmFact.value))
        .where(FilmFact.kind == "runtime", col(FilmFact.film_id).in_(in_scope))
        .order_by(col(FilmFact.film_id), col(FilmFact.source), col(FilmFact.position))
    )
    found: dict[int, int] = {}
    for film_id, value in session.execute(query):
        match = MINUTES.search(value or "")
        if film_id not in found and match and int(match.group()) > 0:
            found[film_id] = int(match.group())
    return found
