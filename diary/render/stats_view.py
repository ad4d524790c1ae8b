"""`diary stats` in the terminal: figures, bars and sparklines that fit the width.

The view is laid out as lines of text, each a few pieces with the style a piece takes at a
terminal (a bar's colour, a heading's italics). Piped or with NO_COLOR it is written as the
plain text it is, without loading rich; the bars are plain characters either way.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from diary.core.diary.ratings import as_text
from diary.render.lines import BAR, HEADING, Line, padded, plain, width_of

if TYPE_CHECKING:  # each view loads only the figures it draws
    from diary.core.stats.bestpicture import BestPictureStats
    from diary.core.stats.overview import DiaryStats

SPARKS = "▁▂▃▄▅▆▇█"
MAX_BAR = 40


def sparkline(values: Sequence[int], width: int) -> str:
    """One character per value (the values averaged into `width` slots when there are more)."""
    if not values:
        return ""
    if len(values) > width > 0:
        size = len(values) / width
        values = [
            round(
                sum(values[int(i * size) : int((i + 1) * size)])
                / max(int((i + 1) * size) - int(i * size), 1)
            )
            for i in range(width)
        ]
    top = max(values)
    if top == 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[round(v / top * (len(SPARKS) - 1))] for v in values)


def bars(title: str, pairs: Sequence[tuple[str, int]], width: int) -> list[Line]:
    """A heading (when given), then a row per pair: its label, its count and a bar scaled to
    the widest, in columns as wide as their widest cell."""
    first = max((width_of(name) for name, _ in pairs), default=0)
    digits = max((len(str(n)) for _, n in pairs), default=1)
    room = min(max(width - first - digits - 4, 0), MAX_BAR)
    top = max((n for _, n in pairs), default=0)
    lines: list[Line] = [[(title, HEADING)]] if title else []
    for name, count in pairs:
        length = round(room * count / top) if top else 0
        lines.append(
            [(f"{padded(name, first)} {str(count).rjust(digits)} ", None), ("█" * length, BAR)]
        )
    return lines


def stats_view(stats: "DiaryStats", width: int = 80) -> list[Line]:
    days, films, scope = stats.calendar, stats.films, stats.scope
    width = max(width, 30)
    names = ", ".join(p.name for p in scope.people) or "nobody yet"
    lines = [
        f"Diary, {scope.label} ({names})",
        f"{days.viewings} viewings of {films.distinct} films: {stats.first_watches} first "
        f"watches, {stats.rewatches} rewatches"
        + (f"; {days.undated} without a date" if days.undated else ""),
    ]
    if days.streak.days:
        lines.append(
            f"Longest streak: {days.streak.days} days in a row "
            f"({days.streak.start} to {days.streak.end})"
        )
    hours = f"Hours watched: {films.hours}"
    if films.untimed_films:
        hours += f" ({films.untimed_films} films with no known runtime)"
    lines.append(hours)
    shown = plain(*lines)
    if days.months:
        spark = sparkline([n for _, n in days.months], width - 20)
        shown += plain("", f"Per month   {days.months[0][0]} {spark} {days.months[-1][0]}")
        if len(days.months) <= 24:
            shown += bars("", days.months, width)
    shown += plain("") + bars("Per weekday", days.weekdays, width)
    for person in stats.people:
        heading = f"{person.person.name}: {person.entries} entries, "
        if person.rated:
            heading += f"{person.rated} rated, {person.average} on average"
        else:
            heading += "no ratings"
        pairs = [(as_text(h), n) for h, n in sorted(person.histogram.items())]
        shown += plain("") + (bars(heading, pairs, width) if person.rated else plain(heading))
    for title, pairs in (
        ("Release decades", films.decades),
        ("Tags", stats.tags),
        ("Places", stats.places),
    ):
        if pairs:
            shown += plain("") + bars(title, pairs, width)
    together = [
        f"{c.person} watches most with " + ", ".join(f"{w} ({n})" for w, n in c.with_whom[:3])
        for c in stats.company
        if c.with_whom
    ]
    if together:
        shown += plain("", *together)
    for title, rated in (("Highest rated", stats.best), ("Lowest rated", stats.worst)):
        if rated:
            rows = [f"  {r.average:.2f}  {r.film.label} ({r.ratings} ratings)" for r in rated]
            shown += plain("", title, *rows)
    if stats.disagreements:
        rows = [
            f"  {d.spread:g} stars apart: {d.film.label}"
            + (f" on {d.watched_on}" if d.watched_on else "")
            + " ("
            + ", ".join(f"{who} {r:g}" for who, r in d.ratings)
            + ")"
            for d in stats.disagreements
        ]
        shown += plain("", "Where co-viewers disagreed most", *rows)
    return shown


def bp_stats_view(
    stats: "BestPictureStats", width: int = 80, ceremonies: bool = False
) -> list[Line]:
    from diary.render.bp_progress import progress_lines

    found = stats.progress
    total = found.overall.all.total
    shown = progress_lines(found, groups=ceremonies, width=width)
    lines = []
    for line in stats.timelines:
        values = [n for _, n in line.points]
        row = f"{line.person.name}: {line.seen} of {total}"
        if line.points:
            row += f" {line.points[0][0]} {sparkline(values, width // 2)} {line.points[-1][0]}"
        if line.undated:
            row += f" ({line.undated} without a date)"
        lines.append(row)
    if lines:
        shown += plain("", "Over time", *lines)
    left = (
        [
            (
                part.label,
                part.all.total - min(part.all.seen.get(p.id or 0, 0) for p in found.people),
            )
            for part in found.decades
        ]
        if found.people
        else []
    )
    if left:
        shown += plain("") + bars("Left per decade (the most anyone has left)", left, width)
    if stats.everyone:
        shown += plain(
            "",
            f"Seen by everyone ({len(stats.everyone)}): "
            + ", ".join(f"{t} ({y})" if y else t for t, y in stats.everyone),
        )
    return shown
