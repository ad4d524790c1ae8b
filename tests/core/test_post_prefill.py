"""What `post new` fills in from the database: film facts, comments and ratings, the next film,
and the fun-fact candidates `post fact` chooses from."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect
from tests.render.post_support import formats_dir  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


def film_id(db: Path, title: str, year: int) -> int:
    with connect(db) as connection:
        return connection.execute(
            "SELECT id FROM film WHERE title = ? AND year = ?", (title, year)
        ).fetchone()[0]


def add_facts(db: Path, film: int, *facts: tuple[str, str, str, str | None]) -> None:
    """Facts as an imported page leaves them: (source, kind, value, detail)."""
    with connect(db) as connection:
        for position, (source, kind, value, detail) in enumerate(facts):
            connection.execute(
                "INSERT INTO film_fact (film_id, source, kind, position, value, detail) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (film, source, kind, position, value, detail),
            )


def post(cli: Cli, number: str = "1") -> dict[str, Any]:
    return json.loads(cli.ok("post", "show", number, "--json").stdout)


def section(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(s for s in data["sections"] if s["key"] == key)


def test_film_facts_fill_the_intro_plot_and_teaser(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("watchlist", "add", "Rocky", "--year", "1976")
    jaws, rocky = film_id(env_setup, "Jaws", 1975), film_id(env_setup, "Rocky", 1976)
    add_facts(
        env_setup,
        jaws,
        ("Wikipedia", "director", "Steven Spielberg", None),
        ("Wikipedia", "synopsis", "A police chief hunts a shark. Then more happens.", None),
        ("Metacritic", "description", "A town, a shark, three men in a boat.", None),
    )
    add_facts(
        env_setup,
        rocky,
        ("Wikipedia", "director", "John G. Avildsen", None),
        ("Wikipedia", "star", "Sylvester Stallone", None),
        ("Wikipedia", "star", "Talia Shire", None),
        ("user", "short_plot", "A small-time boxer gets a title shot.", None),
    )
    cli.ok("post", "new", "Jaws")
    data = post(cli)
    assert "Jaws (1975), directed by Steven Spielberg." in section(data, "intro")["body"]
    plots = section(data, "plots")
    assert (plots["body"], plots["source"]) == (
        "A town, a shark, three men in a boat.",
        "Metacritic",
    )
    assert section(data, "next")["body"] == (
        "Next time we take on Rocky (1976), directed by John G. Avildsen, starring Sylvester "
        "Stallone and Talia Shire. The gist: A small-time boxer gets a title shot. See you there!"
    )


def test_the_first_sentence_of_a_synopsis_is_the_last_resort(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    add_facts(
        env_setup,
        film_id(env_setup, "Rocky", 1976),
        ("Wikipedia", "synopsis", "Rocky Balboa fights Apollo Creed. He goes the distance.", None),
    )
    cli.ok("post", "new", "Rocky")
    plots = section(post(cli), "plots")
    assert (plots["body"], plots["source"]) == ("Rocky Balboa fights Apollo Creed.", "Wikipedia")


def test_the_latest_pick_beats_the_watchlist(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--priority", "9")
    network, jaws = film_id(env_setup, "Network", 1976), film_id(env_setup, "Jaws", 1975)
    with connect(env_setup) as connection:
        checklist = connection.execute("SELECT id FROM checklist LIMIT 1").fetchone()[0]
        for chosen, when in ((network, "2025-01-10 00:00:00"), (jaws, "2025-01-20 00:00:00")):
            connection.execute(
                "INSERT INTO pick (checklist_id, chosen_film_id, created_at) VALUES (?, ?, ?)",
                (checklist, chosen, when),
            )
    cli.ok("post", "new", "Jaws")  # the latest pick is this very film: the one before it
    assert "Network (1976)" in section(post(cli), "next")["body"]
    cli.ok("post", "new", "Rocky")
    assert "Jaws (1975)" in section(post(cli, "2"), "next")["body"]


def test_nothing_next_says_so(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    assert "still sealed in its envelope" in section(post(cli), "next")["body"]


def test_a_standalone_rating_counts_when_there_is_no_viewing(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    jaws = film_id(env_setup, "Jaws", 1975)
    with connect(env_setup) as connection:
        tyler = connection.execute("SELECT id FROM person WHERE name = 'Tyler'").fetchone()[0]
        connection.execute(
            "INSERT INTO film_rating (person_id, film_id, rating) VALUES (?, ?, 7)", (tyler, jaws)
        )
    cli.ok("post", "new", "Jaws")
    pieces = section(post(cli), "previews")["pieces"]
    assert [(p["speaker"], p["text"]) for p in pieces] == [
        ("Tyler", "My rating on the Spreadsheet: ★★★½.")
    ]


def test_fun_facts_are_candidates_to_choose_from(cli: Cli, hosts: None, env_setup: Path) -> None:
    add_facts(
        env_setup,
        film_id(env_setup, "Jaws", 1975),
        ("Wikipedia", "fun_fact", "The shark was nicknamed after a lawyer.", "Production"),
        ("Wikipedia", "fun_fact", "The score won an Academy Award.", "Accolades"),
        ("Wikipedia", "director", "Steven Spielberg", None),
    )
    started = cli.ok("post", "new", "Jaws")
    assert "2 fun facts from imported pages are waiting" in started.stderr
    listed = json.loads(cli.ok("post", "candidates", "1", "--json").stdout)
    assert [(c["number"], c["section"], c["used"]) for c in listed] == [
        (1, "Production", False),
        (2, "Accolades", False),
    ]
    added = cli.ok("post", "fact", "1", "--candidate", "2", "--candidate", "1")
    assert added.stderr.count("added fact") == 2
    facts = [p["text"] for p in section(post(cli), "wiki")["pieces"]]
    assert facts == ["The score won an Academy Award.", "The shark was nicknamed after a lawyer."]
    again = cli.ok("post", "fact", "1", "--candidate", "1")
    assert "candidate 1 is already there" in again.stderr
    assert all(c["used"] for c in json.loads(cli.ok("post", "candidates", "1", "--json").stdout))
    wrong = cli("post", "fact", "1", "--candidate", "3")
    assert wrong.exit_code == 1 and "choose 1 to 2" in wrong.stderr
    pick = cli("post", "fact", "1", "--pick")
    assert pick.exit_code == 1 and "--pick needs a terminal" in pick.stderr


def test_an_oscars_preview_lists_a_ceremony_with_comments(cli: Cli, hosts: None) -> None:
    cli.ok("comment", "add", "Conclave", "--year", "2024", "--by", "Ellen", "white smoke!")
    cli.ok("post", "new", "--format", "oscars-preview", "--ceremony", "97")
    data = post(cli)
    assert data["film"] is None and data["title"] == "The 2024 Best Picture race"
    films = section(data, "nominees")["pieces"]
    assert len(films) == 10 and all(p["kind"] == "film" for p in films)
    conclave = next(p for p in films if p["film"]["title"] == "Conclave")
    assert [(r["speaker"], r["text"]) for r in conclave["remarks"]] == [("Ellen", "white smoke!")]
    cli.ok("post", "say", "1", "nominees", "--by", "Tyler", "--on", "Anora", "Loved it.")
    anora = next(p for p in section(post(cli), "nominees")["pieces"] if p["text"] == "Anora (2024)")
    assert anora["remarks"][-1]["text"] == "Loved it."
    dup = cli("post", "film", "1", "Anora", "--year", "2024")
    assert dup.exit_code == 1 and "already in The Nominees" in dup.stderr


def test_markers_in_what_the_diary_knows_stay_text(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("film", "add", "Footnote[^fn1]", "--year", "1999")
    add_facts(env_setup, film_id(env_setup, "Footnote[^fn1]", 1999),
              ("Wikipedia", "short_plot", "A plot[^fn1] in a line.", None))  # fmt: skip
    cli.ok("comment", "add", "Footnote[^fn1]", "--year", "1999", "--by", "Ellen", "See [^fn1]!")
    cli.ok("post", "new", "Footnote[^fn1]", "--year", "1999")
    cli.ok("post", "footnote", "1", "The only footnote.")
    cli.ok("post", "say", "1", "blank", "--by", "Ellen", "Used here[^fn1].")
    exported = cli.ok("post", "export", "1").stdout
    assert exported.count("[^1]") == 2  # the reference in Ellen's line, and its definition
    assert "the envelope says Footnote\\[^fn1\\] (1999)" in exported
    assert "“See \\[^fn1\\]!”" in exported and "A plot\\[^fn1\\] in a line." in exported
