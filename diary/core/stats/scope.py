"""Which part of the diary a figure covers: a year or a span of dates, and whose viewings.

Undated viewings belong to no year, so they count only when no dates are asked for.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import col, select

from diary.base import clock
from diary.base.errors import InvalidInput
from diary.core.diary.dates import parse_date
from diary.store.models import Person, Viewing, ViewingPerson

FIRST_YEAR = 1870  # before the first film anyone could have logged


@dataclass
class Scope:
    start: date | None = None
    end: date | None = None
    year: int | None = None
    people: list[Person] = field(default_factory=list)
    named: bool = False  # the people were asked for (--by), not simply everyone

    @property
    def label(self) -> str:
        if self.year is not None:
            return str(self.year)
        if self.start and self.end:
            return f"{self.start.isoformat()} to {self.end.isoformat()}"
        if self.start:
            return f"since {self.start.isoformat()}"
        if self.end:
            return f"until {self.end.isoformat()}"
        return "all time"

    @property
    def dated(self) -> bool:
        """Whether only viewings with a date can be in it."""
        return self.start is not None or self.end is not None

    @property
    def person_ids(self) -> list[int]:
        return [p.id for p in self.people if p.id is not None]

    def dates(self) -> list[Any]:
        """Conditions on `viewing` that keep the viewings of the period."""
        found: list[Any] = []
        if self.start is not None:
            found.append(col(Viewing.watched_on) >= self.start)
        if self.end is not None:
            found.append(col(Viewing.watched_on) <= self.end)
        return found

    def viewings(self) -> list[Any]:
        """Conditions on `viewing` that keep the viewings in scope (of the period, and with
        one of the people named by --by taking part)."""
        found = self.dates()
        if self.named:
            found.append(
                col(Viewing.id).in_(
                    select(ViewingPerson.viewing_id).where(
                        col(ViewingPerson.person_id).in_(self.person_ids)
                    )
                )
            )
        return found

    def joined(self, query: Any, viewing_id: Any) -> Any:
        """`query` joined to `viewing` when the period needs its dates (else left alone: the
        join costs a lookup per row on a large diary)."""
        if not self.dated:
            return query
        return query.join(Viewing, col(Viewing.id) == viewing_id)

    def parts(self) -> list[Any]:
        """Conditions on `viewing` joined to `viewing_person`: the people's own parts."""
        found = self.dates()
        if self.named:
            found.append(col(ViewingPerson.person_id).in_(self.person_ids))
        return found


def make_scope(
    year: int | None, start: str | None, end: str | None, people: list[Person], named: bool
) -> Scope:
    """The scope from what was typed: --year, or --from/--to (either may be left out)."""
    today = clock.today()
    if year is not None and (start is not None or end is not None):
        raise InvalidInput("give --year or --from/--to, not both")
    if year is not None:
        if not FIRST_YEAR <= year <= today.year:
            raise InvalidInput(
                f"no diary year {year}: give a year from {FIRST_YEAR} to {today.year}"
            )
        return Scope(date(year, 1, 1), date(year, 12, 31), year, people, named)
    first = parse_date(start, today) if start is not None else None
    last = parse_date(end, today) if end is not None else None
    if first and last and first > last:
        raise InvalidInput(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    return Scope(first, last, None, people, named)
