"""`diary list` read a page at a time: the same rows in the same order as one read would give."""

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect

DATES = ["2025-01-05", "2025-01-03", "2025-01-05", "2024-12-31", "2025-01-03", "2025-01-05"]


@pytest.fixture
def diary(cli: Cli, hosts: None, env_setup: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Eleven viewings: several on one date, two without a date; pages of three rows."""
    from diary.core.diary import pages as diary_pages

    for n, day in enumerate(DATES * 2):
        film = f"Film {n % 4}"
        cli.ok("log", film, "--year", "2000", "--date", day, "--with", "Tyler", "--tag", f"t{n}")
    cli.ok("log", "Film 9", "--year", "2001", "--date", "2025-01-04")
    with connect(env_setup) as connection:
        connection.execute("UPDATE viewing SET watched_on = NULL WHERE id IN (4, 9)")
        found = connection.execute("SELECT id, watched_on FROM viewing").fetchall()
    monkeypatch.setattr(diary_pages, "PAGE", 3)
    dated = sorted((day, ident) for ident, day in found if day is not None)
    dateless = sorted(ident for ident, day in found if day is None)
    return [ident for _, ident in reversed(dated)] + list(reversed(dateless))


def test_json_lists_every_row_once_newest_first(cli: Cli, diary: list[int]) -> None:
    listed = json.loads(cli.ok("list", "--json").stdout)
    assert [entry["id"] for entry in listed] == diary
    for entry in listed:  # each row has its own people and tags, whichever page it is on
        if entry["id"] == 13:
            assert (entry["tags"], [p["name"] for p in entry["people"]]) == ([], ["Ellen"])
        else:
            assert entry["tags"] == [f"t{entry['id'] - 1}"]
            assert [p["name"] for p in entry["people"]] == ["Ellen", "Tyler"]


def test_jsonl_is_the_same_objects_one_per_line(cli: Cli, diary: list[int]) -> None:
    lines = cli.ok("list", "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == json.loads(cli.ok("list", "--json").stdout)


def test_limit_and_filters_across_pages(cli: Cli, diary: list[int]) -> None:
    limited = json.loads(cli.ok("list", "--json", "--limit", "7").stdout)
    assert [entry["id"] for entry in limited] == diary[:7]
    film = json.loads(cli.ok("list", "--json", "--film", "Film 1 (2000)").stdout)
    assert [entry["id"] for entry in film] == [i for i in diary if (i - 1) % 4 == 1 and i != 13]


def test_empty_listing_is_an_empty_array(cli: Cli, hosts: None) -> None:
    assert cli.ok("list", "--json").stdout == "[]\n"
    assert cli.ok("list", "--jsonl").stdout == ""


def test_table_over_several_pages_reads_as_one(cli: Cli, diary: list[int]) -> None:
    out = cli.ok("list").stdout
    assert out.count("Who · rating") == 1
    body = [line.split("│")[0].strip() for line in out.splitlines()[2:]]
    ids = [int(cell) for cell in body if cell]
    assert ids == diary[: len(ids)] and len(ids) == len(diary)
    widths = {len(line) for line in out.splitlines()[2:]}
    assert len(widths) == 1  # every page has the first page's columns


def test_json_and_jsonl_together_are_refused(cli: Cli, hosts: None) -> None:
    result = cli("list", "--json", "--jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: give --json or --jsonl")
