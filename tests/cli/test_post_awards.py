"""`diary awards`: the all-time winners of a theme, across posts."""

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.render.post_support import formats_dir  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


def give(cli: Cli, post: str, *args: str) -> None:
    cli.ok("post", "award", post, *args)


def test_awards_list_every_winner_of_a_theme_post_by_post(cli: Cli, hosts: None) -> None:
    assert "No awards given yet" in cli.ok("awards").stderr
    cli.ok("post", "new", "Rocky", "--year", "1976", "--number", "5")
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "3")
    give(cli, "5", "--category", "Best Breakfast", "--nominee", "Raw eggs", "--winner", "1")
    give(cli, "3", "--theme", "oscar nomnomnomz", "--category", "Best Snacktor",
         "--nominee", "Pot roast", "--nominee", "Chum", "--winner", "2")  # fmt: skip
    give(cli, "3", "--theme", "Oscar NomNomNomz", "--category", "Best Drink", "--nominee", "Beer")
    give(cli, "3", "--section", "nomnomnomz", "--theme", "Dog Days", "--category", "Best Dog",
         "--nominee", "The dog on the beach", "--winner", "1")  # fmt: skip
    everything = json.loads(cli.ok("awards", "--json").stdout)
    assert [(a["post"], a["theme"], a["category"], a["winner"]) for a in everything] == [
        (3, "Oscar NomNomNomz", "Best Snacktor", "Chum"),  # spelled as the section is
        (3, "Oscar NomNomNomz", "Best Drink", None),
        (3, "Dog Days", "Best Dog", "The dog on the beach"),
        (5, "Oscar NomNomNomz", "Best Breakfast", "Raw eggs"),
    ]
    themed = json.loads(cli.ok("awards", "--theme", "OSCAR NOMNOMNOMZ", "--json").stdout)
    assert [a["category"] for a in themed] == ["Best Snacktor", "Best Drink", "Best Breakfast"]
    assert themed[0]["film"]["title"] == "Jaws" and themed[0]["nominees"] == 2
    table = cli.ok("awards", "--theme", "Dog Days").stdout
    assert "The dog on the beach" in table and "Chum" not in table
    assert json.loads(cli.ok("awards", "--theme", "Nobody's theme", "--json").stdout) == []
    missed = cli.ok("awards", "--theme", "Oscar NomNom")
    assert missed.stdout == ""
    assert "No awards with the theme 'Oscar NomNom'" in missed.stderr
    assert "themes given so far: Dog Days, Oscar NomNomNomz." in missed.stderr


def test_one_nominee_is_said_in_the_singular(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Rocky", "--year", "1976", "--number", "5")
    given = cli.ok("post", "award", "5", "--category", "Best Breakfast", "--nominee", "Eggs")
    assert given.stderr == "Oscar NomNomNomz: Added Best Breakfast with 1 nominee; no winner yet.\n"


def test_a_theme_keeps_its_first_spelling(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Rocky", "--year", "1976", "--number", "5")
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "3")
    give(cli, "5", "--section", "nomnomnomz", "--theme", "Dog Days", "--category", "Best Dog",
         "--nominee", "Butkus")  # fmt: skip
    give(cli, "3", "--section", "nomnomnomz", "--theme", "DOG  days", "--category", "Best Dog",
         "--nominee", "The dog on the beach")  # fmt: skip
    history = json.loads(cli.ok("awards", "--theme", "dog days", "--json").stdout)
    assert [(a["post"], a["theme"]) for a in history] == [(3, "Dog Days"), (5, "Dog Days")]


def test_terminal_views_number_markers_as_the_export_does(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    cli.ok("post", "footnote", "12", "Counted twice.", "--key", "tally")
    cli.ok("post", "footnote", "12", "Said first.", "--key", "early")
    cli.ok("post", "say", "12", "previews", "--by", "Ellen", "A shark[^early] story.")
    cli.ok("post", "award", "12", "--category", "Best Snacktor[^tally]",
           "--nominee", "Pot roast[^tally]", "--nominee", "Chum", "--winner", "1")  # fmt: skip
    export = cli.ok("post", "export", "12").stdout
    assert "A shark[^1] story." in export and "**Best Snacktor[^2]**" in export
    table = cli.ok("awards").stdout
    assert "Best Snacktor²" in table and "Pot roast²" in table
    assert "[^" not in table
    outline = cli.ok("post", "show", "12").stdout
    assert "A shark¹ story." in outline and "Best Snacktor²" in outline
    assert "¹ [^early] Said first." in outline and "² [^tally] Counted twice." in outline
