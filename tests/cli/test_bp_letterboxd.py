"""Importing a Letterboxd export ticks Best Picture nominees: aliases yes, remakes never."""

import json
from pathlib import Path

from tests.conftest import Cli
from tests.dbaccess import connect

DIARY = (
    "\ufeffDate,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\r\n"
    "2024-03-02,Sunset Boulevard,1950,https://boxd.it/bP01,4.5,,,2024-03-01\r\n"
    "2024-03-09,Wings,1927,https://boxd.it/bP02,4,,,2024-03-08\r\n"
    "2024-03-16,A Star Is Born,1954,https://boxd.it/bP03,3.5,,,2024-03-15\r\n"
    "2024-03-23,Little Women,1994,https://boxd.it/bP04,4,,,2024-03-22\r\n"
    "2024-03-30,West Side Story,2021,https://boxd.it/bP05,4,,,2024-03-29\r\n"
)
WATCHED = (
    "Date,Name,Year,Letterboxd URI\r\n"
    "2024-03-02,Sunset Boulevard,1950,https://boxd.it/wS01\r\n"
    "2024-03-09,Wings,1927,https://boxd.it/wS02\r\n"
    "2024-03-16,A Star Is Born,1954,https://boxd.it/wS03\r\n"
    "2024-03-23,Little Women,1994,https://boxd.it/wS04\r\n"
    "2024-03-30,West Side Story,2021,https://boxd.it/wS05\r\n"
    "2023-01-01,Coda,2021,https://boxd.it/wS06\r\n"
    "2023-01-02,Precious,2009,https://boxd.it/wS07\r\n"
    "2023-01-03,Dune,1984,https://boxd.it/wS08\r\n"
    "2023-01-04,Les Misérables,2012,https://boxd.it/wS09\r\n"
)


def test_a_letterboxd_import_ticks_nominees(cli: Cli, hosts: None, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "diary.csv").write_text(DIARY, encoding="utf-8")
    (export / "watched.csv").write_text(WATCHED, encoding="utf-8")
    imported = cli.ok("import", "letterboxd", str(export), "--as", "Tyler")
    assert "Best Picture" in imported.stderr + imported.stdout
    seen = json.loads(cli.ok("bp", "list", "--seen-by", "Tyler", "--json").stdout)
    assert {(r["listed_title"], r["ceremony"]["number"]) for r in seen} == {
        ("Sunset Blvd.", 23),
        ("Wings", 1),
        ("West Side Story", 94),
        ("CODA", 94),
        ("Precious: Based on the Novel 'Push' by Sapphire", 82),
        ("Les Misérables", 85),
    }
    assert json.loads(cli.ok("bp", "list", "--seen-by", "Ellen", "--json").stdout) == []
    again = cli.ok("import", "letterboxd", str(export), "--as", "Tyler")
    assert again.exit_code == 0
    assert len(json.loads(cli.ok("bp", "list", "--seen-by", "Tyler", "--json").stdout)) == 6


def test_a_nominee_dated_a_year_apart_is_the_same_film_not_a_copy(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path
) -> None:

    export = tmp_path / "export"
    export.mkdir()
    (export / "diary.csv").write_text(DIARY, encoding="utf-8")
    (export / "watched.csv").write_text(WATCHED, encoding="utf-8")
    cli.ok("import", "letterboxd", str(export), "--as", "Tyler")
    with connect(env_setup) as connection:
        wings = connection.execute("SELECT year FROM film WHERE title = 'Wings'").fetchall()
        women = connection.execute(
            "SELECT year FROM film WHERE title = 'Little Women' ORDER BY year"
        ).fetchall()
    connection.close()
    assert wings == [(1928,)]  # Letterboxd's Wings (1927) is the 1927/28 nominee
    assert women == [(1933,), (1994,), (2019,)]  # the 1994 film is neither nominee
    shown = json.loads(cli.ok("film", "show", "Wings", "--json").stdout)
    assert [v["date"] for v in shown["viewings"]] == ["2024-03-08"]
    assert shown["ids"]["letterboxd"] == "https://boxd.it/wS02"  # watched.csv: film links
