"""Bulk work for importers: Core tables, and key lists passed as one parameter.

An importer looks up a thousand keys at a time. Written `IN :keys` with the keys as one list,
the list is a single bound parameter the database unpacks itself, instead of a thousand
parameters expanded and processed one by one (diary.store.dialect says how, per engine).
"""

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import Table
from sqlmodel import Session, SQLModel

from diary.store.dialect import catch_up_ids, driver_fetch, driver_query, marks

IN_KEYS = "IN :keys"


def table(model: type[SQLModel]) -> Table:
    """The model's table, for Core statements that skip the ORM."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def json_list(values: Iterable[Any]) -> list[Any]:
    """The keys for `IN :keys`, as one parameter."""
    return list(values)


def fetch(session: Session, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows of a query (none for a statement that returns none), read straight from the
    driver inside the session's transaction (no result objects per row)."""
    return driver_fetch(session.connection(), sql, params)


def execute_many(session: Session, sql: str, rows: list[dict[str, Any]]) -> None:
    """One statement (`:name` parameters) run for each of `rows`, straight through the
    driver inside the session's transaction (no SQL layer work per row)."""
    if not rows:
        return
    connection = session.connection()
    sql, _ = driver_query(connection.dialect, sql, {})
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()


def insert_rows(session: Session, model: type[SQLModel], rows: list[dict[str, Any]]) -> None:
    """One executemany of plain rows (all with the same keys), without the per-row work of
    the SQL layer; each column's own conversion (dates, times) is applied as the ORM would."""
    if not rows:
        return
    names = list(rows[0])
    insert_values(session, model, names, [[row[name] for name in names] for row in rows])


def insert_values(
    session: Session, model: type[SQLModel], names: list[str], values: list[list[Any]]
) -> None:
    """`insert_rows` for rows given as lists of values, in the order of `names` (the lists
    are converted in place)."""
    if not values:
        return
    target = table(model)
    connection = session.connection()
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
    row_marks = marks(connection.dialect, len(names))
    connection.exec_driver_sql(
        f"INSERT INTO {target.name} ({columns}) VALUES ({row_marks})", [tuple(v) for v in values]
    )
    if "id" in names:
        catch_up_ids(connection, [target])
