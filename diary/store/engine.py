"""The engine, its one connect hook, and sessions whose writes begin IMMEDIATE.

Every connection gets foreign keys, WAL and a busy timeout. The sqlite3 driver's own
transaction handling is switched off so that SQLAlchemy's BEGIN is the one that runs: a
read-then-write transaction must take the write lock up front (BEGIN IMMEDIATE), otherwise
WAL answers with a busy error that no timeout can cure, and DDL must run inside BEGIN for a
failed migration to roll back.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

from diary.store.location import Location

BUSY_TIMEOUT_MS = int(os.environ.get("DIARY_BUSY_TIMEOUT_MS", "10000"))
WRITE = "diary_write"


def make_engine(location: Location) -> Engine:
    if location.path is not None:
        engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine
    return create_engine(location.url)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    try:
        # WAL is a property of the file: set once, it stays. Switch only a new database or
        # one of ours, never another program's file that --db happened to point at.
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            if cursor.execute(_OURS_OR_EMPTY).fetchone()[0]:
                cursor.execute("PRAGMA journal_mode=WAL")
    except Exception:  # noqa: BLE001 - a read-only or damaged file: the first query says so
        pass
    cursor.close()


_OURS_OR_EMPTY = (
    "SELECT count(*) = 0 OR sum(name = 'schema_version') > 0 "
    "FROM sqlite_master WHERE type = 'table'"
)


def _on_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def session_scope(engine: Engine, write: bool) -> Iterator[Session]:
    """One transaction: committed if the block ends normally, rolled back otherwise."""
    bound = engine.execution_options(**{WRITE: True}) if write else engine
    with Session(bound, expire_on_commit=False, autoflush=True) as session:
        try:
            yield session
            if write:
                session.commit()
            # A read session just closes: rolling back would expire what it loaded.
        except BaseException:
            session.rollback()
            raise
