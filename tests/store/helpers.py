"""What the storage and diary tests share: looking inside the file, and a process that obeys
file permissions even when the tests run as root."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.dbaccess import connect, table_names


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    connection = connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table: equal snapshots mean nothing changed."""
    connection = connect(db)
    try:
        return {
            t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in table_names(connection)
        }
    finally:
        connection.close()


def integrity(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "PRAGMA integrity_check")]


def schema_version(db: Path) -> int:
    return rows(db, "SELECT max(version) FROM schema_version")[0][0]


# Root ignores file modes; without these two capabilities it obeys them like anyone else.
_NO_OVERRIDE = ["--bounding-set=-dac_override,-dac_read_search", "--"]


def unprivileged_prefix() -> list[str] | None:
    """A command prefix under which chmod'ed files really are read-only; None if impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    probe = subprocess.run(
        [setpriv, *_NO_OVERRIDE, sys.executable, "-c", "print('ok')"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return None
    return [setpriv, *_NO_OVERRIDE]


def run_diary_as(
    prefix: list[str], *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m diary ARGS` in a real subprocess, started through `prefix`."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run(
        [*prefix, sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
        cwd=ROOT,
    )


def one_error_line(stderr: str) -> str:
    """The single `Error: …` line a failing command must print, and nothing else."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]
