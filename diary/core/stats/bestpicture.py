"""`diary stats bp`: Best Picture progress over time, by decade and ceremony, and in common.

"Over time" dates each nominee by the person's first dated diary entry of it. A nominee
seen only by a hand tick, or only in undated entries, has no date: it counts from the start.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.core.checklists.lists import best_picture
from diary.core.checklists.progress import Progress, progress
from diary.core.checklists.ticks import listed_films
from diary.store.models import (
    Checklist,
    ChecklistItem,
    FilmTick,
    Person,
    Viewing,
    ViewingPerson,
)


@dataclass
class Timeline:
    person: Person
    undated: int = 0  # seen with no date to put it at
    points: list[tuple[date, int]] = field(default_factory=list)  # (day, seen by then)

    @property
    def seen(self) -> int:
        return self.points[-1][1] if self.points else self.undated


@dataclass
class BestPictureStats:
    progress: Progress
    timelines: list[Timeline]
    everyone: list[tuple[str, int | None]]  # nominees all the people have seen


def bp_stats(session: Session, people: list[Person]) -> BestPictureStats:
    checklist = best_picture(session)
    found = progress(session, checklist, people)
    first = first_seen(session, checklist, people)
    return BestPictureStats(
        found, timelines(people, first), seen_by_all(session, checklist, people, first)
    )


def first_seen(
    session: Session, checklist: Checklist, people: list[Person]
) -> dict[int, dict[int, date | None]]:
    """Person id -> {nominee film id -> date first seen, None when it has no date}.

    Viewings of nominees are found from the films (by the viewing's film index) and only
    then narrowed to the people: asking for the people first would walk all their viewings.
    """
    ids = {p.id for p in people if p.id is not None}
    found: dict[int, dict[int, date | None]] = {i: {} for i in ids}
    listed = listed_films(checklist.id)
    viewed = (
        select(col(ViewingPerson.person_id), col(Viewing.film_id), func.min(Viewing.watched_on))
        .select_from(Viewing)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(col(Viewing.film_id).in_(listed))
        .group_by(col(ViewingPerson.person_id), col(Viewing.film_id))
    )
    for person_id, film_id, day in session.execute(viewed):
        if person_id in ids:
            found[person_id][film_id] = day
    ticked = select(col(FilmTick.person_id), col(FilmTick.film_id)).where(
        col(FilmTick.film_id).in_(listed)
    )
    for person_id, film_id in session.execute(ticked):
        if person_id in ids:
            found[person_id].setdefault(film_id, None)
    return found


def timelines(people: list[Person], first: dict[int, dict[int, date | None]]) -> list[Timeline]:
    found = []
    for person in people:
        seen = first.get(person.id or 0, {})
        dated = [day for day in seen.values() if day is not None]
        line = Timeline(person, undated=len(seen) - len(dated))
        total = line.undated
        for day, count in sorted(Counter(dated).items()):
            total += count
            line.points.append((day, total))
        found.append(line)
    return found


def seen_by_all(
    session: Session,
    checklist: Checklist,
    people: list[Person],
    first: dict[int, dict[int, date | None]],
) -> list[tuple[str, int | None]]:
    """(title, year) of every nominee each of the people has seen, oldest first."""
    if not people:
        return []
    shared = set.intersection(*(set(first.get(p.id or 0, {})) for p in people))
    if not shared:
        return []
    query = (
        select(col(ChecklistItem.listed_title), col(ChecklistItem.listed_year))
        .where(
            ChecklistItem.checklist_id == checklist.id,
            col(ChecklistItem.film_id).in_(sorted(shared)),
        )
        .distinct()
        .order_by(col(ChecklistItem.listed_year), col(ChecklistItem.listed_title))
    )
    return [(title, year) for title, year in session.execute(query)]
