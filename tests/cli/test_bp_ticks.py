"""Ticking Best Picture nominees: by logging, by hand, and through every alias and remake case."""

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect, table_names


def seen_titles(cli: Cli, person: str) -> set[tuple[str, int]]:
    rows = json.loads(cli.ok("bp", "list", "--seen-by", person, "--json").stdout)
    return {(r["listed_title"], r["ceremony"]["number"]) for r in rows}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with connect(db) as connection:
        tables = table_names(connection)
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_logging_a_nominee_ticks_it_and_says_so(cli: Cli, hosts: None) -> None:
    logged = cli.ok("log", "her", "--date", "2025-01-26", "--with", "Tyler")
    assert "Ticked Her (2013) on Best Picture: Ellen has seen 1 of 621" in logged.stderr
    assert "Tyler has seen 1 of 621" in logged.stderr
    assert seen_titles(cli, "Ellen") == {("Her", 86)}
    assert seen_titles(cli, "Tyler") == {("Her", 86)}


def test_logging_another_film_ticks_nothing(cli: Cli, hosts: None) -> None:
    logged = cli.ok("log", "Paddington 2", "--year", "2017")
    assert "Ticked" not in logged.stderr
    assert seen_titles(cli, "Ellen") == set()


@pytest.mark.parametrize(
    ("typed", "year", "listed", "ceremony"),
    [
        ("Sunset Boulevard", "1950", "Sunset Blvd.", 23),
        ("Precious", "2009", "Precious: Based on the Novel 'Push' by Sapphire", 82),
        ("Once Upon a Time… in Hollywood", "2019", "Once upon a Time...in Hollywood", 92),
        ("Les Misérables", "1935", "Les Miserables", 8),
        ("Les Miserables", "2012", "Les Misérables", 85),
        ("Coda", "2021", "CODA", 94),
    ],
)
def test_every_alias_case_ticks_the_right_nominee(
    cli: Cli, hosts: None, typed: str, year: str, listed: str, ceremony: int
) -> None:
    cli.ok("log", typed, "--year", year)
    assert seen_titles(cli, "Ellen") == {(listed, ceremony)}


@pytest.mark.parametrize(
    ("title", "year", "expected"),
    [
        ("West Side Story", "1961", {("West Side Story", 34)}),
        ("West Side Story", "2021", {("West Side Story", 94)}),
        ("Little Women", "1933", {("Little Women", 6)}),
        ("Little Women", "2019", {("Little Women", 92)}),
        ("Little Women", "1994", set()),
        ("A Star Is Born", "1937", {("A Star Is Born", 10)}),
        ("A Star Is Born", "2018", {("A Star Is Born", 91)}),
        ("A Star Is Born", "1954", set()),
        ("A Star Is Born", "1976", set()),
        ("Dune", "2021", {("Dune", 94)}),
        ("Dune", "1984", set()),
    ],
)
def test_every_remake_case_ticks_only_its_own_film(
    cli: Cli, hosts: None, title: str, year: str, expected: set[tuple[str, int]]
) -> None:
    cli.ok("log", title, "--year", year)
    assert seen_titles(cli, "Ellen") == expected


def test_a_nominee_typed_a_year_off_is_the_nominee(cli: Cli, hosts: None) -> None:
    logged = cli.ok("log", "Wings", "--year", "1927", "--date", "2025-01-20")
    assert "Wings (1927) is Wings (1928) here: the Best Picture nominee" in logged.stderr
    assert "Logged Wings (1928) on 2025-01-20" in logged.stderr
    assert seen_titles(cli, "Ellen") == {("Wings", 1)}
    films = json.loads(cli.ok("list", "--json").stdout)
    assert films[0]["film"]["year"] == 1928  # one film, not a copy dated a year apart
    # Neither of two nominees a year apart is taken, nor a remake: they are new films.
    added = cli.ok("log", "Little Women", "--year", "1994").stderr
    assert "Added Little Women (1994) as a new film" in added


