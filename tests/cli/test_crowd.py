"""Twenty writers at once, with an import running: every one of them gets its write in.

Real processes, released together at a start line (see test_concurrency), on a machine that
has far fewer cores than writers: starved of CPU, some of them are answered "busy" at once
by SQLite, and the busy budget (DIARY_BUSY_TIMEOUT_MS) must cover that by retrying.
"""

import json
import sys
import time
from pathlib import Path

import pytest

from benchmarks.letterboxd_import import write_export
from tests.cli.test_concurrency import together
from tests.conftest import Cli
from tests.store.helpers import integrity, rows

WRITERS = 20


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_twenty_logs_and_an_import_all_succeed(cli: Cli, env_setup: Path, tmp_path: Path) -> None:
    cli.ok("people", "add", "Ellen", "--role", "host")
    export = tmp_path / "export"
    write_export(export, 2000, 2000)
    logs = [["log", f"Crowd Film {n}", "--year", "2001", "--tag", "crowd"] for n in range(WRITERS)]
    started = time.monotonic()
    results = together(tmp_path / "go", ["import", "letterboxd", str(export), "--json"], *logs)
    took = time.monotonic() - started
    failed = [(r.args, r.stderr) for r in results if r.returncode != 0]
    assert failed == [], f"{len(failed)} of {len(results)} failed after {took:.1f}s: {failed[:3]}"
    imported = json.loads(results[0].stdout)
    assert imported  # the import reported what it did
    logged = rows(
        env_setup,
        "SELECT count(*) FROM viewing v JOIN viewing_tag t ON t.viewing_id = v.id "
        "WHERE t.tag = 'crowd'",
    )
    assert logged == [(WRITERS,)]
    titles = {
        r[0] for r in rows(env_setup, "SELECT title FROM film WHERE title LIKE 'Crowd Film %'")
    }
    assert titles == {f"Crowd Film {n}" for n in range(WRITERS)}
    assert integrity(env_setup) == ["ok"]
