"""A real `diary import letterboxd` killed with SIGKILL at random moments leaves nothing partial."""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.letterboxd_import import write_export
from tests.conftest import ROOT, run_diary

pytestmark = pytest.mark.sqlite_only  # kill -9 against a SQLite file

COUNTS = "SELECT (SELECT count(*) FROM viewing), (SELECT count(*) FROM film_external_id)"


def state(db: Path) -> tuple[tuple[int, int], str]:
    with sqlite3.connect(db) as connection:
        counts = connection.execute(COUNTS).fetchone()
        check = connection.execute("PRAGMA integrity_check").fetchone()[0]
    return counts, check


def start_import(db: Path, export: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DIARY_DB=str(db), PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "diary", "import", "letterboxd", str(export)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_kill_9_at_random_moments_leaves_nothing_partial(tmp_path: Path) -> None:
    export = tmp_path / "export"
    write_export(export, 2000, 2000, seed=7)

    # A complete import elsewhere: what "all of it" looks like, and how long it takes.
    reference = tmp_path / "reference.db"
    assert run_diary("people", "add", "Ellen", env={"DIARY_DB": str(reference)}).returncode == 0
    empty, _ = state(reference)
    started = time.monotonic()
    done = run_diary("import", "letterboxd", str(export), env={"DIARY_DB": str(reference)})
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    full, _ = state(reference)
    assert full[0] > empty[0] + 2000

    db = tmp_path / "diary.db"
    assert run_diary("people", "add", "Ellen", env={"DIARY_DB": str(db)}).returncode == 0
    blank = tmp_path / "blank.db"
    shutil.copyfile(db, blank)
    chooser = random.Random(3)
    interrupted = 0
    for attempt in range(12):  # five kills, and more until one has landed mid-import
        if attempt >= 5 and interrupted:
            break
        process = start_import(db, export)
        delay = chooser.uniform(0.2, max(0.25, duration * 0.95))
        time.sleep(delay)
        if process.poll() is not None:  # done already (the reference ran on a busier moment)
            duration = delay
        process.send_signal(signal.SIGKILL)
        code = process.wait()
        counts, check = state(db)
        assert check == "ok"
        assert counts in (empty, full), counts  # all of the import, or none of it
        interrupted += code == -signal.SIGKILL and counts == empty
        if counts == full:  # an import that got through: start the next from nothing again
            for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm")):
                leftover.unlink(missing_ok=True)
            shutil.copyfile(blank, db)
    assert interrupted >= 1  # at least one kill landed mid-import

    finished = run_diary("import", "letterboxd", str(export), env={"DIARY_DB": str(db)})
    assert finished.returncode == 0, finished.stderr
    assert state(db) == (full, "ok")