def test_a_stand_in_film_ticks_the_nominee_until_its_entry_goes(cli: Cli, hosts: None) -> None:
    cli.ok("film", "add", "Wings", "--year", "1927")  # a row of its own, made on purpose
    logged = cli.ok("log", "Wings (1927)", "--date", "2025-01-20", "--with", "Tyler")
    assert "Ticked Wings (1928) on Best Picture" in logged.stderr
    assert seen_titles(cli, "Ellen") == seen_titles(cli, "Tyler") == {("Wings", 1)}
    entry = json.loads(cli.ok("list", "--json").stdout)[0]["id"]
    cli.ok("edit", str(entry), "--film", "her")  # the entry was of another film after all
    assert seen_titles(cli, "Ellen") == seen_titles(cli, "Tyler") == {("Her", 86)}
    again = cli.ok("log", "Wings (1927)", "--date", "2025-01-21").stderr
    assert "Ticked Wings (1928)" in again
    entry = json.loads(cli.ok("list", "--json").stdout)[0]["id"]
    cli.ok("delete", str(entry), "--yes")
    assert seen_titles(cli, "Ellen") == {("Her", 86)}


def test_tick_by_hand_for_several_people_and_untick(cli: Cli, hosts: None) -> None:
    ticked = cli.ok("bp", "tick", "Sunset Boulevard", "Wings", "--by", "Ellen", "--by", "Tyler")
    assert "Ticked Sunset Blvd. (1950), Wings (1928) for Ellen" in ticked.stderr
    assert seen_titles(cli, "Tyler") == {("Sunset Blvd.", 23), ("Wings", 1)}
    again = cli.ok("bp", "tick", "wings", "--by", "Tyler")
    assert "Tyler had already seen Wings (1928)" in again.stderr
    cli.ok("bp", "untick", "Wings", "--by", "Tyler")
    assert seen_titles(cli, "Tyler") == {("Sunset Blvd.", 23)}
    assert seen_titles(cli, "Ellen") == {("Sunset Blvd.", 23), ("Wings", 1)}


def test_untick_keeps_a_film_with_a_diary_entry_seen(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her")
    said = cli.ok("bp", "untick", "her")
    assert "Ellen has a diary entry for Her (2013): it stays seen" in said.stderr
    assert seen_titles(cli, "Ellen") == {("Her", 86)}


def test_a_title_nominated_twice_needs_the_year_or_ceremony(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    before = snapshot(env_setup)
    refused = cli("bp", "tick", "Little Women")
    assert refused.exit_code == 1
    assert "Little Women (1933) — 6 · 1932/33; Little Women (2019) — 92 · 2019" in refused.stderr
    assert snapshot(env_setup) == before
    cli.ok("bp", "tick", "Little Women", "--ceremony", "92")
    cli.ok("bp", "tick", "Little Women (1932)")  # one year off the 1933 film
    cli.ok("bp", "tick", "tt0055614")  # West Side Story (1961) by IMDb id
    assert seen_titles(cli, "Ellen") == {
        ("Little Women", 92),
        ("Little Women", 6),
        ("West Side Story", 34),
    }


@pytest.mark.parametrize(
    "args",
    [
        ["Little Women (1994)"],
        ["Not A Nominee"],
        ["Wings", "--ceremony", "2"],
        ["Wings", "--by", "Nobody"],
        ["Wings", "Nonsense Title"],
    ],
)
def test_bad_ticks_are_one_line_and_change_nothing(
    cli: Cli, hosts: None, env_setup: Path, args: list[str]
) -> None:
    before = snapshot(env_setup)
    result = cli("bp", "tick", *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result
    assert snapshot(env_setup) == before


def test_untick_keeps_a_nominee_seen_under_another_year(cli: Cli, hosts: None) -> None:
    cli.ok("film", "add", "Wings", "--year", "1927")  # a row of its own, made on purpose
    cli.ok("log", "Wings", "--year", "1927", "--by", "Tyler")
    said = cli.ok("bp", "untick", "Wings", "--by", "Tyler")
    assert "Tyler has a diary entry for Wings (1927), which is Wings (1928)" in said.stderr
    assert seen_titles(cli, "Tyler") == {("Wings", 1)}
    cli.ok("log", "A Star Is Born", "--year", "1954", "--by", "Tyler")
    cli.ok("bp", "tick", "A Star Is Born (1937)", "--by", "Tyler")
    gone = cli.ok("bp", "untick", "A Star Is Born (1937)", "--by", "Tyler")
    assert "Unticked A Star Is Born (1937) for Tyler" in gone.stderr  # a remake is no stand-in
    assert seen_titles(cli, "Tyler") == {("Wings", 1)}
