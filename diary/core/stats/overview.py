"""Everything `diary stats` shows, gathered in one read transaction."""

from dataclasses import dataclass

from sqlmodel import Session

from diary.core.stats.calendar import Calendar, calendar
from diary.core.stats.company import Company, company, places, tags
from diary.core.stats.films import Films, films
from diary.core.stats.ratings import (
    Disagreement,
    PersonRatings,
    RatedFilm,
    disagreements,
    per_person,
    rated_films,
)
from diary.core.stats.scope import Scope
from diary.store.dialect import cache_for_whole_indexes


@dataclass
class DiaryStats:
    scope: Scope
    calendar: Calendar
    films: Films
    people: list[PersonRatings]
    company: list[Company]
    tags: list[tuple[str, int]]
    places: list[tuple[str, int]]
    best: list[RatedFilm]
    worst: list[RatedFilm]
    disagreements: list[Disagreement]

    @property
    def first_watches(self) -> int:
        return sum(p.first_watches for p in self.people)

    @property
    def rewatches(self) -> int:
        return sum(p.rewatches for p in self.people)


def diary_stats(session: Session, scope: Scope) -> DiaryStats:
    cache_for_whole_indexes(session.connection())
    best, worst = rated_films(session, scope)
    return DiaryStats(
        scope=scope,
        calendar=calendar(session, scope),
        films=films(session, scope),
        people=per_person(session, scope),
        company=company(session, scope),
        tags=tags(session, scope),
        places=places(session, scope),
        best=best,
        worst=worst,
        disagreements=disagreements(session, scope),
    )
