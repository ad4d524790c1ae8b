"""`diary stats bp`: Best Picture progress over time, by decade and ceremony, and in common.

"Over time" dates each nominee by the person's first dated diary entry of it. A nominee
seen only by a hand tick, or only in undated entries, has no date: it counts from the start.
"""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.core.checklists import best_picture
from diary.core.progress import Progress, progress
from diary.core.ticks import listed_films, seen_union
from diary.store.models import Checklist, ChecklistItem, Person, Viewing, ViewingPerson


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
    return BestPictureStats(
        found, timelines(session, checklist, people), seen_by_all(session, checklist, people)
    )


def timelines(session: Session, checklist: Checklist, people: list[Person]) -> list[Timeline]:
    ids = [p.id for p in people if p.id is not None]
    listed = listed_films(checklist.id)
    first: dict[int, dict[int, date]] = {i: {} for i in ids}
    query = (
        select(col(ViewingPerson.person_id), col(Viewing.film_id), func.min(Viewing.watched_on))
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(
            col(ViewingPerson.person_id).in_(ids),
            col(Viewing.film_id).in_(listed),
            col(Viewing.watched_on).is_not(None),
        )
        .group_by(col(ViewingPerson.person_id), col(Viewing.film_id))
    )
    for person_id, film_id, day in session.execute(query):
        first[person_id][film_id] = day
    seen: dict[int, int] = dict.fromkeys(ids, 0)
    if ids:
        union = seen_union(ids, listed).subquery()
        for person_id, count in session.execute(
            select(union.c.person_id, func.count()).group_by(union.c.person_id)
        ):
            seen[person_id] = count
    found = []
    for person in people:
        dated = first.get(person.id or 0, {})
        line = Timeline(person, undated=seen.get(person.id or 0, 0) - len(dated))
        per_day: dict[date, int] = {}
        for day in dated.values():
            per_day[day] = per_day.get(day, 0) + 1
        total = line.undated
        for day in sorted(per_day):
            total += per_day[day]
            line.points.append((day, total))
        found.append(line)
    return found


def seen_by_all(
    session: Session, checklist: Checklist, people: list[Person]
) -> list[tuple[str, int | None]]:
    """(title, year) of every nominee each of the people has seen, oldest first."""
    ids = [p.id for p in people if p.id is not None]
    if not ids:
        return []
    union = seen_union(ids, listed_films(checklist.id)).subquery()
    shared = (
        select(union.c.film_id)
        .group_by(union.c.film_id)
        .having(func.count(func.distinct(union.c.person_id)) == len(ids))
    )
    query = (
        select(col(ChecklistItem.listed_title), col(ChecklistItem.listed_year))
        .where(
            ChecklistItem.checklist_id == checklist.id,
            col(ChecklistItem.film_id).in_(shared),
        )
        .distinct()
        .order_by(col(ChecklistItem.listed_year), col(ChecklistItem.listed_title))
    )
    return [(title, year) for title, year in session.execute(query)]
