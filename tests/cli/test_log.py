"""Logging and listing through the real CLI on a temporary database."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect, table_names


def rows(db: Path, sql: str) -> list[tuple]:
    with connect(db) as connection:
        return connection.execute(sql).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with connect(db) as connection:
        tables = table_names(connection)
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_log_then_list(cli: Cli, hosts: None, env_setup: Path) -> None:
    logged = cli.ok(
        "log",
        "Her",
        "--year",
        "2013",
        "--date",
        "2025-01-26",
        "--rating",
        "4½",
        "--with",
        "Tyler=4",
        "--where",
        "DVD from the library",
        "--tag",
        "BP",
    )
    assert "Logged Her (2013) on 2025-01-26 for Ellen ★★★★½, Tyler ★★★★ [bp]" in logged.stderr
    listed = json.loads(cli.ok("list", "--json").stdout)
    assert len(listed) == 1
    entry = listed[0]
    assert (entry["film"]["title"], entry["film"]["year"]) == ("Her", 2013)
    assert entry["where"] == "DVD from the library"
    assert [(p["name"], p["rating"], p["rewatch"]) for p in entry["people"]] == [
        ("Ellen", 4.5, False),
        ("Tyler", 4.0, False),
    ]
    table = cli.ok("list").stdout
    assert "Her (2013)" in table and "DVD from the library" in table


def test_rewatch_is_derived_and_can_be_overridden(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Her", "--year", "2013", "--date", "2024-01-01")
    second = cli.ok("log", "her", "--date", "2025-01-01", "--with", "Tyler")
    assert "Ellen (rewatch), Tyler (entry 2)" in second.stderr
    cli.ok("log", "her", "--date", "2025-01-02", "--first-time")
    people = [e["people"][0]["rewatch"] for e in json.loads(cli.ok("list", "--json").stdout)]
    assert people == [False, True, False]


def test_a_film_made_by_logging_is_announced_with_its_namesakes(cli: Cli, hosts: None) -> None:
    cli.ok("film", "add", "Paddington 2", "--year", "2017")
    made = cli.ok("log", "Paddington 2 (2018)", "--date", "2025-01-26")  # a slip of the year
    film_id = json.loads(cli.ok("list", "--json").stdout)[0]["film"]["id"]
    said = made.stderr.splitlines()
    assert said[0] == (
        f"Added Paddington 2 (2018) as a new film (film {film_id}); also here: Paddington 2 (2017)."
    )
    assert said[1].startswith("Logged Paddington 2 (2018) on 2025-01-26 for Ellen")
    again = cli.ok("log", "Paddington 2 (2018)", "--date", "2025-01-27")
    assert "new film" not in again.stderr
    typo = cli.ok("watchlist", "add", "Aftersnu", "--year", "2022").stderr
    assert typo.splitlines()[0].startswith("Added Aftersnu (2022) as a new film (film ")
    refused = cli("log", "Rocky (1977)", "--with", "Ellen")  # fails after making the film
    assert refused.exit_code == 1 and "new film" not in refused.stderr
    assert "Rocky (1977)" not in cli.ok("film", "list", "rocky").stdout


def test_unknown_film_without_year_is_refused_with_suggestions(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("log", "Paddington 2", "--year", "2017")
    before = snapshot(env_setup)
    result = cli("log", "Padington 2")
    assert result.exit_code == 1
    assert "did you mean Paddington 2 (2017)" in result.stderr
    assert snapshot(env_setup) == before


def test_ambiguous_title_lists_candidates(cli: Cli, hosts: None) -> None:
    # Both are Best Picture nominees, so every database holds them.
    result = cli("log", "little women")
    assert result.exit_code == 1
    assert "Little Women (1933), Little Women (2019)" in result.stderr
    cli.ok("log", "Little Women (2019)")


def test_list_filters(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Her", "--year", "2013", "--date", "2025-01-26", "--rating", "4", "--tag", "bp")
    cli.ok(
        "log", "Rocky", "--year", "1976", "--date", "2024-12-01", "--by", "Tyler", "--rating", "3"
    )
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-05", "--rating", "5")

    def titles(*args: str) -> list[str]:
        return [e["film"]["title"] for e in json.loads(cli.ok("list", "--json", *args).stdout)]

    assert titles() == ["Her", "Jaws", "Rocky"]
    assert titles("--year", "2024") == ["Rocky"]
    assert titles("--month", "2025-01") == ["Her", "Jaws"]
    assert titles("--by", "tyler") == ["Rocky"]
    assert titles("--film", "jaws") == ["Jaws"]
    assert titles("--tag", "BP") == ["Her"]
    assert titles("--rating-min", "4.5") == ["Jaws"]
    assert titles("--limit", "1") == ["Her"]


def test_edit_show_delete(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Her", "--year", "2013", "--date", "2025-01-26", "--with", "Tyler")
    edited = cli.ok("edit", "1", "--by", "Tyler", "--rating", "9/10", "--date", "2025-01-25")
    assert "Tyler's rating → 4.5" in edited.stderr
    shown = json.loads(cli.ok("show", "1", "--json").stdout)
    assert shown["date"] == "2025-01-25"
    assert shown["people"][1]["rating"] == 4.5
    refused = cli("delete", "1")
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    cli.ok("delete", "1", "--yes")
    assert json.loads(cli.ok("list", "--json").stdout) == []
    missing = cli("show", "1")
    assert missing.exit_code == 1 and "no diary entry with id 1" in missing.stderr


def test_review_from_stdin(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Her", "--year", "2013", "--review", "-", input="A tender film.\nTruly.\n")
    entry = json.loads(cli.ok("list", "--json").stdout)[0]
    assert entry["people"][0]["review"] == "A tender film.\nTruly."


def test_no_people_says_how_to_add_one(cli: Cli) -> None:
    result = cli("log", "Her", "--year", "2013")
    assert result.exit_code == 1
    assert "diary people add NAME" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--date", ""],
        ["--date", "1A2B"],
        ["--date", "27.08"],
        ["--date", "2018-10"],
        ["--date", "03/04/2024"],
        ["--date", "11/08/64"],
        ["--date", "2025-02-02"],
        ["--rating", "0"],
        ["--rating", "-1"],
        ["--rating", "5.5"],
        ["--rating", "3.7"],
        ["--rating", "NaN"],
        ["--rating", "abc"],
        ["--by", "Nobody"],
        ["--with", "Nobody=4"],
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Cli, hosts: None, env_setup: Path, args: list[str]
) -> None:
    cli.ok("log", "Her", "--year", "2013", "--date", "2025-01-01")
    before = snapshot(env_setup)
    result = cli("log", "Rocky", "--year", "1976", *args)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result
    assert "Traceback" not in result.stderr
    assert snapshot(env_setup) == before
    assert rows(env_setup, "PRAGMA integrity_check") == [("ok",)]


class Confirm:
    def __init__(self, answer: bool | None) -> None:
        self.answer = answer

    def ask(self) -> bool | None:
        return self.answer


@pytest.mark.parametrize(("answer", "kept"), [(True, 0), (False, 1)])
def test_delete_asks_at_a_terminal(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch, answer: bool | None, kept: int
) -> None:
    import questionary

    from diary.cli import context

    cli.ok("log", "Her", "--date", "2025-01-26")
    entry = json.loads(cli.ok("list", "--json").stdout)[0]["id"]
    asked: list[str] = []

    def confirm(question: str, default: bool = True) -> Confirm:
        asked.append(question)
        assert default is False  # Enter alone never deletes
        return Confirm(answer)

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "confirm", confirm)
    said = cli.ok("delete", str(entry)).stderr
    assert asked == [f"Delete entry {entry} (Her (2013))?"]
    assert len(json.loads(cli.ok("list", "--json").stdout)) == kept
    assert ("Deleted entry" in said) == (kept == 0)
    assert ("Nothing deleted." in said) == (kept == 1)


def test_editing_the_film_or_adding_someone_takes_it_off_their_watchlists(
    cli: Cli, hosts: None
) -> None:
    cli.ok("watchlist", "add", "Rocky", "--by", "Ellen")
    cli.ok("watchlist", "add", "Rocky", "--by", "Tyler")
    cli.ok("watchlist", "add", "Her", "--by", "Tyler")
    cli.ok("log", "Paddington 2", "--year", "2017", "--date", "2025-01-01")
    moved = cli.ok("edit", "1", "--film", "rocky").stderr
    assert "off the watchlist of Ellen: Rocky (1976)" in moved
    left = [(e["film"]["title"], e["person"]) for e in watchlist(cli)]
    assert left == [("Rocky", "Tyler"), ("Her", "Tyler")]
    joined = cli.ok("edit", "1", "--with", "Tyler").stderr
    assert "off the watchlist of Tyler: Rocky (1976)" in joined
    assert [(e["film"]["title"], e["person"]) for e in watchlist(cli)] == [("Her", "Tyler")]
    unrelated = cli.ok("edit", "1", "--date", "2025-01-02").stderr
    assert "watchlist" not in unrelated


def watchlist(cli: Cli) -> list[dict]:
    return json.loads(cli.ok("watchlist", "list", "--json").stdout)


@pytest.mark.sqlite_only
def test_delete_asks_without_holding_the_write_lock(
    cli: Cli, hosts: None, env_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from diary.cli import context

    cli.ok("log", "Her", "--date", "2025-01-26")
    others_could_write: list[bool] = []

    def confirm(question: str, **_: object) -> Confirm:
        # While someone reads the question, another diary must still be able to write.
        other = sqlite3.connect(env_setup, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.rollback()
            others_could_write.append(True)
        except sqlite3.OperationalError:
            others_could_write.append(False)
        finally:
            other.close()
        return Confirm(True)

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "confirm", confirm)
    assert "Deleted entry 1: Her (2013)." in cli.ok("delete", "1").stderr
    assert others_could_write == [True]
    assert json.loads(cli.ok("list", "--json").stdout) == []


def test_listings_carry_no_colour_codes_when_piped(cli: Cli, hosts: None) -> None:
    from tests.conftest import run_diary

    cli.ok("log", "Her", "--date", "2025-01-26", "--rating", "4", "--tag", "bp")
    for args in (["list"], ["people", "list"], ["show", "1"]):
        result = run_diary(*args, env={"NO_COLOR": "", "TERM": "xterm-256color"})
        assert result.returncode == 0, result.stderr
        assert "Her (2013)" in result.stdout or "Ellen" in result.stdout
        assert "\x1b[" not in result.stdout


def test_only_a_first_viewing_reports_a_tick(cli: Cli, hosts: None) -> None:
    first = cli.ok("log", "her", "--date", "2025-01-01")
    assert "Ticked Her (2013) on Best Picture: Ellen has seen 1 of 621" in first.stderr
    again = cli.ok("log", "her", "--date", "2025-01-20")
    assert "(rewatch)" in again.stderr and "Ticked" not in again.stderr


def test_editing_the_film_or_adding_someone_ticks_the_checklist(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Paddington 2", "--year", "2017", "--date", "2025-01-01")
    edited = cli.ok("edit", "1", "--film", "rocky", "--with", "Tyler")
    assert "Ticked Rocky (1976) on Best Picture: Ellen has seen 1 of 621" in edited.stderr
    assert "Ticked Rocky (1976) on Best Picture: Tyler has seen 1 of 621" in edited.stderr
    summary = cli.ok("bp", "progress", "--summary").stdout
    assert "Ellen 1 of 621" in summary and "Tyler 1 of 621" in summary
