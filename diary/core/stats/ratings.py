"""How people rated: entries, first watches and rewatches, histograms, averages, the best-
and worst-rated films, and the viewings where co-viewers disagreed most."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Integer, and_, case, cast, func
from sqlmodel import Session, col, select

from diary.core.stats.scope import Scope
from diary.store.models import Film, Person, Viewing, ViewingPerson

TOP = 5


@dataclass
class PersonRatings:
    person: Person
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


@dataclass
class RatedFilm:
    film: Film
    average: float  # stars
    ratings: int


@dataclass
class Disagreement:
    film: Film
    watched_on: date | None
    spread: float  # stars between the highest and the lowest rating
    ratings: list[tuple[str, float]]  # (person, stars), highest first


def per_person(session: Session, scope: Scope) -> list[PersonRatings]:
    """Each person's entries, first watches, rewatches and ratings: one row per person, the
    histogram counted in SQL (a column per half star)."""
    found = {p.id: PersonRatings(p) for p in scope.people}
    rating = col(ViewingPerson.rating)
    halves = [func.sum(case((rating == h, 1), else_=0)) for h in range(1, 11)]
    query = select(
        col(ViewingPerson.person_id),
        func.count(),
        func.sum(case((col(ViewingPerson.rewatch), 1), else_=0)),
        *halves,
    ).group_by(col(ViewingPerson.person_id))
    query = scope.joined(query, col(ViewingPerson.viewing_id)).where(*scope.parts())
    for person_id, entries, rewatches, *counts in session.execute(query):
        mine = found.get(person_id)
        if mine is None:
            continue
        mine.entries, mine.rewatches = entries, int(rewatches or 0)
        mine.first_watches = entries - mine.rewatches
        mine.histogram = {h: int(n or 0) for h, n in zip(range(1, 11), counts, strict=True)}
    return list(found.values())


def rated_films(
    session: Session, scope: Scope, limit: int = TOP
) -> tuple[list[RatedFilm], list[RatedFilm]]:
    """The films with the highest and the lowest average rating in scope; on a tie, more
    ratings first, then the title. Ratings are summed per viewing first (in the order of the
    viewing_person key), then per film: far cheaper than joining every rating to its film."""
    rating = col(ViewingPerson.rating)
    per_viewing: Any = (
        select(
            col(ViewingPerson.viewing_id).label("viewing_id"),
            func.sum(rating).label("total"),
            func.count(rating).label("n"),
        )
        .where(rating.is_not(None))
        .group_by(col(ViewingPerson.viewing_id))
    )
    per_viewing = scope.joined(per_viewing, col(ViewingPerson.viewing_id)).where(*scope.parts())
    rated = per_viewing.subquery()
    # A sum of sums is a NUMERIC on PostgreSQL (a Decimal in Python): whole numbers here.
    query = (
        select(
            col(Viewing.film_id),
            cast(func.sum(rated.c.total), Integer),
            cast(func.sum(rated.c.n), Integer),
        )
        .join(rated, rated.c.viewing_id == col(Viewing.id))
        .group_by(col(Viewing.film_id))
    )
    averages = [(film_id, total / n, n) for film_id, total, n in session.execute(query) if n]
    if not averages:
        return [], []
    lowest = _leading(averages, lambda row: (row[1], -row[2]), limit)
    highest = _leading(averages, lambda row: (-row[1], -row[2]), limit)
    films = {
        f.id: f
        for f in session.exec(
            select(Film).where(col(Film.id).in_({row[0] for row in lowest + highest}))
        )
    }

    def ordered(rows: list[tuple[int, float, int]], best: bool) -> list[RatedFilm]:
        sign = -1 if best else 1
        rows = sorted(rows, key=lambda r: (sign * r[1], -r[2], films[r[0]].title_key, r[0]))
        return [RatedFilm(films[i], round(avg / 2, 2), n) for i, avg, n in rows[:limit]]

    return ordered(highest, True), ordered(lowest, False)


def _leading(
    rows: list[tuple[int, float, int]], key: Callable[[tuple[int, float, int]], Any], limit: int
) -> list[tuple[int, float, int]]:
    """The first `limit` rows by `key`, and every row tied with the last of them (the title
    decides among those)."""
    ordered = sorted(rows, key=key)
    if len(ordered) <= limit:
        return ordered
    last = key(ordered[limit - 1])
    return [row for row in ordered if key(row) <= last]


def disagreements(session: Session, scope: Scope, limit: int = TOP) -> list[Disagreement]:
    """Viewings rated by two or more people, widest gap between their ratings first."""
    rating = col(ViewingPerson.rating)
    spread = (func.max(rating) - func.min(rating)).label("spread")
    widest = (
        select(col(ViewingPerson.viewing_id), spread)
        .where(rating.is_not(None))
        .group_by(col(ViewingPerson.viewing_id))
        .having(and_(func.count(rating) >= 2, func.max(rating) > func.min(rating)))
        .order_by(spread.desc(), col(ViewingPerson.viewing_id))
        .limit(limit)
    )
    widest = scope.joined(widest, col(ViewingPerson.viewing_id)).where(*scope.parts())
    rows = list(session.execute(widest))
    if not rows:
        return []
    ids = [viewing_id for viewing_id, _ in rows]
    viewings = {
        v.id: (v, f)
        for v, f in session.execute(
            select(Viewing, Film)
            .join(Film, col(Film.id) == col(Viewing.film_id))
            .where(col(Viewing.id).in_(ids))
        )
    }
    said: dict[int, list[tuple[str, float]]] = {i: [] for i in ids}
    parts = (
        select(col(ViewingPerson.viewing_id), col(Person.name), rating)
        .join(Person, col(Person.id) == col(ViewingPerson.person_id))
        .where(col(ViewingPerson.viewing_id).in_(ids), rating.is_not(None))
    )
    if scope.named:
        parts = parts.where(col(ViewingPerson.person_id).in_(scope.person_ids))
    for viewing_id, name, halves in session.execute(parts):
        said[viewing_id].append((name, halves / 2))
    found = []
    for viewing_id, gap in rows:
        viewing, film = viewings[viewing_id]
        ordered = sorted(said[viewing_id], key=lambda pair: (-pair[1], pair[0]))
        found.append(Disagreement(film, viewing.watched_on, gap / 2, ordered))
    return found
