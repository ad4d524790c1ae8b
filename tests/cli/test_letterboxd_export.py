"""`diary export letterboxd`: Letterboxd's import format, split under 1 MB, read back exactly."""

import csv
import io
import json
from pathlib import Path

import pytest

from diary.store import database
from tests.conftest import Cli
from tests.importers.letterboxd_helpers import FIXTURE, added, diary, import_json, rows

HEADER = "LetterboxdURI,imdbID,Title,Year,WatchedDate,Rating,Rewatch,Tags,Review,tmdbID"


@pytest.fixture
def ellen(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def film_ratings(db: Path, person: str) -> list[tuple]:
    return rows(
        db,
        "SELECT film.title, film.year, rating FROM film_rating "
        "JOIN film ON film.id = film_id JOIN person ON person.id = person_id "
        "WHERE person.name = ? ORDER BY 1, 2",
        person,
    )


def test_the_export_is_letterboxds_import_format(cli: Cli, ellen: None, tmp_path: Path) -> None:
    import_json(cli, str(FIXTURE))
    out = tmp_path / "to-letterboxd"
    result = cli.ok("export", "letterboxd", str(out))
    assert "Wrote 13 diary rows and 2 watchlist films for Ellen to 2 files" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["diary-001.csv", "watchlist-001.csv"]
    text = (out / "diary-001.csv").read_bytes().decode("utf-8")
    assert text.startswith(HEADER + "\r\n")
    exported = read(out / "diary-001.csv")
    first = exported[0]
    assert first["LetterboxdURI"] == "https://letterboxd.com/film/her/"
    assert first["imdbID"] == "tt1798709"
    assert (first["Title"], first["Year"], first["WatchedDate"]) == ("Her", "2013", "2024-01-05")
    assert (first["Rating"], first["Rewatch"], first["Tags"]) == (
        "4.5",
        "false",
        "bp, rainy sunday",
    )
    assert first["Review"].startswith("<b>Tender</b>")
    crocodile = next(r for r in exported if "Dundee" in r["Title"])
    assert crocodile["Title"] == '"Crocodile" Dundee' and crocodile["Rating"] == "0.5"
    assert '"""Crocodile"" Dundee"' in text
    # The rating kept apart from any viewing rides on the film's dateless row.
    jaws = [r for r in exported if r["Title"] == "Jaws"]
    assert [(r["WatchedDate"], r["Rating"]) for r in jaws] == [("", "4")]
    watchlist = read(out / "watchlist-001.csv")
    assert [r["Title"] for r in watchlist] == ["Rashomon", "Spirited Away"]


def test_re_imported_it_is_the_same_diary(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    import_json(cli, str(FIXTURE))
    out = tmp_path / "out"
    cli.ok("export", "letterboxd", str(out))
    cli.ok("people", "add", "Tyler")
    summary = import_json(cli, str(out), "--as", "Tyler")
    assert summary["problems"] == []
    assert diary(cli, "Tyler") == diary(cli, "Ellen")
    assert film_ratings(env_setup, "Tyler") == film_ratings(env_setup, "Ellen")
    assert sorted(rows(env_setup, "SELECT film_id FROM watchlist_entry WHERE person_id = 2")) == (
        sorted(rows(env_setup, "SELECT film_id FROM watchlist_entry WHERE person_id = 1"))
    )
    # Importing our own export again adds nothing, for either of them.
    assert set(added(import_json(cli, str(out), "--as", "Tyler")).values()) == {0}
    assert set(added(import_json(cli, str(out))).values()) == {0}


def test_re_imported_into_a_new_database_it_is_the_same_diary(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_json(cli, str(FIXTURE))
    out = tmp_path / "out"
    cli.ok("export", "letterboxd", str(out))
    original = diary(cli, "Ellen")
    ratings = film_ratings(env_setup, "Ellen")
    fresh = tmp_path / "fresh.db"
    monkeypatch.setenv("DIARY_DB", str(fresh))
    database.reset()
    cli.ok("people", "add", "Ellen")
    import_json(cli, str(out))
    assert diary(cli, "Ellen") == original
    assert film_ratings(fresh, "Ellen") == ratings


def test_large_diaries_are_split_under_1_mb_with_the_header_repeated(
    cli: Cli, ellen: None, tmp_path: Path
) -> None:
    source = tmp_path / "diary-001.csv"
    review = 'A long, careful review with "quotes", commas and ✨ sparkle.\n' * 8
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(["Title", "Year", "WatchedDate", "Rating", "Review"])
    for number in range(3000):
        out.writerow([f"Film {number}", 1950 + number % 70, "2024-01-01", "3.5", review])
    source.write_text(buffer.getvalue(), encoding="utf-8")
    assert source.stat().st_size > 1_500_000
    import_json(cli, str(source))
    folder = tmp_path / "out"
    cli.ok("export", "letterboxd", str(folder))
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["diary-001.csv", "diary-002.csv"]
    for path in files:
        assert path.stat().st_size < 1_000_000
        assert path.read_bytes().decode("utf-8").startswith(HEADER + "\r\n")
    assert sum(len(read(p)) for p in files) == 3000
    cli.ok("people", "add", "Tyler")
    import_json(cli, str(folder), "--as", "Tyler")
    assert diary(cli, "Tyler") == diary(cli, "Ellen")


def test_an_earlier_export_is_replaced_only_with_force(
    cli: Cli, ellen: None, tmp_path: Path
) -> None:
    import_json(cli, str(FIXTURE))
    out = tmp_path / "out"
    cli.ok("export", "letterboxd", str(out))
    (out / "diary-002.csv").write_text("stale\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    refused = cli("export", "letterboxd", str(out))
    assert refused.exit_code == 1
    assert (
        refused.stderr.strip()
        == f"Error: {out} already holds an export (diary-001.csv); use --force"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    cli.ok("export", "letterboxd", str(out), "--force")
    assert sorted(p.name for p in out.iterdir()) == ["diary-001.csv", "watchlist-001.csv"]


def test_unwritable_targets_are_one_line(cli: Cli, ellen: None, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    result = cli("export", "letterboxd", str(a_file))
    assert result.exit_code == 1 and "is a file; give a folder" in result.stderr
    result = cli("export", "letterboxd", str(tmp_path / "no" / "such" / "place"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
    result = cli("export", "letterboxd", str(tmp_path / "out"), "--by", "Nobody")
    assert result.exit_code == 1 and "unknown person 'Nobody'" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_diary_exports_a_header(cli: Cli, ellen: None, tmp_path: Path) -> None:
    cli.ok("export", "letterboxd", str(tmp_path / "out"))
    assert (tmp_path / "out" / "diary-001.csv").read_bytes().decode("utf-8") == HEADER + "\r\n"
    assert json.loads(cli.ok("list", "--json").stdout) == []


def test_the_watchlist_round_trips_with_its_dates_and_films_put_back_after_seeing(
    cli: Cli, ellen: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env_setup: Path
) -> None:
    monkeypatch.setenv("DIARY_TODAY", "2024-01-10")
    cli.ok("watchlist", "add", "Rashomon", "--year", "1950")
    monkeypatch.setenv("DIARY_TODAY", "2024-03-01")
    seen = tmp_path / "diary-001.csv"  # Letterboxd's import format, with a TMDB id
    seen.write_text("tmdbID,Title,Year,WatchedDate,Rating\n578,Jaws,1975,2024-02-20,4\n")
    cli.ok("import", "letterboxd", str(seen))
    cli.ok("watchlist", "add", "Jaws")  # put back on the watchlist after being seen
    out = tmp_path / "out"
    cli.ok("export", "letterboxd", str(out))
    watchlist = read(out / "watchlist-001.csv")
    assert [(r["Title"], r["Date"], r["tmdbID"]) for r in watchlist] == [
        ("Rashomon", "2024-01-10", ""),
        ("Jaws", "2024-03-01", "578"),
    ]
    assert read(out / "diary-001.csv")[0]["tmdbID"] == "578"
    other = tmp_path / "other.db"
    cli.ok("--db", str(other), "people", "add", "Ellen")
    monkeypatch.setenv("DIARY_TODAY", "2025-02-01")
    cli.ok("--db", str(other), "import", "letterboxd", str(out))

    def listed(db: Path) -> list[tuple]:
        found = json.loads(cli.ok("--db", str(db), "watchlist", "list", "--json").stdout)
        return [(w["film"]["title"], w["film"]["year"], w["added"]) for w in found]

    assert listed(other) == listed(env_setup)
    assert [w[0] for w in listed(other)] == ["Rashomon", "Jaws"]
    assert diary(cli, "Ellen") == diary_in(cli, other)


def diary_in(cli: Cli, db: Path) -> list[tuple]:
    entries = json.loads(cli.ok("--db", str(db), "list", "--json").stdout)
    return sorted(
        (
            e["film"]["title"],
            e["film"]["year"],
            e["date"],
            e["people"][0]["rating"],
            e["people"][0]["rewatch"],
            tuple(e["tags"]),
            e["people"][0]["review"],
        )
        for e in entries
    )
