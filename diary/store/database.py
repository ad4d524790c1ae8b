"""Opening the database: check or upgrade its schema once per process, then hand out sessions.

Write commands upgrade an older database (after a backup); read-only commands never do and
ask for `diary db upgrade` instead. A missing database file is created fresh.
"""

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session

from diary.base import clock
from diary.base.errors import DiaryError, StorageError, number_too_large
from diary.store import migrations
from diary.store.backup import backup_file, upgrade_backup_path
from diary.store.engine import make_engine, retry_busy, session_scope
from diary.store.location import Location

_engines: dict[str, tuple[Engine, bool]] = {}

Notify = Callable[[str], None]


def engine_for(location: Location, write: bool, notify: Notify | None = None) -> Engine:
    """An engine whose schema is current (write) or known to be current (read)."""
    cached = _engines.get(location.url)
    if cached is not None and (cached[1] or not write):
        return cached[0]
    engine = cached[0] if cached else _create(location)
    try:
        _prepare(engine, location, write, notify)
    except BaseException:
        if cached is None:
            engine.dispose()
        raise
    _engines[location.url] = (engine, True)
    return engine


def _create(location: Location) -> Engine:
    if location.path is not None:
        folder = location.path.parent
        if not folder.exists():
            if not location.is_default:
                raise StorageError(f"cannot open {location.path}: folder {folder} does not exist")
            folder.mkdir(parents=True, exist_ok=True)
    try:
        return make_engine(location)
    except DiaryError:  # a setting such as DIARY_BUSY_TIMEOUT_MS, said in its own words
        raise
    except Exception as exc:  # an unknown URL scheme or a missing driver
        scheme = location.url.partition("://")[0] or location.url
        reason = type(exc).__name__
        if isinstance(exc, ImportError) or reason == "NoSuchModuleError":
            reason = f"no database driver for {scheme!r} is installed"
            if scheme.startswith(("postgresql", "postgres")):
                reason += ' (install it with: pip install "diary[postgres]")'

        raise StorageError(f"cannot open {location.shown}: {reason}") from exc


def _prepare(engine: Engine, location: Location, write: bool, notify: Notify | None) -> None:
    version = retry_busy(lambda: _read_version(engine))
    migrations.check_not_newer(version, location.shown)
    latest = migrations.latest_version()
    if version == latest:
        return
    if version and not write:
        raise StorageError(
            f"{location.shown} has schema version {version}; this diary uses {latest}. "
            "Run `diary db upgrade` (a backup is written first)"
        )
    backups: list[str] = []
    applied = migrations.upgrade(
        engine, location.shown, backup=lambda v: backups.append(_backup(location, v))
    )
    if version and applied and notify is not None:
        kept = f"; the database as it was is in {backups[0]}" if backups else ""
        notify(f"Upgraded {location.shown} from schema {version} to {applied[-1]}{kept}.")


def _read_version(engine: Engine) -> int:
    with engine.connect() as connection:
        version = migrations.current_version(connection)
        connection.rollback()
    return version


def _backup(location: Location, version: int) -> str:
    """Copy the database aside before an upgrade; never over an earlier copy."""
    if location.path is None:
        return ""
    stamp = clock.now().strftime("%Y%m%dT%H%M%S")
    target = upgrade_backup_path(location.path, version, stamp)
    copy = 1
    while target.exists():
        copy += 1
        target = upgrade_backup_path(location.path, version, f"{stamp}-{copy}")
    return str(backup_file(location.path, target))


@contextmanager
def open_session(
    location: Location, write: bool, notify: Notify | None = None
) -> Iterator[Session]:
    """A session in one transaction, with storage failures turned into DiaryErrors.

    `notify` hears about an upgrade of the schema (and where the backup went).
    """
    try:
        engine = engine_for(location, write, notify)
        with session_scope(engine, write) as session:
            yield session
    except DiaryError:
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        raise translate(exc, location) from exc


