"""PostgreSQL for the suite: one server per run, one migrated template, a database per test.

Copying a template (`CREATE DATABASE ... TEMPLATE`) takes a tenth of a second, where
building the schema and the Best Picture list again would take over a second per test.
"""

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests import pgserver
from tests.conftest import TODAY

_counter = itertools.count(1)


class Database:
    """One test's database: what `env_setup` hands a test on PostgreSQL."""

    def __init__(self, server: "Server", name: str) -> None:
        self.server = server
        self.name = name
        self.url = pgserver.with_database(server.url, name)

    def __repr__(self) -> str:
        return f"Database({self.name})"

    def __str__(self) -> str:
        """What `--db` and DIARY_DB take, as `str()` of a SQLite path is: never a file name."""
        return self.url

    def connect(self, autocommit: bool = False) -> Any:
        import psycopg

        return psycopg.connect(pgserver.plain(self.url), autocommit=autocommit)

    def drop(self) -> None:
        self.server.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    def __init__(self, url: str) -> None:
        self.url = url
        self.prefix = f"t{os.getpid()}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
        self.template = f"{self.prefix}_template"

    @classmethod
    @contextmanager
    def for_tests(cls) -> Iterator["Server"]:
        given = os.environ.get("DIARY_TEST_PG_URL", "").strip()
        folder: Path | None = None
        if not given:
            folder = pgserver.new_folder()
        try:
            server = cls(given or pgserver.start(folder))  # type: ignore[arg-type]
            server.build_template()
            try:
                yield server
            finally:
                server.admin(f'DROP DATABASE IF EXISTS "{server.template}" WITH (FORCE)')
        finally:
            if folder is not None:
                pgserver.stop(folder)

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(pgserver.plain(self.url), autocommit=True) as connection:
            connection.execute(sql)

    def build_template(self) -> None:
        """A database at the latest schema, made by diary itself, to copy for each test."""
        from diary.store import database
        from diary.store.location import resolve

        self.admin(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self.admin(f'CREATE DATABASE "{self.template}"')
        before = os.environ.get("DIARY_TODAY")
        os.environ["DIARY_TODAY"] = TODAY
        try:
            database.engine_for(resolve(pgserver.with_database(self.url, self.template)), True)
        finally:
            database.reset()
            if before is None:
                del os.environ["DIARY_TODAY"]
            else:
                os.environ["DIARY_TODAY"] = before

    def fresh_database(self) -> Database:
        name = f"{self.prefix}_{next(_counter)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return Database(self, name)

    def empty_database(self) -> Database:
        """A database with nothing in it (for tests of creating the schema)."""
        name = f"{self.prefix}_{next(_counter)}"
        self.admin(f'CREATE DATABASE "{name}"')
        return Database(self, name)
