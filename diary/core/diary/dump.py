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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
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
from sqlmodel import Session, SQLModel

import diary.store.models  # noqa: F401  (registers every table)
from diary.base.words import counted
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
    plain: Value = value  # a number, text or NULL, as the driver gave it
    return plain


def _row_text(encode: Callable[[Any], str], row: Any, flags: list[bool]) -> str:
    """One row as JSON: booleans for boolean columns, bytes as base64 (both rare)."""
    if True not in flags:
        try:
            return encode(list(row))
        except TypeError:  # bytes, which JSON cannot hold as they are
            pass
    return encode([_to_json(v, f) for v, f in zip(row, flags, strict=True)])


def _from_json(value: Value) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["base64"])
    return value  # a boolean goes as one: stored as 1/0 by SQLite, as a boolean elsewhere


def schema_version(connection: Connection) -> int:
    return int(connection.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)


@dataclass
class Written:
    """What a dump held, counted while it was written."""

    tables: int = 0
    rows: int = 0


def dump_text(session: Session, written: Written, chunk: int = 1000) -> Iterator[str]:
    """The whole database as the dump's text, a piece at a time, one table row per line.

    Rows are streamed from the database in chunks (a server-side cursor where the driver has
    one), so the dump of any diary is written in the same memory.
    """
    connection = session.connection()
    encode = json.JSONEncoder(ensure_ascii=False).encode
    yield "{\n"
    yield f'  "format": {encode(FORMAT)},\n  "format_version": {encode(FORMAT_VERSION)},\n'
    yield f'  "schema_version": {encode(schema_version(connection))},\n  "tables": [\n'
    everything = tables()
    for number, table in enumerate(everything):
        flags = [isinstance(c.type, Boolean) for c in table.columns]
        yield f'    {{\n      "name": {encode(table.name)},\n'
        yield f'      "columns": {encode([c.name for c in table.columns])},\n'
        result = connection.execution_options(yield_per=chunk).exec_driver_sql(_select(table))
        opened = False
        for rows in result.partitions(chunk):
            lines = [_row_text(encode, row, flags) for row in rows]
            yield ('      "rows": [\n        ' if not opened else ",\n        ") + (
                ",\n        ".join(lines)
            )
            opened = True
            written.rows += len(lines)
        yield "\n      ]\n" if opened else '      "rows": []\n'
        yield "    }" + (",\n" if number < len(everything) - 1 else "\n")
        written.tables += 1
    yield "  ]\n}\n"


def _is_time(column: Column[Any]) -> bool:
    """A date-and-time column (SQLModel's UTCDateTime wraps SQLAlchemy's DateTime)."""
    return isinstance(column.type, DateTime) or isinstance(
        getattr(column.type, "impl", None), DateTime
    )


def column_kind(column: Column[Any]) -> str:
    """What a dump writes in the column: bool, int, time, date, str or any (plain JSON)."""
    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    if _is_time(column):
        return "time"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, String) or isinstance(getattr(kind, "impl", None), String):
        return "str"
    return "any"


def value_check(column: Column[Any]) -> Callable[[Any], bool]:
    """Whether a value is what the column holds, written as a dump writes it (made once
    per column: a restore asks it of every value)."""
    checks: dict[str, Callable[[Any], bool]] = {
        "bool": _is_bool,
        "int": _is_int,
        "time": partial(_parses, datetime.fromisoformat),
        "date": partial(_parses, date.fromisoformat),
        "str": _is_str,
        "any": _is_any,
    }
    check = checks[column_kind(column)]
    if column.nullable:
        return lambda value: value is None or check(value)
    return check


def _is_bool(value: Any) -> bool:
    return value is True or value is False


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_str(value: Any) -> bool:
    return type(value) is str


def _parses(parse: Callable[[str], Any], value: Any) -> bool:
    if type(value) is not str:
        return False
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _is_any(value: Any) -> bool:
    if isinstance(value, dict):
        return set(value) == {"base64"} and isinstance(value["base64"], str)
    return isinstance(value, int | float | str | bool)


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
