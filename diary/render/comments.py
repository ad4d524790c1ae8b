"""Spreadsheet comments as dicts and tables."""

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from diary.core.diary.comments import CommentRow
from diary.core.films.lookup import label
from diary.render.diary import film_dict
from diary.render.tables import add_row, table

if TYPE_CHECKING:
    from rich.table import Table


def comment_dict(row: CommentRow) -> dict[str, Any]:
    return {
        "film": film_dict(row.film),
        "person": row.person.name,
        "text": row.comment.text,
        "written": row.comment.created_at.isoformat(),
        "updated": row.comment.updated_at.isoformat(),
    }


def comments_table(rows: Sequence[CommentRow]) -> "Table":
    built = table("Film", "Who", "Comment", "Written")
    for row in rows:
        add_row(
            built,
            label(row.film),
            row.person.name,
            row.comment.text,
            row.comment.created_at.date().isoformat(),
        )
    return built
