"""`diary export json` / `diary import json`: everything, losslessly, into an empty database."""

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import SQLModel

from diary.store import database
from tests.conftest import ON_POSTGRES, Cli
from tests.dbaccess import connect, table_names
from tests.importers.letterboxd_helpers import FIXTURE, rows, snapshot


def fill(cli: Cli) -> None:
    """A database with a bit of everything a user makes."""
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "Tyler", "--role", "host")
    cli.ok("import", "letterboxd", str(FIXTURE))
    cli.ok(
        "log", "Her", "--year", "2013", "--date", "2025-01-26", "--rating", "4½",
        "--with", "Tyler=4", "--where", "a \"quiet\" cinema, row 3", "--tag", "bp",
        "--review", "Line one\nline two ✨ <b>bold</b>",
    )  # fmt: skip
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--by", "Tyler")


def switch_to(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    monkeypatch.setenv("DIARY_DB", str(db))
    database.reset()


def test_export_import_export_gives_identical_files(
    cli: Cli, env_setup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    first = tmp_path / "first.json"
    result = cli.ok("export", "json", str(first))
    assert result.stderr.startswith("Wrote ") and str(first) in result.stderr
    original = snapshot(env_setup)

    fresh = tmp_path / "fresh.db"
    switch_to(monkeypatch, fresh)
    restored = cli.ok("import", "json", str(first))
    assert restored.stderr.startswith("Restored ")
    second = tmp_path / "second.json"
    cli.ok("export", "json", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert snapshot(fresh) == original
    assert rows(fresh, "PRAGMA integrity_check") == [("ok",)]
    assert json.loads(cli.ok("list", "--json").stdout)[0]["people"][0]["review"] == (
        "Line one\nline two ✨ <b>bold</b>"
    )


def test_the_dump_holds_every_table_in_dependency_order(
    cli: Cli, tmp_path: Path, env_setup: Path
) -> None:
    fill(cli)
    path = tmp_path / "dump.json"
    cli.ok("export", "json", str(path))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["format_version"]) == ("diary-dump", 1)
    assert (
        data["schema_version"] == rows(env_setup, "SELECT max(version) FROM schema_version")[0][0]
    )
    names = [t["name"] for t in data["tables"]]
    with connect(env_setup) as connection:
        in_database = set(table_names(connection))
    assert set(names) == in_database - {"schema_version"}
    assert set(names) == set(SQLModel.metadata.tables) - {"schema_version"}
    assert names.index("person") < names.index("viewing_person")
    assert names.index("film") < names.index("viewing") < names.index("viewing_tag")
    viewings = next(t for t in data["tables"] if t["name"] == "viewing_person")
    liked = viewings["columns"].index("liked")
    assert {row[liked] for row in viewings["rows"]} == {False}  # booleans are JSON booleans
    ids = [row[0] for row in next(t for t in data["tables"] if t["name"] == "viewing")["rows"]]
    assert ids == sorted(ids)


def database_path() -> Path:
    import os

    return Path(os.environ["DIARY_DB"])


def test_only_an_empty_database_takes_a_dump(
    cli: Cli, env_setup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    dump = tmp_path / "dump.json"
    cli.ok("export", "json", str(dump))
    other = tmp_path / "other.db"
    switch_to(monkeypatch, other)
    cli.ok("people", "add", "Somebody")
    before = snapshot(other)
    result = cli("import", "json", str(dump))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: this database already holds data (person: 1 row")
    assert "into a new database" in lines[0]
    assert snapshot(other) == before


def test_a_new_database_made_days_before_still_takes_a_dump(
    cli: Cli, env_setup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    dump = tmp_path / "dump.json"
    cli.ok("export", "json", str(dump))
    fresh = tmp_path / "fresh.db"
    switch_to(monkeypatch, fresh)
    cli.ok("db", "upgrade")  # made on 2025-02-01, with the built-in Best Picture rows
    monkeypatch.setenv("DIARY_TODAY", "2025-02-03")
    database.reset()
    assert cli.ok("import", "json", str(dump)).stderr.startswith("Restored ")
    assert snapshot(fresh) == snapshot(env_setup)  # the diary dumped, on either engine


def bad_dump(tmp_path: Path, change: str) -> Path:
    path = tmp_path / "dump.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    tables = {t["name"]: t for t in data["tables"]}
    if change == "version":
        data["schema_version"] = 1
    elif change == "format":
        data["format"] = "something-else"
    elif change == "missing":
        data["tables"] = [t for t in data["tables"] if t["name"] != "person"]
    elif change == "columns":
        tables["person"]["columns"][1] = "nickname"
    elif change == "short row":
        tables["person"]["rows"][0].pop()
    elif change == "dangling":
        tables["viewing_person"]["rows"][0][1] = 999
    elif change == "text for a number":
        tables["viewing_person"]["rows"][0][tables["viewing_person"]["columns"].index("rating")] = (
            "five"
        )
    elif change == "not a date":
        tables["viewing"]["rows"][0][tables["viewing"]["columns"].index("watched_on")] = "soon"
    elif change == "no name":
        tables["person"]["rows"][0][tables["person"]["columns"].index("name")] = None
    elif change == "rating of 99":
        tables["viewing_person"]["rows"][0][tables["viewing_person"]["columns"].index("rating")] = (
            99
        )
    elif change == "unknown role":
        tables["person"]["rows"][0][tables["person"]["columns"].index("role")] = "cat"
    elif change == "escape in a title":
        tables["film"]["rows"][0][tables["film"]["columns"].index("title")] = "Evil\x1b]0;x\x07"
    elif change == "year 0":
        tables["film"]["rows"][0][tables["film"]["columns"].index("year")] = 0
    elif change == "twice":
        tables["person"]["rows"].append(list(tables["person"]["rows"][0]))
    text = json.dumps(data)
    if change == "deep":  # nested far past what a parser recurses into
        text = text[:-1] + ', "deep": ' + "[" * 5000 + "]" * 5000 + "}"
    bad = tmp_path / f"{change.replace(' ', '-')}.json"
    bad.write_text(text, encoding="utf-8")
    return bad


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("version", "was made with schema version 1"),
        ("format", "is not a diary dump"),
        ("missing", "tables do not match this database (missing: person"),
        ("columns", "table person has columns"),
        ("short row", "table person row 1 does not have"),
        ("dangling", "a row of viewing_person"),
        ("text for a number", 'table viewing_person row 1 has a bad value for rating: "five"'),
        ("not a date", 'table viewing row 1 has a bad value for watched_on: "soon"'),
        ("no name", "table person row 1 has a bad value for name: null"),
        ("twice", "table person row 3: UNIQUE constraint failed: person.id"),
        ("rating of 99", "rating: 99 (a rating is 1 to 10 half-stars)"),
        ("unknown role", 'role: "cat" (a role is one of host, guest, pet)'),
        ("escape in a title", "(text cannot hold control characters)"),
        ("year 0", "year: 0 (a year has four digits)"),
        ("deep", "nests its JSON too deeply to be a diary dump"),
    ],
)
def test_a_bad_dump_is_one_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str, message: str
) -> None:
    fill(cli)
    cli.ok("export", "json", str(tmp_path / "dump.json"))
    bad = bad_dump(tmp_path, change)
    fresh = tmp_path / "fresh.db"
    switch_to(monkeypatch, fresh)
    cli.ok("people", "list")
    before = snapshot(fresh)
    result = cli("import", "json", str(bad))
    assert result.exit_code == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], result
    assert snapshot(fresh) == before


def test_not_json_missing_file_and_no_overwrite(cli: Cli, tmp_path: Path) -> None:
    cli.ok("people", "list")
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    result = cli("import", "json", str(broken))
    assert result.exit_code == 1 and "broken.json is not JSON" in result.stderr
    result = cli("import", "json", str(tmp_path / "missing.json"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    target = tmp_path / "dump.json"
    target.write_text("keep me", encoding="utf-8")
    result = cli("export", "json", str(target))
    assert result.exit_code == 1 and "already exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    cli.ok("export", "json", str(target), "--force")
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "diary-dump"


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ("tables first", "is not a diary dump"),
        ("rows first", "its name and columns before its rows"),
        ("rows not a list", "table person has no list of rows"),
        ("cut short", "is not JSON"),
    ],
)
def test_a_dump_is_read_in_the_order_it_is_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str, message: str
) -> None:
    fill(cli)
    cli.ok("export", "json", str(tmp_path / "dump.json"))
    text = (tmp_path / "dump.json").read_text(encoding="utf-8")
    data = json.loads(text)
    if layout == "tables first":
        data = {"tables": data["tables"], **{k: v for k, v in data.items() if k != "tables"}}
    elif layout == "rows first":
        first = data["tables"][0]
        data["tables"][0] = {"rows": first["rows"], "name": first["name"], "cols": []}
    elif layout == "rows not a list":
        next(t for t in data["tables"] if t["name"] == "person")["rows"] = "none"
    bad = tmp_path / "bad.json"
    content = json.dumps(data) if layout != "cut short" else text[: len(text) // 2]
    bad.write_text(content, encoding="utf-8")
    switch_to(monkeypatch, tmp_path / "fresh.db")
    cli.ok("people", "list")
    before = snapshot(tmp_path / "fresh.db")
    result = cli("import", "json", str(bad))
    assert result.exit_code == 1 and message in result.stderr, result
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(tmp_path / "fresh.db") == before


def fresh_target(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """A new database on the engine under test, chosen for the commands that follow."""
    if not ON_POSTGRES:
        switch_to(monkeypatch, tmp_path / "fresh.db")
        return tmp_path / "fresh.db"
    target = request.getfixturevalue("pg_server").fresh_database()
    monkeypatch.setenv("DIARY_DB", target.url)
    database.reset()
    return target


def indexes(db: Any) -> list[tuple[str, str]]:
    if isinstance(db, Path):
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    else:
        sql = (
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() ORDER BY indexname"
        )
    with connect(db) as connection:
        return connection.execute(sql).fetchall()


def test_a_restore_leaves_every_index_as_it_was_whether_it_fails_or_not(
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    fill(cli)
    dump = tmp_path / "dump.json"
    cli.ok("export", "json", str(dump))
    data = json.loads(dump.read_text(encoding="utf-8"))
    data["tables"].pop()  # every row goes in, then the missing table is found
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(data), encoding="utf-8")
    target = fresh_target(request, tmp_path, monkeypatch)
    cli.ok("people", "list")
    before = (snapshot(target), indexes(target))
    assert any(name == "ix_viewing_watched_on_id" for name, _ in before[1])
    failed = cli("import", "json", str(cut))
    assert failed.exit_code == 1 and "tables do not match" in failed.stderr, failed
    assert (snapshot(target), indexes(target)) == before
    cli.ok("import", "json", str(dump))
    assert indexes(target) == before[1]
    again = tmp_path / "again.json"
    cli.ok("export", "json", str(again))
    assert again.read_bytes() == dump.read_bytes()


FILMS = 2500  # film rows of the dump below: the restore checks them in several batches


@pytest.mark.parametrize(
    ("bad", "after", "message"),
    [
        (1700, None, "table film row 1700 has a bad value for year: 0 (a year has four"),
        (1700, "short row", "table film row 1700 has a bad value for year: 0"),
        (1700, "cut short", "table film row 1700 has a bad value for year: 0"),
        (None, "short row", "table film row 1705 does not have 5 values"),
        (None, "cut short", "is not JSON"),
    ],
)
def test_the_first_bad_row_of_a_long_table_is_named(
    cli: Cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bad: int | None,
    after: str | None,
    message: str,
) -> None:
    cli.ok("people", "add", "Ellen")
    dump = tmp_path / "dump.json"
    cli.ok("export", "json", str(dump))
    data = json.loads(dump.read_text(encoding="utf-8"))
    film = next(t for t in data["tables"] if t["name"] == "film")
    assert film["columns"] == ["id", "title", "year", "title_key", "created_at"]
    made = "2025-02-01 00:00:00.000000"
    top = max(row[0] for row in film["rows"])
    film["rows"] += [
        [top + n, f"Made Up {n}", 2000, f"made up {n}", made]
        for n in range(1, FILMS - len(film["rows"]) + 1)
    ]
    if bad is not None:
        film["rows"][bad - 1][2] = 0
    if after == "short row":
        film["rows"][1704].pop()
    text = json.dumps(data)
    if after == "cut short":  # the file ends a few rows after the bad one
        text = text[: text.index(json.dumps(film["rows"][1709][1]))]
    broken = tmp_path / "broken.json"
    broken.write_text(text, encoding="utf-8")
    switch_to(monkeypatch, tmp_path / "fresh.db")
    cli.ok("people", "list")
    result = cli("import", "json", str(broken))
    assert result.exit_code == 1, result
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, result
