"""Consistent copies of a SQLite database through the backup API, never half-written."""

import os
import sqlite3
import tempfile
from pathlib import Path

from diary.core.errors import StorageError


def backup_file(source: Path, target: Path, force: bool = False) -> Path:
    """Copy the live database `source` to `target` (temp name, then rename)."""
    if target.exists() and not force:
        raise StorageError(f"{target} already exists; use --force to replace it")
    if not source.exists():
        raise StorageError(f"no database at {source}")
    directory = target.parent
    if not directory.is_dir():
        raise StorageError(f"cannot write {target}: folder {directory} does not exist")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
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
        os.replace(temp_name, target)
    except (sqlite3.Error, OSError) as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise StorageError(f"backup to {target} failed: {exc}") from exc
    return target


def upgrade_backup_path(source: Path, version: int, stamp: str) -> Path:
    return source.with_name(f"{source.name}.v{version}-{stamp}.bak")
