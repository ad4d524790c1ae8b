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


def fetch(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows of a query, read straight from the driver inside the session's transaction
    (no result objects per row); values come back as SQLite holds them."""
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, params).fetchall()
    finally:
        cursor.close()


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
            done: dict[Any, Any] = {}  # the same few dates and times recur on many rows
            for value in values:
                key = value[index]
                if key not in done:
                    done[key] = convert(key)
                value[index] = done[key]
    columns = ", ".join(names)
    marks = ", ".join("?" for _ in names)
    connection.exec_driver_sql(
        f"INSERT INTO {target.name} ({columns}) VALUES ({marks})", [tuple(v) for v in values]
    )
