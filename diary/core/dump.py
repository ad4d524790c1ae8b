"""A lossless JSON dump of the whole database, and restoring one into an empty database.

Every table of the schema is dumped (whatever tables the models define), parents before
children and rows by primary key, with each value written the same way whichever engine
holds it: integers, text (dates as 'YYYY-MM-DD', times as 'YYYY-MM-DD HH:MM:SS.ffffff'),
null, and JSON booleans for boolean columns. So a dump restored and dumped again is the same
file, on either engine. The format is described in docs/json-format.md.

A new database is not empty: migrations load the built-in Best Picture checklist. "Empty"
therefore means "nothing but what a fresh install holds"; restoring replaces those rows with
the dump's, in the same transaction.
"""

import base64
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    String,
    Table,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

import diary.store.models  # noqa: F401  (registers every table)
from diary.core.errors import InvalidInput
from diary.core.words import counted
from diary.store import dialect, migrations

FORMAT = "diary-dump"
FORMAT_VERSION = 1
Value = int | float | str | bool | None | dict[str, str]


def tables() -> list[Table]:
    """Every data table, parents before children (schema_version is recorded apart)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name != "schema_version"]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _select(table: Table, columns: list[str] | None = None) -> str:
    names = columns or [c.name for c in table.columns]
    order = [c.name for c in table.primary_key.columns] or names
    return (
        f"SELECT {', '.join(map(_quoted, names))} FROM {_quoted(table.name)} "
        f"ORDER BY {', '.join(map(_quoted, order))}"
    )


def _to_json(value: Any, boolean: bool) -> Value:
    if boolean and value in (0, 1) and not isinstance(value, float):
        return bool(value)
    if isinstance(value, bytes | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, datetime):  # an engine that hands back times, not text
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _from_json(value: Value) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["base64"])
    return value  # a boolean goes as one: stored as 1/0 by SQLite, as a boolean elsewhere


def schema_version(connection: Connection) -> int:
    return int(connection.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)


def dump(session: Session) -> dict[str, Any]:
    """The whole database as one JSON-ready dict."""
    connection = session.connection()
    out: list[dict[str, Any]] = []
    for table in tables():
        flags = [isinstance(c.type, Boolean) for c in table.columns]
        rows = dialect.driver_fetch(connection, _select(table), {})
        out.append(
            {
                "name": table.name,
                "columns": [c.name for c in table.columns],
                "rows": [[_to_json(v, f) for v, f in zip(row, flags, strict=True)] for row in rows],
            }
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version(connection),
        "tables": out,
    }


def render(data: dict[str, Any]) -> str:
    """The dump as text: one table row per line, so that files diff well."""

    def encode(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = ["{"]
    for key in ("format", "format_version", "schema_version"):
        lines.append(f"  {encode(key)}: {encode(data[key])},")
    lines.append('  "tables": [')
    for t, table in enumerate(data["tables"]):
        lines.append("    {")
        lines.append(f'      "name": {encode(table["name"])},')
        lines.append(f'      "columns": {encode(table["columns"])},')
        rows = table["rows"]
        if not rows:
            lines.append('      "rows": []')
        else:
            lines.append('      "rows": [')
            lines.extend(
                f"        {encode(row)}{',' if r < len(rows) - 1 else ''}"
                for r, row in enumerate(rows)
            )
            lines.append("      ]")
        lines.append("    }" + ("," if t < len(data["tables"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def parse(content: str, name: str, current_version: int) -> dict[str, Any]:
    """Read and check a dump; raises InvalidInput with one line saying what is wrong."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name} is not JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidInput(f'{name} is not a diary dump (no "format": "{FORMAT}")')
    if data.get("format_version") != FORMAT_VERSION:
        raise InvalidInput(
            f"{name} has dump format version {data.get('format_version')!r}; "
            f"this diary reads version {FORMAT_VERSION}"
        )
    if data.get("schema_version") != current_version:
        raise InvalidInput(
            f"{name} was made with schema version {data.get('schema_version')!r}; this database "
            f"has version {current_version}: restore it with the diary version that made it"
        )
    _check_tables(data.get("tables"), name)
    return data


def _check_tables(found: Any, name: str) -> None:
    known = {table.name: table for table in tables()}
    if not isinstance(found, list) or not all(isinstance(t, dict) for t in found):
        raise InvalidInput(f'{name}: "tables" must be a list of tables')
    names = [t.get("name") for t in found]
    missing = sorted(set(known) - set(names))
    unknown = sorted(str(n) for n in set(names) - set(known))
    if missing or unknown or len(names) != len(set(names)):
        raise InvalidInput(
            f"{name}: tables do not match this database (missing: {', '.join(missing) or '-'}; "
            f"unknown: {', '.join(unknown) or '-'}; each table once)"
        )
    for table in found:
        columns = table.get("columns")
        expected = [c.name for c in known[table["name"]].columns]
        if not isinstance(columns, list) or sorted(map(str, columns)) != sorted(expected):
            raise InvalidInput(
                f"{name}: table {table['name']} has columns {columns}; expected {expected}"
            )
        rows = table.get("rows")
        if not isinstance(rows, list):
            raise InvalidInput(f"{name}: table {table['name']} has no list of rows")
        kinds = [(str(c), known[table["name"]].c[str(c)]) for c in columns]
        for number, row in enumerate(rows, 1):
            if not isinstance(row, list) or len(row) != len(columns):
                raise InvalidInput(
                    f"{name}: table {table['name']} row {number} does not have "
                    f"{len(columns)} values"
                )
            for (column_name, column), value in zip(kinds, row, strict=True):
                if not _valid(value, column):
                    raise InvalidInput(
                        f"{name}: table {table['name']} row {number} has a bad value for "
                        f"{column_name}: {json.dumps(value, ensure_ascii=False)[:40]}"
                    )


