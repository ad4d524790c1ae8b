"""`bp add-ceremony`: next season's nominees, then the winner, without losing a tick."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def ceremony(cli: Cli, number: int) -> list[dict[str, Any]]:
    return json.loads(cli.ok("bp", "list", "--ceremony", str(number), "--json").stdout)


def test_add_a_season_then_mark_its_winner(cli: Cli, hosts: None, tmp_path: Path) -> None:
    before = write(
        tmp_path / "season.csv",
        "\ufefftitle,year,winner\r\n"
        "Harbour Lights,2026,\r\n"
        '"Salt, Sand and Stars",2026,\r\n'
        "The Quiet Orchard,2026,\r\n",
    )
    added = cli.ok("bp", "add-ceremony", before)
    assert "Added ceremony 99 (2026): 3 nominees added, 0 already there." in added.stderr
    assert "New films: Harbour Lights (2026)" in added.stderr
    cli.ok("log", "Harbour Lights", "--with", "Tyler")
    cli.ok("bp", "tick", "The Quiet Orchard", "--by", "Tyler")

    after = write(
        tmp_path / "winner.csv",
        "Film,Year,Won\nHarbour Lights,2026,\nSalt, Sand and Stars,2026,\n",
    )
    bad = cli("bp", "add-ceremony", after)  # an unquoted comma: more cells than headings
    assert bad.exit_code == 1 and "line 3" in bad.stderr
    after = write(
        tmp_path / "winner.csv",
        'Film,Year,Won\nHarbour Lights,2026,\n"Salt, Sand and Stars",2026,✓\n'
        "A Late Addition,2026,\n",
    )
    updated = cli.ok("bp", "add-ceremony", after)
    assert "Updated ceremony 99 (2026): 1 nominee added, 2 already there." in updated.stderr
    assert "Winner: Salt, Sand and Stars (2026)." in updated.stderr
    rows = {r["listed_title"]: r for r in ceremony(cli, 99)}
    assert list(rows) == [
        "Harbour Lights",
        "Salt, Sand and Stars",
        "The Quiet Orchard",
        "A Late Addition",
    ]
    assert [t for t, r in rows.items() if r["winner"]] == ["Salt, Sand and Stars"]
    assert rows["Harbour Lights"]["seen"] == {"Ellen": True, "Tyler": True}
    assert rows["The Quiet Orchard"]["seen"] == {"Ellen": False, "Tyler": True}
    again = cli.ok("bp", "add-ceremony", after)
    assert "0 nominees added, 3 already there" in again.stderr and "Winner" not in again.stderr
    assert len(json.loads(cli.ok("bp", "list", "--json").stdout)) == 625
    progress = json.loads(cli.ok("bp", "progress", "--json").stdout)
    assert progress["winners"]["total"] == 99


def test_a_known_film_is_reused_and_a_number_can_be_given(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("film", "add", "Harbour Lights", "--year", "2026")
    season = write(tmp_path / "s.csv", "title,year,imdb\nHarbour Lights,2026,tt0000001\n")
    added = cli.ok("bp", "add-ceremony", season, "--ceremony", "99", "--label", "2026 films")
    assert "New films" not in added.stderr
    rows = ceremony(cli, 99)
    assert rows[0]["ceremony"] == {"number": 99, "label": "2026 films"}
    later = write(tmp_path / "later.csv", "title,year,winner\nHarbour Lights,2026,yes\n")
    marked = cli.ok("bp", "add-ceremony", later)  # found by its year, whatever its label
    assert "Updated ceremony 99 (2026 films)" in marked.stderr
    assert ceremony(cli, 99)[0]["winner"]
    clash = write(tmp_path / "other.csv", "title,year\nSomething Else,2027\n")
    refused = cli("bp", "add-ceremony", clash, "--ceremony", "99")
    assert refused.exit_code == 1 and "honours 2026, not 2027" in refused.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("name,when\nA,2026\n", "needs the columns title, year"),
        ("title,year\nA,2026\nB,2027\n", "one ceremony honours one year"),
        ("title,year,winner\nA,2026,yes\nB,2026,x\n", "lines 2, 3 are all marked"),
        ("title,year,winner\nA,2026,maybe\n", "line 2: winner is 'maybe'"),
        ("title,year\nA,twenty\n", "line 2: the year is 'twenty'"),
        ("title,year\n,2026\n", "line 2: the title is empty"),
        ("title,year,imdb\nA,2026,12345\n", "is not an IMDb id"),
    ],
)
def test_bad_files_change_nothing(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, text: str, message: str
) -> None:
    def counts() -> tuple[int, ...]:
        with connect(env_setup) as connection:
            return tuple(
                connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("film", "checklist_group", "checklist_item")
            )

    before = counts()
    result = cli("bp", "add-ceremony", write(tmp_path / "bad.csv", text))
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1, result
    assert counts() == before


def test_a_missing_file_is_one_line(cli: Cli, hosts: None, tmp_path: Path) -> None:
    result = cli("bp", "add-ceremony", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1 and "no file" in result.stderr


@pytest.mark.parametrize(
    ("text", "args", "message"),
    [
        ("title,year\nA,2026\n", ["--ceremony", "0"], "ceremony 0"),
        ("title,year\nA,2026\n", ["--ceremony", "-3"], "ceremony -3"),
        ("title,year\nA,2026\n", ["--ceremony", "101"], "the next ceremony is 99"),
    ],
)
def test_a_new_ceremony_comes_next_in_order(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, text: str, args: list[str], message: str
) -> None:
    with connect(env_setup) as connection:
        before = connection.execute("SELECT count(*) FROM checklist_group").fetchone()
    result = cli("bp", "add-ceremony", write(tmp_path / "season.csv", text), *args)
    assert result.exit_code != 0 and message in result.stderr, result
    with connect(env_setup) as connection:
        assert connection.execute("SELECT count(*) FROM checklist_group").fetchone() == before


def test_a_season_already_held_or_older_is_not_a_new_ceremony(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("bp", "add-ceremony", write(tmp_path / "a.csv", "title,year\nHarbour Lights,2027\n"))
    same = cli(
        "bp", "add-ceremony", write(tmp_path / "b.csv", "title,year\nElse,2027\n"), "-c", "100"
    )
    assert same.exit_code == 1 and "ceremony 99 (2027) already honours 2027" in same.stderr
    older = cli("bp", "add-ceremony", write(tmp_path / "c.csv", "title,year\nOlder,2026\n"))
    assert older.exit_code == 1 and "ceremony 99 honours 2027" in older.stderr
    assert len(ceremony(cli, 99)) == 1
    assert "no ceremony 100: it has 1 to 99" in cli("bp", "list", "--ceremony", "100").stderr


def test_a_film_already_in_the_diary_a_year_off_is_the_new_nominee(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("log", "Harbour Lights", "--year", "2025", "--with", "Tyler")  # a festival year
    cli.ok("film", "add", "Salt and Stars", "--year", "2025")
    cli.ok("film", "add", "Salt and Stars", "--year", "2027")  # two a year off: neither is it
    season = "title,year,imdb\nHarbour Lights,2026,\nSalt and Stars,2026,\n"
    added = cli.ok("bp", "add-ceremony", write(tmp_path / "s.csv", season))
    assert "New films: Salt and Stars (2026)." in added.stderr
    rows = {r["listed_title"]: r for r in ceremony(cli, 99)}
    assert rows["Harbour Lights"]["film"]["year"] == 2025  # the diary's own film, no copy
    assert rows["Harbour Lights"]["seen"] == {"Ellen": True, "Tyler": True}
    assert rows["Salt and Stars"]["film"]["year"] == 2026
    assert len(json.loads(cli.ok("film", "list", "Harbour Lights", "--json").stdout)) == 1


def test_another_ceremonys_nominee_a_year_off_is_another_film(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("bp", "add-ceremony", write(tmp_path / "a.csv", "title,year\nEcho Park,2026\n"))
    cli.ok("log", "Echo Park", "--year", "2026")
    cli.ok("bp", "add-ceremony", write(tmp_path / "b.csv", "title,year\nEcho Park,2027\n"))
    assert [r["film"]["year"] for r in ceremony(cli, 100)] == [2027]
    assert [r["seen"]["Ellen"] for r in ceremony(cli, 100)] == [False]


def test_control_characters_in_a_season_are_dropped_and_counted(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    season = write(tmp_path / "season.csv", "title,year\nHarbour\x1b[2J Lights,2026\nDunes,2026\n")
    added = cli.ok("bp", "add-ceremony", season)
    assert "Dropped control characters from 1 row (line 2)." in added.stderr
    assert "\x1b" not in added.stderr
    assert sorted(n["film"]["title"] for n in ceremony(cli, 99)) == ["Dunes", "Harbour[2J Lights"]