@contextmanager
def plain_connection(location: Location) -> Iterator[Connection]:
    """A connection that neither checks nor upgrades the schema (status, checks, copies)."""
    engine = _create(location)
    try:
        with engine.connect() as connection:
            yield connection
    except DiaryError:
        raise
    except (DBAPIError, sqlite3.Error) as exc:
        raise translate(exc, location) from exc
    finally:
        engine.dispose()


def translate(exc: BaseException, location: Location) -> DiaryError:
    """One line for a storage failure; never the URL's password, never a traceback."""
    original = getattr(exc, "orig", exc)
    message = str(original).splitlines()[0] if str(original) else type(original).__name__
    lowered = message.lower()
    where = location.shown
    if location.path is not None and location.path.is_dir():
        return StorageError(folder_given(location.path))
    if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
        return StorageError("database is busy, try again")
    if "readonly" in lowered or "read-only" in lowered:
        return StorageError(
            permission_problem(location) or f"cannot write {where}: the database is read-only"
        )
    if "unable to open" in lowered:
        return StorageError(
            permission_problem(location)
            or f"cannot open {where}: permission denied or folder missing"
        )
    if "not a database" in lowered or "malformed" in lowered:
        return StorageError(f"{where} is damaged ({message}); run `diary db check`")
    if "integer out of range" in lowered or "bigint out of range" in lowered:
        return number_too_large()  # a server's answer to a number no column can hold
    if "could not decode" in lowered:  # a text value whose bytes are not UTF-8: never echo them
        return StorageError(f"{where} is damaged (text that is not UTF-8); run `diary db check`")
    if location.path is None and isinstance(exc, OperationalError):
        return StorageError(f"cannot use {where}: {server_problem(str(original))}")
    return StorageError(f"database error in {where}: {location_free(message, location)}")


def folder_given(path: Path) -> str:
    return f"{path} is a folder, not a database file; give a file, e.g. --db {path / 'diary.db'}"


_SERVER_PROBLEMS = (
    (
        re.compile(r"password authentication failed for user \"([^\"]*)\""),
        "the server refused the password for user {0}",
    ),
    (re.compile(r"role \"([^\"]*)\" does not exist"), "the server has no user {0}"),
    (
        re.compile(r"database \"([^\"]*)\" does not exist"),
        "the server has no database {0} (create it first, e.g. `createdb {0}`)",
    ),
    (
        re.compile(r"port (\d+) failed: Connection refused"),
        "nothing answers on port {0} (is the server running, and is the port right?)",
    ),
    (re.compile(r"failed to resolve host '([^']*)'"), "no such host: {0}"),
    (re.compile(r"timeout expired|timed out"), "the server did not answer in time"),
    (
        re.compile(r"server closed the connection|terminating connection"),
        "the server closed the connection (was it stopped?); try again",
    ),
)


def server_problem(message: str) -> str:
    """A database server's connection failure, as the one cause a person can act on."""
    for pattern, said in _SERVER_PROBLEMS:
        found = pattern.search(message)
        if found:
            return said.format(*found.groups())
    first = message.strip().splitlines()[0] if message.strip() else "cannot connect"
    return re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", first)


def permission_problem(location: Location) -> str | None:
    """Which of the file or its folder refuses writing, said in one line (None: neither)."""
    path = location.path
    if path is None:
        return None
    if path.exists() and not os.access(path, os.W_OK):
        return f"cannot write {path}: the file is read-only (permission denied)"
    if path.parent.is_dir() and not os.access(path.parent, os.W_OK):
        return (
            f"cannot use {path}: its folder {path.parent} is read-only (permission denied), "
            "and SQLite keeps its journal files beside the database"
        )
    return None


def location_free(message: str, location: Location) -> str:
    return message.replace(location.url, location.shown)


def reset() -> None:
    """Forget cached engines (tests switch databases within one process)."""
    for engine, _ in _engines.values():
        engine.dispose()
    _engines.clear()
