"""When films were watched: per month, per weekday, and the longest run of days in a row.

One query counts viewings per date; months, weekdays and streaks are folded from those rows
(at most one per day of the period), which keeps the SQL the same on every database.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from diary.core.stats.scope import Scope, rows, where

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Streak:
    days: int = 0
    start: date | None = None
    end: date | None = None


@dataclass
class Calendar:
    viewings: int = 0
    undated: int = 0
    months: list[tuple[str, int]] = field(default_factory=list)  # ("2024-01", n), in order
    weekdays: list[tuple[str, int]] = field(default_factory=list)  # Monday first
    streak: Streak = field(default_factory=Streak)
    busiest_day: tuple[date, int] | None = None


def calendar(session: Session, scope: Scope) -> Calendar:
    """The period's viewings per day, oldest first, folded in one pass into months,
    weekdays and the busiest day (the earliest of equals); then the longest streak."""
    found = Calendar()
    per_month: dict[tuple[int, int], int] = {}
    weekdays = [0] * 7
    days: list[date] = []
    query = (
        f"SELECT v.watched_on, count(*) FROM viewing v {where(scope.viewings())} "
        "GROUP BY v.watched_on ORDER BY v.watched_on"
    )
    for day, count in rows(session, query, scope.params, dates=["watched_on"]):
        found.viewings += count
        if day is None:
            found.undated += count
            continue
        days.append(day)
        month = (day.year, day.month)
        per_month[month] = per_month.get(month, 0) + count
        weekdays[day.weekday()] += count
        if found.busiest_day is None or count > found.busiest_day[1]:
            found.busiest_day = (day, count)
    first, last = (days[0], days[-1]) if days else (None, None)
    found.months = _months(per_month, scope.start or first, scope.end or last)
    found.weekdays = [(name, weekdays[i]) for i, name in enumerate(WEEKDAYS)]
    found.streak = longest_streak(days)
    return found


def _months(
    counts: dict[tuple[int, int], int], first: date | None, last: date | None
) -> list[tuple[str, int]]:
    """Every month from the first to the last of the period (or of the dated viewings)."""
    if first is None or last is None:
        return []
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append((f"{year:04d}-{month:02d}", counts.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def longest_streak(days: Iterable[date]) -> Streak:
    """The longest run of consecutive days with a film; the earliest such run on a tie."""
    best = Streak()
    start: date | None = None
    length = previous = 0
    for day in sorted(days):
        today = day.toordinal()
        if today == previous + 1:
            length += 1
        else:
            start, length = day, 1
        if length > best.days:
            best = Streak(length, start, day)
        previous = today
    return best
