"""Which films: how many different ones, their release decades, and the hours they took.

Runtimes come from imported pages (a `runtime` fact in minutes); films without one are
counted, so the hours are never a silent undercount.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlmodel import Session

from diary.core.stats.scope import Scope, rows, where

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
    """One row per film in scope (its year and viewings) and per runtime fact it has, the
    first source's first: viewings are counted per film through the film index before any
    film is looked at."""
    found = Films()
    per_film: dict[int, int] = {}
    decades = Counter[int | None]()
    runtimes: dict[int, int] = {}
    query = (
        "SELECT c.film_id, f.year, c.n, ff.value FROM ("
        f"SELECT v.film_id AS film_id, count(*) AS n FROM viewing v {where(scope.viewings())} "
        "GROUP BY v.film_id) c JOIN film f ON f.id = c.film_id "
        "LEFT JOIN film_fact ff ON ff.film_id = c.film_id AND ff.kind = 'runtime' "
        "ORDER BY c.film_id, ff.source, ff.position"
    )
    for film_id, year, count, runtime in rows(session, query, scope.params):
        if film_id not in per_film:
            per_film[film_id] = count
            decades[year // 10 * 10 if year is not None else None] += count
        match = MINUTES.search(runtime or "")
        if film_id not in runtimes and match and int(match.group()) > 0:
            runtimes[film_id] = int(match.group())
    found.distinct = len(per_film)
    found.decades = [
        (f"{d}s" if d is not None else "No year", decades[d])
        for d in sorted(decades, key=lambda d: (d is None, d or 0))
    ]
    for film_id, count in per_film.items():
        minutes = runtimes.get(film_id)
        if minutes is None:
            found.untimed_films += 1
        else:
            found.minutes += minutes * count
            found.timed_viewings += count
    return found
