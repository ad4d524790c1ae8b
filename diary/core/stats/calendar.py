"""When films were watched: per month, per weekday, and the longest run of days in a row.

One query counts viewings per date; months, weekdays and streaks are folded from those rows
(at most one per day of the period), which keeps the SQL the same on every database.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

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
    per_day: dict[date, int] = {}
    undated = 0
    query = (
        f"SELECT v.watched_on, count(*) FROM viewing v {where(scope.viewings())} "
        "GROUP BY v.watched_on"
    )
    for day, count in rows(session, query, scope.params, dates=["watched_on"]):
        if day is None:
            undated += count
        else:
            per_day[day] = count
    found = Calendar(viewings=sum(per_day.values()) + undated, undated=undated)
    found.months = _months(per_day, scope)
    weekdays = Counter[int]()
    for day, count in per_day.items():
        weekdays[day.weekday()] += count
    found.weekdays = [(name, weekdays[i]) for i, name in enumerate(WEEKDAYS)]
    found.streak = longest_streak(per_day)
    if per_day:
        day = min(per_day, key=lambda d: (-per_day[d], d))
        found.busiest_day = (day, per_day[day])
    return found


def _months(per_day: dict[date, int], scope: Scope) -> list[tuple[str, int]]:
    """Every month from the first to the last of the period (or of the dated viewings)."""
    counts = Counter[tuple[int, int]]()
    for day, count in per_day.items():
        counts[(day.year, day.month)] += count
    first = scope.start or (min(per_day) if per_day else None)
    last = scope.end or (max(per_day) if per_day else None)
    if first is None or last is None:
        return []
    found = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append((f"{year:04d}-{month:02d}", counts[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def longest_streak(days: dict[date, int] | set[date]) -> Streak:
    """The longest run of consecutive days with a film; the earliest such run on a tie."""
    best = Streak()
    run_start: date | None = None
    previous: date | None = None
    length = 0
    for day in sorted(days):
        if previous is not None and day - previous == timedelta(days=1):
            length += 1
        else:
            run_start, length = day, 1
        if length > best.days:
            best = Streak(length, run_start, day)
        previous = day
    return best
