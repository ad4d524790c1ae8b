"""Watchlist rows as dicts and tables."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.diary.watchlist import WatchlistRow
from diary.core.films.lookup import label
from diary.render.diary import film_dict
from diary.render.tables import add_row, table

if TYPE_CHECKING:
    from rich.table import Table


def watchlist_dict(row: WatchlistRow) -> dict[str, Any]:
    return {
        "film": film_dict(row.film),
        "person": row.person.name,
        "added": row.entry.added_at.isoformat(),
        "priority": row.entry.priority,
        "note": row.entry.note,
    }


def watchlist_table(rows: Sequence[WatchlistRow]) -> "Table":
    built = table("Film", "Whose", "Added", "Priority", "Note", right=["Priority"])
    for row in rows:
        add_row(
            built,
            label(row.film),
            row.person.name,
            row.entry.added_at.date().isoformat(),
            row.entry.priority,
            row.entry.note,
        )
    return built
