"""Rows of Letterboxd's import format that repeat a film and date: the n-th is present when the
diary already had n such viewings, the rest are added, and importing again adds nothing."""

from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.importers.letterboxd_helpers import import_json, rows

HEADER = "Title,Year,WatchedDate,Rating\n"


@pytest.fixture
def ellen(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def jaws_by_date(db: Path) -> list[tuple[str, int]]:
    return rows(
        db,
        "SELECT watched_on, count(*) FROM viewing JOIN film ON film.id = viewing.film_id "
        "WHERE film.title = 'Jaws' GROUP BY watched_on ORDER BY watched_on",
    )


def test_repeated_rows_count_against_the_viewings_the_diary_had(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first" / "diary-001.csv"
    first.parent.mkdir()
    first.write_text(HEADER + "Jaws,1975,2024-02-20,4\n")
    assert import_json(cli, str(first))["counts"]["diary entries"]["added"] == 1
    export = tmp_path / "export"
    export.mkdir()
    # three rows of the one viewing's film and date, split over two files, and another day
    (export / "diary-001.csv").write_text(
        HEADER + "Jaws,1975,2024-02-20,4\nJaws,1975,2024-02-21,3\nJaws,1975,2024-02-20,5\n"
    )
    (export / "diary-002.csv").write_text(HEADER + "Jaws,1975,2024-02-20,2\n")
    entries = import_json(cli, str(export))["counts"]["diary entries"]
    assert (entries["added"], entries["present"]) == (3, 1)
    assert jaws_by_date(env_setup) == [("2024-02-20", 3), ("2024-02-21", 1)]
    again = import_json(cli, str(export))["counts"]["diary entries"]
    assert (again["added"], again["present"]) == (0, 4)
    assert jaws_by_date(env_setup) == [("2024-02-20", 3), ("2024-02-21", 1)]


def test_a_diary_with_more_viewings_than_rows_keeps_them_all(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    three = tmp_path / "three" / "diary-001.csv"
    three.parent.mkdir()
    three.write_text(HEADER + "Jaws,1975,2024-02-20,4\n" * 3)
    assert import_json(cli, str(three))["counts"]["diary entries"]["added"] == 3
    one = tmp_path / "one" / "diary-001.csv"
    one.parent.mkdir()
    one.write_text(HEADER + "Jaws,1975,2024-02-20,4\n")
    entries = import_json(cli, str(one))["counts"]["diary entries"]
    assert (entries["added"], entries["present"]) == (0, 1)
    assert jaws_by_date(env_setup) == [("2024-02-20", 3)]
