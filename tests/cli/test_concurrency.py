"""Several real processes on one database at the same moment.

Each process does its imports first and then waits at a start line (a file appearing), so
the commands really reach the database together rather than one start-up time apart.
"""

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.store.helpers import integrity, rows, snapshot

pytestmark = pytest.mark.sqlite_only  # SQLite's own locks, between real processes

LAUNCHER = """
import sys, time
from pathlib import Path
from diary.cli.main import main
import diary.core.diary.viewings, diary.store.database, diary.render.diary  # start-up done here
start = Path(sys.argv[1])
deadline = time.monotonic() + 60
while not start.exists() and time.monotonic() < deadline:
    time.sleep(0.001)
sys.argv = ["diary", *sys.argv[2:]]
main()
"""

WRITER = """
import sys
from datetime import date
from pathlib import Path
from diary.cli import context
from diary.core.films import lookup as films
from diary.core.diary import people
from diary.core.diary.viewings import Attendee, log_viewing
stop = Path(sys.argv[1])
written = 0
while not stop.exists() or written < 5:
    with context.session(write=True) as db:
        me = people.default_person(db)
        film = films.resolve_film(db, "Her")
        log_viewing(db, film, date(2025, 1, 1), [Attendee(me, 8)], tags=["loop"])
    written += 1
print(written)
"""


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def together(start: Path, *commands: Sequence[str]) -> list[subprocess.CompletedProcess[str]]:
    """Run each `diary` command in its own process, all released at the same instant."""
    start.unlink(missing_ok=True)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", LAUNCHER, str(start), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
            cwd=ROOT,
        )
        for command in commands
    ]
    time.sleep(0.2)
    start.touch()
    results = []
    for process, command in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(list(command), process.returncode, out, err))
    return results


def test_two_logs_at_the_same_moment_both_succeed(env_setup: Path, tmp_path: Path) -> None:
    start = tmp_path / "go"
    # Round 0: a database that does not exist yet, created by two processes at once.
    for result in together(start, ["people", "add", "Ellen"], ["people", "add", "Tyler"]):
        assert result.returncode == 0, result
    assert sorted(rows(env_setup, "SELECT name FROM person")) == [("Ellen",), ("Tyler",)]

    rounds = 3
    for n in range(rounds):
        films = (f"Parallel Lines {n}", f"Crossing Paths {n}")
        results = together(
            start,
            ["log", films[0], "--year", "1999", "--by", "Ellen", "--rating", "4", "--tag", "race"],
            ["log", films[1], "--year", "2001", "--by", "Tyler", "--rating", "3", "--tag", "race"],
        )
        for result, title in zip(results, films, strict=True):
            assert result.returncode == 0, result
            assert f"Logged {title}" in result.stderr
    # The same new film logged by both at once: created once, seen twice.
    both = together(
        start,
        ["log", "Meeting Point", "--year", "2010", "--by", "Ellen"],
        ["log", "Meeting Point", "--year", "2010", "--by", "Tyler"],
    )
    assert [r.returncode for r in both] == [0, 0], both

    assert rows(env_setup, "SELECT count(*) FROM viewing") == [(2 * rounds + 2,)]
    assert rows(env_setup, "SELECT count(*) FROM viewing_tag WHERE tag = 'race'") == [(2 * rounds,)]
    assert rows(env_setup, "SELECT count(*) FROM film WHERE title = 'Meeting Point'") == [(1,)]
    assert integrity(env_setup) == ["ok"]
    assert rows(env_setup, "PRAGMA foreign_key_check") == []


def test_backup_while_another_process_writes(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("log", "Her", "--date", "2025-01-26")
    stop = env_setup.with_name("stop")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(),
        cwd=ROOT,
    )
    copies = []
    try:
        deadline = time.monotonic() + 60
        while rows(env_setup, "SELECT count(*) FROM viewing_tag")[0][0] < 3:
            assert time.monotonic() < deadline and writer.poll() is None, writer.stderr
            time.sleep(0.05)
        for n in range(4):
            copy = env_setup.with_name(f"copy-{n}.db")
            cli.ok("db", "backup", str(copy))
            copies.append(copy)
            time.sleep(0.05)
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    written = int(out)

    counts = []
    for copy in copies:
        assert integrity(copy) == ["ok"]
        assert rows(copy, "PRAGMA foreign_key_check") == []
        # Each write is one transaction of a viewing, its person and its tag: a copy holds
        # whole transactions only.
        viewings = rows(copy, "SELECT count(*) FROM viewing")[0][0]
        assert rows(copy, "SELECT count(*) FROM viewing_person")[0][0] == viewings
        assert rows(copy, "SELECT count(*) FROM viewing_tag")[0][0] == viewings - 1
        counts.append(viewings)
    assert counts == sorted(counts)
    final = snapshot(env_setup)
    assert len(final["viewing"]) == written + 1
    assert counts[-1] <= written + 1
