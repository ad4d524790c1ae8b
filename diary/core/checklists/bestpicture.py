"""The Best Picture list's own operations: ticking by hand, and adding next season's ceremony.

Ticks live on films (`film_tick`), not on the list, so updating the list never loses one.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base.errors import Ambiguous, Conflict, InvalidInput
from diary.base.titles import title_key
from diary.base.words import quoted
from diary.core.checklists import ticks
from diary.core.checklists.lists import best_picture
from diary.core.films.lookup import (
    add_film,
    check_year,
    external_ids,
    films_with_key,
    label,
    set_external_id,
)
from diary.core.films.matcher import Candidate, closest
from diary.store.models import (
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Film,
    FilmExternalId,
    Person,
)


def tick_films(
    session: Session, people: Sequence[Person], films: Sequence[Film], source: str = "by hand"
) -> list[str]:
    """Tick each film for each person; one line per person saying what changed."""
    lines = []
    for person in people:
        new = set(ticks.tick(session, person, [f.id for f in films if f.id], source))
        done = [label(f) for f in films if f.id in new]
        already = [label(f) for f in films if f.id not in new]
        if done:
            lines.append(f"Ticked {', '.join(done)} for {person.name}")
        if already:
            lines.append(f"{person.name} had already seen {', '.join(already)}")
    return lines


def untick_films(session: Session, people: Sequence[Person], films: Sequence[Film]) -> list[str]:
    return [ticks.untick(session, person, film) for person in people for film in films]


@dataclass
class Nominee:
    """One row of a ceremony file."""

    title: str
    year: int
    winner: bool = False
    imdb: str | None = None
    line: int = 0


@dataclass
class CeremonyChange:
    number: int
    label: str
    created: bool
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    winner: str | None = None  # newly marked
    films_created: list[str] = field(default_factory=list)


def add_ceremony(
    session: Session,
    nominees: Sequence[Nominee],
    number: int | None = None,
    label_: str | None = None,
) -> CeremonyChange:
    """Add a ceremony's nominees to Best Picture, or update it: new nominees, the winner.

    Idempotent: running it again with the same file changes nothing; with the winner marked
    it marks the winner. Nothing is ever removed, so no tick is lost.
    """
    if not nominees:
        raise InvalidInput("the file lists no nominees")
    years = sorted({n.year for n in nominees})
    if len(years) > 1:
        raise InvalidInput(
            f"one ceremony honours one year, but the file has {', '.join(map(str, years))}"
        )
    year = years[0]
    check_year(year)
    winners = [n for n in nominees if n.winner]
    if len(winners) > 1:
        lines = ", ".join(str(n.line) for n in winners)
        raise InvalidInput(f"a ceremony has one winner, but lines {lines} are all marked")
    checklist = best_picture(session)
    group, created = _ceremony(session, checklist, year, number, label_)
    assert group.number is not None
    change = CeremonyChange(group.number, group.label, created)
    items = {
        item.film_id: item
        for item in session.exec(select(ChecklistItem).where(ChecklistItem.group_id == group.id))
    }
    position = max((i.position for i in items.values()), default=0)
    elsewhere = set(
        session.exec(
            select(ChecklistItem.film_id).where(
                ChecklistItem.checklist_id == checklist.id, ChecklistItem.group_id != group.id
            )
        )
    )
    for nominee in nominees:
        film, new_film = _film(session, nominee, elsewhere)
        if new_film:
            change.films_created.append(label(film))
        assert film.id is not None and checklist.id is not None
        item = items.get(film.id)
        if item is None:
            position += 1
            item = ChecklistItem(
                checklist_id=checklist.id,
                group_id=group.id,
                film_id=film.id,
                position=position,
                listed_title=nominee.title,
                listed_year=year,
                note="Best Picture",
            )
            items[film.id] = item
            change.added.append(label(film))
        else:
            change.unchanged.append(label(film))
        if nominee.winner and not item.winner:
            for other in items.values():
                other.winner = False
                session.add(other)
            item.winner = True
            change.winner = label(film)
        session.add(item)
        session.flush()
    return change


def _ceremony(
    session: Session, checklist: Checklist, year: int, number: int | None, label_: str | None
) -> tuple[ChecklistGroup, bool]:
    groups = list(
        session.exec(select(ChecklistGroup).where(ChecklistGroup.checklist_id == checklist.id))
    )
    if number is not None:
        found = next((g for g in groups if g.number == number), None)
    else:
        found = next((g for g in groups if g.label == (label_ or str(year))), None)
        if found is None:  # named otherwise when it was added: the ceremony of that year
            of_year = set(
                session.exec(
                    select(ChecklistItem.group_id).where(
                        ChecklistItem.checklist_id == checklist.id,
                        ChecklistItem.listed_year == year,
                    )
                )
            )
            same = [g for g in groups if g.id in of_year]
            found = max(same, key=lambda g: g.number or 0) if same else None
    if found is not None:
        held = session.exec(
            select(func.min(ChecklistItem.listed_year)).where(ChecklistItem.group_id == found.id)
        ).one()
        if held is not None and held != year:
            raise Conflict(f"ceremony {found.number} ({found.label}) honours {held}, not {year}")
        return found, False
    _check_new(session, groups, year, number)
    if number is None:
        number = max((g.number or 0 for g in groups), default=0) + 1
    assert checklist.id is not None
    group = ChecklistGroup(
        checklist_id=checklist.id,
        key=str(number),
        label=label_ or str(year),
        number=number,
        position=number,
    )
    session.add(group)
    session.flush()
    return group, True


def _check_new(
    session: Session, groups: list[ChecklistGroup], year: int, number: int | None
) -> None:
    """A new ceremony comes next: the next number, and a season after the latest one."""
    following = max((g.number or 0 for g in groups), default=0) + 1
    if number is not None and number < 1:
        raise InvalidInput(f"there is no ceremony {number}: ceremonies are numbered from 1")
    if number is not None and number != following:
        raise InvalidInput(
            f"there is no ceremony {number} yet, and the next ceremony is {following}: "
            f"leave out --ceremony, or give {following}"
        )
    years: dict[int | None, int | None] = dict(
        session.exec(
            select(ChecklistItem.group_id, func.min(ChecklistItem.listed_year))
            .where(col(ChecklistItem.group_id).in_([g.id for g in groups]))
            .group_by(col(ChecklistItem.group_id))
        ).all()
    )
    held = [(y, g) for g in groups if (y := years.get(g.id)) is not None]
    same = [g for held_year, g in held if held_year == year]
    if same:
        raise Conflict(f"ceremony {same[0].number} ({same[0].label}) already honours {year}")
    if held:
        last_year, last = max(held, key=lambda pair: (pair[0], pair[1].number or 0))
        if last_year > year:
            raise Conflict(
                f"{year} comes before the latest season: ceremony {last.number} honours "
                f"{last_year}, and a new ceremony follows it"
            )


def _film(session: Session, nominee: Nominee, elsewhere: set[int]) -> tuple[Film, bool]:
    """The nominee's film: by IMDb id, else title (or alias) and year, else the only film
    with the title one year off that is no other ceremony's nominee (as migration 5 does);
    created when new."""
    if nominee.imdb:
        owner = session.exec(
            select(Film)
            .join(FilmExternalId, col(FilmExternalId.film_id) == col(Film.id))
            .where(FilmExternalId.source == "imdb", FilmExternalId.value == nominee.imdb)
        ).first()
        if owner is not None:
            return owner, False
    key = title_key(nominee.title)
    found = films_with_key(session, key, nominee.year)
    if len(found) > 1:
        names = ", ".join(f"{label(f)} (film {f.id})" for f in found)
        raise Ambiguous(f"line {nominee.line}: {quoted(nominee.title)} matches {names}", found)
    if not found:  # logged under a festival or foreign release year: the matcher's year rule
        others = [f for f in films_with_key(session, key, None) if f.year is not None]
        candidates = [
            Candidate(f, (f.year,), f.id not in elsewhere, external_ids(session, f).get("imdb"))
            for f in others
            if f.year is not None
        ]
        near = closest(nominee.year, candidates, imdb=nominee.imdb).one
        found = [near] if near is not None else []
    created = not found
    film = found[0] if found else add_film(session, nominee.title, nominee.year)
    if nominee.imdb:
        known = external_ids(session, film).get("imdb")
        if known is not None and known != nominee.imdb:
            raise Conflict(
                f"line {nominee.line}: {label(film)} has IMDb id {known}, not {nominee.imdb}"
            )
        set_external_id(session, film, "imdb", nominee.imdb)
    return film, created
