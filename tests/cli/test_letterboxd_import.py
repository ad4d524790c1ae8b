"""`diary import letterboxd` through the real CLI, on the fixture export and on broken ones."""

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.importers.letterboxd_helpers import (
    FIXTURE,
    added,
    copy_fixture,
    diary,
    import_json,
    present,
    rows,
    snapshot,
)


@pytest.fixture
def ellen(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def test_the_fixture_export_merges_into_one_diary(cli: Cli, ellen: None, env_setup: Path) -> None:
    films_before = rows(env_setup, "SELECT count(*) FROM film")[0][0]
    summary = import_json(cli, str(FIXTURE))
    assert added(summary) == {
        "films": 7,
        "diary entries": 8,
        "reviews": 3,
        "watched, no date": 4,
        "ratings": 2,
        "likes": 2,
        "watchlist": 2,
        "lists": 2,
        "list items": 5,
    }
    assert rows(env_setup, "SELECT count(*) FROM film")[0][0] == films_before + 7
    her = [e for e in diary(cli, "Ellen") if e[0] == "Her"]
    review = her[0][6]
    # Three viewings of Her: rewatches kept, the review on its own viewing, tags split.
    assert [(e[2], e[3], e[4], e[5]) for e in her] == [
        ("2024-01-05", 4.5, False, ("bp", "rainy sunday")),
        ("2024-02-09", 5.0, True, ("bp",)),
        ("2024-05-04", 4.0, True, ()),
    ]
    assert review.startswith("<b>Tender</b>") and "<blockquote>" in review
    assert [e[6] for e in her[1:]] == [None, None]


def test_films_match_the_built_in_ones_by_title_alias_and_year(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    her_before = rows(env_setup, "SELECT id FROM film WHERE title = 'Her' AND year = 2013")
    import_json(cli, str(FIXTURE))
    entries = diary(cli, "Ellen")
    titles = {(e[0], e[1]) for e in entries}
    # "Sunset Boulevard" in the export is the built-in "Sunset Blvd." (an alias).
    assert ("Sunset Blvd.", 1950) in titles and ("Sunset Boulevard", 1950) not in titles
    assert rows(env_setup, "SELECT id FROM film WHERE title = 'Her' AND year = 2013") == her_before
    links = rows(
        env_setup,
        "SELECT value FROM film_external_id WHERE source = 'letterboxd' AND film_id = ?",
        her_before[0][0],
    )
    assert sorted(links) == [("https://boxd.it/hEr0",), ("https://letterboxd.com/film/her/",)]


def test_overlapping_files_keep_the_right_number_of_viewings(cli: Cli, ellen: None) -> None:
    import_json(cli, str(FIXTURE))
    entries = diary(cli, "Ellen")
    by_film: dict[str, list[tuple]] = {}
    for entry in entries:
        by_film.setdefault(entry[0], []).append(entry)
    # Watched and rated, never logged: seen once, on no date, the rating kept apart.
    assert [(e[2], e[3]) for e in by_film["Jaws"]] == [(None, None)]
    # A review with no watch date and no diary entry: a viewing of its own, undated.
    assert [(e[2], e[3], e[6][:12]) for e in by_film["Parasite"]] == [(None, 5.0, "Written long")]
    # A review whose link differs from the diary entry's: attached to the entry that day.
    assert [(e[2], e[6]) for e in by_film["Crouching Tiger, Hidden Dragon"]] == [
        ("2024-02-28", "Bamboo fight &gt; everything else this year.")
    ]
    assert [e[2] for e in by_film["Amélie"]] == [None]


def test_ratings_without_a_matching_viewing_are_kept_as_the_films_rating(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    import_json(cli, str(FIXTURE))
    kept = rows(
        env_setup,
        "SELECT film.title, rating, rated_on FROM film_rating "
        "JOIN film ON film.id = film_id ORDER BY film.title",
    )
    # Her (4 = its latest diary rating) and Parasite (5 = its review's) are in the diary.
    assert kept == [("Crouching Tiger, Hidden Dragon", 7, "2024-03-02"), ("Jaws", 8, "2023-05-01")]


def test_likes_watchlist_and_lists(cli: Cli, ellen: None, env_setup: Path) -> None:
    import_json(cli, str(FIXTURE))
    liked = rows(env_setup, "SELECT film.title FROM film_like JOIN film ON film.id = film_id")
    assert sorted(liked) == [("Her",), ("Parasite",)]
    listed = json.loads(cli.ok("watchlist", "list", "--json").stdout)
    assert sorted(e["film"]["title"] for e in listed) == ["Rashomon", "Spirited Away"]
    lists = rows(
        env_setup,
        "SELECT slug, name, kind, source_key FROM checklist WHERE kind = 'letterboxd' "
        "ORDER BY slug",
    )
    assert lists == [
        (
            "rainy-day-films",
            "Rainy day films",
            "letterboxd",
            "https://letterboxd.com/someone/list/rainy-day-films/",
        ),
        (
            "to-rewatch",
            "To rewatch",
            "letterboxd",
            "https://letterboxd.com/someone/list/to-rewatch/",
        ),
    ]
    items = rows(
        env_setup,
        "SELECT position, listed_title, note FROM checklist_item "
        "JOIN checklist ON checklist.id = checklist_id WHERE slug = 'rainy-day-films' "
        "ORDER BY position",
    )
    assert items == [
        (1, "Her", "Start here."),
        (2, "Amélie", None),
        (3, "Spirited Away", "Then this, with tea."),
    ]


def test_the_profile_is_never_stored_and_removed_entries_are_skipped(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    result = cli.ok("import", "letterboxd", str(FIXTURE))
    assert "profile.csv: not read (it holds your e-mail address)" in result.stderr
    assert "deleted/: skipped (1 file of removed entries)" in result.stderr
    assert "orphaned/: skipped (1 file of removed entries)" in result.stderr
    if isinstance(env_setup, Path):  # the file itself, free pages and all (SQLite)
        assert "example.invalid" not in env_setup.read_bytes().decode("latin-1")
    everything = json.dumps(snapshot(env_setup), default=str)
    assert "example.invalid" not in everything
    assert "Deleted Film" not in everything and "Orphaned Film" not in everything


def test_one_title_and_year_that_is_two_films_is_reported_not_guessed(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    summary = import_json(cli, str(FIXTURE))
    assert summary["counts"]["diary entries"]["skipped"] == 1
    assert summary["problems"] == [
        "diary.csv row 7: 'Twin Peaks Road (2019)' is 2 different films on Letterboxd; not imported"
    ]
    twins = rows(env_setup, "SELECT count(*) FROM film WHERE title = 'Twin Peaks Road'")
    assert twins == [(2,)]
    assert not [e for e in diary(cli, "Ellen") if e[0] == "Twin Peaks Road" and e[2]]


def test_importing_twice_adds_nothing(cli: Cli, ellen: None, env_setup: Path) -> None:
    first = import_json(cli, str(FIXTURE))
    before = snapshot(env_setup)
    again = import_json(cli, str(FIXTURE))
    assert set(added(again).values()) == {0}
    # what the first import added, the second finds present: the same count for every kind
    assert present(again)["diary entries"] == added(first)["diary entries"] == 8
    assert present(again)["reviews"] == added(first)["reviews"] == 3
    assert present(again)["watched, no date"] == 10
    assert snapshot(env_setup) == before


def test_a_newer_export_adds_only_what_is_new(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    import_json(cli, str(FIXTURE))
    newer = copy_fixture(tmp_path / "newer")
    with open(newer / "diary.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("2024-06-01,Jaws,1975,https://boxd.it/dE9i,4.5,Yes,summer,2024-05-31\r\n")
    with open(newer / "watched.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("2024-06-02,Rashomon,1950,https://boxd.it/rSh0\r\n")
    summary = import_json(cli, str(newer))
    assert {k: v for k, v in added(summary).items() if v} == {
        "diary entries": 1,
        "watched, no date": 1,
    }
    jaws = [e for e in diary(cli, "Ellen") if e[0] == "Jaws"]
    assert [(e[2], e[3], e[4]) for e in jaws] == [("2024-05-31", 4.5, True), (None, None, False)]


def test_films_seen_since_they_went_on_the_watchlist_leave_it(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    import_json(cli, str(FIXTURE))  # its watchlist: Rashomon, Spirited Away (June 2024)
    cli.ok("watchlist", "add", "Paddington 2", "--year", "2017")  # on the list 2025-02-01
    cli.ok("watchlist", "add", "Jaws")  # seen in 2023, put on the list again for a rewatch
    newer = copy_fixture(tmp_path / "newer")
    with open(newer / "diary.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("2025-02-01,Paddington 2,2017,https://boxd.it/dP2a,5,,,2025-02-01\r\n")
    with open(newer / "watched.csv", "a", encoding="utf-8", newline="") as handle:
        handle.write("2024-06-02,Rashomon,1950,https://boxd.it/rSh0\r\n")
    summary = import_json(cli, str(newer))
    assert summary["watchlist_removed"] == ["Paddington 2 (2017)", "Rashomon (1950)"]
    listed = json.loads(cli.ok("watchlist", "list", "--json").stdout)
    assert sorted(e["film"]["title"] for e in listed) == ["Jaws", "Spirited Away"]

    # The same export again: its watchlist row for Rashomon, seen since, stays out.
    before = snapshot(env_setup)
    again = import_json(cli, str(newer))
    assert set(added(again).values()) == {0}
    assert again["counts"]["watchlist"] == {"added": 0, "present": 1, "skipped": 1}
    assert again["watchlist_left_out"] == ["Rashomon (1950)"]
    assert again["watchlist_removed"] == []
    assert snapshot(env_setup) == before
    said = cli.ok("import", "letterboxd", str(newer)).stderr
    assert "Left 1 film of the export's watchlist out, watched since added: Rashomon" in said


def test_the_zip_imports_like_the_folder(cli: Cli, ellen: None, tmp_path: Path) -> None:
    archive = tmp_path / "letterboxd-someone.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in sorted(FIXTURE.rglob("*")):
            if file.is_file():
                out.write(file, file.relative_to(FIXTURE).as_posix())
    summary = import_json(cli, str(archive))
    assert added(summary)["diary entries"] == 8
    assert set(added(import_json(cli, str(FIXTURE))).values()) == {0}


def test_one_csv_file_and_another_person(cli: Cli, ellen: None) -> None:
    cli.ok("people", "add", "Tyler")
    summary = import_json(cli, str(FIXTURE / "diary.csv"), "--as", "Tyler")
    # Alone, diary.csv cannot tell that Twin Peaks Road (2019) is two films: all 8 import.
    assert summary["person"] == "Tyler" and added(summary)["diary entries"] == 8
    assert len(diary(cli, "Tyler")) == 8 and diary(cli, "Ellen") == []
    # Ellen's import of the same entries is refused: they are Tyler's already.
    theirs = import_json(cli, str(FIXTURE / "diary.csv"))
    assert theirs["counts"]["diary entries"]["skipped"] == 8
    assert theirs["problems"][0] == (
        "diary.csv row 1: this entry was imported for someone else; not imported"
    )


def test_dry_run_changes_nothing(cli: Cli, ellen: None, env_setup: Path) -> None:
    before = snapshot(env_setup)
    result = cli.ok("import", "letterboxd", str(FIXTURE), "--dry-run")
    assert "Dry run: nothing was changed" in result.stderr
    assert "diary entries" in result.stdout
    assert snapshot(env_setup) == before
    assert import_json(cli, str(FIXTURE), "--dry-run")["dry_run"] is True


def test_the_summary_is_a_table_on_stdout_and_notes_on_stderr(cli: Cli, ellen: None) -> None:
    result = cli.ok("import", "letterboxd", str(FIXTURE))
    assert "Letterboxd import for Ellen" in result.stdout
    assert "Already present" in result.stdout
    assert "diary.csv row 7: 'Twin Peaks Road (2019)'" in result.stderr
    assert "Error" not in result.stderr


def one_line_error(cli: Cli, db: Path, *args: str) -> str:
    before = snapshot(db)
    result = cli("import", "letterboxd", *args)
    assert result.exit_code == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result
    assert snapshot(db) == before
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    return lines[0]


def test_a_watchlist_where_the_diary_should_be_is_left_out_and_named(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    broken = copy_fixture(tmp_path / "export")
    (broken / "diary.csv").write_bytes((FIXTURE / "watchlist.csv").read_bytes())
    summary = import_json(cli, str(broken))
    assert (
        "diary.csv is not what its name says: expected the columns Date, Name, Year, "
        "Letterboxd URI, Rating, Rewatch, Tags, Watched Date; "
        "found Date, Name, Year, Letterboxd URI; not imported"
    ) in summary["not_imported"]
    assert "diary.csv (diary)" not in summary["files"]
    assert summary["counts"]["watchlist"]["added"] > 0
    assert summary["counts"]["reviews"]["added"] > 0


def test_a_random_csv(cli: Cli, ellen: None, env_setup: Path, tmp_path: Path) -> None:
    path = tmp_path / "groceries.csv"
    path.write_text("item,amount\neggs,12\n", encoding="utf-8")
    message = one_line_error(cli, env_setup, str(path))
    assert "groceries.csv is not a Letterboxd export file" in message
    assert "diary.csv: Date, Name, Year, Letterboxd URI, Rating, Rewatch, Tags" in message


def test_a_bad_row_deep_in_a_large_file_is_skipped_and_the_rest_imported(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    export = copy_fixture(tmp_path / "export")
    lines = ["Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date"]
    for number in range(1, 5001):
        rating = "7" if number == 4321 else "3.5"
        lines.append(
            f"2024-01-01,Film {number},2001,https://boxd.it/big{number},{rating},,,2024-01-01"
        )
    (export / "diary.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = import_json(cli, str(export))
    assert summary["problems"][0] == (
        "diary.csv row 4321 (line 4322): rating '7' is not 0.5 to 5 in half steps; not imported"
    )
    assert summary["counts"]["diary entries"]["skipped"] == 1
    assert rows(env_setup, "SELECT count(*) FROM film WHERE title LIKE 'Film %'") == [(4999,)]


def test_missing_path_unknown_person_and_nobody_yet(
    cli: Cli, env_setup: Path, tmp_path: Path
) -> None:
    cli.ok("people", "list")
    assert "add yourself" in one_line_error(cli, env_setup, str(FIXTURE))
    cli.ok("people", "add", "Ellen")
    assert "no such file or folder" in one_line_error(cli, env_setup, str(tmp_path / "x.zip"))
    assert "unknown person 'Bob'" in one_line_error(cli, env_setup, str(FIXTURE), "--as", "Bob")


def test_values_are_stored_as_the_rest_of_the_program_stores_them(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    cli.ok("log", "Her", "--year", "2013", "--date", "2025-01-26")
    import_json(cli, str(FIXTURE))
    logged = rows(env_setup, "SELECT watched_on, created_at FROM viewing WHERE source IS NULL")
    imported = rows(
        env_setup, "SELECT watched_on, created_at FROM viewing WHERE source = ?", "letterboxd"
    )
    shape = [(len(on or "2000-01-01"), len(at), at[10], at[19]) for on, at in logged]
    assert {(len(on or "2000-01-01"), len(at), at[10], at[19]) for on, at in imported} == set(shape)
    added_at = rows(env_setup, "SELECT added_at FROM watchlist_entry")
    assert {len(a) for (a,) in added_at} == {len(logged[0][1])}
    review = rows(env_setup, "SELECT review FROM viewing_person WHERE review LIKE '<b>Tender%'")
    assert "\r" not in review[0][0] and review[0][0].count("\n") == 3


def test_a_newer_export_replaces_an_edited_review_and_a_changed_rating(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    import_json(cli, str(FIXTURE))
    newer = copy_fixture(tmp_path / "newer")
    reviews = (newer / "reviews.csv").read_bytes().decode("utf-8")
    (newer / "reviews.csv").write_bytes(
        reviews.replace("Bamboo fight &gt;", "Edited: bamboo fight &gt;").encode("utf-8")
    )
    ratings = (newer / "ratings.csv").read_bytes().decode("utf-8")
    (newer / "ratings.csv").write_bytes(
        ratings.replace(
            "Jaws,1975,https://boxd.it/jAw0,4", "Jaws,1975,https://boxd.it/jAw0,4.5"
        ).encode("utf-8")
    )
    summary = import_json(cli, str(newer))
    assert {k: v for k, v in added(summary).items() if v} == {"reviews": 1, "ratings": 1}
    tiger = [e for e in diary(cli, "Ellen") if e[0].startswith("Crouching")]
    assert [e[6] for e in tiger] == ["Edited: bamboo fight &gt; everything else this year."]
    jaws = rows(
        env_setup,
        "SELECT rating FROM film_rating JOIN film ON film.id = film_id WHERE title = 'Jaws'",
    )
    assert jaws == [(9,)]


def test_film_show_tells_a_rating_and_a_like_kept_outside_any_viewing(
    cli: Cli, ellen: None
) -> None:
    import_json(cli, str(FIXTURE))
    jaws = json.loads(cli.ok("film", "show", "Jaws", "--year", "1975", "--json").stdout)
    assert jaws["opinions"] == [
        {
            "person": "Ellen",
            "rating": 4.0,
            "liked": False,
            "date": "2023-05-01",
            "source": "letterboxd",
        }
    ]
    parasite = json.loads(cli.ok("film", "show", "Parasite", "--json").stdout)
    assert [(o["person"], o["liked"]) for o in parasite["opinions"]] == [("Ellen", True)]
    shown = cli.ok("film", "show", "Jaws", "--year", "1975").stdout
    assert "Ellen rates it ★★★★ (letterboxd, 2023-05-01)." in shown
    assert "Ellen likes it ♥" in cli.ok("film", "show", "Parasite").stdout
