"""`diary film delete`: a film goes with its own details, never while something keeps it."""

from pathlib import Path

from tests.conftest import Cli
from tests.dbaccess import connect, table_names

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def count(db: Path, sql: str, *args: object) -> int:
    with connect(db) as connection:
        return int(connection.execute(sql, args).fetchone()[0])


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with connect(db) as connection:
        tables = table_names(connection)
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}


def test_delete_a_film_with_its_facts(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "import-page", str(PAGES / "wikipedia-lantern-keeper.txt"))
    cli.ok("film", "alias", "The Lantern Keeper", "Lantern")
    films = count(env_setup, "SELECT count(*) FROM film")
    result = cli.ok("film", "delete", "The Lantern Keeper", "--yes")
    assert result.stderr.startswith("Deleted The Lantern Keeper (1987) with ")
    assert "1 alias," in result.stderr and "4 scores" in result.stderr
    assert "1 imported page." in result.stderr
    assert count(env_setup, "SELECT count(*) FROM film") == films - 1
    for table in ("film_fact", "film_score", "film_page", "film_alias"):
        assert (
            count(
                env_setup,
                f"SELECT count(*) FROM {table} WHERE film_id NOT IN (SELECT id FROM film)",
            )
            == 0
        )
    with connect(env_setup) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_film_with_diary_entries_is_kept(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("log", "The Lantern Keeper", "--year", "1987", "--date", "2025-01-05")
    before = snapshot(env_setup)
    result = cli("film", "delete", "The Lantern Keeper", "--yes")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: The Lantern Keeper (1987) is kept: it has 1 diary entry; remove those first"
    )
    assert snapshot(env_setup) == before


def test_a_best_picture_nominee_is_kept(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "show", "Her (2013)")
    before = snapshot(env_setup)
    result = cli("film", "delete", "Her (2013)", "--yes")
    assert result.exit_code == 1
    assert "it has a place on the Best Picture checklist" in result.stderr
    assert snapshot(env_setup) == before


def test_without_yes_a_script_is_refused(cli: Cli, env_setup: Path) -> None:
    cli.ok("film", "add", "Harbour Lights", "--year", "1990")
    before = snapshot(env_setup)
    result = cli("film", "delete", "Harbour Lights")
    assert result.exit_code == 1 and "needs --yes when not at a terminal" in result.stderr
    assert snapshot(env_setup) == before


def test_an_unknown_film(cli: Cli) -> None:
    result = cli("film", "delete", "Nothing At All", "--yes")
    assert result.exit_code == 1 and "no film called 'Nothing At All'" in result.stderr
