"""Consistent copies of the database, never half-written: SQLite's backup API for a file,
pg_dump for a diary on a PostgreSQL server.

Either way the copy is made under a private temporary name (readable by its owner only, like
the database itself), flushed to disk, then renamed into place: it is whole or not there.
"""

import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from diary.base.errors import StorageError
from diary.store.files import check_target, is_special
from diary.store.location import mask_url

# pg_dump's --format for each of ours: a plain SQL script (psql -f), or its own compressed
# archive (pg_restore, which can also restore single tables).
PG_DUMP_FORMATS = {"sql": "plain", "custom": "custom"}


def backup_file(source: Path, target: Path, force: bool = False) -> Path:
    """Copy the live database `source` to `target` (temp name, then rename).

    A device or pipe (`/dev/stdout`, a FIFO) is written in place from a finished copy, never
    renamed over; a folder is refused like any other target that cannot be a file.
    """
    check_target(target, force)
    if not source.exists():
        raise StorageError(f"no database at {source}")
    temp_name = _private_temp(target)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(temp_name)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        _put_in_place(temp_name, target)
    except (sqlite3.Error, OSError) as exc:
        _remove_copy(temp_name)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise StorageError(f"backup to {target} failed: {reason}") from exc
    except BaseException:  # Ctrl-C, or anything else: no hidden copy is left behind either
        _remove_copy(temp_name)
        raise
    return target


def pg_dump_program() -> str | None:
    """pg_dump, if it is on PATH."""
    return shutil.which("pg_dump")


def pg_dump_file(program: str, url: str, target: Path, form: str, force: bool = False) -> Path:
    """Dump the PostgreSQL database at `url` with pg_dump to `target`, in `form` ("sql" or
    "custom"). pg_dump reads the whole database in one snapshot, so the copy is consistent
    while others write. The password goes to pg_dump in its environment (PGPASSWORD), never
    on its command line, where any user's `ps` would show it."""
    from sqlalchemy.engine import make_url

    check_target(target, force)
    parsed = make_url(url)
    conninfo = parsed.set(drivername="postgresql", password=None)
    env = dict(os.environ)
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    temp_name = _private_temp(target)
    command = [program, f"--format={PG_DUMP_FORMATS[form]}", f"--file={temp_name}"]
    command += ["--no-password", f"--dbname={conninfo.render_as_string(hide_password=False)}"]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise StorageError(
                f"pg_dump could not back up {mask_url(url)}: {_last_words(done.stderr)} "
                "(--format json backs up without pg_dump)"
            )
        with open(temp_name, "rb") as written:
            os.fsync(written.fileno())
        _put_in_place(temp_name, target)
    except OSError as exc:
        _remove_copy(temp_name)
        raise StorageError(f"backup to {target} failed: {exc.strerror or exc}") from exc
    except BaseException:
        _remove_copy(temp_name)
        raise
    return target


def _last_words(stderr: str) -> str:
    """pg_dump's own reason, in one line: its last error line without the `pg_dump: ` tag."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error:" in line] or lines or ["no reason given"]
    reason = errors[-1].removeprefix("pg_dump:").strip().removeprefix("error:").strip()
    return reason.replace("\n", " ")


def _private_temp(target: Path) -> str:
    """A new empty file only its owner can read, beside `target` (or in the temporary folder
    when `target` is a device or a pipe)."""
    directory = Path(tempfile.gettempdir()) if is_special(target) else target.parent
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise StorageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    return temp_name


def _put_in_place(temp_name: str, target: Path) -> None:
    """Rename the finished copy over `target`; a device or pipe gets its bytes instead."""
    if is_special(target):
        with open(temp_name, "rb") as copy, target.open("wb") as out:
            shutil.copyfileobj(copy, out)
        Path(temp_name).unlink()
    else:
        os.replace(temp_name, target)


def _remove_copy(temp_name: str) -> None:
    """The unfinished copy and whatever SQLite kept beside it (its journal, a WAL)."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(temp_name + suffix).unlink(missing_ok=True)


def upgrade_backup_path(source: Path, version: int, stamp: str) -> Path:
    return source.with_name(f"{source.name}.v{version}-{stamp}.bak")
