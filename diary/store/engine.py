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

WRITE = "diary_write"


def busy_timeout_ms() -> int:
    """How long to wait for another writer: DIARY_BUSY_TIMEOUT_MS, else ten seconds."""
    from diary.core.errors import InvalidInput

    text = os.environ.get("DIARY_BUSY_TIMEOUT_MS", "").strip() or "10000"
    if not text.isdigit() or not text.isascii():
        raise InvalidInput(
            f"DIARY_BUSY_TIMEOUT_MS must be a whole number of milliseconds: {text!r}"
        )
    return int(text)


def make_engine(location: Location) -> Engine:
    if location.path is not None:
        timeout = busy_timeout_ms()
        engine = create_engine(location.url, connect_args={"timeout": timeout / 1000})
        event.listen(engine, "connect", lambda connection, _: _on_connect(connection, timeout))
        event.listen(engine, "begin", _on_begin)
        return engine
    return create_engine(location.url)


def _on_connect(dbapi_connection: Any, busy_timeout: int) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout}")
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
