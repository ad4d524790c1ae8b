"""Checklists at a glance, as dicts and a table."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.checklists.imported import Overview
from diary.render.tables import add_row, table

if TYPE_CHECKING:
    from rich.table import Table

    from diary.store.models import Person


def overview_dict(row: Overview, people: Sequence["Person"]) -> dict[str, Any]:
    return {
        "slug": row.checklist.slug,
        "name": row.checklist.name,
        "kind": row.checklist.kind,
        "items": row.items,
        "groups": row.groups,
        "seen": {p.name: row.seen.get(p.id or 0, 0) for p in people},
    }


def overview_table(rows: Sequence[Overview], people: Sequence["Person"]) -> "Table":
    names = [p.name for p in people]
    built = table("List", "Name", "Kind", "Films", *names, right=["Films", *names])
    for row in rows:
        add_row(
            built,
            row.checklist.slug,
            row.checklist.name,
            row.checklist.kind,
            row.items,
            *(f"{row.seen.get(p.id or 0, 0)}/{row.items}" for p in people),
        )
    return built
