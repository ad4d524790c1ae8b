"""The command reference is generated from --help, and every command's help has an example."""

import sqlite3
from pathlib import Path

import pytest

from diary.devtools import clidocs
from tests.cli.script_runner import run_script
from tests.conftest import ROOT

pytestmark = pytest.mark.sqlite_only  # documentation, no database to repeat


def test_cli_reference_is_current() -> None:
    current = clidocs.DOC.read_text(encoding="utf-8")
    assert current == clidocs.render(), (
        "docs/cli.md is out of date: run `python -m diary.devtools.clidocs`"
    )


@pytest.mark.parametrize(
    "path", [p for p, _ in clidocs.commands()], ids=lambda p: " ".join(p) or "diary"
)
def test_every_command_has_an_example(path: list[str]) -> None:
    text = clidocs.help_text(path)
    assert "Example" in text, f"`diary {' '.join(path)} --help` has no example"
    # arguments and options are named by their metavar (FILM, N), never by a Python type
    assert "<str>" not in text and "<int>" not in text, text


def test_the_first_evening_example_runs_and_runs_again(tmp_path: Path) -> None:
    """examples/first-evening.sh (the getting-started walk) must work on a new database and
    again on the same one."""
    env = {"DIARY_DB": str(tmp_path / "evening.db")}
    script = ROOT / "examples" / "first-evening.sh"
    for evening in (1, 2):
        result = run_script(script, env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "Her (2013)" in result.stdout and "DVD from the library" in result.stdout
        assert f"(entry {evening})" in result.stderr
    with sqlite3.connect(tmp_path / "evening.db") as connection:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("person", "viewing", "watchlist_entry", "comment")
        ]
    connection.close()
    assert counts == [2, 2, 1, 1]
