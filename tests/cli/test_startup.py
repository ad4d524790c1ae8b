"""`diary --help` and `--version` stay light: no database libraries are imported."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.sqlite_only  # start-up imports; no database work to repeat

PROBE = """
import sys
from diary.cli.main import main
sys.argv = ["diary", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in ("sqlmodel", "sqlalchemy") if m in sys.modules)
print("HEAVY:" + ",".join(heavy))
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["log", "--help"], ["db", "path"]])
def test_light_commands_import_no_database_library(args: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "DIARY_DB": "/nonexistent/x.db", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "HEAVY:", result.stdout


@pytest.mark.parametrize(
    ("words", "offered"),
    [
        ("diary bp ", "tick"),
        ("diary log --ra", "--rating"),
        ("diary --db /nonexistent/x.db l", "log"),
    ],
)
def test_completing_commands_and_options_imports_no_database_library(
    words: str, offered: str
) -> None:
    """Tab after a command name costs what `diary --help` costs."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    env = {"_DIARY_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=[])],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "DIARY_DB": "/nonexistent/x.db", "PATH": "", **env},
    )
    assert result.returncode == 0, result.stderr
    *offers, heavy = result.stdout.strip().splitlines()
    assert offered in offers
    assert heavy == "HEAVY:", result.stdout


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diary", "--version"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert result.returncode == 0 and result.stdout.startswith("diary ")
