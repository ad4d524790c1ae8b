"""`diary comment`: one Spreadsheet comment per person per film; a rewrite keeps its first date."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.store.helpers import one_error_line, rows, snapshot


def comments(cli: Cli, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(cli.ok("comment", "list", "--json", *args).stdout)
    return found


def test_add_list_and_filter(cli: Cli, hosts: None) -> None:
    said = cli.ok("comment", "add", "Her", "--by", "Tyler", "a phone call you cannot hang up")
    assert "Saved Tyler's comment on Her (2013)." in said.stderr
    cli.ok("comment", "add", "her", "more tender than I expected")
    cli.ok("comment", "add", "Rocky", "--year", "1976", "the stairs!")
    found = comments(cli)
    assert [(c["film"]["title"], c["person"], c["text"]) for c in found] == [
        ("Her", "Ellen", "more tender than I expected"),
        ("Her", "Tyler", "a phone call you cannot hang up"),
        ("Rocky", "Ellen", "the stairs!"),
    ]
    assert [c["person"] for c in comments(cli, "Her (2013)")] == ["Ellen", "Tyler"]
    assert [c["film"]["title"] for c in comments(cli, "--by", "Ellen")] == ["Her", "Rocky"]
    assert [c["text"] for c in comments(cli, "her", "--by", "tyler")] == [
        "a phone call you cannot hang up"
    ]
    table = cli.ok("comment", "list").stdout
    assert "the stairs!" in table and "Tyler" in table


def test_a_rewrite_keeps_the_date_it_was_first_written(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch, env_setup: Path
) -> None:
    monkeypatch.setenv("DIARY_TODAY", "2025-01-05")
    cli.ok("comment", "add", "Her", "--by", "Tyler", "first thoughts")
    monkeypatch.setenv("DIARY_TODAY", "2025-01-29")
    said = cli.ok("comment", "add", "Her", "--by", "Tyler", "second thoughts")
    assert "Updated Tyler's comment on Her (2013)." in said.stderr
    [comment] = comments(cli)
    assert comment["text"] == "second thoughts"
    assert comment["written"].startswith("2025-01-05")
    assert comment["updated"].startswith("2025-01-29")
    assert "2025-01-05" in cli.ok("comment", "list").stdout
    assert rows(env_setup, "SELECT count(*) FROM comment") == [(1,)]


def test_comment_text_is_shown_literally(cli: Cli, hosts: None) -> None:
    text = "[bold]not bold[/bold] and a stray [/] — fine"
    cli.ok("comment", "add", "Her", text)
    assert comments(cli)[0]["text"] == text
    assert text in cli.ok("comment", "list").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "Her", "   "], "a comment needs some text"),
        (["add", "Her", "hm", "--by", "Nobody"], "unknown person 'Nobody': known are Ellen, Tyler"),
        (["add", "Nowhere Film", "hm"], "no film called 'Nowhere Film'; give --year to add it"),
        (["list", "Nowhere Film"], "no film called 'Nowhere Film'"),
        (["list", "--by", "Nobody"], "unknown person 'Nobody': known are Ellen, Tyler"),
    ],
)
def test_bad_comment_input_is_one_line_and_changes_nothing(
    cli: Cli, hosts: None, env_setup: Path, args: list[str], message: str
) -> None:
    cli.ok("comment", "add", "Her", "kept as it is")
    before = snapshot(env_setup)
    result = cli("comment", *args)
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == f"Error: {message}"
    assert snapshot(env_setup) == before


def test_no_comments(cli: Cli, hosts: None) -> None:
    shown = cli.ok("comment", "list")
    assert shown.stdout == "" and "No comments match." in shown.stderr
    assert comments(cli) == []


def test_a_control_character_is_refused_and_nothing_changes(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("comment", "add", "Her", "fine\tand\nmulti-line")  # tab and line breaks are text
    before = snapshot(env_setup)
    result = cli("comment", "add", "Her", "ding\x07 went the bell")
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == (
        "Error: typed text cannot hold a control character (U+0007 in 'ding\\x07 went the "
        "bell'): type it again without it"
    )
    assert snapshot(env_setup) == before
