"""Every test gets its own database file, a fixed "today" and no prompts."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2025-02-01"


@pytest.fixture(autouse=True)
def env_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    from diary.cli.context import state
    from diary.store import database

    db = tmp_path / "diary.db"
    monkeypatch.setenv("DIARY_DB", str(db))
    monkeypatch.setenv("DIARY_TODAY", TODAY)
    monkeypatch.setenv("DIARY_NO_PROMPT", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    database.reset()
    state.db = None
    state.debug = False
    yield db
    database.reset()


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"Result({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


@pytest.fixture
def cli() -> "Cli":
    return Cli()


class Cli:
    """Runs `diary ARGS` in-process through Typer's CliRunner."""

    def __call__(self, *args: str, input: str | None = None) -> Result:
        from diary.cli.main import app

        runner = CliRunner()
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    def ok(self, *args: str, input: str | None = None) -> Result:
        result = self(*args, input=input)
        assert result.exit_code == 0, result
        return result


def run_diary(
    *args: str, env: dict[str, str] | None = None, input: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Runs `python -m diary ARGS` in a real subprocess."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        env=full_env,
        input=input,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.fixture
def hosts(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "Tyler", "--role", "host")
