"""Watchlist rows as dicts and tables."""

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from diary.core.films import label
from diary.core.watchlist import WatchlistRow
from diary.render.diary import film_dict


def watchlist_dict(row: WatchlistRow) -> dict[str, Any]:
    return {
        "film": film_dict(row.film),
        "person": row.person.name,
        "added": row.entry.added_at.isoformat(),
        "priority": row.entry.priority,
        "note": row.entry.note,
    }


def watchlist_table(rows: Sequence[WatchlistRow]) -> Table:
    table = Table()
    table.add_column("Film")
    table.add_column("Whose")
    table.add_column("Added")
    table.add_column("Priority", justify="right")
    table.add_column("Note")
    for row in rows:
        table.add_row(
            label(row.film),
            row.person.name,
            row.entry.added_at.date().isoformat(),
            str(row.entry.priority),
            row.entry.note or "",
        )
    return table
