"""Monthly exports of one account: edits applied, renames followed, deletes reported or pruned.

One generated account changes between five monthly snapshots; importing them one after
another (the last with --prune) must leave the same diary as a fresh import of the last.
"""

import csv
import io
import json
from pathlib import Path
from typing import Any

from tests.conftest import Cli

DIARY = ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"]
REVIEWS = DIARY[:6] + ["Review", "Tags", "Watched Date"]
FILMS = ["Date", "Name", "Year", "Letterboxd URI"]


def film(n: int, title: str | None = None) -> dict[str, Any]:
    return {
        "title": title or f"Lantern Test {n}",
        "year": 2000 + n,
        "link": f"https://boxd.it/f{n}",
    }


def entry(n: int, f: int, on: str, rating: str, **more: Any) -> dict[str, Any]:
    values = {"uri": f"https://boxd.it/e{n}", "film": f, "on": on, "rating": rating}
    return values | {"rewatch": "", "tags": "", "review": ""} | more


def months() -> list[dict[str, Any]]:
    """Five snapshots of one account, each the one before with some changes."""
    account: dict[str, Any] = {
        "films": {n: film(n) for n in range(1, 9)},
        "entries": {
            1: entry(1, 1, "2024-01-05", "3"),
            2: entry(2, 2, "2024-01-06", "4", review="Slow, then <b>sudden</b>."),
            3: entry(3, 3, "2024-01-07", "2.5", tags="Cold Open"),
        },
        "likes": [1, 2],
        "ratings": {4: "4"},
        "watchlist": {5: "2024-01-03", 6: "2024-01-04"},
        "list": [1, 2, 3],
    }
    snapshots = [json.loads(json.dumps(account))]

    def change(edit: Any) -> None:
        edit(account)
        snapshots.append(json.loads(json.dumps(account)))

    def second(a: dict[str, Any]) -> None:
        a["entries"][4] = entry(4, 4, "2024-02-02", "3.5")
        a["entries"][1].update(rating="4", tags="Second Look")
        a["entries"][2]["review"] = "Slow, then sudden. Better the second time."

    def third(a: dict[str, Any]) -> None:
        del a["entries"][3]
        a["likes"].remove(2)
        del a["watchlist"][6]
        a["films"][1]["title"] = "Lantern Test One Redux"

    def fourth(a: dict[str, Any]) -> None:
        a["entries"][2]["on"] = "2024-01-08"
        a["entries"][4]["rewatch"] = "Yes"
        del a["ratings"][4]
        a["list"].remove(3)

    def fifth(a: dict[str, Any]) -> None:
        a["entries"][5] = entry(5, 7, "2024-05-01", "5", tags="Year Best, Late Show")
        del a["entries"][4]
        a["watchlist"][8] = "2024-05-02"

    for edit in (second, third, fourth, fifth):
        change(edit)
    return snapshots


