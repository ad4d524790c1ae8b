"""Looking inside a test's database from outside diary, on either engine.

`connect(db)` takes what `env_setup` gives a test (a SQLite path, or a PostgreSQL
tests.pgdb.Database, whose `str()` is its URL), or the path or URL itself, and answers
`execute(sql, params)` the way sqlite3 does: `?` marks, tuples back, dates and times as the
text SQLite keeps, committed when a `with` block ends. On PostgreSQL, `PRAGMA integrity_check`
runs `diary db check`'s checks (foreign keys and orphans) and answers "ok" or the problems.
"""

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from diary.store.dialect import as_text


def is_url(db: Any) -> bool:
    return isinstance(db, str) and "://" in db


def connect(db: Any) -> Any:
    if is_url(db):
        return _Postgres(_AtUrl(db))
    if isinstance(db, (str, Path)):
        return sqlite3.connect(db)
    return _Postgres(db)


class _AtUrl:
    """A database known only by its URL (as a subprocess sees it in DIARY_DB)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def connect(self, autocommit: bool = False) -> Any:
        import psycopg

        from tests.pgserver import plain

        return psycopg.connect(plain(self.url), autocommit=autocommit)


def table_names(connection: Any) -> list[str]:
    if isinstance(connection, sqlite3.Connection):
        sql = "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
    else:
        sql = (
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' ORDER BY table_name"
        )
    return [row[0] for row in connection.execute(sql).fetchall()]


_MARK = re.compile(r"\?")


class _Answer:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.rows

    def fetchone(self) -> tuple[Any, ...] | None:
        return self.rows[0] if self.rows else None

    def __iter__(self) -> Any:
        return iter(self.rows)


class _Postgres:
    def __init__(self, db: Any) -> None:
        self.db = db
        self.connection = db.connect()

    def execute(self, sql: str, params: Any = ()) -> _Answer:
        asked = sql.strip().upper()
        if asked == "PRAGMA INTEGRITY_CHECK":
            return _Answer([(line,) for line in integrity_lines(self.db)])
        if asked == "PRAGMA FOREIGN_KEY_CHECK":
            lines = integrity_lines(self.db)
            return _Answer([(line,) for line in lines if line.startswith("foreign key")])
        cursor = self.connection.execute(_MARK.sub("%s", sql), tuple(params) or None)
        rows = cursor.fetchall() if cursor.description else []
        return _Answer([tuple(map(as_text, row)) for row in rows])

    def commit(self) -> None:
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "_Postgres":
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            self.connection.commit()
        else:
            self.connection.rollback()
        self.connection.close()


def integrity_lines(db: Any) -> list[str]:
    from diary.store.location import resolve
    from diary.store.maintenance import check

    report = check(resolve(db.url))
    return report.problems or ["ok"]


def write_lock_is_free(db: Any) -> bool:
    """Whether another process could start writing right now (no one holds the lock)."""
    if isinstance(db, (str, Path)):
        connection = sqlite3.connect(db, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            connection.close()
    from diary.store.engine import WRITER_LOCK

    with db.connect(autocommit=True) as connection:
        taken = connection.execute("SELECT pg_try_advisory_lock(%s)", (WRITER_LOCK,)).fetchone()
        if taken[0]:
            connection.execute("SELECT pg_advisory_unlock(%s)", (WRITER_LOCK,))
        return bool(taken[0])


@contextmanager
def write_lock_held(db: Any) -> Iterator[None]:
    """Another writer holding the write lock for as long as the block runs."""
    if isinstance(db, (str, Path)):
        other = sqlite3.connect(db, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            yield
        finally:
            other.rollback()
            other.close()
        return
    from diary.store.engine import WRITER_LOCK

    with db.connect() as connection:
        connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        try:
            yield
        finally:
            connection.rollback()
