"""How people rated: entries, first watches and rewatches, histograms, averages, the best-
and worst-rated films, and the viewings where co-viewers disagreed most."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, func
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
    found = {p.id: PersonRatings(p) for p in scope.people}
    query = (
        select(
            col(ViewingPerson.person_id),
            col(ViewingPerson.rating),
            col(ViewingPerson.rewatch),
            func.count(),
        )
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(*scope.parts())
        .group_by(
            col(ViewingPerson.person_id), col(ViewingPerson.rating), col(ViewingPerson.rewatch)
        )
    )
    for person_id, rating, rewatch, count in session.execute(query):
        mine = found.get(person_id)
        if mine is None:
            continue
        mine.entries += count
        if rewatch:
            mine.rewatches += count
        else:
            mine.first_watches += count
        if rating is not None:
            mine.histogram[rating] = mine.histogram.get(rating, 0) + count
    return list(found.values())


def rated_films(session: Session, scope: Scope, best: bool, limit: int = TOP) -> list[RatedFilm]:
    """The films with the highest (or lowest) average rating in scope; more ratings first on
    a tie, then by title."""
    average = func.avg(col(ViewingPerson.rating))
    count = func.count(col(ViewingPerson.rating))
    query = (
        select(Film, average, count)
        .join(Viewing, col(Viewing.film_id) == col(Film.id))
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(col(ViewingPerson.rating).is_not(None), *scope.parts())
        .group_by(col(Film.id))
        .order_by(
            average.desc() if best else average.asc(),
            count.desc(),
            col(Film.title_key),
            col(Film.id),
        )
        .limit(limit)
    )
    return [RatedFilm(film, round(float(avg) / 2, 2), n) for film, avg, n in session.execute(query)]


def disagreements(session: Session, scope: Scope, limit: int = TOP) -> list[Disagreement]:
    """Viewings rated by two or more people, widest gap between their ratings first."""
    rating = col(ViewingPerson.rating)
    spread = (func.max(rating) - func.min(rating)).label("spread")
    widest = (
        select(col(ViewingPerson.viewing_id), spread)
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(rating.is_not(None), *scope.parts())
        .group_by(col(ViewingPerson.viewing_id))
        .having(and_(func.count(rating) >= 2, func.max(rating) > func.min(rating)))
        .order_by(spread.desc(), col(ViewingPerson.viewing_id))
        .limit(limit)
    )
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