def _is_time(column: Column[Any]) -> bool:
    """A date-and-time column (SQLModel's UTCDateTime wraps SQLAlchemy's DateTime)."""
    return isinstance(column.type, DateTime) or isinstance(
        getattr(column.type, "impl", None), DateTime
    )


def _valid(value: Any, column: Column[Any]) -> bool:
    """Whether `value` is what the column holds, written as a dump writes it."""
    if value is None:
        return bool(column.nullable)
    kind = column.type
    if isinstance(kind, Boolean):
        return isinstance(value, bool)
    if isinstance(kind, Integer):
        return isinstance(value, int) and not isinstance(value, bool)
    if _is_time(column) or isinstance(kind, Date):
        try:
            parse = datetime.fromisoformat if _is_time(column) else date.fromisoformat
            parse(value)
        except (TypeError, ValueError):
            return False
        return isinstance(value, str)
    if isinstance(kind, String) or isinstance(getattr(kind, "impl", None), String):
        return isinstance(value, str)
    if isinstance(value, dict):
        return set(value) == {"base64"} and isinstance(value["base64"], str)
    return isinstance(value, int | float | str | bool)


@dataclass
class Restored:
    tables: int
    rows: int


def restore(session: Session, data: dict[str, Any], name: str) -> Restored:
    """Replace the contents of an empty database with the dump (in the caller's transaction)."""
    connection = session.connection()
    busy = user_tables(connection)
    if busy:
        raise InvalidInput(
            f"this database already holds data ({', '.join(busy)}); restore {name} into a new "
            f"database: diary --db NEW.db import json {name}"
        )
    dialect.defer_foreign_keys(connection)
    ordered = tables()
    for table in reversed(ordered):
        connection.exec_driver_sql(f"DELETE FROM {_quoted(table.name)}")
    by_name = {table["name"]: table for table in data["tables"]}
    total = 0
    for table in ordered:
        found = by_name[table.name]
        if not found["rows"]:
            continue
        columns = ", ".join(map(_quoted, found["columns"]))
        marks = dialect.marks(connection.dialect, len(found["columns"]))
        rows = [tuple(_from_json(v) for v in row) for row in found["rows"]]
        insert = f"INSERT INTO {_quoted(table.name)} ({columns}) VALUES ({marks})"
        try:
            with connection.begin_nested():
                connection.exec_driver_sql(insert, rows)
        except IntegrityError as exc:
            reason = str(exc.orig).splitlines()[0]
            number = _failing_row(connection, insert, rows)
            raise InvalidInput(f"{name}: table {table.name} row {number}: {reason}") from None
        total += len(rows)
    broken = dialect.dangling(connection, ordered)
    if broken:
        table_name, row_id, parent = broken[0]
        raise InvalidInput(
            f"{name}: a row of {table_name} (id {row_id}) points at a missing {parent} row"
        )
    dialect.catch_up_ids(connection, ordered)
    return Restored(len(ordered), total)


def _failing_row(connection: Connection, insert: str, rows: list[tuple[Any, ...]]) -> int:
    """The number of the first row that cannot go in (only asked once a table failed)."""
    for number, row in enumerate(rows, 1):
        try:
            with connection.begin_nested():
                connection.exec_driver_sql(insert, row)
        except IntegrityError:
            return number
    return len(rows)


def user_tables(connection: Connection) -> list[str]:
    """Tables whose contents differ from a fresh install's (times of creation aside)."""
    reference = migrations.fresh_install()
    try:
        with reference.connect() as fresh:
            return [
                f"{table.name}: {counted(count, 'rows')}"
                for table in tables()
                if (count := _differs(connection, fresh, table)) is not None
            ]
    finally:
        reference.dispose()


def _differs(connection: Connection, fresh: Connection, table: Table) -> int | None:
    columns = [c.name for c in table.columns if not _is_time(c)]
    mine = _plain(dialect.driver_fetch(connection, _select(table, columns), {}))
    if mine == _plain(dialect.driver_fetch(fresh, _select(table, columns), {})):
        return None
    return len(mine)


def _plain(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Rows as a dump writes them, so that two engines' rows compare equal."""
    return [tuple(_to_json(v, False) for v in row) for row in rows]
