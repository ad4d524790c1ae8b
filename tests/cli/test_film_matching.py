"""Typed titles find the Best Picture film by the matcher's rules: spacing and years off."""

import json

import pytest

from tests.conftest import Cli


@pytest.fixture(autouse=True)
def someone(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def logged_film(cli: Cli, *args: str) -> tuple[str, int, str]:
    result = cli.ok("log", *args)
    entry = json.loads(cli.ok("list", "--json").stdout)[0]
    return entry["film"]["title"], entry["film"]["year"], result.stderr


def test_a_title_spaced_otherwise_is_the_nominee(cli: Cli) -> None:
    title, year, _ = logged_film(cli, "GoodFellas", "--year", "1990")
    assert (title, year) == ("Good Fellas", 1990)


def test_the_only_nominee_of_a_title_two_years_off_is_it_with_a_note(cli: Cli) -> None:
    title, year, said = logged_film(cli, "Henry V", "--year", "1944")
    assert (title, year) == ("Henry V", 1946)
    assert "Henry V (1944) is Henry V (1946) here" in said


def test_three_years_off_is_another_film(cli: Cli) -> None:
    title, year, said = logged_film(cli, "Henry V", "--year", "1943")
    assert (title, year) == ("Henry V", 1943)
    assert "Added Henry V (1943) as a new film" in said
