"""Restoring a JSON dump into an empty database, read from the file as it is loaded.

The file is parsed incrementally (ijson), each table's rows checked and inserted a thousand
at a time, so a dump of any size restores in the same memory. Everything happens in the
caller's transaction: the first problem found (a bad header, an unknown table, a row that
does not fit its columns, a repeated key, a dangling reference) is one line naming the table
and row, and nothing of the dump stays. The header (format, format_version, schema_version)
must come before "tables", as `diary export json` writes it.
"""

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Table
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from diary.base.errors import InvalidInput
from diary.base.words import escaped
from diary.core.diary.dump import (
    FORMAT,
    FORMAT_VERSION,
    _from_json,
    _quoted,
    schema_version,
    tables,
    user_tables,
    value_check,
)
from diary.core.diary.dump_values import check_value, column_passes
from diary.store import dialect

BATCH = 1000
Events = Iterator[tuple[str, Any]]


@dataclass
class Restored:
    tables: int
    rows: int


def restore_file(session: Session, path: Path, name: str | None = None) -> Restored:
    """Replace the contents of an empty database with the dump in `path` (called `name` in
    messages, the path itself unless given)."""
    import ijson

    name = name or str(path)
    with path.open("rb") as handle:
        try:
            return _Restore(session, name).run(_events(handle))
        except ijson.JSONError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "cut short"
            raise InvalidInput(f"{name} is not JSON ({reason})") from None
        except RecursionError:
            raise InvalidInput(f"{name} nests its JSON too deeply to be a diary dump") from None


def _events(handle: BinaryIO) -> Events:
    import ijson

    return iter(ijson.basic_parse(handle, use_float=True))


class _Restore:
    def __init__(self, session: Session, name: str) -> None:
        self.connection = session.connection()
        self.name = name
        self.known = {table.name: table for table in tables()}
        self.done: list[str] = []
        self.rows = 0
        self.in_table = 0  # rows of the current table already inserted
        self.indexes: list[tuple[str, str]] = []  # dropped while the rows go in

    def run(self, events: Events) -> Restored:
        if next(events, ("", None))[0] != "start_map":
            raise InvalidInput(f'{self.name} is not a diary dump (no "format": "{FORMAT}")')
        header: dict[str, Any] = {}
        saw_tables = False
        for event, key in events:
            if event == "end_map":
                break
            if key == "tables" and not saw_tables:
                self._check_header(header)
                self._start()
                self._tables(events)
                saw_tables = True
            else:
                header[key] = _value(events)
        if not saw_tables:
            self._check_header(header)
            raise InvalidInput(f'{self.name}: "tables" must be a list of tables')
        missing = sorted(set(self.known) - set(self.done))
        if missing:
            raise InvalidInput(
                f"{self.name}: tables do not match this database (missing: "
                f"{', '.join(missing)}; unknown: -; each table once)"
            )
        for _, sql in self.indexes:
            self.connection.exec_driver_sql(sql)
        self._check_references()
        return Restored(len(self.done), self.rows)

    def _check_header(self, header: dict[str, Any]) -> None:
        name = self.name
        if header.get("format") != FORMAT:
            raise InvalidInput(f'{name} is not a diary dump (no "format": "{FORMAT}")')
        if header.get("format_version") != FORMAT_VERSION:
            raise InvalidInput(
                f"{name} has dump format version {header.get('format_version')!r}; "
                f"this diary reads version {FORMAT_VERSION}"
            )
        current = schema_version(self.connection)
        if header.get("schema_version") != current:
            raise InvalidInput(
                f"{name} was made with schema version {header.get('schema_version')!r}; this "
                f"database has version {current}: restore it with the diary version that made it"
            )

    def _start(self) -> None:
        """Check the database is empty, then clear what a fresh install put in it."""
        busy = user_tables(self.connection)
        if busy:
            raise InvalidInput(
                f"this database already holds data ({', '.join(busy)}); restore {self.name} "
                f"into a new database: diary --db NEW.db import json {self.name}"
            )
        dialect.defer_foreign_keys(self.connection)
        for table in reversed(tables()):
            self.connection.exec_driver_sql(f"DELETE FROM {_quoted(table.name)}")
        # Indexes that enforce nothing are made again once every row is in: one sort each,
        # instead of an update per row that touches pages all over a large index.
        self.indexes = dialect.plain_indexes(self.connection, tables())
        for index, _ in self.indexes:
            self.connection.exec_driver_sql(f"DROP INDEX {_quoted(index)}")

    def _tables(self, events: Events) -> None:
        if next(events)[0] != "start_array":
            raise InvalidInput(f'{self.name}: "tables" must be a list of tables')
        for event, _ in events:
            if event == "end_array":
                return
            if event != "start_map":
                raise InvalidInput(f'{self.name}: "tables" must be a list of tables')
            self._table(events)

    def _table(self, events: Events) -> None:
        found: dict[str, Any] = {}
        table: Table | None = None
        for event, key in events:
            if event == "end_map":
                break
            if key == "rows" and table is None:
                table = self._named(found)
                self._rows(events, table, found["columns"])
            else:
                found[key] = _value(events)
        if table is None:
            raise InvalidInput(f"{self.name}: table {self._named(found).name} has no list of rows")
        self.done.append(table.name)

    def _named(self, found: dict[str, Any]) -> Table:
        """The table an entry names, its name and columns (read before its rows) checked."""
        table_name = found.get("name")
        if table_name not in self.known or table_name in self.done:
            raise InvalidInput(
                f"{self.name}: tables do not match this database (unknown: {table_name}; "
                "each table once, its name and columns before its rows)"
            )
        columns = found.get("columns")
        expected = [c.name for c in self.known[table_name].columns]
        if not isinstance(columns, list) or sorted(map(str, columns)) != sorted(expected):
            raise InvalidInput(
                f"{self.name}: table {table_name} has columns {columns}; expected {expected}"
            )
        return self.known[table_name]

    def _rows(self, events: Events, table: Table, columns: list[str]) -> None:
        import ijson

        if next(events)[0] != "start_array":
            raise InvalidInput(f"{self.name}: table {table.name} has no list of rows")
        checks = _Checks(self.name, table, columns)
        insert = (
            f"INSERT INTO {_quoted(table.name)} ({', '.join(map(_quoted, columns))}) "
            f"VALUES ({dialect.marks(self.connection.dialect, len(columns))})"
        )
        width = len(columns)
        batch: list[list[Any]] = []
        number = 0
        start = 1  # the number of the batch's first row
        self.in_table = 0
        try:
            for event, _ in events:
                if event == "end_array":
                    break
                number += 1
                row = _array(events) if event == "start_array" else None
                if row is None or len(row) != width:
                    checks.first_bad(batch, start)  # a bad value before it is named first
                    raise InvalidInput(
                        f"{self.name}: table {table.name} row {number} does not have {width} values"
                    )
                batch.append(row)
                if len(batch) == BATCH:
                    checks.first_bad(batch, start)
                    self._insert(table, insert, batch)
                    start = number + 1
        except (ijson.JSONError, RecursionError):
            checks.first_bad(batch, start)  # as when each row was checked as it was read
            raise
        checks.first_bad(batch, start)
        self._insert(table, insert, batch)

    def _insert(self, table: Table, insert: str, batch: list[Any]) -> None:
        if not batch:
            return
        rows = list(map(tuple, batch))
        if any(type(v) is dict for row in rows for v in row):  # bytes, written as base64
            rows = [tuple(_from_json(v) for v in row) for row in rows]
        try:
            with self.connection.begin_nested():  # a failed batch leaves the transaction usable
                self.connection.exec_driver_sql(insert, rows)
        except IntegrityError as exc:
            reason = str(exc.orig).splitlines()[0]
            number = self.in_table + _failing_row(self.connection, insert, rows)
            raise InvalidInput(f"{self.name}: table {table.name} row {number}: {reason}") from None
        self.in_table += len(batch)
        self.rows += len(batch)
        batch.clear()

    def _check_references(self) -> None:
        ordered = tables()
        broken = dialect.dangling(self.connection, ordered)
        if broken:
            table_name, row_id, parent = broken[0]
            raise InvalidInput(
                f"{self.name}: a row of {table_name} (id {row_id}) points at a missing {parent} row"
            )
        dialect.catch_up_ids(self.connection, ordered)  # the next id after the restored ones


