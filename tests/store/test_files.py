"""Exports are written whole or not at all, and never over an existing file unasked."""

import os
from pathlib import Path

import pytest

from diary.base.errors import StorageError
from diary.store.files import write_atomic

pytestmark = pytest.mark.sqlite_only  # files only, no database to repeat


def test_writes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    write_atomic(target, "first\n")
    with pytest.raises(StorageError, match="already exists; use --force"):
        write_atomic(target, "second\n")
    assert target.read_text() == "first\n"
    write_atomic(target, "second\n", force=True)
    assert target.read_text() == "second\n"


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "out.md", "x")


@pytest.mark.no_database
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    def full_disk(fd: int, mode: str = "r") -> object:
        os.close(fd)
        return real_fdopen(os.open("/dev/full", os.O_WRONLY), mode)

    monkeypatch.setattr(os, "fdopen", full_disk)
    target = tmp_path / "out.md"
    with pytest.raises(StorageError, match="cannot write"):
        write_atomic(target, "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="cannot write"):
            write_atomic(folder / "out.md", "x")
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_the_full_device_itself_is_an_error_and_stays_a_device() -> None:
    import stat

    with pytest.raises(StorageError, match="No space left"):
        write_atomic(Path("/dev/full"), "x" * 100_000, force=True)
    with pytest.raises(StorageError, match="No space left"):
        write_atomic(Path("/dev/full"), "x")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_pipe_is_written_in_place(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert fifo.exists() and not fifo.is_file()
