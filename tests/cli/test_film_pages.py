"""`diary film import-page` and `diary film show` through the real CLI."""

import json
import re
from pathlib import Path

import pytest

from tests.conftest import Cli, run_diary
from tests.dbaccess import connect, table_names

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
HER = Path("/work/shared/seeds/wikipedia-her.txt")


def page(name: str) -> str:
    return str(PAGES / name)


def rows(db: Path, sql: str, *args: object) -> list[tuple]:
    with connect(db) as connection:
        return connection.execute(sql, args).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with connect(db) as connection:
        tables = table_names(connection)
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def keeper_id(db: Path, year: int = 1987) -> int:
    (found,) = rows(db, "SELECT id FROM film WHERE title = 'The Lantern Keeper' AND year = ?", year)
    return int(found[0])


def test_import_a_wikipedia_article_creates_the_film(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "list", "--limit", "1")  # a fresh database, with the shipped films
    films_before = rows(env_setup, "SELECT count(*) FROM film")[0][0]
    result = cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    assert (
        "Wikipedia article 'The Lantern Keeper (film)' → The Lantern Keeper (1987)" in result.stdout
    )
    assert "Marguerite Okafor-Lind" in result.stdout and "Tomatometer 86% (42)" in result.stdout
    assert "Added the film The Lantern Keeper (1987)." in result.stderr
    assert "Stored on The Lantern Keeper (1987): facts: " in result.stderr
    assert rows(env_setup, "SELECT count(*) FROM film")[0][0] == films_before + 1
    film = keeper_id(env_setup)
    stars = rows(
        env_setup,
        "SELECT value FROM film_fact WHERE film_id = ? AND kind = 'star' ORDER BY position",
        film,
    )
    assert [s[0] for s in stars][:2] == ["Tobias Wren", "Ines Calloway"]
    assert rows(
        env_setup,
        "SELECT source, metric, value, count FROM film_score WHERE film_id = ? ORDER BY metric",
        film,
    ) == [
        ("Wikipedia", "cinemascore", "A−", None),
        ("Wikipedia", "metascore", "79", 15),
        ("Wikipedia", "rt_average", "7.4/10", None),
        ("Wikipedia", "tomatometer", "86%", 42),
    ]


