"""Consistent copies of a SQLite database through the backup API, never half-written."""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from diary.base.errors import StorageError
from diary.store.files import check_target, is_special


def backup_file(source: Path, target: Path, force: bool = False) -> Path:
    """Copy the live database `source` to `target` (temp name, then rename).

    A device or pipe (`/dev/stdout`, a FIFO) is written in place from a finished copy, never
    renamed over; a folder is refused like any other target that cannot be a file.
    """
    check_target(target, force)
    if not source.exists():
        raise StorageError(f"no database at {source}")
    special = is_special(target)
    directory = Path(tempfile.gettempdir()) if special else target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(temp_name)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        if special:
            with open(temp_name, "rb") as copy, target.open("wb") as out:
                shutil.copyfileobj(copy, out)
            Path(temp_name).unlink()
        else:
            os.replace(temp_name, target)
    except (sqlite3.Error, OSError) as exc:
        _remove_copy(temp_name)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"backup to {target} failed: {reason}") from exc
    except BaseException:  # Ctrl-C, or anything else: no hidden copy is left behind either
        _remove_copy(temp_name)
        raise
    return target


def _remove_copy(temp_name: str) -> None:
    """The unfinished copy and whatever SQLite kept beside it (its journal, a WAL)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(temp_name + suffix).unlink(missing_ok=True)


def upgrade_backup_path(source: Path, version: int, stamp: str) -> Path:
    return source.with_name(f"{source.name}.v{version}-{stamp}.bak")