class _Checks:
    """A table's values held to their columns' types and rules, a batch at a time."""

    def __init__(self, name: str, table: Table, columns: list[str]) -> None:
        self.name = name
        self.table = table
        self.columns = columns
        self.whole = [column_passes(table.name, table.c[column]) for column in columns]
        self.each = [_strict(table, column) for column in columns]

    def first_bad(self, batch: list[list[Any]], first: int) -> None:
        """Refuse the first bad value of the batch (whose first row is number `first`),
        naming its row and column. Each column is checked whole first; only a batch with a
        column not certainly good is looked at value by value."""
        if not batch or all(map(_passes, self.whole, zip(*batch, strict=True))):
            return
        for number, row in enumerate(batch, first):
            for column, check, value in zip(self.columns, self.each, row, strict=True):
                if not check(value):
                    why = check_value(self.table.name, column, value)
                    shown = escaped(json.dumps(value, ensure_ascii=False)[:40])
                    raise InvalidInput(
                        f"{self.name}: table {self.table.name} row {number} has a bad value "
                        f"for {column}: {shown} ({why or 'not what the column holds'})"
                    )


def _strict(table: Table, column: str) -> Callable[[Any], bool]:
    """The column's type check, then the rules typed input meets (a rating of 99 is refused
    here as `diary log` would refuse it)."""
    typed = value_check(table.c[column])

    def check(value: Any) -> bool:
        return typed(value) and not check_value(table.name, column, value)

    return check


def _failing_row(connection: Connection, insert: str, rows: list[Any]) -> int:
    """The number, within `rows`, of the first row that cannot go in (asked once a batch
    failed; each try in a savepoint, so the engine's transaction stays usable)."""
    for number, row in enumerate(rows, 1):
        try:
            with connection.begin_nested():
                connection.exec_driver_sql(insert, row)
        except IntegrityError:
            return number
    return len(rows)


def _array(events: Events) -> list[Any]:
    """The rest of an array whose start was just read."""
    found: list[Any] = []
    append = found.append
    for event, value in events:
        if event == "end_array":
            return found
        append(_value(events, event, value) if event in _OPENING else value)
    return found


_OPENING = frozenset(("start_array", "start_map"))


def _passes(check: Any, value: Any) -> bool:
    return bool(check(value))


def _value(events: Events, event: str | None = None, value: Any = None) -> Any:
    """One whole JSON value: the next one, or the one whose first event is given."""
    if event is None:
        event, value = next(events)
    if event == "start_array":
        return _array(events)
    if event == "start_map":
        found: dict[str, Any] = {}
        for inner, key in events:
            if inner == "end_map":
                break
            found[key] = _value(events)
        return found
    return value
