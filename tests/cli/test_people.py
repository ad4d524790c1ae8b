"""`diary people`, the default "me", and the very first run with nobody in the database."""

import json
from pathlib import Path
from typing import Any

import pytest

from diary.cli import context
from tests.conftest import Cli
from tests.store.helpers import one_error_line, rows, snapshot


def people(cli: Cli) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(cli.ok("people", "list", "--json").stdout)
    return found


def test_the_first_person_added_is_the_default(cli: Cli) -> None:
    said = cli.ok("people", "add", "  Ellen   Page-Turner ", "--role", "host").stderr
    assert said.strip() == "Added Ellen Page-Turner as host (default)."
    cli.ok("people", "add", "Biscuit", "--role", "pet")
    listed = people(cli)
    assert [(p["name"], p["role"], p["default"]) for p in listed] == [
        ("Ellen Page-Turner", "host", True),
        ("Biscuit", "pet", False),
    ]
    table = cli.ok("people", "list").stdout
    assert "Ellen Page-Turner" in table and "Biscuit" in table and "pet" in table


def test_the_default_is_who_logs_when_by_is_left_out(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Her", "--date", "2025-01-01")
    cli.ok("people", "default", "TYLER")
    assert [p["name"] for p in people(cli) if p["default"]] == ["Tyler"]
    cli.ok("log", "Her", "--date", "2025-01-02")
    entries = json.loads(cli.ok("list", "--json").stdout)
    assert [e["people"][0]["name"] for e in entries] == ["Tyler", "Ellen"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["people", "add", "ellen"], "Ellen is already here"),
        (["people", "add", "   "], "a person needs a name"),
        (
            ["people", "add", "Rex", "--role", "dog"],
            "unknown role 'dog': use one of host, guest, pet",
        ),
        (["people", "default", "Nobody"], "unknown person 'Nobody': known are Ellen, Tyler"),
        (
            ["people", "add", "Rex=5"],
            "a name cannot hold '=': it separates a name from a rating in --with NAME=RATING",
        ),
    ],
)
def test_bad_people_input_is_one_line_and_changes_nothing(
    cli: Cli, hosts: None, env_setup: Path, args: list[str], message: str
) -> None:
    before = snapshot(env_setup)
    result = cli(*args)
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == f"Error: {message}"
    assert snapshot(env_setup) == before


def test_first_run_without_a_terminal_says_how_to_add_someone(cli: Cli) -> None:
    for args in (["log", "Her"], ["watchlist", "add", "Her"], ["comment", "add", "Her", "nice"]):
        result = cli(*args)
        assert result.exit_code == 1
        assert "diary people add NAME" in one_error_line(result.stderr)
    listed = cli.ok("people", "list")
    assert listed.stdout == "" and "diary people add NAME" in listed.stderr


class FakeQuestion:
    def __init__(self, answer: str | None) -> None:
        self.answer = answer

    def ask(self) -> str | None:
        return self.answer


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Pretend a person is at the terminal; record the questions they are asked."""
    import questionary

    asked: list[str] = []
    answers = {"name": "Ellen"}

    def text(question: str, **_: object) -> FakeQuestion:
        asked.append(question)
        return FakeQuestion(answers["name"])

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "text", text)
    return asked


def test_first_run_at_a_terminal_asks_who_you_are(
    cli: Cli, at_a_terminal: list[str], env_setup: Path
) -> None:
    logged = cli.ok("log", "Her", "--date", "2025-01-26", "--rating", "4")
    assert at_a_terminal == ["Nobody is here yet. What is your name? (you will be a host)"]
    assert "Added Ellen as a host, the default person" in logged.stderr
    assert "Logged Her (2013) on 2025-01-26 for Ellen ★★★★" in logged.stderr
    assert rows(env_setup, "SELECT name, is_default FROM person") == [("Ellen", 1)]
    cli.ok("log", "Her", "--date", "2025-01-27")
    assert len(at_a_terminal) == 1  # asked once, never again


def test_first_run_question_left_unanswered_changes_nothing(
    cli: Cli, at_a_terminal: list[str], env_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    cli.ok("people", "list")  # the database exists, with nobody in it
    before = snapshot(env_setup)
    monkeypatch.setattr(questionary, "text", lambda *a, **k: FakeQuestion(None))
    result = cli("log", "Her")
    assert result.exit_code == 130
    assert result.stderr == "Cancelled; nothing was written.\n"
    assert snapshot(env_setup) == before


def test_reading_never_asks_who_you_are(
    cli: Cli, at_a_terminal: list[str], env_setup: Path
) -> None:
    cli.ok("list")
    cli.ok("watchlist", "list")
    assert at_a_terminal == []
    assert rows(env_setup, "SELECT count(*) FROM person") == [(0,)]


def test_the_first_run_question_never_holds_the_write_lock(
    cli: Cli, at_a_terminal: list[str], env_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from tests.cli.test_bp_picks import write_lock_is_free

    cli.ok("people", "list")  # the database exists, with nobody in it
    free: list[bool] = []

    def text(question: str, **_: object) -> FakeQuestion:
        free.append(write_lock_is_free(env_setup))
        return FakeQuestion("Tyler")

    monkeypatch.setattr(questionary, "text", text)
    said = cli.ok("log", "Her", "--date", "2025-01-26")
    assert "Added Tyler as a host, the default person" in said.stderr
    assert free == [True]
    assert rows(env_setup, "SELECT name, is_default FROM person") == [("Tyler", 1)]


def test_a_first_run_answer_is_kept_only_with_the_command(
    cli: Cli, at_a_terminal: list[str], env_setup: Path
) -> None:
    cli.ok("people", "list")
    before = snapshot(env_setup)
    result = cli("log", "Zzyzx Road Trip", "--date", "2025-01-26")  # no such film, no year
    assert result.exit_code == 1 and "Zzyzx" in one_error_line(result.stderr)
    assert at_a_terminal == ["Nobody is here yet. What is your name? (you will be a host)"]
    assert snapshot(env_setup) == before  # the answer went with the failed command
