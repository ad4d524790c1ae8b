"""How people rated: entries, first watches and rewatches, histograms, averages, the best-
and worst-rated films, and the viewings where co-viewers disagreed most."""

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from diary.base.titles import display
from diary.core.stats.scope import Scope, Watcher, rows, where

TOP = 5


@dataclass
class PersonRatings:
    person: Watcher
    entries: int = 0
    first_watches: int = 0
    rewatches: int = 0
    histogram: dict[int, int] = field(default_factory=lambda: dict.fromkeys(range(1, 11), 0))

    @property
    def rated(self) -> int:
        return sum(self.histogram.values())

    @property
    def average(self) -> float | None:
        """The average in stars (half-stars / 2), to two places; None with no ratings."""
        if not self.rated:
            return None
        halves = sum(h * n for h, n in self.histogram.items())
        return round(halves / self.rated / 2, 2)


@dataclass(frozen=True)
class FilmName:
    """A film as the figures name it."""

    id: int
    title: str
    year: int | None

    @property
    def label(self) -> str:
        return display(self.title, self.year)


@dataclass
class RatedFilm:
    film: FilmName
    average: float  # stars
    ratings: int


@dataclass
class Disagreement:
    film: FilmName
    watched_on: date | None
    spread: float  # stars between the highest and the lowest rating
    ratings: list[tuple[str, float]]  # (person, stars), highest first


def per_person(session: Session, scope: Scope) -> list[PersonRatings]:
    """Each person's entries, first watches, rewatches and ratings, counted in SQL per
    person, rating and rewatch flag (all time, an index holds exactly those)."""
    found = {p.id: PersonRatings(p) for p in scope.people}
    query = (
        "SELECT vp.person_id, vp.rating, vp.rewatch, count(*) "
        f"FROM viewing_person vp {where(scope.parts())} "
        "GROUP BY vp.person_id, vp.rating, vp.rewatch"
    )
    for person_id, rating, rewatch, count in rows(session, query, scope.params):
        mine = found.get(person_id)
        if mine is None:
            continue
        mine.entries += count
        if rewatch:
            mine.rewatches += count
        else:
            mine.first_watches += count
        if rating in mine.histogram:
            mine.histogram[rating] += count
    return list(found.values())


def rated_films(
    session: Session, scope: Scope, limit: int = TOP
) -> tuple[list[RatedFilm], list[RatedFilm]]:
    """The films with the highest and the lowest average rating in scope; on a tie, more
    ratings first, then the title."""
    conditions = ["vp.rating IS NOT NULL", *scope.parts()]
    query = (
        "SELECT v.film_id, sum(vp.rating), count(vp.rating) FROM viewing v "
        f"JOIN viewing_person vp ON vp.viewing_id = v.id {where(conditions)} "
        "GROUP BY v.film_id"
    )
    averages = [
        (film_id, total / n, n) for film_id, total, n in rows(session, query, scope.params) if n
    ]
    if not averages:
        return [], []
    lowest = _leading(averages, lambda row: (row[1], -row[2]), limit)
    highest = _leading(averages, lambda row: (-row[1], -row[2]), limit)
    films: dict[int, tuple[FilmName, str]] = {
        film_id: (FilmName(film_id, title, year), key)
        for film_id, title, year, key in rows(
            session,
            "SELECT id, title, year, title_key FROM film WHERE id IN :ids",
            {"ids": sorted({row[0] for row in lowest + highest})},
        )
    }

    def ordered(found: list[tuple[int, float, int]], best: bool) -> list[RatedFilm]:
        sign = -1 if best else 1
        found = sorted(found, key=lambda r: (sign * r[1], -r[2], films[r[0]][1], r[0]))
        return [RatedFilm(films[i][0], round(avg / 2, 2), n) for i, avg, n in found[:limit]]

    return ordered(highest, True), ordered(lowest, False)


def _leading(
    rows: list[tuple[int, float, int]], key: Callable[[tuple[int, float, int]], Any], limit: int
) -> list[tuple[int, float, int]]:
    """The first `limit` rows by `key`, and every row tied with the last of them (the title
    decides among those)."""
    if len(rows) <= limit:
        return sorted(rows, key=key)
    last = key(heapq.nsmallest(limit, rows, key=key)[-1])
    return sorted((row for row in rows if key(row) <= last), key=key)


def disagreements(
    session: Session, scope: Scope, limit: int = TOP, people: list[PersonRatings] | None = None
) -> list[Disagreement]:
    """Viewings rated by two or more people, widest gap between their ratings first.

    With the people's ratings at hand (`per_person` of the same scope), the widest gap there
    can be is known: the highest rating anyone gave less the lowest. A large diary usually
    has several viewings that wide, and the first of them (in id order) are found by reading
    the viewings only until there are enough; else every viewing is ranked.
    """
    per_viewing = f"FROM viewing_person vp {where(scope.parts())} GROUP BY vp.viewing_id "
    spread = "max(vp.rating) - min(vp.rating)"
    widest: list[Any] = []
    if people is not None:
        given = [h for p in people for h, n in p.histogram.items() if n]
        gap = max(given, default=0) - min(given, default=0)
        if gap <= 0:
            return []  # one rating value (or none) leaves nothing to disagree about
        widest = list(
            rows(
                session,
                f"SELECT vp.viewing_id, {spread} {per_viewing}HAVING {spread} >= {int(gap)} "
                f"ORDER BY vp.viewing_id LIMIT {int(limit)}",
                scope.params,
            )
        )
    if len(widest) < limit:
        widest = list(  # two different ratings make two ratings: no count needed
            rows(
                session,
                f"SELECT vp.viewing_id, {spread} AS spread {per_viewing}"
                "HAVING max(vp.rating) > min(vp.rating) "
                f"ORDER BY spread DESC, vp.viewing_id LIMIT {int(limit)}",
                scope.params,
            )
        )
    if not widest:
        return []
    ids = [viewing_id for viewing_id, _ in widest]
    viewings = {
        viewing_id: (day, FilmName(film_id, title, year))
        for viewing_id, day, film_id, title, year in rows(
            session,
            "SELECT v.id, v.watched_on, f.id, f.title, f.year FROM viewing v "
            "JOIN film f ON f.id = v.film_id WHERE v.id IN :ids",
            {"ids": ids},
            dates=["watched_on"],
        )
    }
    said: dict[int, list[tuple[str, float]]] = {i: [] for i in ids}
    mine = "AND vp.person_id IN :people" if scope.named else ""
    for viewing_id, name, halves in rows(
        session,
        "SELECT vp.viewing_id, p.name, vp.rating FROM viewing_person vp "
        "JOIN person p ON p.id = vp.person_id "
        f"WHERE vp.viewing_id IN :ids AND vp.rating IS NOT NULL {mine}",
        {"ids": ids, "people": scope.person_ids},
    ):
        said[viewing_id].append((name, halves / 2))
    found = []
    for viewing_id, gap in widest:
        day, film = viewings[viewing_id]
        ordered = sorted(said[viewing_id], key=lambda pair: (-pair[1], pair[0]))
        found.append(Disagreement(film, day, gap / 2, ordered))
    return found
