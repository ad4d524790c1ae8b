"""The engine, its one connect hook, and sessions whose writes begin IMMEDIATE.

On SQLite, every connection gets foreign keys, WAL and a busy timeout. The sqlite3 driver's own
transaction handling is switched off so that SQLAlchemy's BEGIN is the one that runs: a
read-then-write transaction must take the write lock up front (BEGIN IMMEDIATE), otherwise
WAL answers with a busy error that no timeout can cure, and DDL must run inside BEGIN for a
failed migration to roll back. On PostgreSQL a write transaction takes the one writer lock
(WRITER_LOCK) at its start instead, waiting up to the same busy timeout.
"""

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from diary.store.location import Location

WRITE = "diary_write"


def busy_timeout_ms() -> int:
    """How long a writer waits for the lock, retries included: DIARY_BUSY_TIMEOUT_MS, else a
    minute (an import holds the lock for its whole run, and a crowded machine is slow)."""
    from diary.base.errors import InvalidInput

    text = os.environ.get("DIARY_BUSY_TIMEOUT_MS", "").strip() or "60000"
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
    if location.url.startswith(("postgresql", "postgres")):
        return _server_engine(location)
    return create_engine(location.url)


# Every diary writer on a server takes this one lock for its transaction, so writes run one
# at a time exactly as on SQLite: a read-then-write (the next id, "already ticked?") can never
# interleave with another writer's. Readers never wait.
WRITER_LOCK = 0x6469617279  # "diary"


def _server_engine(location: Location) -> Engine:
    timeout = busy_timeout_ms()
    engine = create_engine(location.url, connect_args={"connect_timeout": 10})

    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(WRITE, False):
            # 0 would mean "wait for ever" to PostgreSQL, "not at all" to SQLite: keep SQLite's.
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {max(timeout, 1)}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    event.listen(engine, "begin", on_begin)
    return engine


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


def _begin(session: Session) -> None:
    try:
        session.connection()
    except OperationalError:
        session.rollback()  # a fresh start for the next attempt
        raise


def _on_begin(connection: Any) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def is_busy(exc: BaseException) -> bool:
    """A lock another connection holds: worth asking again, unlike any other failure."""
    text = str(getattr(exc, "orig", exc)).lower()
    return "locked" in text or "busy" in text


T = TypeVar("T")


def retry_busy(attempt: Callable[[], T], budget_ms: int | None = None) -> T:
    """`attempt()`, asked again after a short random pause while it answers "busy".

    SQLite waits for a held lock itself (the busy timeout), but some of its busy answers come
    at once, without waiting: a writer that starts while another is recovering or
    checkpointing the write-ahead log, or one starved of CPU among many. Those are retried
    until the budget (the busy timeout, counted from the first attempt) is spent.
    """
    budget = (busy_timeout_ms() if budget_ms is None else budget_ms) / 1000
    deadline = time.monotonic() + budget
    pause = 0.01
    while True:
        try:
            return attempt()
        except OperationalError as exc:
            if not is_busy(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, 0.25)


@contextmanager
def session_scope(engine: Engine, write: bool) -> Iterator[Session]:
    """One transaction: committed if the block ends normally, rolled back otherwise.

    A write session takes the write lock before the block runs (retrying a busy answer), so
    a busy database fails before any work is done, never halfway through it.
    """
    bound = engine.execution_options(**{WRITE: True}) if write else engine
    with Session(bound, expire_on_commit=False, autoflush=True) as session:
        try:
            if write:
                retry_busy(lambda: _begin(session))
            yield session
            if write:
                session.commit()
            # A read session just closes: rolling back would expire what it loaded.
        except BaseException:
            session.rollback()
            raise
