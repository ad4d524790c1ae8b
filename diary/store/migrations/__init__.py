"""Ordered, frozen migrations keyed by a schema version.

Each migration module is named `mNNNN_what.py` and has VERSION (= NNNN) and
upgrade(connection); they are found by name, so adding one is adding a file. Versions only
grow; gaps are allowed. Every migration runs inside one explicit transaction together with
its version marker, so a failure leaves the database exactly at the previous version. A backup of an
existing database is written before the first pending migration runs, and a database whose
version is newer than this program knows is refused.
"""

import importlib
import pkgutil
import re
from collections.abc import Callable
from functools import cache
from types import ModuleType

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError

from diary.base.errors import StorageError

_NAME = re.compile(r"^m(?P<version>\d{4})_\w+$")


def module_names() -> list[str]:
    return list(_scan())


@cache
def _scan() -> tuple[str, ...]:
    """The migration files, in version order (read once per process: they do not change)."""
    found = [m.name for m in pkgutil.iter_modules(__path__) if _NAME.match(m.name)]
    return tuple(sorted(found, key=lambda name: int(name[1:5])))


def migrations() -> list[ModuleType]:
    loaded = [importlib.import_module(f"{__name__}.{name}") for name in module_names()]
    for name, module in zip(module_names(), loaded, strict=True):
        assert module.VERSION == int(name[1:5]), f"{name} must have VERSION {int(name[1:5])}"
    versions = [module.VERSION for module in loaded]
    assert versions == sorted(set(versions)), "migration versions must increase"
    return loaded


def latest_version() -> int:
    """The newest version this program knows, read from the file names (nothing imported)."""
    return int(module_names()[-1][1:5])


def current_version(connection: Connection) -> int:
    """0 for an empty database; raises for a database that is not a diary.

    Every command asks, so the usual case costs one query; the catalogue is read only when
    there is no version table.
    """
    try:
        with connection.begin_nested():
            found = connection.execute(text("SELECT max(version) FROM schema_version")).scalar()
        return int(found or 0)
    except DBAPIError:
        tables = set(inspect(connection).get_table_names())
        if "schema_version" in tables:
            raise
    if tables:
        raise StorageError("this database was not made by diary (no schema_version table)")
    return 0


def check_not_newer(version: int, where: str) -> None:
    latest = latest_version()
    if version > latest:
        raise StorageError(
            f"{where} has schema version {version}, newer than this diary knows "
            f"(version {latest}); upgrade diary to open it"
        )


def upgrade(engine: Engine, where: str, backup: Callable[[int], object] | None = None) -> list[int]:
    """Apply every pending migration; return the versions applied."""
    with engine.connect() as connection:
        version = current_version(connection)
        connection.rollback()
    check_not_newer(version, where)
    pending = [m for m in migrations() if m.VERSION > version]
    if pending and version > 0 and backup is not None:
        backup(version)
    applied = []
    for module in pending:
        with engine.execution_options(diary_write=True).begin() as connection:
            ensure_version_table(connection)
            if current_version(connection) >= module.VERSION:
                continue  # another process got here first
            module.upgrade(connection)
            connection.execute(
                text("INSERT INTO schema_version (version) VALUES (:v)"), {"v": module.VERSION}
            )
        applied.append(module.VERSION)
    return applied


def fresh_install() -> Engine:
    """An in-memory database as a fresh install makes it, to compare a real one with."""
    from sqlalchemy import create_engine

    reference = create_engine("sqlite://")
    upgrade(reference, "a fresh database")
    return reference


def ensure_version_table(connection: Connection) -> None:
    connection.execute(
        text("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY)")
    )
