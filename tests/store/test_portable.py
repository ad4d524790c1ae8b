"""One diary for two engines: nothing outside diary/store/ speaks SQLite's own dialect, and a
PostgreSQL URL without its driver installed is one clear line."""

import re
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.store.helpers import one_error_line

# What only SQLite understands (or only its driver does), as it would appear in code.
SQLITE_ONLY = re.compile(
    r"json_each|PRAGMA|lastrowid|sqlite_master|BEGIN IMMEDIATE|INSERT OR |"
    r"\bimport sqlite3\b|[\"']sqlite://|substr\(|julianday\("
)


def offenders() -> list[str]:
    found = []
    for path in sorted((ROOT / "diary").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[1] == "store":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQLITE_ONLY.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_nothing_sqlite_specific_outside_the_store() -> None:
    assert offenders() == []


def test_the_check_itself_finds_what_it_looks_for(tmp_path: Path) -> None:
    lines = [
        'sql = "SELECT value FROM json_each(:keys)"',
        'connection.exec_driver_sql("PRAGMA foreign_keys=ON")',
        "new_id = result.lastrowid",
        'engine = create_engine("sqlite://")',
    ]
    assert all(SQLITE_ONLY.search(line) for line in lines)
    assert not SQLITE_ONLY.search('sql = "SELECT id FROM film WHERE id IN :keys"')


def test_a_missing_driver_is_one_line_saying_how_to_install_it(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "postgresql://ann:s3cret-pa55@127.0.0.1:1/diary"
    with monkeypatch.context() as patch:  # the test's own database still needs the driver after
        patch.setitem(sys.modules, "psycopg", None)  # as if it was never installed
        failed = cli("--db", url, "list")
    assert failed.exit_code == 1
    line = one_error_line(failed.stderr)
    assert "no database driver for 'postgresql' is installed" in line
    assert 'pip install "diary[postgres]"' in line
    assert "s3cret-pa55" not in line and "ann:***@" in line