def csv_text(header: list[str], lines: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(lines)
    return out.getvalue()


def write_snapshot(folder: Path, account: dict[str, Any]) -> Path:
    films = {int(k): v for k, v in account["films"].items()}
    entries = list(account["entries"].values())

    def named(n: int) -> list[Any]:
        return [films[n]["title"], films[n]["year"]]

    files = {
        "diary.csv": csv_text(
            DIARY,
            [
                [
                    e["on"],
                    *named(e["film"]),
                    e["uri"],
                    e["rating"],
                    e["rewatch"],
                    e["tags"],
                    e["on"],
                ]
                for e in entries
            ],
        ),
        "reviews.csv": csv_text(
            REVIEWS,
            [
                [e["on"], *named(e["film"]), e["uri"], e["rating"], e["rewatch"], e["review"]]
                + [e["tags"], e["on"]]
                for e in entries
                if e["review"]
            ],
        ),
        "watched.csv": csv_text(
            FILMS,
            [
                ["2024-01-01", *named(n), films[n]["link"]]
                for n in sorted({e["film"] for e in entries} | {int(k) for k in account["ratings"]})
            ],
        ),
        "ratings.csv": csv_text(
            FILMS + ["Rating"],
            [
                ["2024-01-02", *named(int(n)), films[int(n)]["link"], r]
                for n, r in account["ratings"].items()
            ],
        ),
        "likes/films.csv": csv_text(
            FILMS, [["2024-01-02", *named(n), films[n]["link"]] for n in sorted(account["likes"])]
        ),
        "watchlist.csv": csv_text(
            FILMS,
            [[on, *named(int(n)), films[int(n)]["link"]] for n, on in account["watchlist"].items()],
        ),
        "lists/keepers.csv": "Letterboxd list export v7\n"
        + csv_text(
            ["Date", "Name", "Tags", "URL", "Description"],
            [["2024-01-01", "Keepers", "", "https://letterboxd.com/someone/list/keepers/", ""]],
        )
        + "\n"
        + csv_text(
            ["Position", "Name", "Year", "URL", "Description"],
            [[i + 1, *named(n), films[n]["link"], ""] for i, n in enumerate(account["list"])],
        ),
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def state_of(cli: Cli, db: Path) -> dict[str, Any]:
    """Everything the account put in the diary, comparable across databases."""
    listing = json.loads(cli.ok("--db", str(db), "list", "--json").stdout)
    diary = sorted(
        (
            e["film"]["title"],
            e["film"]["year"],
            e["date"],
            e["people"][0]["rating"],
            e["people"][0]["rewatch"],
            tuple(sorted(e["tags"])),
            e["people"][0]["review"],
        )
        for e in listing
    )
    watchlist = json.loads(cli.ok("--db", str(db), "watchlist", "list", "--json").stdout)
    keepers = json.loads(cli.ok("--db", str(db), "checklist", "show", "keepers", "--json").stdout)
    found = {"diary": diary, "watchlist": watchlist, "list": keepers, "opinions": opinions(db)}
    return without_ids(found)


def without_ids(value: Any) -> Any:
    """Row ids differ between databases; what they point at must not."""
    if isinstance(value, dict):
        return {k: without_ids(v) for k, v in value.items() if k not in ("id", "film_id")}
    if isinstance(value, list):
        return [without_ids(v) for v in value]
    return value


def opinions(db: Path) -> dict[str, list[Any]]:
    import sqlite3

    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(
                f"SELECT title, year, x.* FROM {table} AS x JOIN film ON film.id = x.film_id "
                # person and film ids are the same in both: one person, films made in order
                "ORDER BY title"
            ).fetchall()
            for table in ("film_like", "film_rating")
        }


def imported(cli: Cli, db: Path, folder: Path, *more: str) -> dict[str, Any]:
    result = cli.ok("--db", str(db), "import", "letterboxd", str(folder), "--json", *more)
    return json.loads(result.stdout)


def test_five_monthly_exports_end_as_a_fresh_import_of_the_last(cli: Cli, tmp_path: Path) -> None:
    ongoing, fresh = tmp_path / "ongoing.db", tmp_path / "fresh.db"
    for db in (ongoing, fresh):
        cli.ok("--db", str(db), "people", "add", "Ellen")
    summaries = []
    snapshots = months()
    for number, account in enumerate(snapshots, 1):
        folder = write_snapshot(tmp_path / f"month-{number}", account)
        last = number == len(snapshots)
        summaries.append(imported(cli, ongoing, folder, *(["--prune"] if last else [])))
    second, third, fourth, fifth = summaries[1:]
    assert second["changed"] == {
        "watched date": 0,
        "rating": 1,
        "rewatch": 0,
        "tags": 1,
        "review": 1,
    }
    assert third["gone"] == {
        "diary entries": ["Lantern Test 3 (2003) on 2024-01-07"],
        "likes": ["Lantern Test 2 (2002)"],
        "watchlist": ["Lantern Test 6 (2006)"],
        # first only rated (so seen without a date), then given a diary entry
        "watched, no date": ["Lantern Test 4 (2004)"],
    }
    assert third["pruned"] is False
    assert third["renamed"] == ["Lantern Test 1 (2001) is now Lantern Test One Redux (2001)"]
    assert fourth["changed"]["watched date"] == 1 and fourth["changed"]["rewatch"] == 1
    assert fourth["gone"]["ratings"] == ["Lantern Test 4 (2004)"]
    assert fourth["gone"]["list items"] == ["Lantern Test 3 (2003) on Keepers"]
    assert fifth["pruned"] is True
    assert "Lantern Test 4 (2004) on 2024-02-02" in fifth["gone"]["diary entries"]
    imported(cli, fresh, tmp_path / "month-5")
    assert state_of(cli, ongoing) == state_of(cli, fresh)
    # The renamed film is still found by its old title.
    shown = cli.ok("--db", str(ongoing), "film", "show", "Lantern Test 1", "--json").stdout
    assert json.loads(shown)["title"] == "Lantern Test One Redux"
    assert json.loads(shown)["aliases"] == ["Lantern Test 1"]


def test_only_files_in_the_export_say_what_is_gone(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    cli.ok("--db", str(db), "people", "add", "Ellen")
    first = write_snapshot(tmp_path / "first", months()[0])
    imported(cli, db, first)
    later = months()[4]
    later["likes"] = []
    partial = write_snapshot(tmp_path / "partial", later)
    (partial / "likes" / "films.csv").unlink()  # no likes file: nothing said about likes
    summary = imported(cli, db, partial)
    assert "likes" not in summary["gone"]
    assert summary["gone"]["diary entries"] == ["Lantern Test 3 (2003) on 2024-01-07"]
    # one file on its own says nothing about what is gone
    alone = imported(cli, db, partial / "diary.csv", "--prune")
    assert alone["gone"] == {} and alone["pruned"] is False


def test_pruning_an_earlier_entry_turns_a_later_one_into_a_first_time(
    cli: Cli, tmp_path: Path
) -> None:
    """The rewatch flags follow the dates after a prune, as after any delete."""
    account = months()[0]
    account["entries"] = {1: entry(1, 1, "2024-01-05", "3")}
    later = json.loads(json.dumps(account))
    later["entries"] = {10: entry(10, 2, "2024-03-01", "4")}
    ongoing, fresh = tmp_path / "ongoing.db", tmp_path / "fresh.db"
    for db in (ongoing, fresh):
        cli.ok("--db", str(db), "people", "add", "Ellen")
    imported(cli, ongoing, write_snapshot(tmp_path / "first", account))
    by_hand = ("log", "Lantern Test 1", "--year", "2001", "--date", "2024-02-01", "--by", "Ellen")
    cli.ok("--db", str(ongoing), *by_hand)
    summary = imported(cli, ongoing, write_snapshot(tmp_path / "second", later), "--prune")
    assert summary["gone"]["diary entries"] == ["Lantern Test 1 (2001) on 2024-01-05"]
    imported(cli, fresh, tmp_path / "second")
    cli.ok("--db", str(fresh), *by_hand)
    flags = {
        db.name: sorted(
            (e["date"], e["people"][0]["rewatch"])
            for e in json.loads(cli.ok("--db", str(db), "list", "--json").stdout)
            if e["film"]["title"] == "Lantern Test 1"
        )
        for db in (ongoing, fresh)
    }
    assert flags["ongoing.db"] == [("2024-02-01", False)]
    assert flags["fresh.db"] == flags["ongoing.db"]
