"""What the Letterboxd and dump tests share: the fixture export, snapshots, diary rows."""

import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tests.conftest import ROOT, Cli
from tests.dbaccess import connect, table_names

FIXTURE = ROOT / "tests" / "fixtures" / "letterboxd" / "export"


def copy_fixture(target: Path) -> Path:
    """A writable copy of the fixture export (tests that change a file change the copy)."""
    shutil.copytree(FIXTURE, target)
    return target


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with connect(db) as connection:
        return connection.execute(sql, args).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: equal snapshots mean an unchanged database. Values are in
    one shape on both engines (times as the text SQLite keeps, booleans as 0/1), so a diary
    copied between engines compares equal to its source."""
    with connect(db) as connection:
        tables = table_names(connection)
        return {
            t: [
                tuple(map(_one_shape, row))
                for row in connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()
            ]
            for t in tables
        }


def _one_shape(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def import_json(cli: Cli, *args: str) -> dict[str, Any]:
    """`diary import letterboxd … --json`, checked to succeed; the summary."""
    result = cli.ok("import", "letterboxd", *args, "--json")
    return json.loads(result.stdout)


def added(summary: dict[str, Any]) -> dict[str, int]:
    return {name: tally["added"] for name, tally in summary["counts"].items()}


def present(summary: dict[str, Any]) -> dict[str, int]:
    return {name: tally["present"] for name, tally in summary["counts"].items()}


def diary(cli: Cli, person: str) -> list[tuple[Any, ...]]:
    """A person's diary as comparable tuples: film, date, rating, rewatch, tags, review."""
    entries = json.loads(cli.ok("list", "--json", "--by", person).stdout)
    found = []
    for entry in entries:
        part = next(p for p in entry["people"] if p["name"] == person)
        film = entry["film"]
        found.append(
            (
                film["title"],
                film["year"],
                entry["date"],
                part["rating"],
                part["rewatch"],
                tuple(entry["tags"]),
                part["review"],
            )
        )
    return sorted(found, key=repr)