def test_the_same_page_again_changes_nothing(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    before = snapshot(env_setup)
    again = cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    assert "already imported" in again.stderr and "nothing changed" in again.stderr
    assert snapshot(env_setup) == before


def test_html_then_metacritic_keep_both_sources(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    html = cli.ok("film", "import-page", page("wikipedia-lantern-keeper.html"))
    assert "Added the film" not in html.stderr
    film = keeper_id(env_setup)
    assert rows(env_setup, "SELECT count(*) FROM film_page WHERE film_id = ?", film) == [(2,)]
    runtime = "SELECT value FROM film_fact WHERE film_id = ? AND kind = 'runtime' AND source = ?"
    assert rows(env_setup, runtime, film, "Wikipedia") == [("112",)]
    critics = cli.ok("film", "import-page", page("metacritic-lantern-keeper.html"))
    # Metacritic dates the film 1988; the one film a year away is the one it means
    assert "The page says 1988; using The Lantern Keeper (1987)." in critics.stderr
    assert "reviews: 3 added" in critics.stderr
    assert rows(
        env_setup,
        "SELECT source, value, count FROM film_score WHERE film_id = ? AND metric = 'metascore'"
        " ORDER BY source",
        film,
    ) == [("Metacritic", "81", 17), ("Wikipedia", "79", 15)]
    assert rows(env_setup, runtime, film, "Metacritic") == [("112",)]


def test_a_changed_score_is_reported_and_the_other_source_kept(
    cli: Cli, env_setup: Path, tmp_path: Path
) -> None:
    cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    cli.ok("film", "import-page", page("metacritic-lantern-keeper.html"))
    newer = tmp_path / "newer.html"
    original = Path(page("metacritic-lantern-keeper.html")).read_text(encoding="utf-8")
    newer.write_text(original.replace('"ratingValue": 81', '"ratingValue": 82'), encoding="utf-8")
    result = cli.ok("film", "import-page", str(newer))
    assert "metascore (Metacritic): 81 → 82" in result.stderr
    assert "scores: 1 changed" in result.stderr
    film = keeper_id(env_setup)
    assert rows(
        env_setup,
        "SELECT source, value FROM film_score WHERE film_id = ? AND metric = 'metascore'"
        " ORDER BY source",
        film,
    ) == [("Metacritic", "82"), ("Wikipedia", "79")]
    assert rows(env_setup, "SELECT count(*) FROM film_review WHERE film_id = ?", film) == [(3,)]


def test_a_review_article_for_a_known_film(cli: Cli, env_setup: Path) -> None:
    missing = cli("film", "import-page", page("review-lantern-keeper.txt"))
    assert missing.exit_code == 1
    assert "no film called 'The Lantern Keeper' here and the page gives no year" in missing.stderr
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1987")
    cli.ok("film", "import-page", page("review-lantern-keeper.txt"))
    cli.ok("film", "import-page", page("review-lantern-keeper.html"))
    film = keeper_id(env_setup)
    assert rows(
        env_setup,
        "SELECT source, publication, critic, score, published_on FROM film_review"
        " WHERE film_id = ? ORDER BY published_on",
        film,
    ) == [
        ("article", "The Harbour Courier", "Odile Marsh", 90, "1988-02-12"),
        ("article", "Screen & Stage Weekly", "Ben Adair", 60, "1988-03-03"),
    ]


def test_film_option_picks_the_film(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "add", "Harbour Lights", "--year", "1990")
    result = cli.ok(
        "film", "import-page", page("review-lantern-keeper.txt"), "--film", "harbour lights"
    )
    assert "→ Harbour Lights (1990)" in result.stdout
    (film,) = rows(env_setup, "SELECT id FROM film WHERE title = 'Harbour Lights'")
    assert rows(env_setup, "SELECT count(*) FROM film_review WHERE film_id = ?", film[0]) == [(1,)]
    assert rows(env_setup, "SELECT count(*) FROM film WHERE title = 'The Lantern Keeper'") == [(0,)]
    assert "the page is about 'The Lantern Keeper'; stored on Harbour Lights (1990)" in (
        result.stderr
    )


def test_film_option_naming_the_page_film_needs_no_note(cli: Cli) -> None:
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1987")
    cli.ok("film", "alias", "The Lantern Keeper", "--year", "1987", "Keeper")
    for chosen in ("The Lantern Keeper", "Keeper"):
        result = cli.ok("film", "import-page", page("review-lantern-keeper.txt"), "--film", chosen)
        assert "the page is about" not in result.stderr


def test_json_output(cli: Cli) -> None:
    data = json.loads(
        cli.ok("film", "import-page", page("metacritic-lantern-keeper.html"), "--json").stdout
    )
    assert data["film"]["title"] == "The Lantern Keeper" and data["film"]["year"] == 1988
    assert data["created_film"] is True and data["already_imported"] is False
    assert data["page"]["kind"] == "metacritic"
    assert [a["value"] for a in data["found"]["facts"]["star"]] == [
        "Tobias Wren",
        "Ines Calloway",
        "Felix Adebayo",
    ]
    assert data["found"]["scores"][0] == {"metric": "metascore", "value": "81", "count": 17}
    assert data["changes"]["reviews"] == {"added": 3, "changed": 0, "removed": 0}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("wikipedia-fenwick.txt", "is a Wikipedia article but not about a film"),
        ("metacritic-game.html", "about a game, not a film"),
        ("shopping-list.txt", "is not a page diary understands; it reads a Wikipedia article"),
        ("watched.csv", "is not a page diary understands"),
        ("no-such-page.html", "no such file"),
    ],
)
def test_bad_pages_are_one_line_and_change_nothing(
    cli: Cli, env_setup: Path, name: str, message: str
) -> None:
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1987")
    before = snapshot(env_setup)
    result = cli("film", "import-page", page(name))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result
    assert snapshot(env_setup) == before


