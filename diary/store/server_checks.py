"""`db status` and `db check` for a diary on a database server (PostgreSQL).

There is no file to look into: the server keeps its own pages whole. What can still go wrong
is ours to check: the schema version, rows pointing at rows that are gone, and id sequences
left behind the ids already used (the next insert would fail).
"""

from typing import Any

from sqlalchemy import Connection, text

from diary.store import dialect, migrations
from diary.store.database import plain_connection
from diary.store.location import Location

COUNTED = ("person", "film", "viewing", "watchlist_entry", "comment")


def server_status(location: Location) -> dict[str, object]:
    with plain_connection(location) as connection:
        info: dict[str, object] = {
            "engine": connection.dialect.name,
            "server_version": connection.execute(text("SHOW server_version")).scalar(),
        }
        tables = _tables(connection)
        info["schema"] = _version(connection) if "schema_version" in tables else 0
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
        info["size_bytes"] = int(size or 0)
        info["rows"] = {
            table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in COUNTED
            if table in tables
        }
        return info


def check_server(location: Location) -> list[str]:
    """Every problem found, as lines; none means the diary is sound."""
    from sqlmodel import SQLModel

    import diary.store.models  # noqa: F401  (registers every table)

    problems: list[str] = []
    with plain_connection(location) as connection:
        tables = _tables(connection)
        if "schema_version" not in tables:
            return ["no schema_version table: this is not a diary (or an empty database)"]
        version, latest = _version(connection), migrations.latest_version()
        if version != latest:
            problems.append(f"schema version {version}; this diary uses {latest}")
            return problems
        known = [t for t in SQLModel.metadata.sorted_tables if t.name in tables]
        missing = sorted({t.name for t in SQLModel.metadata.sorted_tables} - tables)
        problems.extend(f"table {name} is missing" for name in missing)
        for table, row_id, parent in dialect.dangling(connection, known):
            problems.append(f"foreign key: {table} row {row_id} points to a missing {parent}")
        problems.extend(_sequences_behind(connection, known))
    return problems


def _sequences_behind(connection: Connection, tables: list[Any]) -> list[str]:
    found = []
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].type.python_type is not int:
            continue
        sequence = connection.execute(
            text(f"SELECT pg_get_serial_sequence('{table.name}', '{key[0].name}')")
        ).scalar()
        if sequence is None:
            continue
        last, called = connection.execute(
            text(f"SELECT last_value, is_called FROM {sequence}")
        ).one()
        highest = connection.execute(text(f"SELECT max({key[0].name}) FROM {table.name}")).scalar()
        next_id = last + 1 if called else last
        if highest is not None and next_id <= highest:
            found.append(
                f"sequence: the next {table.name} id would be {next_id}, "
                f"but ids up to {highest} are used"
            )
    return found


def _tables(connection: Connection) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(connection).get_table_names())


def _version(connection: Connection) -> int:
    return int(connection.execute(text("SELECT max(version) FROM schema_version")).scalar() or 0)
