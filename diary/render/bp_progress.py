"""Checklist progress as rich progress bars and as a JSON-ready dict."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.progress import Part, Progress, Tally, summary

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

    from diary.store.models import Person

BAR = 30
SMALL_BAR = 10


def _rows(tally: Tally, people: Sequence["Person"]) -> list[tuple[str, int]]:
    """(who, seen) for each person, then together when there are several."""
    rows = [(p.name, tally.seen.get(p.id or 0, 0)) for p in people]
    if len(people) > 1:
        everyone = "Both" if len(people) == 2 else "All"
        rows += [(everyone, tally.both), ("Either", tally.either), ("Neither", tally.neither)]
    return rows


def _percent(count: int, total: int) -> str:
    return f"{round(100 * count / total) if total else 0}%"


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


def _cell(count: int, total: int) -> "RenderableType":
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_row(
        ProgressBar(total=max(total, 1), completed=count, width=SMALL_BAR),
        Text(f"{count}/{total}"),
    )
    return grid


def _parts(heading: str, parts: Sequence[Part], people: Sequence["Person"]) -> "Table":
    """A row per part (decade, ceremony) with a small bar per person and together."""
    from rich.table import Table
    from rich.text import Text

    built = Table()
    built.add_column(heading)
    sample = _rows(Tally(), people)
    for who, _ in sample:
        if who != "Neither":
            built.add_column(who)
    for part in parts:
        counts = [c for who, c in _rows(part.all, people) if who != "Neither"]
        built.add_row(Text(part.label), *(_cell(c, part.all.total) for c in counts))
    return built


def progress_view(found: Progress, groups: bool = False, group: str = "ceremony") -> "Any":
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
        shown += [Text(""), _parts("Decade", found.decades, people)]
    if groups and found.groups:
        shown += [Text(""), _parts(group.capitalize(), found.groups, people)]
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
