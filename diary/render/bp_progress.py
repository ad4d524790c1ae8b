"""Checklist progress as rich progress bars and as a JSON-ready dict."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.checklists.progress import Part, Progress, Tally, percent, summary
from diary.render.lines import BAR as BAR_STYLE
from diary.render.lines import BAR_BACK, HEADING, Line, padded, plain, width_of

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


def _cell_pieces(count: int, total: int, bar: int, width: int) -> Line:
    """The count right-aligned in `width`, then a small bar drawn as text: a heavy line
    seen, a thin line not. Every cell of a column has the same width, so the bars line up."""
    full = round(bar * count / total) if total else 0
    if count and bar and not full:
        full = 1  # something seen always shows
    if count < total and full == bar:
        full = bar - 1  # and a full bar means all of it
    return [
        (f"{count}/{total}".rjust(width) + (" " if bar else ""), None),
        ("━" * full, BAR_STYLE),
        ("─" * (bar - full), BAR_BACK),
    ]


def _cell(count: int, total: int, bar: int, width: int) -> "Text":
    from rich.text import Text

    return Text.assemble(
        *((text, style or "") for text, style in _cell_pieces(count, total, bar, width))
    )


def _small_bar(
    heading: str, parts: Sequence[Part], columns: int, width: int
) -> tuple[int, int, int]:
    """The widths of the first column, of a count and of a small bar, for `width` in all."""
    first = max([len(heading), *(len(p.label) for p in parts)])
    count = max((len(f"{p.all.total}/{p.all.total}") for p in parts), default=3)
    # What is left of the width for each column's bar, after borders, padding and counts.
    room = (width - first - 4) // max(columns, 1) - 3 - count - 1
    return first, count, min(SMALL_BAR, room) if room >= 3 else 0


def _parts(heading: str, parts: Sequence[Part], people: Sequence["Person"], width: int) -> "Table":
    """A row per part (decade, ceremony) with a small bar per person and together."""
    from rich.table import Table
    from rich.text import Text

    columns = [who for who, _ in _rows(Tally(), people) if who != "Neither"]
    first, count, bar = _small_bar(heading, parts, len(columns), width)
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


def progress_lines(
    found: Progress, groups: bool = False, group: str = "ceremony", width: int = 80
) -> list[Line]:
    """The same as `progress_view`, laid out as lines of text: each tally's bars, then a row
    per decade (and per group) with a small bar per person, in columns two spaces apart."""
    people = found.people
    names = ", ".join(p.name for p in people) or "nobody yet"
    shown = plain(f"{found.checklist.name}: {names}", "")
    first = "All nominees" if found.overall.winners.total else "All"
    shown += _bar_lines(first, found.overall.all, people)
    if found.overall.winners.total:
        shown += plain("") + _bar_lines("Winners", found.overall.winners, people)
    if found.decades:
        shown += plain("") + _part_lines("Decade", found.decades, people, width)
    if groups and found.groups:
        shown += plain("") + _part_lines(group.capitalize(), found.groups, people, width)
    return shown


def _bar_lines(title: str, tally: Tally, people: Sequence["Person"]) -> list[Line]:
    rows = _rows(tally, people)
    who = max(width_of(name) for name, _ in rows)
    counts = [f"{count} / {tally.total}" for _, count in rows]
    shares = [_percent(count, tally.total) for _, count in rows]
    wide, share = max(map(len, counts)), max(map(len, shares))
    lines: list[Line] = [[(title, HEADING)]]
    for (name, count), said, part in zip(rows, counts, shares, strict=True):
        full = round(BAR * count / tally.total) if tally.total else 0
        lines.append(
            [
                (padded(name, who) + "  ", None),
                ("━" * full, BAR_STYLE),
                ("─" * (BAR - full), BAR_BACK),
                (f"  {said.rjust(wide)}  {part.rjust(share)}", None),
            ]
        )
    return lines


def _part_lines(
    heading: str, parts: Sequence[Part], people: Sequence["Person"], width: int
) -> list[Line]:
    columns = [who for who, _ in _rows(Tally(), people) if who != "Neither"]
    first, count, bar = _small_bar(heading, parts, len(columns), width)
    cell = count + (bar + 1 if bar else 0)
    sizes = [max(cell, width_of(who)) for who in columns]
    lines: list[Line] = [
        [("  ".join([padded(heading, first), *map(padded, columns, sizes)]), HEADING)]
    ]
    for part in parts:
        counts = [c for who, c in _rows(part.all, people) if who != "Neither"]
        line: Line = [(padded(part.label, first), None)]
        for found, size in zip(counts, sizes, strict=True):
            line += [
                ("  " + " " * (size - cell), None),
                *_cell_pieces(found, part.all.total, bar, count),
            ]
        lines.append(line)
    return lines


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
