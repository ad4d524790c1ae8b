"""Everything `diary stats` shows, gathered in one read transaction."""

from collections.abc import Collection
from dataclasses import dataclass, field

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

FIGURES = ("calendar", "films", "people", "company", "tags", "places", "rated", "disagreements")


@dataclass
class DiaryStats:
    scope: Scope
    calendar: Calendar = field(default_factory=Calendar)
    films: Films = field(default_factory=Films)
    people: list[PersonRatings] = field(default_factory=list)
    company: list[Company] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    places: list[tuple[str, int]] = field(default_factory=list)
    best: list[RatedFilm] = field(default_factory=list)
    worst: list[RatedFilm] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def first_watches(self) -> int:
        return sum(p.first_watches for p in self.people)

    @property
    def rewatches(self) -> int:
        return sum(p.rewatches for p in self.people)


def diary_stats(session: Session, scope: Scope, only: Collection[str] = FIGURES) -> DiaryStats:
    """Every figure, or `only` those named (a chart needs one; the others stay empty)."""
    cache_for_whole_indexes(session.connection())
    found = DiaryStats(scope)
    if "calendar" in only:
        found.calendar = calendar(session, scope)
    if "films" in only:
        found.films = films(session, scope)
    if "people" in only:
        found.people = per_person(session, scope)
    if "company" in only:
        found.company = company(session, scope)
    if "tags" in only:
        found.tags = tags(session, scope)
    if "places" in only:
        found.places = places(session, scope)
    if "rated" in only:
        found.best, found.worst = rated_films(session, scope)
    if "disagreements" in only:
        rated = found.people if "people" in only else None
        found.disagreements = disagreements(session, scope, people=rated)
    return found
