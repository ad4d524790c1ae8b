"""`checklist import` finds each row's film by the matcher's rules, whatever the chunk size:
a film made by an earlier row is there for every later one, in the same chunk or not."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect
from tests.importers.letterboxd_helpers import snapshot

ROWS = (
    "title,year\n"
    "Brand New Film,2020\n"  # 2: a new film
    "brand new film,2020\n"  # 3: the film of line 2
    "Brand New Film,\n"  # 4: the one film of that title
    "Brand New Film,2021\n"  # 5: a year off an unlisted film is another film
    "Brand New Film,\n"  # 6: now two films have the title
    "BrandNew Film,2020\n"  # 7: spaces aside, the film of line 2
    "GoodFellas,1990\n"  # 8: the nominee Good Fellas
    "Henry V,1944\n"  # 9: the only nominee of the title, two years off
    "Henry V,1943\n"  # 10: three years off: a new film
    "Henry V,1944\n"  # 11: a year off the film of line 10, which is not listed: a new film
    "Sunset Boulevard,1950\n"  # 12: the nominee's alias
    "Mystery,\n"  # 13: nothing known and no year
)


def shown(cli: Cli, name: str) -> list[tuple[str, int | None]]:
    rows = json.loads(cli.ok("checklist", "show", name, "--json").stdout)
    return [(r["film"]["title"], r["film"]["year"]) for r in rows]


@pytest.fixture(params=[1, 2, 3, None], ids=lambda n: f"chunk-{n or 'default'}")
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.param is not None:
        from diary.core.checklists import imported

        monkeypatch.setattr(imported, "CHUNK", request.param)


def test_every_row_sees_the_films_of_the_rows_before_it(
    cli: Cli, hosts: None, tmp_path: Path, chunk: None
) -> None:
    source = tmp_path / "mixed.csv"
    source.write_text(ROWS, encoding="utf-8")
    said = cli.ok("checklist", "import", str(source), "--name", "Mixed")
    assert "Created the list 'Mixed' (mixed): 7 films added, 3 already there." in said.stderr
    assert "New films in the diary: 4." in said.stderr
    skipped = [line.strip() for line in said.stderr.splitlines() if "skipped" in line]
    assert skipped == [
        "skipped line 6: 'Brand New Film' could be Brand New Film (2020), Brand New Film (2021)",
        "skipped line 13: no film 'Mystery' is known; add its year",
    ]
    assert shown(cli, "mixed") == [
        ("Brand New Film", 2020),
        ("Brand New Film", 2021),
        ("Good Fellas", 1990),
        ("Henry V", 1946),
        ("Henry V", 1943),
        ("Henry V", 1944),
        ("Sunset Blvd.", 1950),
    ]
    again = cli.ok("checklist", "import", str(source), "--name", "Mixed")
    # line 4 now names two films; line 9 finds the Henry V (1944) that line 11 made
    assert "Updated the list 'Mixed' (mixed): 0 films added, 9 already there." in again.stderr
    assert "New films" not in again.stderr
    assert "skipped line 4: 'Brand New Film' could be" in again.stderr


LINKED = (
    "Letterboxd list export v7\r\n"
    "Date,Name,Tags,URL,Description\r\n"
    "2024-05-01,Linked,,https://letterboxd.com/someone/list/linked/,\r\n"
    "\r\n"
    "Position,Name,Year,URL,Description\r\n"
    "1,Linked Film,2020,https://boxd.it/zz1,\r\n"
    "2,Linked Film Renamed,2020,https://boxd.it/zz1,\r\n"
    "3,Sunset Boulevard,1950,https://boxd.it/zz2,\r\n"
    "4,Other Film,2019,https://boxd.it/zz3,\r\n"
)


def letterboxd_links(db: Any) -> list[tuple[str, str]]:
    with connect(db) as connection:
        return connection.execute(
            "SELECT film.title, value FROM film_external_id "
            "JOIN film ON film.id = film_external_id.film_id "
            "WHERE source = 'letterboxd' ORDER BY value"
        ).fetchall()


def test_a_film_made_with_its_link_is_found_by_it_on_a_later_row(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, chunk: None
) -> None:
    source = tmp_path / "linked.csv"
    source.write_text(LINKED, encoding="utf-8")
    said = cli.ok("checklist", "import", str(source))
    assert "3 films added, 1 already there." in said.stderr
    assert "New films in the diary: 2." in said.stderr
    assert shown(cli, "linked") == [
        ("Linked Film", 2020),
        ("Sunset Blvd.", 1950),
        ("Other Film", 2019),
    ]
    # a found film is not given the row's link; a new film is
    assert letterboxd_links(env_setup) == [
        ("Linked Film", "https://boxd.it/zz1"),
        ("Other Film", "https://boxd.it/zz3"),
    ]
    again = cli.ok("checklist", "import", str(source))
    assert "0 films added, 4 already there." in again.stderr
    assert len(letterboxd_links(env_setup)) == 2


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [("?,2001", "a film needs a title"), ("Ancient Film,1700", "1700 is not a film year")],
)
def test_a_row_that_cannot_make_its_film_changes_nothing(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, chunk: None, bad_row: str, message: str
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text(f"title,year\nFine Film,2020\nHer,2013\n{bad_row}\n", encoding="utf-8")
    before = snapshot(env_setup)
    result = cli("checklist", "import", str(source), "--name", "Bad")
    assert result.exit_code == 1, result
    assert result.stderr.strip() == f"Error: {message}"
    assert snapshot(env_setup) == before
