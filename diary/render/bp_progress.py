"""Checklist progress as rich progress bars and as a JSON-ready dict."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.checklists.progress import Part, Progress, Tally, percent, summary

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from diary.store.models import Person

BAR = 30
SMALL_BAR = 8


def _rows(tally: Tally, people: Sequence["Person"]) -> list[tuple[str, int]]:
    """(who, seen) for each person, then together when there are several."""
    rows = [(p.name, tally.seen.get(p.id or 0, 0)) for p in people]
    if len(people) > 1:
        everyone = "Both" if len(people) == 2 else "All"
        rows += [(everyone, tally.both), ("Either", tally.either), ("Neither", tally.neither)]
    return rows


def _percent(count: int, total: int) -> str:
    return f"{percent(count, total)}%"


def _bars(title: str, tally: Tally, people: Sequence["Person"]) -> "Table":
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.title = title
    grid.title_justify = "left"
    for _ in range(4):
        grid.add_column()
    for who, count in _rows(tally, people):
        grid.add_row(
            Text(who),
            ProgressBar(total=max(tally.total, 1), completed=count, width=BAR),
            Text(f"{count} / {tally.total}", justify="right"),
            Text(_percent(count, tally.total), justify="right"),
        )
    return grid


def _cell(count: int, total: int, bar: int, width: int) -> "Text":
    """The count right-aligned in `width`, then a small bar drawn as text: a heavy line
    seen, a thin line not. Every cell of a column has the same width, so the bars line up."""
    from rich.text import Text

    full = round(bar * count / total) if total else 0
    if count and bar and not full:
        full = 1  # something seen always shows
    if count < total and full == bar:
        full = bar - 1  # and a full bar means all of it
    return Text.assemble(
        f"{count}/{total}".rjust(width) + (" " if bar else ""),
        ("━" * full, "bar.complete"),
        ("─" * (bar - full), "bar.back"),
    )


def _parts(heading: str, parts: Sequence[Part], people: Sequence["Person"], width: int) -> "Table":
    """A row per part (decade, ceremony) with a small bar per person and together."""
    from rich.table import Table
    from rich.text import Text

    columns = [who for who, _ in _rows(Tally(), people) if who != "Neither"]
    first = max([len(heading), *(len(p.label) for p in parts)])
    count = max((len(f"{p.all.total}/{p.all.total}") for p in parts), default=3)
    # What is left of the width for each column's bar, after borders, padding and counts.
    room = (width - first - 4) // max(len(columns), 1) - 3 - count - 1
    bar = min(SMALL_BAR, room) if room >= 3 else 0
    built = Table()
    built.add_column(heading, no_wrap=True, min_width=first)
    for who in columns:
        built.add_column(who, no_wrap=True)
    for part in parts:
        counts = [c for who, c in _rows(part.all, people) if who != "Neither"]
        built.add_row(Text(part.label), *(_cell(c, part.all.total, bar, count) for c in counts))
    return built


def progress_view(
    found: Progress, groups: bool = False, group: str = "ceremony", width: int = 80
) -> "Any":
    from rich.console import Group
    from rich.text import Text

    people = found.people
    names = ", ".join(p.name for p in people) or "nobody yet"
    shown: list[Any] = [
        Text(f"{found.checklist.name}: {names}"),
        Text(""),
        _bars("All nominees" if found.overall.winners.total else "All", found.overall.all, people),
    ]
    if found.overall.winners.total:
        shown += [Text(""), _bars("Winners", found.overall.winners, people)]
    if found.decades:
        shown += [Text(""), _parts("Decade", found.decades, people, width)]
    if groups and found.groups:
        shown += [Text(""), _parts(group.capitalize(), found.groups, people, width)]
    return Group(*shown)


def _tally_dict(tally: Tally, people: Sequence["Person"]) -> dict[str, Any]:
    found: dict[str, Any] = {
        "total": tally.total,
        "seen": {p.name: tally.seen.get(p.id or 0, 0) for p in people},
    }
    if len(people) > 1:
        found |= {"both": tally.both, "either": tally.either, "neither": tally.neither}
    return found


def _part_dict(part: Part, people: Sequence["Person"], key: str) -> dict[str, Any]:
    found: dict[str, Any] = {key: part.label}
    if key != "decade":
        found = {key: int(part.key) if part.key.isdigit() else part.key, "label": part.label}
    found["all"] = _tally_dict(part.all, people)
    if part.winners.total:
        found["winners"] = _tally_dict(part.winners, people)
    return found


def progress_dict(
    found: Progress, group: str = "ceremony", groups: str = "ceremonies"
) -> dict[str, Any]:
    people = found.people
    return {
        "checklist": found.checklist.slug,
        "people": [p.name for p in people],
        "all": _tally_dict(found.overall.all, people),
        "winners": _tally_dict(found.overall.winners, people),
        "decades": [_part_dict(p, people, "decade") for p in found.decades],
        groups: [_part_dict(p, people, group) for p in found.groups],
        "summary": summary(found),
    }
