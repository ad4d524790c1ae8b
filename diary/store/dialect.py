"""What differs between SQLite and PostgreSQL, in one place, so the domain writes one SQL.

- Key lists: core writes `col IN :keys` with the keys as one list. SQLite gets them as one
  JSON array unpacked by json_each (one bound value, not a thousand); PostgreSQL as one array
  parameter compared with `= ANY`.
- Parameters: core writes `:name`; psycopg wants `%(name)s` and `%s` where sqlite3 takes `?`.
- `+column` is SQLite's way of telling its planner not to use an index on that column; it
  means nothing elsewhere (and is an error on text in PostgreSQL), so it is dropped there.
- Rows inserted with their own ids (importers, restores) leave PostgreSQL's id sequences
  behind; they are moved past the highest id afterwards.
- Foreign keys are checked per statement on PostgreSQL; SQLite can defer them to the commit.
- The indexes a table has, and the SQL that makes each again, are kept in each engine's own
  catalogue.
- SQLite's page cache is per connection and small (2 MB); a read that walks whole indexes of a
  large diary asks for more. PostgreSQL's cache is the server's.
"""

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, text
from sqlalchemy.engine import Dialect

_KEYS = re.compile(r"\bIN :keys\b")
_NAMED = re.compile(r"(?<![:\w]):(\w+)")
_PLUS = re.compile(r"(?<![\w)])\+(?=[a-z_])")


def is_sqlite(dialect: Dialect) -> bool:
    return dialect.name == "sqlite"


def driver_query(dialect: Dialect, sql: str, params: dict[str, Any]) -> tuple[str, Any]:
    """`sql` with `:name` parameters and `IN :keys`, as the driver underneath takes it."""
    if is_sqlite(dialect):
        sql = _KEYS.sub("IN (SELECT value FROM json_each(:keys))", sql)
        if "keys" in params:
            params = {**params, "keys": json.dumps(list(params["keys"]), ensure_ascii=False)}
        return sql, params
    sql = _PLUS.sub("", _KEYS.sub("= ANY(:keys)", sql))
    sql = _NAMED.sub(lambda m: f"%({m.group(1)})s", sql.replace("%", "%%"))
    if "keys" in params:
        params = {**params, "keys": list(params["keys"])}
    return sql, params


def marks(dialect: Dialect, count: int) -> str:
    """`?, ?, ?` or `%s, %s, %s`: positional parameters for one row of an INSERT."""
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    return ", ".join(mark for _ in range(count))


def driver_fetch(connection: Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Rows straight from the driver's cursor, inside the connection's transaction.

    Dates and times come back as the text SQLite keeps ('YYYY-MM-DD',
    'YYYY-MM-DD HH:MM:SS.ffffff') whichever engine holds them, so callers read one shape.
    """
    sql, params = driver_query(connection.dialect, sql, params)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        rows = cast(list[tuple[Any, ...]], cursor.fetchall() if cursor.description else [])
    finally:
        cursor.close()
    if is_sqlite(connection.dialect) or not rows:
        return rows
    timed = {i for i in range(len(rows[0])) if any(isinstance(r[i], date) for r in rows)}
    if not timed:
        return rows
    return [tuple(as_text(v) if i in timed else v for i, v in enumerate(row)) for row in rows]


def as_text(value: Any) -> Any:
    """A date or time as SQLite's text for it; anything else as it is."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def catch_up_ids(connection: Connection, tables: Iterable[Table]) -> None:
    """After rows went in with their own ids, let the next id come after the highest one."""
    if is_sqlite(connection.dialect):
        return  # SQLite's next rowid is always past the highest
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not key[0].autoincrement or key[0].type.python_type is not int:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                f"(SELECT COALESCE(max({key[0].name}), 0) + 1 FROM {table.name}), false)"
            )
        )


def defer_foreign_keys(connection: Connection) -> None:
    """Check foreign keys at the commit (SQLite); PostgreSQL checks each statement."""
    if is_sqlite(connection.dialect):
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def plain_indexes(connection: Connection, tables: Sequence[Table]) -> list[tuple[str, str]]:
    """The indexes of these tables that enforce nothing (not a key, not unique): each name
    and the SQL that makes it again, as the database itself keeps it."""
    names = [table.name for table in tables]
    if is_sqlite(connection.dialect):
        found = connection.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND upper(sql) NOT LIKE 'CREATE UNIQUE%' "
                "AND tbl_name IN (SELECT value FROM json_each(:names)) ORDER BY name"
            ),
            {"names": json.dumps(names)},
        )
    else:
        found = connection.execute(
            text(
                "SELECT indexname, indexdef FROM pg_indexes "
                "WHERE schemaname = current_schema() AND tablename = ANY(:names) "
                "AND upper(indexdef) NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname"
            ),
            {"names": names},
        )
    return [(name, sql) for name, sql in found]


READING_CACHE_KIB = 16_384


def cache_for_whole_indexes(connection: Connection) -> None:
    """Let this connection keep up to 16 MiB of the database in memory (SQLite), so figures
    that walk several whole indexes of a large diary read each page from the file once."""
    if is_sqlite(connection.dialect):
        connection.exec_driver_sql(f"PRAGMA cache_size = -{READING_CACHE_KIB}")


def dangling(connection: Connection, tables: Sequence[Table]) -> list[tuple[str, int, str]]:
    """Rows whose foreign key points at no row: (table, the row's id, the missing parent)."""
    found: list[tuple[str, int, str]] = []
    for table in tables:
        key = list(table.primary_key.columns)
        for foreign in table.foreign_keys:
            parent = foreign.column.table.name
            child = foreign.parent.name
            rows = connection.execute(
                text(
                    f"SELECT c.{key[0].name} FROM {table.name} c "
                    f"WHERE c.{child} IS NOT NULL AND NOT EXISTS "
                    f"(SELECT 1 FROM {parent} p WHERE p.{foreign.column.name} = c.{child}) "
                    f"ORDER BY c.{key[0].name}"
                )
            ).all()
            found.extend((table.name, row[0], parent) for row in rows)
    return found
