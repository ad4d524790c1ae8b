"""Every listing has one shape: --json an array, --jsonl one object per line, a table, or a
message on stderr when there is nothing to list."""

import json

import pytest

from tests.conftest import Cli

LISTINGS = [
    ["people", "list"],
    ["watchlist", "list"],
    ["comment", "list"],
    ["film", "list"],
    ["list"],
    ["post", "list"],
    ["post", "formats"],
    ["bp", "list", "--ceremony", "86"],
    ["bp", "picks"],
    ["checklist", "list"],
    ["checklist", "show", "best-picture"],
    ["awards"],
]


@pytest.fixture
def filled(cli: Cli, hosts: None) -> None:
    cli.ok(
        "log", "Her", "--year", "2013", "--date", "2025-01-20", "--rating", "4", "--with", "Tyler"
    )
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--by", "Tyler")
    cli.ok("comment", "add", "Her", "--year", "2013", "--by", "Ellen", "a phone in love")
    cli.ok("post", "new", "Her (2013)", "--number", "7")
    cli.ok(
        "post",
        "award",
        "7",
        "--category",
        "Best Snack",
        "--nominee",
        "popcorn",
        "--nominee",
        "noodles",
        "--winner",
        "2",
    )
    cli.ok("bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", "7", "--choose", "1")


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_json_lines_hold_the_same_objects_as_the_json_array(
    cli: Cli, filled: None, command: list[str]
) -> None:
    array = json.loads(cli.ok(*command, "--json").stdout)
    lines = cli.ok(*command, "--jsonl").stdout.splitlines()
    assert isinstance(array, list) and array, command
    assert [json.loads(line) for line in lines] == array


@pytest.mark.parametrize("command", LISTINGS, ids=" ".join)
def test_json_and_json_lines_together_are_refused(cli: Cli, command: list[str]) -> None:
    result = cli(*command, "--json", "--jsonl")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "Error: give --json or --jsonl, not both\n"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["people", "list"], "Nobody yet"),
        (["watchlist", "list"], "The watchlist is empty."),
        (["post", "list"], "No posts yet"),
        (["awards"], "No awards given yet"),
    ],
)
def test_an_empty_listing_is_an_empty_array_or_a_message(
    cli: Cli, command: list[str], message: str
) -> None:
    assert json.loads(cli.ok(*command, "--json").stdout) == []
    assert cli.ok(*command, "--jsonl").stdout == ""
    shown = cli.ok(*command)
    assert shown.stdout == "" and message in shown.stderr
