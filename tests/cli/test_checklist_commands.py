"""`checklist list|show|import`: any list of films, with Best Picture as the built-in one."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect

LETTERBOXD_LIST = (
    "Letterboxd list export v7\r\n"
    "Date,Name,Tags,URL,Description\r\n"
    "2024-05-01,Rainy Sundays,,https://letterboxd.com/someone/list/rainy-sundays/,"
    '"Grey days, warm films"\r\n'
    "\r\n"
    "Position,Name,Year,URL,Description\r\n"
    "1,Sunset Boulevard,1950,https://boxd.it/aA1,\r\n"
    '2,"Once Upon a Time… in Hollywood",2019,https://boxd.it/aA2,"long, and good"\r\n'
    "3,Coda,2021,https://boxd.it/aA3,\r\n"
    "4,Paddington 2,2017,https://boxd.it/aA4,\r\n"
)


def overview(cli: Cli) -> dict[str, dict[str, Any]]:
    return {c["slug"]: c for c in json.loads(cli.ok("checklist", "list", "--json").stdout)}


def shown(cli: Cli, name: str, *args: str) -> list[dict[str, Any]]:
    return json.loads(cli.ok("checklist", "show", name, "--json", *args).stdout)


def test_best_picture_is_built_in_and_bp_names_it(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her")
    lists = overview(cli)
    assert lists["best-picture"] == {
        "slug": "best-picture",
        "name": "Best Picture",
        "kind": "builtin",
        "items": 621,
        "groups": 98,
        "seen": {"Ellen": 1, "Tyler": 0},
    }
    assert shown(cli, "bp") == shown(cli, "best-picture")
    assert len(shown(cli, "bp", "--seen-by", "Ellen")) == 1
    missing = cli("checklist", "show", "nothing-like-this")
    assert missing.exit_code == 1 and "known are best-picture" in missing.stderr


def test_a_simple_csv_with_groups(cli: Cli, hosts: None, tmp_path: Path) -> None:
    source = tmp_path / "comfort.csv"
    source.write_text(
        "title,year,group\nHer,2013,Romance\nPaddington 2,2017,Comfort\n"
        "Little Women,,Comfort\nThe Apartment,1960,Romance\nMystery Film,,Comfort\n",
        encoding="utf-8",
    )
    said = cli.ok("checklist", "import", str(source), "--name", "Comfort films")
    assert "Created the list 'Comfort films' (comfort-films): 3 films added" in said.stderr
    assert "New films in the diary: 1." in said.stderr
    assert "skipped line 4: 'Little Women' could be Little Women (1933), Little Women (2019)" in (
        said.stderr
    )
    assert "skipped line 6: no film 'Mystery Film' is known; add its year" in said.stderr
    rows = shown(cli, "Comfort films")
    assert [(r["group"]["label"], r["listed_title"]) for r in rows] == [
        ("Romance", "Her"),
        ("Romance", "The Apartment"),
        ("Comfort", "Paddington 2"),
    ]
    again = cli.ok("checklist", "import", str(source), "--name", "Comfort films")
    assert "Updated the list 'Comfort films' (comfort-films): 0 films added, 3 already" in (
        again.stderr
    )
    cli.ok("log", "Paddington 2", "--by", "Tyler")
    assert overview(cli)["comfort-films"]["seen"] == {"Ellen": 0, "Tyler": 1}
    table = cli.ok("checklist", "show", "comfort-films").stdout
    assert "Group" in table and "Ceremony" not in table and "Won" not in table


def test_a_letterboxd_list_export(cli: Cli, hosts: None, tmp_path: Path, env_setup: Path) -> None:
    source = tmp_path / "rainy-sundays.csv"
    source.write_text("\ufeff" + LETTERBOXD_LIST, encoding="utf-8")
    said = cli.ok("checklist", "import", str(source))
    assert "Created the list 'Rainy Sundays' (rainy-sundays): 4 films added" in said.stderr
    rows = shown(cli, "rainy sundays")
    assert [(r["film"]["title"], r["film"]["year"]) for r in rows] == [
        ("Sunset Blvd.", 1950),
        ("Once upon a Time...in Hollywood", 2019),
        ("CODA", 2021),
        ("Paddington 2", 2017),
    ]
    with connect(env_setup) as connection:
        assert connection.execute(
            "SELECT kind, source_key, description FROM checklist WHERE slug = 'rainy-sundays'"
        ).fetchall() == [
            (
                "letterboxd",
                "https://letterboxd.com/someone/list/rainy-sundays/",
                "Grey days, warm films",
            )
        ]
    again = cli.ok("checklist", "import", str(source))
    assert "0 films added, 4 already there" in again.stderr
    logged = cli.ok("log", "Paddington 2")
    assert "Ticked Paddington 2 (2017) on Rainy Sundays: Ellen has seen 1 of 4" in logged.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("name_of_thing,when\nA,2001\n", "needs the columns title and year"),
        ("title,year\nA,20x1\n", "line 2: the year is '20x1'"),
        ("title,year\n,2001\n", "line 2: the title is empty"),
        ("Letterboxd list export v7\nDate,Name\n", "without a list in it"),
    ],
)
def test_bad_list_files_change_nothing(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, text: str, message: str
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(text, encoding="utf-8")
    result = cli("checklist", "import", str(source))
    assert result.exit_code == 1 and message in result.stderr, result
    with connect(env_setup) as connection:
        assert connection.execute("SELECT count(*) FROM checklist").fetchone() == (1,)


@pytest.mark.parametrize("name", ["Best Picture", "best-picture", "BP"])
def test_an_imported_list_never_joins_the_built_in_one(
    cli: Cli, hosts: None, tmp_path: Path, name: str
) -> None:
    source = tmp_path / "mine.csv"
    source.write_text("title,year\nPaddington 2,2017\n", encoding="utf-8")
    refused = cli("checklist", "import", str(source), "--name", name)
    assert refused.exit_code == 1 and "name of the built-in list" in refused.stderr, refused
    assert overview(cli)["best-picture"]["items"] == 621
    assert list(overview(cli)) == ["best-picture"]


def test_another_letterboxd_list_of_the_same_name_is_a_list_of_its_own(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    first = tmp_path / "first.csv"
    first.write_text(LETTERBOXD_LIST, encoding="utf-8")
    cli.ok("checklist", "import", str(first))
    second = tmp_path / "second.csv"
    second.write_text(
        LETTERBOXD_LIST.replace("someone/list", "someone-else/list").split("1,Sunset")[0]
        + "1,Her,2013,https://boxd.it/bB1,\r\n",
        encoding="utf-8",
    )
    said = cli.ok("checklist", "import", str(second))
    assert "Created the list 'Rainy Sundays' (rainy-sundays-2): 1 film added" in said.stderr
    assert len(shown(cli, "rainy-sundays")) == 4
    assert [r["listed_title"] for r in shown(cli, "rainy-sundays-2")] == ["Her"]
    bp_named = tmp_path / "bp.csv"
    bp_named.write_text(
        LETTERBOXD_LIST.replace("Rainy Sundays", "Best Picture").replace("rainy-", "bp-"),
        encoding="utf-8",
    )
    own = cli.ok("checklist", "import", str(bp_named))
    assert "(best-picture-2)" in own.stderr
    assert overview(cli)["best-picture"]["items"] == 621


@pytest.mark.parametrize("letterboxd", [False, True])
def test_control_characters_in_a_list_are_dropped_and_counted(
    cli: Cli, hosts: None, tmp_path: Path, letterboxd: bool
) -> None:
    path = tmp_path / "odd.csv"
    if letterboxd:
        text = (
            "Letterboxd list export v7\nDate,Name,Tags,URL,Description\n"
            "2024-01-01,Odd\x1b[31m One,,https://letterboxd.com/x/list/odd/,\n\n"
            "Position,Name,Year,URL,Description\n"
            "1,Bell\x07 Film,2001,https://boxd.it/a,\n2,Plain Film,2002,https://boxd.it/b,\n"
        )
    else:
        text = "Title,Year\nBell\x07 Film,2001\nPlain Film,2002\n"
    path.write_text(text, encoding="utf-8")
    said = cli.ok("checklist", "import", str(path)).stderr
    line = 6 if letterboxd else 2
    assert f"Dropped control characters from 1 row (line {line})." in said
    assert not any(c in said for c in "\x07\x1b")
    lists = overview(cli)
    slug = next(slug for slug in lists if slug != "best-picture")
    assert lists[slug]["name"].isprintable()
    assert [e["film"]["title"] for e in shown(cli, slug)] == ["Bell Film", "Plain Film"]
