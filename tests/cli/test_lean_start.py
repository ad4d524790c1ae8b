"""A command line that names a command builds only that command's module of `diary`; help,
completion and anything unrecognised get every command."""

import os
import subprocess
import sys

import pytest
import typer.main

from diary.cli.main import MODULE_OF, app_for, full_app
from tests.conftest import ROOT

pytestmark = pytest.mark.sqlite_only  # what is imported and built; no database work


def names(app: typer.Typer) -> set[str]:
    return set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_every_command_word_has_its_module() -> None:
    assert names(full_app()) == set(MODULE_OF)
    for word in MODULE_OF:
        assert word in names(app_for([word, "--help"])), word


@pytest.mark.parametrize(
    "argv",
    [
        ["stats"],
        ["--db", "x.db", "stats", "bp"],
        ["--db=x.db", "--debug", "stats"],
    ],
)
def test_a_named_command_builds_only_its_own(argv: list[str]) -> None:
    assert names(app_for(argv)) == {"stats"}


@pytest.mark.parametrize("argv", [[], ["--help"], ["--version"], ["stat"], ["-h", "stats"]])
def test_anything_else_builds_every_command(argv: list[str]) -> None:
    assert app_for(argv) is full_app()


def test_completion_builds_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_DIARY_COMPLETE", "bash_complete")
    assert app_for(["stats"]) is full_app()


def test_diary_stats_imports_no_other_command() -> None:
    probe = (
        "import sys\n"
        "from diary.cli.main import main\n"
        "sys.argv = ['diary', 'stats', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('diary.cli.')))\n"
    )
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    loaded = result.stdout.strip().splitlines()[-1]
    assert "diary.cli.stats" in loaded and "diary.cli.posts" not in loaded, result.stderr
