"""A lossless JSON dump of the whole database, and restoring one into an empty database.

Every table of the schema is dumped (whatever tables the models define), parents before
children and rows by primary key, with each value exactly as SQLite stores it: integers,
text (dates as 'YYYY-MM-DD', times as 'YYYY-MM-DD HH:MM:SS.ffffff'), null, and JSON booleans
for boolean columns. So a dump restored and dumped again is the same file. The format is
described in docs/json-format.md.

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
    create_engine,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

import diary.store.models  # noqa: F401  (registers every table)
from diary.core.dump_values import check_value
from diary.core.errors import InvalidInput
from diary.core.words import counted, escaped
from diary.store import migrations

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
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _from_json(value: Value) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict):
        return base64.b64decode(value["base64"])
    return value


def schema_version(connection: Connection) -> int:
    return int(connection.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)


def dump(session: Session) -> dict[str, Any]:
    """The whole database as one JSON-ready dict."""
    connection = session.connection()
    out: list[dict[str, Any]] = []
    for table in tables():
        flags = [isinstance(c.type, Boolean) for c in table.columns]
        rows = connection.exec_driver_sql(_select(table)).fetchall()
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
    except RecursionError:
        raise InvalidInput(f"{name} nests its JSON too deeply to be a diary dump") from None
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
                why = "" if _valid(value, column) else "not what the column holds"
                why = why or check_value(table["name"], column_name, value)
                if why:
                    shown = escaped(json.dumps(value, ensure_ascii=False)[:40])
                    raise InvalidInput(
                        f"{name}: table {table['name']} row {number} has a bad value for "
                        f"{column_name}: {shown} ({why})"
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
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
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
        marks = ", ".join("?" for _ in found["columns"])
        rows = [tuple(_from_json(v) for v in row) for row in found["rows"]]
        try:
            connection.exec_driver_sql(
                f"INSERT INTO {_quoted(table.name)} ({columns}) VALUES ({marks})", rows
            )
        except IntegrityError as exc:
            # The rows before the failing one went in (the table was empty): that names it.
            done = connection.exec_driver_sql(f"SELECT count(*) FROM {_quoted(table.name)}")
            reason = str(exc.orig).splitlines()[0]
            raise InvalidInput(
                f"{name}: table {table.name} row {done.scalar_one() + 1}: {reason}"
            ) from None
        total += len(rows)
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise InvalidInput(
            f"{name}: a row of {table} (rowid {rowid}) points at a missing {parent} row"
        )
    return Restored(len(ordered), total)


def user_tables(connection: Connection) -> list[str]:
    """Tables whose contents differ from a fresh install's (times of creation aside)."""
    reference = create_engine("sqlite://")
    try:
        migrations.upgrade(reference, "a fresh database")
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
    mine = connection.exec_driver_sql(_select(table, columns)).fetchall()
    if mine == fresh.exec_driver_sql(_select(table, columns)).fetchall():
        return None
    return len(mine)
