"""Writing files the user asked for: whole or not at all, never over an existing file unasked.

Everything an export writes goes through here: the content is written to a temporary name in
the target folder, flushed to disk, then renamed into place, so a full disk or a killed process
never leaves a half-written file, and an existing file is replaced only with `force`. The file
gets the mode `cp` would give it (the umask decides); copies of the database (store/backup.py,
and a server's JSON backup written here with `private`) stay private to their owner.
"""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from diary.base.errors import StorageError


def is_special(path: Path) -> bool:
    """A device or a pipe (/dev/stdout, /dev/full): written in place, never renamed over."""
    return path.exists() and not path.is_file() and not path.is_dir()


def check_target(path: Path, force: bool) -> None:
    """Refuse early (before any work) when `path` cannot or must not be written."""
    if is_special(path):
        return
    if path.is_dir():
        raise StorageError(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise StorageError(f"{path} already exists; use --force to replace it")
    if not path.parent.is_dir():
        raise StorageError(f"cannot write {path}: folder {path.parent} does not exist")


def write_atomic(path: Path, content: str | bytes, force: bool = False) -> Path:
    """Write `content` to `path` via a temporary file and a rename; return the path."""
    return write_pieces(path, [content], force)


def write_pieces(
    path: Path, pieces: Iterable[str | bytes], force: bool = False, private: bool = False
) -> Path:
    """Write `pieces` one after another, as they come, to a temporary file, then rename it
    to `path`: a large export is never held whole, and is still whole or not there at all.
    A `private` file (a backup of the whole diary) is readable by its owner only."""
    check_target(path, force)
    if is_special(path):
        return _write_in_place(path, pieces)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        if not private:
            os.fchmod(fd, mode_like_cp(path))  # mkstemp made it private (0600)
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, pieces)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        Path(temp_name).unlink(missing_ok=True)
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def _write_all(handle: BinaryIO, pieces: Iterable[str | bytes]) -> None:
    for piece in pieces:
        handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)


def mode_like_cp(path: Path) -> int:
    """The mode `cp` would give `path`: an existing file keeps its own, a new one gets
    0666 less the umask (0644 with the usual 022), so others can open what was exported."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _write_in_place(path: Path, pieces: Iterable[str | bytes]) -> Path:
    try:
        with path.open("wb") as handle:
            _write_all(handle, pieces)
            handle.flush()
    except OSError as exc:
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path
