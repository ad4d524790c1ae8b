"""How far people are through a checklist: overall, winners, per decade and per group.

Counted in SQL, one query: who has seen each film (viewings and ticks), then per group and
decade, the totals, what each person has seen, and what all of them ("both") or any of them
("either") have seen. Python only adds up the ~100 rows that come back.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, Select, and_, case, func
from sqlmodel import Session, col, select

from diary.core.checklists.ticks import listed_films, seen_union
from diary.store.models import Checklist, ChecklistGroup, ChecklistItem, Person


@dataclass
class Tally:
    total: int = 0
    seen: dict[int, int] = field(default_factory=dict)  # person id -> films seen
    both: int = 0  # seen by every one of the people
    either: int = 0  # seen by at least one

    @property
    def neither(self) -> int:
        return self.total - self.either

    def add(self, other: "Tally") -> None:
        self.total += other.total
        for person_id, count in other.seen.items():
            self.seen[person_id] = self.seen.get(person_id, 0) + count
        self.both += other.both
        self.either += other.either


@dataclass
class Part:
    """One slice of the list (a decade, a ceremony): all its entries, and its winners."""

    key: str
    label: str
    all: Tally = field(default_factory=Tally)
    winners: Tally = field(default_factory=Tally)

    def add(self, entries: Tally, winners: Tally) -> None:
        self.all.add(entries)
        self.winners.add(winners)


@dataclass
class Progress:
    checklist: Checklist
    people: list[Person]
    overall: Part
    decades: list[Part]
    groups: list[Part]


def progress(session: Session, checklist: Checklist, people: Sequence[Person]) -> Progress:
    assert checklist.id is not None
    ids = [p.id for p in people if p.id is not None]
    overall = Part("all", "All")
    decades: dict[str, Part] = {}
    groups: dict[str, Part] = {}
    for row in session.execute(_query(checklist.id, ids)):
        entries, winners = _tallies(row, ids)
        overall.add(entries, winners)
        decade = row.decade
        key = str(decade) if decade is not None else "?"
        decades.setdefault(key, Part(key, f"{decade}s" if decade is not None else "No year"))
        decades[key].add(entries, winners)
        if row.group_id is not None:
            name = str(row.number if row.number is not None else row.group_key)
            groups.setdefault(name, Part(name, row.label))
            groups[name].add(entries, winners)
    ordered = sorted(decades.values(), key=lambda p: (p.key == "?", p.key))
    return Progress(checklist, list(people), overall, ordered, list(groups.values()))


def _query(checklist_id: int, ids: list[int]) -> Select[Any]:
    seen = seen_union(ids, listed_films(checklist_id)).subquery()
    mine = [
        func.max(case((seen.c.person_id == person_id, 1), else_=0)).label(f"p{i}")
        for i, person_id in enumerate(ids)
    ]
    per_film = (
        select(seen.c.film_id, func.count().label("n"), *mine).group_by(seen.c.film_id).subquery()
    )
    winner = col(ChecklistItem.winner)
    decade = (col(ChecklistItem.listed_year) // 10) * 10

    def count(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    columns = [
        col(ChecklistGroup.id).label("group_id"),
        col(ChecklistGroup.key).label("group_key"),
        col(ChecklistGroup.number).label("number"),
        col(ChecklistGroup.label).label("label"),
        decade.label("decade"),
        func.count(col(ChecklistItem.id)).label("total"),
        count(winner).label("winners"),
    ]
    for i in range(len(ids)):
        column = per_film.c[f"p{i}"]
        columns.append(count(column == 1).label(f"seen{i}"))
        columns.append(count(and_(winner, column == 1)).label(f"won{i}"))
    if ids:
        columns += [
            count(per_film.c.n == len(ids)).label("both"),
            count(per_film.c.n >= 1).label("either"),
            count(and_(winner, per_film.c.n == len(ids))).label("won_both"),
            count(and_(winner, per_film.c.n >= 1)).label("won_either"),
        ]
    query: Select[Any] = (
        select(*columns)
        .select_from(ChecklistItem)
        .join(ChecklistGroup, col(ChecklistGroup.id) == col(ChecklistItem.group_id), isouter=True)
        .join(per_film, per_film.c.film_id == col(ChecklistItem.film_id), isouter=True)
        .where(ChecklistItem.checklist_id == checklist_id)
        .group_by(col(ChecklistGroup.id), decade)
        .order_by(col(ChecklistGroup.position), col(ChecklistGroup.id), decade)
    )
    return query


def _tallies(row: Row[Any], ids: list[int]) -> tuple[Tally, Tally]:
    entries = Tally(total=row.total)
    winners = Tally(total=row.winners)
    for i, person_id in enumerate(ids):
        entries.seen[person_id] = getattr(row, f"seen{i}")
        winners.seen[person_id] = getattr(row, f"won{i}")
    if ids:
        entries.both, entries.either = row.both, row.either
        winners.both, winners.either = row.won_both, row.won_either
    return entries, winners


def percent(count: int, total: int) -> str:
    """Whole percent, rounded; one decimal under 1% (3 of 621 is 0.5, and one seen is never 0),
    and never 100 until every one is seen (620 of 621 is 99)."""
    if not total or not count:
        return "0"
    tenths = round(100 * count / total, 1)
    if tenths < 1:
        return f"{max(tenths, 0.1):.1f}"
    share = round(100 * count / total)
    return str(min(share, 99) if count < total else share)


def summary(found: Progress) -> str:
    """One line for the newsletter: 'Best Picture so far: Ellen 149 of 621 (24%), …'."""
    overall, people = found.overall, found.people
    total = overall.all.total

    def share(count: int) -> str:
        return f"{count} of {total} ({percent(count, total)}%)"

    parts = [f"{p.name} {share(overall.all.seen.get(p.id or 0, 0))}" for p in people]
    line = f"{found.checklist.name} so far: " + (", ".join(parts) if parts else "nobody yet")
    if len(people) > 1:
        line += f"; together {overall.all.either} seen by at least one, {overall.all.both} by all"
    if overall.winners.total:
        won = overall.winners.either if people else 0
        line += f"; {won} of {overall.winners.total} winners seen"
    return line + "."
