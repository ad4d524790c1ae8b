"""Films as people type them: film add/show/list/alias, and how typed titles find a film.

A fresh database already holds the Best Picture nominees, so nothing here assumes film ids
or counts: ids are looked up, and counts are taken relative to a snapshot.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from diary.cli import context
from tests.conftest import Cli
from tests.store.helpers import one_error_line, rows, snapshot


def film_json(cli: Cli, *args: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(cli.ok("film", "show", "--json", *args).stdout)
    return found


def logged_title(cli: Cli, typed: str, *args: str) -> str:
    said = cli.ok("log", typed, "--date", "2025-01-26", *args).stderr
    return said.split("Logged ", 1)[1].split(" on 2025-01-26")[0]


def test_add_show_list_and_alias(cli: Cli, hosts: None, env_setup: Path) -> None:
    films_before = rows(env_setup, "SELECT count(*) FROM film")[0][0]
    added = cli.ok("film", "add", "Amélie", "--year", "2001", "--imdb", "tt0211915").stderr
    film_id = rows(env_setup, "SELECT id FROM film WHERE title = 'Amélie'")[0][0]
    assert f"Added Amélie (2001) (film {film_id})." in added
    assert rows(env_setup, "SELECT count(*) FROM film")[0][0] == films_before + 1

    cli.ok("film", "alias", "amelie", "Le Fabuleux Destin d'Amélie Poulain")
    shown = film_json(cli, "LE FABULEUX DESTIN D AMELIE POULAIN")
    assert (shown["id"], shown["title"], shown["year"]) == (film_id, "Amélie", 2001)
    assert shown["aliases"] == ["Le Fabuleux Destin d'Amélie Poulain"]
    assert shown["ids"] == {"imdb": "tt0211915"}

    cli.ok("log", "Amelie", "--date", "2025-01-12", "--rating", "4")
    listed = json.loads(cli.ok("film", "list", "amel", "--json").stdout)
    assert [(f["title"], f["viewings"], f["last_seen"]) for f in listed] == [
        ("Amélie", 1, "2025-01-12")
    ]
    assert "Amélie (2001)" in cli.ok("film", "show", "amélie").stdout


def test_the_same_film_is_not_added_twice(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "add", "Paddington 2", "--year", "2017")
    before = snapshot(env_setup)
    result = cli("film", "add", "paddington 2", "--year", "2017")
    assert result.exit_code == 1
    assert "Paddington 2 (2017) is already here" in one_error_line(result.stderr)
    assert snapshot(env_setup) == before


def test_her_is_found_without_a_year(cli: Cli, hosts: None) -> None:
    """The shipped nominees are there from the start: typing "her" finds Her (2013)."""
    assert logged_title(cli, "her") == "Her (2013)"


@pytest.mark.parametrize(
    "typed",
    [
        "paddington 2",
        "PADDINGTON 2",
        "The Paddington 2",
        "paddington 2!",
        "  Paddington   2 ",
        "Paddington 2 (2017)",
        "Paddington-2",
        "paddington2",
    ],
)
def test_typed_titles_ignore_case_articles_punctuation_and_spacing(
    cli: Cli, hosts: None, typed: str
) -> None:
    cli.ok("film", "add", "Paddington 2", "--year", "2017")
    assert logged_title(cli, typed) == "Paddington 2 (2017)"


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Amélie Écrit", "AMELIE ECRIT"),
        ("Crouching Owl, Hidden Badger", "crouching owl hidden badger"),
        ("Spider-Mole: Into the Mole-Verse", "spidermole into the moleverse"),
        ("The Grand Teapot Hotel", "grand teapot hotel"),
        ("A Quiet Pond", "quiet pond"),
        ("Slow & Steady", "slow and steady"),
        ("MOLL·E", "moll-e"),
        ("Once Upon a Time… in Swindon", "once upon a time... in swindon"),
    ],
)
def test_accents_articles_and_punctuation(cli: Cli, hosts: None, stored: str, typed: str) -> None:
    cli.ok("film", "add", stored, "--year", "2001")
    assert logged_title(cli, typed) == f"{stored} (2001)"


def test_an_unknown_title_suggests_close_matches_and_changes_nothing(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("film", "add", "Paddington 2", "--year", "2017")
    before = snapshot(env_setup)
    result = cli("log", "padington 2")
    assert result.exit_code == 1
    line = one_error_line(result.stderr)
    assert "no film called 'padington 2'" in line
    assert "did you mean Paddington 2 (2017)?" in line
    assert "give --year to add it" in line
    assert snapshot(env_setup) == before


def test_an_unknown_title_with_a_year_is_created(cli: Cli, hosts: None, env_setup: Path) -> None:
    assert logged_title(cli, "Aftersun", "--year", "2022") == "Aftersun (2022)"
    assert rows(env_setup, "SELECT year FROM film WHERE title = 'Aftersun'") == [(2022,)]
    assert logged_title(cli, "aftersun") == "Aftersun (2022)"


def test_an_ambiguous_title_lists_every_candidate_and_changes_nothing(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("film", "add", "The Lantern Keeper", "--year", "2003")
    cli.ok("film", "add", "Lantern Keeper", "--year", "1987")
    before = snapshot(env_setup)
    for args in (["log", "lantern keeper"], ["watchlist", "add", "The Lantern-Keeper"]):
        result = cli(*args)
        assert result.exit_code == 1
        line = one_error_line(result.stderr)
        assert "matches 2 films: Lantern Keeper (1987), The Lantern Keeper (2003)" in line
        assert "add --year to choose" in line
    assert snapshot(env_setup) == before
    assert logged_title(cli, "lantern keeper", "--year", "1987") == "Lantern Keeper (1987)"
    assert logged_title(cli, "The Lantern Keeper (2003)") == "The Lantern Keeper (2003)"


def test_an_ambiguous_title_at_a_terminal_is_a_choice(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    cli.ok("film", "add", "The Lantern Keeper", "--year", "2003")
    cli.ok("film", "add", "Lantern Keeper", "--year", "1987")
    offered: list[list[str]] = []

    class Select:
        def __init__(self, question: str, choices: list[Any], **_: object) -> None:
            offered.append([str(c.title) for c in choices])
            self.choices = choices

        def ask(self) -> object:
            return self.choices[-1].value

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", Select)
    assert logged_title(cli, "lantern keeper") == "The Lantern Keeper (2003)"
    assert offered == [["Lantern Keeper (1987)", "The Lantern Keeper (2003)"]]


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "args",
    [
        ["log", "lantern keeper"],
        ["watchlist", "add", "lantern keeper"],
        ["comment", "add", "lantern keeper", "a lighthouse, twice"],
    ],
    ids=["log", "watchlist", "comment"],
)
def test_the_choice_is_made_before_the_write_lock_is_taken(
    cli: Cli, hosts: None, env_setup: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    import sqlite3

    import questionary

    cli.ok("film", "add", "The Lantern Keeper", "--year", "2003")
    cli.ok("film", "add", "Lantern Keeper", "--year", "1987")
    others_could_write: list[bool] = []

    class Select:
        def __init__(self, question: str, choices: list[Any], **_: object) -> None:
            self.choices = choices

        def ask(self) -> object:
            other = sqlite3.connect(env_setup, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.rollback()
                others_could_write.append(True)
            except sqlite3.OperationalError:
                others_could_write.append(False)
            finally:
                other.close()
            return self.choices[0].value

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", Select)
    assert "Lantern Keeper (1987)" in cli.ok(*args).stderr
    assert others_could_write == [True]


def test_a_title_of_nothing_but_punctuation_is_refused(cli: Cli, hosts: None) -> None:
    result = cli("log", "?!", "--year", "2001")
    assert result.exit_code == 1
    assert "is not a title" in one_error_line(result.stderr)
