"""A diary above SQLite's default limit of 32,766 bound variables: listings and exports work.

Built once for the module, in-process, through the bulk path (`diary.store.bulk`): 40,000
viewings by two people over 500 films, some without a date, some tagged.
"""

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import TODAY, Cli

VIEWINGS = 40_000
FILMS = 500


def _build(db: Path) -> None:
    from diary.store.bulk import insert_rows
    from diary.store.database import open_session, reset
    from diary.store.location import resolve
    from diary.store.models import Film, Viewing, ViewingPerson, ViewingTag

    cli = Cli()
    cli.ok("people", "add", "Ellen")
    cli.ok("people", "add", "Tyler")
    created = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    start = date(2000, 1, 1)
    with open_session(resolve(str(db)), write=True) as session:
        first_film = 10_000
        insert_rows(
            session,
            Film,
            [
                {
                    "id": first_film + n,
                    "title": f"Scale Film {n}",
                    "year": 1950 + n % 70,
                    "title_key": f"scale film {n}",
                    "created_at": created,
                }
                for n in range(FILMS)
            ],
        )
        viewings, parts, tags = [], [], []
        for n in range(1, VIEWINGS + 1):
            watched = None if n % 97 == 0 else start + timedelta(days=n * 7 % 9000)
            viewings.append(
                {
                    "id": n,
                    "film_id": first_film + n % FILMS,
                    "watched_on": watched,
                    "created_at": created,
                    "updated_at": created,
                }
            )
            parts.append(
                {
                    "viewing_id": n,
                    "person_id": 1,
                    "rating": n % 10 + 1,
                    "liked": False,
                    "rewatch": n > FILMS,
                    "review": None,
                }
            )
            if n % 3 == 0:
                parts.append(
                    {
                        "viewing_id": n,
                        "person_id": 2,
                        "rating": None,
                        "liked": True,
                        "rewatch": False,
                        "review": "again, with feeling",
                    }
                )
            if n % 5 == 0:
                tags.append({"viewing_id": n, "tag": "cinema"})
        insert_rows(session, Viewing, viewings)
        insert_rows(session, ViewingPerson, parts)
        insert_rows(session, ViewingTag, tags)
    reset()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("large")
    db = folder / "large.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DIARY_DB", str(db))
        patch.setenv("DIARY_TODAY", TODAY)
        patch.setenv("DIARY_NO_PROMPT", "1")
        _build(db)
    yield db


@pytest.fixture
def on_large(large: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from diary.store import database

    monkeypatch.setenv("DIARY_DB", str(large))
    database.reset()
    return large


def test_list_json_holds_every_viewing_newest_first(cli: Cli, on_large: Path) -> None:
    listed = json.loads(cli.ok("list", "--json").stdout)
    assert len(listed) == VIEWINGS
    dated = [entry["date"] for entry in listed if entry["date"] is not None]
    assert dated == sorted(dated, reverse=True)
    assert [entry["date"] for entry in listed[len(dated) :]] == [None] * (VIEWINGS // 97)
    assert len({entry["id"] for entry in listed}) == VIEWINGS
    by_id = {entry["id"]: entry for entry in listed}
    assert [p["name"] for p in by_id[3]["people"]] == ["Ellen", "Tyler"]
    assert by_id[30]["tags"] == ["cinema"] and by_id[31]["tags"] == []


def test_export_json_restores_into_a_new_database(
    cli: Cli, on_large: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diary.store import database

    first = tmp_path / "first.json"
    cli.ok("export", "json", str(first))
    dumped = {t["name"]: t["rows"] for t in json.loads(first.read_text("utf-8"))["tables"]}
    assert len(dumped["viewing"]) == VIEWINGS
    monkeypatch.setenv("DIARY_DB", str(tmp_path / "restored.db"))
    database.reset()
    cli.ok("people", "list")
    restored = cli.ok("import", "json", str(first))
    assert f"Restored {sum(map(len, dumped.values()))} rows" in restored.stderr
    with sqlite3.connect(tmp_path / "restored.db") as connection:
        assert connection.execute("SELECT count(*) FROM viewing_person").fetchone()[0] == len(
            dumped["viewing_person"]
        )
    second = tmp_path / "second.json"
    cli.ok("export", "json", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_export_letterboxd_writes_every_viewing(cli: Cli, on_large: Path, tmp_path: Path) -> None:
    out = tmp_path / "lb"
    result = cli.ok("export", "letterboxd", str(out), "--by", "Tyler")
    assert f"Wrote {VIEWINGS // 3} diary rows" in result.stderr
    rows = []
    for path in sorted(out.glob("diary-*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    assert len(rows) == VIEWINGS // 3
    dated = [row["WatchedDate"] for row in rows if row["WatchedDate"]]
    assert dated == sorted(dated) and len(dated) == len(rows) - VIEWINGS // (3 * 97)
    assert {row["Review"] for row in rows} == {"again, with feeling"}
