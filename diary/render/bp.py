"""Checklist entries (Best Picture nominees and any other list) as dicts and tables."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.base.titles import display
from diary.core.checklists.entries import Entry
from diary.render.diary import film_dict
from diary.render.tables import add_row, table, text_table

if TYPE_CHECKING:
    from rich.table import Table

    from diary.store.models import Person

TICK = "✓"
WINNER = "★"


def entry_dict(entry: Entry, people: Sequence["Person"], group: str = "ceremony") -> dict[str, Any]:
    found: dict[str, Any] = {}
    if entry.group is not None:
        found[group] = {"number": entry.group.number, "label": entry.group.label}
    found |= {
        "film": film_dict(entry.film),
        "listed_title": entry.item.listed_title,
        "winner": entry.item.winner,
        "covered": entry.covered is not None,
        "post": entry.covered,
        "seen": {p.name: p.id in entry.seen for p in people},
    }
    return found


def covered_cell(state: str | None) -> str:
    return TICK if state == "covered" else (state or "")


def entries_table(
    entries: Sequence[Entry], people: Sequence["Person"], group: str = "Ceremony"
) -> "Table":
    """One row per entry: its group, the film, the winner marked, a tick column per person."""
    headings, rows = _entry_cells(entries, people, group)
    built = table(*headings)
    for cells in rows:
        add_row(built, *cells)
    return built


def entries_text(
    entries: Sequence[Entry], people: Sequence["Person"], width: int, group: str = "Ceremony"
) -> str:
    """The same table as `entries_table`, drawn as text (the whole list, quickly)."""
    headings, rows = _entry_cells(entries, people, group)
    return text_table(headings, rows, width)


def _entry_cells(
    entries: Sequence[Entry], people: Sequence["Person"], group: str
) -> tuple[list[str], list[list[object]]]:
    names = [p.name for p in people]
    grouped = any(e.group is not None for e in entries)
    winners = any(e.item.winner for e in entries)
    headings = ([group] if grouped else []) + ["Film"] + (["Won"] if winners else [])
    rows = []
    for entry in entries:
        cells: list[object] = [entry.where] if grouped else []
        cells.append(display(entry.item.listed_title, entry.item.listed_year or entry.film.year))
        if winners:
            cells.append(WINNER if entry.item.winner else "")
        cells += [
            *(TICK if p.id in entry.seen else "" for p in people),
            covered_cell(entry.covered),
        ]
        rows.append(cells)
    return [*headings, *names, "Covered"], rows
