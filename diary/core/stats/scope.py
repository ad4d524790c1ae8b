"""Which part of the diary a figure covers: a year or a span of dates, and whose viewings.

Undated viewings belong to no year, so they count only when no dates are asked for.

The figures are plain SQL read through the session (`rows`), with the scope's conditions
written in once here: `viewing v` for whole viewings, `viewing_person vp` for people's parts.
They need neither the table models nor the ORM, whose loading would cost more than the
counting itself.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Date, bindparam, text
from sqlmodel import Session

from diary.base import clock
from diary.base.errors import InvalidInput
from diary.core.diary.dates import parse_date

FIRST_YEAR = 1870  # before the first film anyone could have logged


class Named(Protocol):
    """Anyone with an id and a name: a stored person, or a `Watcher`."""

    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True)
class Watcher:
    """A person as the figures name them."""

    id: int
    name: str


@dataclass
class Scope:
    start: date | None = None
    end: date | None = None
    year: int | None = None
    people: list[Watcher] = field(default_factory=list)
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
        return [p.id for p in self.people]

    @property
    def params(self) -> dict[str, Any]:
        """The values the conditions below name."""
        return {"start": self.start, "end": self.end, "people": self.person_ids}

    def _period(self, column: str) -> list[str]:
        found = []
        if self.start is not None:
            found.append(f"{column} >= :start")
        if self.end is not None:
            found.append(f"{column} <= :end")
        return found

    def dates(self) -> list[str]:
        """Conditions on `viewing v` that keep the viewings of the period."""
        return self._period("v.watched_on")

    def viewings(self) -> list[str]:
        """Conditions on `viewing v` that keep the viewings in scope (of the period, and with
        one of the people named by --by taking part)."""
        found = self.dates()
        if self.named:
            found.append(
                "v.id IN (SELECT viewing_id FROM viewing_person WHERE person_id IN :people)"
            )
        return found

    def in_period(self, viewing_id: str) -> list[str]:
        """The condition that `viewing_id` is a viewing of the period, if it has one. Asked as
        a list of ids from the date index, so that a year reads only its own viewings (a join
        to `viewing` leaves the planner free to walk every viewing in another order)."""
        if not self.dated:
            return []
        period = " AND ".join(self._period("watched_on"))
        return [f"{viewing_id} IN (SELECT id FROM viewing WHERE {period})"]

    def parts(self) -> list[str]:
        """Conditions on `viewing_person vp`: the people's own parts of the period's viewings."""
        found = self.in_period("vp.viewing_id")
        if self.named:
            found.append("vp.person_id IN :people")
        return found


def where(conditions: Sequence[str]) -> str:
    """A WHERE clause of all the conditions (nothing when there are none)."""
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def rows(
    session: Session, sql: str, params: dict[str, Any], dates: Sequence[str] = ()
) -> Iterator[Any]:
    """The rows of `sql`; `:people` and `:ids` take lists, and the columns named in `dates`
    come back as dates on every engine."""
    statement = text(sql)
    lists: list[Any] = [
        bindparam(name, expanding=True) for name in ("people", "ids") if f":{name}" in sql
    ]
    if lists:
        statement = statement.bindparams(*lists)
    used = {name: value for name, value in params.items() if f":{name}" in sql}
    if dates:
        return iter(session.execute(statement.columns(**dict.fromkeys(dates, Date)), used))
    return iter(session.execute(statement, used))


def everyone(session: Session) -> list[Watcher]:
    """Every person, in the order they were added."""
    found = rows(session, "SELECT id, name FROM person ORDER BY id", {})
    return [Watcher(person_id, name) for person_id, name in found]


def make_scope(
    year: int | None, start: str | None, end: str | None, people: Sequence[Named], named: bool
) -> Scope:
    """The scope from what was typed: --year, or --from/--to (either may be left out)."""
    today = clock.today()
    watchers = [Watcher(p.id, p.name) for p in people if p.id is not None]
    if year is not None and (start is not None or end is not None):
        raise InvalidInput("give --year or --from/--to, not both")
    if year is not None:
        if not FIRST_YEAR <= year <= today.year:
            raise InvalidInput(
                f"no diary year {year}: give a year from {FIRST_YEAR} to {today.year}"
            )
        return Scope(date(year, 1, 1), date(year, 12, 31), year, watchers, named)
    first = parse_date(start, today) if start is not None else None
    last = parse_date(end, today) if end is not None else None
    if first and last and first > last:
        raise InvalidInput(f"--from {first.isoformat()} is after --to {last.isoformat()}")
    return Scope(first, last, None, watchers, named)
