"""`diary watchlist`: add, list, remove, pick; logging a film takes it off the watchlists."""

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.store.helpers import one_error_line, snapshot


def listed(cli: Cli, *args: str) -> list[tuple[str, str, int, str | None]]:
    found: list[dict[str, Any]] = json.loads(cli.ok("watchlist", "list", "--json", *args).stdout)
    return [(e["film"]["title"], e["person"], e["priority"], e["note"]) for e in found]


def add_on(cli: Cli, day: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Add to a watchlist as if on `day` (the entry remembers when it was added)."""
    monkeypatch.setenv("DIARY_TODAY", day)
    cli.ok("watchlist", "add", *args)


@pytest.fixture
def watchlists(cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch) -> None:
    add_on(cli, "2025-01-10", "Rocky", "--year", "1976", "--by", "Tyler", monkeypatch=monkeypatch)
    add_on(cli, "2025-01-05", "Jaws", "--year", "1975", "-p", "2", monkeypatch=monkeypatch)
    add_on(cli, "2025-01-20", "Her", "--note", "for the post", monkeypatch=monkeypatch)
    add_on(cli, "2025-01-01", "Parasite", "--by", "Tyler", "-p", "1", monkeypatch=monkeypatch)
    add_on(cli, "2025-01-15", "Parasite", monkeypatch=monkeypatch)
    monkeypatch.setenv("DIARY_TODAY", "2025-02-01")


def test_list_orders_by_priority_then_waiting_longest(cli: Cli, watchlists: None) -> None:
    assert listed(cli) == [
        ("Jaws", "Ellen", 2, None),
        ("Parasite", "Tyler", 1, None),
        ("Rocky", "Tyler", 0, None),
        ("Parasite", "Ellen", 0, None),
        ("Her", "Ellen", 0, "for the post"),
    ]
    assert listed(cli, "--by", "tyler") == [
        ("Parasite", "Tyler", 1, None),
        ("Rocky", "Tyler", 0, None),
    ]
    assert [t for t, *_ in listed(cli, "--decade", "1970s")] == ["Jaws", "Rocky"]
    assert [t for t, *_ in listed(cli, "--min-priority", "1")] == ["Jaws", "Parasite"]
    table = cli.ok("watchlist", "list").stdout
    assert "for the post" in table and "2025-01-05" in table


def test_adding_again_updates_priority_and_note(cli: Cli, watchlists: None) -> None:
    said = cli.ok("watchlist", "add", "her", "--priority", "5", "--note", "next up").stderr
    assert "Updated Her (2013) on Ellen's watchlist." in said
    assert listed(cli)[0] == ("Her", "Ellen", 5, "next up")
    assert len(listed(cli)) == 5


def test_remove(cli: Cli, watchlists: None, env_setup: Path) -> None:
    said = cli.ok("watchlist", "remove", "rocky", "--by", "Tyler").stderr
    assert "Removed Rocky (1976) from Tyler's watchlist." in said
    assert "Rocky" not in [t for t, *_ in listed(cli)]
    before = snapshot(env_setup)
    again = cli("watchlist", "remove", "Rocky", "--by", "Tyler")
    assert again.exit_code == 1
    assert one_error_line(again.stderr) == "Error: Rocky (1976) is not on Tyler's watchlist"
    assert snapshot(env_setup) == before


def pick(cli: Cli, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(cli.ok("watchlist", "pick", "--json", *args).stdout)
    return found


def test_pick_oldest_and_filters(cli: Cli, watchlists: None) -> None:
    oldest = pick(cli, "--oldest")
    assert (oldest["film"]["title"], oldest["person"]) == ("Parasite", "Tyler")
    assert pick(cli, "--oldest", "--by", "Ellen")["film"]["title"] == "Jaws"
    assert pick(cli, "--oldest", "--decade", "1970s")["film"]["title"] == "Jaws"
    assert pick(cli, "--oldest", "--min-priority", "2")["film"]["title"] == "Jaws"
    shown = cli.ok("watchlist", "pick", "--oldest", "--by", "Ellen", "--decade", "2010s").stdout
    assert shown.strip() == "Parasite (2019) (from Ellen's watchlist)"
    cli.ok("watchlist", "remove", "Parasite")
    shown = cli.ok("watchlist", "pick", "--oldest", "--by", "Ellen", "--decade", "2010s").stdout
    assert shown.strip() == "Her (2013) (from Ellen's watchlist) — for the post"


def test_random_pick_is_repeatable_and_counts_each_film_once(cli: Cli, watchlists: None) -> None:
    picks = [pick(cli, "--seed", str(seed))["film"]["title"] for seed in range(60)]
    assert picks == [pick(cli, "--seed", str(seed))["film"]["title"] for seed in range(60)]
    assert set(picks) == {"Jaws", "Rocky", "Her", "Parasite"}
    # Parasite is on two watchlists but is one film: it comes up about as often as the others.
    assert picks.count("Parasite") < 2 * min(picks.count(t) for t in set(picks))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["pick", "--decade", "1920s"], "nothing on the watchlist matches"),
        (["pick", "--decade", "seventies"], "not a decade: 'seventies': use e.g. 1970s"),
        (["list", "--decade", "1975"], "not a decade: '1975': use e.g. 1970s"),
        (["pick", "--by", "Nobody"], "unknown person 'Nobody': known are Ellen, Tyler"),
        (["add", "Nowhere Film"], "no film called 'Nowhere Film'; give --year to add it"),
        (["remove", "Jaws", "--by", "Tyler"], "Jaws (1975) is not on Tyler's watchlist"),
    ],
)
def test_bad_watchlist_input_is_one_line_and_changes_nothing(
    cli: Cli, watchlists: None, env_setup: Path, args: list[str], message: str
) -> None:
    before = snapshot(env_setup)
    result = cli("watchlist", *args)
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == f"Error: {message}"
    assert snapshot(env_setup) == before


def test_logging_takes_the_film_off_everyone_who_watched(cli: Cli, watchlists: None) -> None:
    logged = cli.ok("log", "Parasite", "--with", "Tyler=5", "--date", "2025-01-31")
    assert "Removed Parasite from the watchlist of Ellen, Tyler." in logged.stderr
    assert "Parasite" not in [t for t, *_ in listed(cli)]
    # Someone who did not watch keeps it on their list.
    cli.ok("log", "Rocky", "--date", "2025-01-31")
    assert ("Rocky", "Tyler", 0, None) in listed(cli)


def test_an_empty_watchlist(cli: Cli, hosts: None) -> None:
    shown = cli.ok("watchlist", "list")
    assert shown.stdout == "" and "The watchlist is empty." in shown.stderr
    assert json.loads(cli.ok("watchlist", "list", "--json").stdout) == []
    assert os.environ["DIARY_TODAY"] == "2025-02-01"
