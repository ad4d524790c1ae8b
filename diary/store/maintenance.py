"""`diary db` work: status, integrity and foreign-key checks, upgrades.

A SQLite file is read directly (read-only, so a damaged file can still be examined); a
server database is asked through SQLAlchemy (diary.store.server_checks).
"""

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from diary.base.errors import StorageError
from diary.base.words import escaped
from diary.store.location import Location


@dataclass
class CheckReport:
    path: Path | str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(location: Location) -> CheckReport:
    """Run PRAGMA integrity_check and foreign_key_check, read-only; report every problem."""
    if location.path is None:
        from diary.store.server_checks import check_server

        return CheckReport(location.shown, check_server(location))
    path = _sqlite_file(location)
    report = CheckReport(path)
    try:
        connection = read_only(path)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            if integrity != ["ok"]:
                report.problems.extend(f"integrity: {line}" for line in integrity)
            for table, rowid, parent, _ in connection.execute("PRAGMA foreign_key_check"):
                report.problems.append(
                    f"foreign key: {table} row {rowid} points to a missing {parent}"
                )
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"cannot be read as a database: {escaped(str(exc))}")
    return report


def status(location: Location) -> dict[str, object]:
    from diary.store import migrations

    info: dict[str, object] = {
        "database": location.shown,
        "program_schema": migrations.latest_version(),
    }
    if location.path is None:
        from diary.store.server_checks import server_status

        return info | server_status(location)
    info["engine"] = "sqlite"
    path = _sqlite_file(location)
    info["size_bytes"] = path.stat().st_size
    try:
        connection = read_only(path)
        try:
            tables = {
                r[0]
                for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            version = 0
            if "schema_version" in tables:
                version = (
                    connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
                )
            info["schema"] = version
            info["journal_mode"] = connection.execute("PRAGMA journal_mode").fetchone()[0]
            counts = {}
            for table in ("person", "film", "viewing", "watchlist_entry", "comment"):
                if table in tables:
                    counts[table] = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[
                        0
                    ]
            info["rows"] = counts
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"{path} is damaged ({escaped(str(exc))}); run `diary db check`"
        ) from exc
    return info


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection. In a folder this process cannot write, SQLite cannot make the
    shared-memory file a WAL database reads through, so such a file is opened as immutable:
    nobody can be writing it from here, and a healthy file must not be called damaged."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    if os.access(path.parent, os.W_OK):
        return connection
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        connection.close()
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def _sqlite_file(location: Location) -> Path:
    if location.path is None:
        raise StorageError(f"{location.shown} is not a SQLite file; this works on SQLite only")
    if location.path.is_dir():
        from diary.store.database import folder_given

        raise StorageError(folder_given(location.path))
    if not location.path.exists():
        raise StorageError(f"no database at {location.path}")
    return location.path