def test_an_unknown_film_option_changes_nothing(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1987")
    before = snapshot(env_setup)
    result = cli("film", "import-page", page("wikipedia-lantern-keeper.txt"), "--film", "Nope")
    assert result.exit_code == 1 and "no film called 'Nope'" in result.stderr
    alone = cli("film", "import-page", page("wikipedia-lantern-keeper.txt"), "--year", "1987")
    assert alone.exit_code == 1 and "give --film too" in alone.stderr
    assert snapshot(env_setup) == before


def test_ambiguous_titles_are_listed(cli: Cli, env_setup: Path, tmp_path: Path) -> None:
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1986")
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1988")
    before = snapshot(env_setup)
    result = cli("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    assert result.exit_code == 1
    assert (
        "could be The Lantern Keeper (1986), The Lantern Keeper (1988); give --film"
        in result.stderr
    )
    assert snapshot(env_setup) == before
    chosen = cli.ok(
        "film",
        "import-page",
        page("wikipedia-lantern-keeper.txt"),
        "--film",
        "The Lantern Keeper",
        "--year",
        "1988",
    )
    assert "→ The Lantern Keeper (1988)" in chosen.stdout


def test_film_show_lists_facts_scores_and_reviews(cli: Cli) -> None:
    cli.ok("film", "import-page", page("wikipedia-lantern-keeper.txt"))
    cli.ok("film", "import-page", page("metacritic-lantern-keeper.html"))
    shown = cli.ok("film", "show", "The Lantern Keeper (1987)").stdout
    assert "Directed by" in shown and "Marguerite Okafor-Lind" in shown
    assert "Metascore" in shown and "Metacritic" in shown and "Wikipedia" in shown
    assert "The Harbour Courier" in shown
    assert "Fun facts" in shown and "Storm scenes used 40,000" not in shown
    full = cli.ok("film", "show", "The Lantern Keeper (1987)", "--full").stdout
    assert "Storm scenes used 40,000 litres of water a day." in full
    data = json.loads(cli.ok("film", "show", "The Lantern Keeper (1987)", "--json").stdout)
    metascores = sorted(
        (s["source"], s["value"]) for s in data["scores"] if s["metric"] == "metascore"
    )
    assert metascores == [("Metacritic", "81"), ("Wikipedia", "79")]
    assert all(s["recorded_at"].startswith("20") for s in data["scores"])
    assert {f["source"] for f in data["facts"]["director"]} == {"Wikipedia", "Metacritic"}
    assert len(data["reviews"]) == 3 and len(data["pages"]) == 2
    assert data["best_picture"] == []
    assert data["viewings"] == [] and data["aliases"] == []


def test_film_show_names_best_picture_nominations(cli: Cli) -> None:
    nominee = json.loads(cli.ok("film", "show", "Her (2013)", "--json").stdout)
    assert [(n["ceremony"], n["winner"]) for n in nominee["best_picture"]] == [(86, False)]
    assert (
        "Nominated for Best Picture at the 86th Academy Awards"
        in cli.ok("film", "show", "Her (2013)").stdout
    )
    winner = cli.ok("film", "show", "Parasite (2019)").stdout
    assert "Won Best Picture at the 92nd Academy Awards" in winner


@pytest.mark.skipif(not HER.exists(), reason="the saved Her article is not on this machine")
def test_the_saved_her_article_lands_on_the_nominee(cli: Cli, env_setup: Path) -> None:
    result = cli.ok("film", "import-page", str(HER))
    assert "→ Her (2013)" in result.stdout
    assert "Added the film" not in result.stderr
    data = json.loads(cli.ok("film", "show", "her", "--json").stdout)
    assert [f["value"] for f in data["facts"]["director"]] == ["Spike Jonze"]
    assert [f["value"] for f in data["facts"]["star"]][:2] == [
        "Joaquin Phoenix",
        "Scarlett Johansson",
    ]


def test_import_in_a_real_process(env_setup: Path) -> None:
    done = run_diary("film", "import-page", page("wikipedia-lantern-keeper.html"))
    assert done.returncode == 0, done.stderr
    assert "Added the film The Lantern Keeper (1987)." in done.stderr
    bad = run_diary("film", "import-page", page("shopping-list.txt"))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.startswith("Error: ")


def test_brackets_in_page_text_are_shown_literally(cli: Cli, tmp_path: Path) -> None:
    original = Path(page("metacritic-lantern-keeper.html")).read_text(encoding="utf-8")
    odd = tmp_path / "odd.html"
    odd.write_text(
        original.replace("Northern Post", "[/i] Northern [bold]Post[/bold]").replace(
            '"description": "', '"description": "[/] '
        ),
        encoding="utf-8",
    )
    imported = cli.ok("film", "import-page", str(odd))
    assert "Description  [/] A retired ferryman" in imported.stdout
    shown = cli.ok("film", "show", "The Lantern Keeper").stdout
    assert "[/i] Northern [bold]Post[/bold]" in shown


def test_a_page_from_standard_input(cli: Cli) -> None:
    text = Path(page("review-lantern-keeper.txt")).read_text(encoding="utf-8")
    cli.ok("film", "add", "The Lantern Keeper", "--year", "1987")
    result = cli.ok("film", "import-page", "-", input=text)
    assert "Review 'The Lantern Keeper review" in result.stdout
    assert "reviews: 1 added" in result.stderr
    empty = cli("film", "import-page", "-", input="")
    assert empty.exit_code == 1 and "standard input is empty" in empty.stderr


def test_a_page_with_one_critic_review_says_so_in_the_singular(cli: Cli, tmp_path: Path) -> None:
    original = Path(page("metacritic-lantern-keeper.html")).read_text(encoding="utf-8")
    start = original.index('  <div class="c-siteReview">', original.index("Screen &amp;") - 400)
    one = tmp_path / "one.html"
    one.write_text(original[:start] + original[original.index("</section>") :], encoding="utf-8")
    imported = cli.ok("film", "import-page", str(one))
    assert re.search(r"^Reviews +1 critic review *$", imported.stdout, re.MULTILINE)


def test_one_fun_fact_is_one_candidate(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "harbour.txt"
    article.write_text(
        "The Quiet Harbour (2021 film)\n\n"
        "The Quiet Harbour is a 2021 Danish drama film directed by Astrid Lund.\n\n"
        "== Plot ==\nA ferry stops running and a village waits for news.\n\n"
        "== Production ==\nFilming took place over 31 days in 2020 on the island of Fanø.\n",
        encoding="utf-8",
    )
    imported = cli.ok("film", "import-page", str(article))
    assert re.search(r"^Fun facts +1 candidate \(Production 1\) *$", imported.stdout, re.M)


def test_page_text_in_messages_is_escaped_and_cut(
    cli: Cli, env_setup: Path, tmp_path: Path
) -> None:
    title = "Review: The \x1b]0;pwned\x07Long Goodbye " + "and so on " * 20
    body = (
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare these days.\n"
    )
    saved = tmp_path / "odd.txt"
    saved.write_text(f"{title}\nBy Jo \x1b[2JBell\n\n{body}", encoding="utf-8")
    cli.ok("film", "list", "--limit", "1")
    before = snapshot(env_setup)
    refused = cli("film", "import-page", str(saved))
    assert refused.exit_code == 1
    (line,) = refused.stderr.strip().splitlines()
    assert line.startswith("Error: no film called 'The ]0;pwnedLong Goodbye and so on")
    assert "\x1b" not in refused.stderr and "\x07" not in refused.stderr
    assert "…' here and the page gives no year" in line and len(line) < 200
    assert snapshot(env_setup) == before
    cli.ok("film", "add", "The Long Goodbye", "--year", "1973")
    stored = cli.ok("film", "import-page", str(saved), "--film", "The Long Goodbye")
    assert "\x1b" not in stored.stdout + stored.stderr and "\x07" not in stored.stdout
    assert "Review 'Review: The ]0;pwnedLong Goodbye and so on" in stored.stdout
    assert "Jo [2JBell" in stored.stdout
    assert "Dropped control characters from 2 lines of the page." in stored.stderr


def test_a_review_article_says_what_was_read(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "add", "Harbour Lights", "--year", "2011")
    result = cli.ok("film", "import-page", page("review-newspaper.txt"))
    assert "Review 'Movie review: Harbour Lights' → Harbour Lights (2011)" in result.stdout
    assert "Grace Whitlow · 2014-02-16 · 70/100" in " ".join(result.stdout.split())
    (stored,) = rows(
        env_setup,
        "SELECT critic, score, published_on, title FROM film_review WHERE source = 'article'",
    )
    assert stored == ("Grace Whitlow", 70, "2014-02-16", "Movie review: Harbour Lights")


def test_control_characters_in_a_page_are_dropped_and_counted(cli: Cli, tmp_path: Path) -> None:
    text = Path(page("wikipedia-lantern-keeper.txt")).read_text(encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text(text.replace("Marguerite", "Margue\x1b[8mrite\x07", 1), encoding="utf-8")
    result = cli.ok("film", "import-page", str(odd))
    assert "Dropped control characters from 1 line of the page." in result.stderr
    assert "Margue[8mrite" in result.stdout and "\x1b" not in result.stdout + result.stderr
    as_json = json.loads(cli.ok("film", "import-page", str(odd), "--json").stdout)
    assert as_json["found"]["dropped_controls"] == 1
