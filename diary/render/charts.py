"""What each chart shows, as plain data: its series, labels, counts and alt text.

Drawing is chart_draw's job; tests read these specs (and the gids in the SVG) rather than
pixels. Every chart says in words what it shows, for readers who cannot see it.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diary.base.errors import InvalidInput
from diary.core.diary.ratings import as_text
from diary.core.stats import CHART_KINDS
from diary.core.stats.overview import DiaryStats

if TYPE_CHECKING:  # the Best Picture modules load only for its charts
    from diary.core.stats.bestpicture import BestPictureStats

KINDS = CHART_KINDS
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Series:
    name: str
    values: list[float]
    xs: list[str] = field(default_factory=list)  # ISO dates, for a line over time


@dataclass
class Chart:
    kind: str
    style: str  # bars | lines | strip
    title: str
    alt: str
    categories: list[str]  # the x labels of bars and strips
    series: list[Series]
    y_label: str = ""


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise InvalidInput(f"unknown chart {kind!r}: use one of {', '.join(KINDS)}")
    return kind


def needs_bp(kind: str) -> bool:
    return kind.startswith("bp-")


def month_label(key: str, with_year: bool) -> str:
    year, month = key.split("-")
    name = MONTHS[int(month) - 1]
    return f"{name} {year}" if with_year else name


def viewings_per_month(stats: DiaryStats) -> Chart:
    months = stats.calendar.months
    with_year = len({key[:4] for key, _ in months}) > 1
    labels = [month_label(key, with_year) for key, _ in months]
    counts = [float(n) for _, n in months]
    where = stats.scope.label
    busiest = max(months, key=lambda pair: pair[1], default=None)
    alt = f"Bar chart of films watched per month, {where}: "
    if busiest is None or busiest[1] == 0:
        alt += "no dated viewings."
    else:
        total = sum(n for _, n in months)
        alt += (
            f"{total:,} dated viewings; the busiest month was "
            f"{month_label(busiest[0], True)} with {busiest[1]:,}."
        )
    if stats.calendar.undated:
        alt += f" {stats.calendar.undated} viewings without a date are not shown."
    return Chart(
        "viewings-per-month",
        "bars",
        f"Films watched per month, {where}",
        alt,
        labels,
        [Series("Viewings", counts)],
        "Viewings",
    )


def ratings(stats: DiaryStats) -> Chart:
    rated = [p for p in stats.people if p.rated]
    unrated = [p.person.name for p in stats.people if not p.rated]
    labels = [as_text(h) for h in range(1, 11)]
    series = [
        Series(p.person.name, [float(p.histogram.get(h, 0)) for h in range(1, 11)]) for p in rated
    ]
    where = stats.scope.label
    parts = [f"{p.person.name} rated {p.rated} times, {p.average} on average" for p in rated]
    alt = f"Bar chart of ratings from half a star to five stars, {where}: "
    alt += ("; ".join(parts) + ".") if parts else "no ratings."
    if unrated and rated:
        alt += f" No ratings from {', '.join(unrated)}."
    return Chart("ratings", "bars", f"Ratings, {where}", alt, labels, series, "Ratings given")


def bp_progress(stats: "BestPictureStats") -> Chart:
    total = stats.progress.overall.all.total
    series = []
    days = sorted({day for line in stats.timelines for day, _ in line.points})
    for line in stats.timelines:
        xs = [day.isoformat() for day, _ in line.points]
        values = [float(n) for _, n in line.points]
        if days:  # every line spans the same days, starting from what was seen undated
            if not xs or xs[0] != days[0].isoformat():
                xs.insert(0, days[0].isoformat())
                values.insert(0, float(line.undated))
            if xs[-1] != days[-1].isoformat():
                xs.append(days[-1].isoformat())
                values.append(values[-1])
        series.append(Series(line.person.name, values, xs))
    parts = [f"{line.person.name} {line.seen} of {total}" for line in stats.timelines]
    alt = "Line chart of Best Picture nominees seen over time"
    alt += (": " + ", ".join(parts) + ".") if parts else ": nobody yet."
    undated = [f"{line.person.name} {line.undated}" for line in stats.timelines if line.undated]
    if undated:
        alt += f" Seen without a date, counted from the start: {', '.join(undated)}."
    return Chart(
        "bp-progress",
        "lines",
        "Best Picture nominees seen over time",
        alt,
        [],
        series,
        f"Nominees seen (of {total})",
    )


def bp_decades(stats: "BestPictureStats") -> Chart:
    groups = stats.progress.groups
    people = stats.progress.people
    labels = [g.key for g in groups]
    series = [
        Series(
            p.name,
            [
                round(g.all.seen.get(p.id or 0, 0) / g.all.total, 3) if g.all.total else 0.0
                for g in groups
            ],
        )
        for p in people
    ]
    complete = {
        p.name: sum(
            1 for g in groups if g.all.total and g.all.seen.get(p.id or 0, 0) == g.all.total
        )
        for p in people
    }
    parts = [f"{name} has seen every nominee of {n}" for name, n in complete.items()]
    alt = (
        f"Heat strip of the {len(groups)} Best Picture ceremonies, one row per person, "
        "darker where more of a ceremony's nominees were seen"
    )
    alt += (": " + "; ".join(f"{p} ceremonies" for p in parts) + ".") if parts else "."
    return Chart(
        "bp-decades",
        "strip",
        "Best Picture nominees seen, ceremony by ceremony",
        alt,
        labels,
        series,
    )
