"""A backup that fails half-way (a full disk, Ctrl-C) leaves no hidden file behind."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from diary.base.errors import StorageError
from diary.store import backup


class _FailingSource:
    """The source connection; its backup starts writing the copy, then the disk fills up."""

    def __init__(self, real: sqlite3.Connection, error: BaseException) -> None:
        self.real, self.error = real, error

    def backup(self, target: sqlite3.Connection) -> None:
        target.execute("CREATE TABLE half (x)")
        target.execute("BEGIN")
        target.execute("INSERT INTO half VALUES (zeroblob(100000))")  # a journal is open now
        raise self.error

    def close(self) -> None:
        self.real.close()


@pytest.mark.parametrize(
    "error", [OSError(28, "No space left on device"), KeyboardInterrupt()], ids=["full", "ctrl-c"]
)
def test_a_failed_backup_leaves_no_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    source = tmp_path / "diary.db"
    with sqlite3.connect(source) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    out = tmp_path / "out"
    out.mkdir()
    real_connect = sqlite3.connect

    def connect(name: str, *args: Any, **kwargs: Any) -> Any:
        opened = real_connect(name, *args, **kwargs)
        return _FailingSource(opened, error) if "mode=ro" in name else opened

    monkeypatch.setattr(backup.sqlite3, "connect", connect)
    expected = StorageError if isinstance(error, OSError) else KeyboardInterrupt
    with pytest.raises(expected):
        backup.backup_file(source, out / "copy.db")
    assert sorted(p.name for p in out.iterdir()) == []
