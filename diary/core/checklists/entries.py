"""A checklist's entries: each item with its group, its film, who has seen it, and coverage.

What `bp list`, `checklist show`, the Spreadsheet export and the picks read.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, or_
from sqlmodel import Session, col, select

from diary.base.errors import Ambiguous, InvalidInput, NotFound
from diary.base.titles import display, split_year, title_key
from diary.core.checklists.lists import coverage
from diary.core.checklists.ticks import listed_films, seen_by
from diary.core.films.lookup import label
from diary.core.films.matcher import Candidate, closest, same_title_ids
from diary.store.models import (
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Film,
    FilmExternalId,
    Person,
)

_DECADE = re.compile(r"^(?P<year>\d{3}0)s?$")
_IMDB = re.compile(r"^tt\d{7,8}$")


@dataclass
class Entry:
    item: ChecklistItem
    film: Film
    group: ChecklistGroup | None
    seen: set[int] = field(default_factory=set)  # ids of the people who have seen it
    covered: str | None = None  # "covered", or the status of a post in the works

    @property
    def where(self) -> str:
        """The group as people say it: '1 · 1927/28' for the first ceremony."""
        if self.group is None:
            return ""
        if self.group.number is not None and self.group.label != str(self.group.number):
            return f"{self.group.number} · {self.group.label}"
        return self.group.label


@dataclass
class Filters:
    group: int | None = None  # a ceremony's number
    decade: int | None = None
    year: int | None = None
    winners: bool = False
    seen_by: list[Person] = field(default_factory=list)
    unseen_by: list[Person] = field(default_factory=list)
    seen_by_none: bool = False  # none of the people shown
    films: Select[Any] | None = None  # only these film ids


def parse_decade(text: str) -> int:
    """'1970s' or '1970' -> 1970."""
    match = _DECADE.match(text.strip().lower())
    if match is None:
        raise InvalidInput(f"not a decade: {text!r}: use e.g. 1970s")
    return int(match["year"])


def entries(
    session: Session,
    checklist: Checklist,
    people: Sequence[Person] = (),
    filters: Filters | None = None,
) -> list[Entry]:
    """The checklist in order (group, then position), filtered, with ticks for `people`."""
    filters = filters or Filters()
    query = (
        select(ChecklistItem, Film, ChecklistGroup)
        .join(Film, col(Film.id) == col(ChecklistItem.film_id))
        .join(ChecklistGroup, col(ChecklistGroup.id) == col(ChecklistItem.group_id), isouter=True)
        .where(ChecklistItem.checklist_id == checklist.id)
    )
    if filters.group is not None:
        _check_group(session, checklist, filters.group)
        query = query.where(ChecklistGroup.number == filters.group)
    if filters.decade is not None:
        query = query.where(
            col(ChecklistItem.listed_year) >= filters.decade,
            col(ChecklistItem.listed_year) < filters.decade + 10,
        )
    if filters.year is not None:
        query = query.where(
            or_(
                col(ChecklistItem.listed_year) == filters.year,
                col(ChecklistGroup.label).startswith(f"{filters.year}/"),
            )
        )
    if filters.winners:
        query = query.where(col(ChecklistItem.winner))
    if filters.films is not None:
        query = query.where(col(ChecklistItem.film_id).in_(filters.films))
    query = query.order_by(
        col(ChecklistGroup.position), col(ChecklistItem.position), col(ChecklistItem.id)
    )
    found = [Entry(item, film, group) for item, film, group in session.exec(query)]
    wanted = {p.id for p in [*people, *filters.seen_by, *filters.unseen_by] if p.id}
    assert checklist.id is not None
    seen = seen_by(session, sorted(wanted), listed_films(checklist.id))
    covered = coverage(session)
    for entry in found:
        entry.seen = seen.get(entry.film.id or 0, set())
        entry.covered = covered.get(entry.film.id or 0)
    return [e for e in found if _keep(e, people, filters)]


def _check_group(session: Session, checklist: Checklist, number: int) -> None:
    """A ceremony number the list does not hold is a mistake, not an empty listing."""
    numbers = [
        n
        for n in session.exec(
            select(ChecklistGroup.number).where(ChecklistGroup.checklist_id == checklist.id)
        )
        if n is not None
    ]
    if number not in numbers:
        known = f": it has {min(numbers)} to {max(numbers)}" if numbers else ""
        raise NotFound(f"{checklist.name} has no ceremony {number}{known}")


def _keep(entry: Entry, people: Sequence[Person], filters: Filters) -> bool:
    if any(p.id not in entry.seen for p in filters.seen_by):
        return False
    if any(p.id in entry.seen for p in filters.unseen_by):
        return False
    return not (filters.seen_by_none and any(p.id in entry.seen for p in people))


def find_entries(
    session: Session, checklist: Checklist, text: str, group: int | None = None
) -> list[Entry]:
    """The entries `text` names: an IMDb id, or a title (or alias), with or without a year.

    A year may be off as diary.core.films.matcher allows (release years differ by country).
    Raises NotFound or Ambiguous (listing the candidates with their group) when it names no
    film or several.
    """
    clean = text.strip()
    if _IMDB.match(clean):
        ids: Select[Any] = select(FilmExternalId.film_id).where(
            FilmExternalId.source == "imdb", FilmExternalId.value == clean
        )
        title, year = clean, None
    else:
        title, year = split_year(clean)
        if not title_key(title):
            raise InvalidInput("a film needs a title")
        ids = same_title_ids(title)
    found = entries(session, checklist, filters=Filters(group=group, films=ids))
    if year is not None:
        found = closest(year, [as_candidate(e) for e in found]).items
    if not found:
        from diary.core.films.lookup import suggestions

        where = f" at ceremony {group}" if group is not None else ""
        close = suggestions(session, title)  # as every command that takes a film suggests
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise NotFound(f"{display(title, year)!r} is not on {checklist.name}{where}{hint}")
    if len({e.film.id for e in found}) > 1:
        names = "; ".join(f"{label(e.film)} — {e.where}" for e in found)
        raise Ambiguous(
            f"{title!r} names {len(found)} films on {checklist.name}: {names}; "
            "add the year or --ceremony",
            found,
        )
    return found


def as_candidate(entry: Entry) -> Candidate[Entry]:
    """An entry as the matcher sees it: listed, going by its listed year and its film's."""
    years = tuple(y for y in (entry.item.listed_year, entry.film.year) if y is not None)
    return Candidate(entry, years, listed=True)
