"""Bulk work for importers: Core tables, and key lists passed to SQLite as one JSON parameter.

An importer looks up a thousand keys at a time. Written `IN (SELECT value FROM
json_each(:keys))` with the keys as one JSON array, the list is a single bound parameter that
SQLite unpacks itself, instead of a thousand parameters expanded and processed one by one.
"""

import json
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table
from sqlmodel import Session, SQLModel

IN_KEYS = "IN (SELECT value FROM json_each(:keys))"


def table(model: type[SQLModel]) -> Table:
    """The model's table, for Core statements that skip the ORM."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def json_list(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """One executemany of plain rows (all with the same keys), without the per-row work of
    the SQL layer; each column's own conversion (dates, times) is applied as the ORM would."""
    if not rows:
        return
    target = table(model)
    connection = session.connection()
    names = list(rows[0])
    values = [[row[name] for name in names] for row in rows]
    dialect = connection.dialect
    for index, name in enumerate(names):
        convert = target.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:  # dates, times, booleans; text and numbers go as they are
            for value in values:
                value[index] = convert(value[index])
    columns = ", ".join(names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(
        f"INSERT INTO {target.name} ({columns}) VALUES ({marks})", [tuple(v) for v in values]
    )
