"""Real exports as their owners have them: every quirk at once, and hostile archives."""

import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.dbaccess import write_lock_held
from tests.importers.letterboxd_helpers import import_json, rows, snapshot

QUIRKS = ROOT / "tests" / "fixtures" / "letterboxd" / "quirks"


@pytest.fixture
def ellen(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def test_every_quirk_at_once_imports_everything_importable(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    summary = import_json(cli, str(QUIRKS))
    assert summary["not_imported"] == [
        "profile.csv: not read (it holds your e-mail address)",
        "deleted/: skipped (1 file of removed entries)",
        "lists/synced-badly.csv holds only NUL bytes, no text (a broken copy?); not imported",
    ]
    assert summary["problems"] == [
        "diary.csv row 5 (line 6): rating '11' is not 0.5 to 5 in half steps; not imported",
        "diary.csv row 4: 'Rain (2020)' is 2 different films on Letterboxd; not imported",
    ]
    assert summary["counts"]["diary entries"] == {"added": 5, "present": 0, "skipped": 2}
    assert summary["control_characters_removed"] == 2
    assert summary["nominees_a_year_or_two_off"] == [
        "Henry V (1944) is Henry V (1946) here: the Best Picture nominee, dated by the year "
        "its ceremony honoured"
    ]
    assert summary["possible_best_picture_matches"] == [
        "The Godfather Part 2 (1974) may be The Godfather Part II (1974) (not ticked)"
    ]
    assert "Ticked Henry V (1946), Good Fellas (1990) on Best Picture" in summary["checklists"][0]


def test_a_row_without_a_link_is_a_viewing_with_its_review_and_tags_as_written(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    import_json(cli, str(QUIRKS))
    found = rows(
        env_setup,
        "SELECT film.title, watched_on, rating, review, source_key FROM viewing "
        "JOIN viewing_person ON viewing_id = viewing.id JOIN film ON film.id = film_id "
        "WHERE film.title = 'Paper Lanterns at Dusk'",
    )
    assert len(found) == 1
    title, on, rating, review, key = found[0]
    assert (title, on, rating) == ("Paper Lanterns at Dusk", "2023-03-03", 7)
    assert review == "Small, <i>bright</i> &amp; sad."
    assert key.startswith("letterboxd-unlinked:")
    tags = rows(env_setup, "SELECT tag FROM viewing_tag ORDER BY tag")
    assert ("Festival Shorts",) in tags and ("Animation",) in tags
    # imported again: nothing new, the review still on its one entry
    again = import_json(cli, str(QUIRKS))
    assert again["counts"]["diary entries"]["added"] == 0
    assert again["counts"]["reviews"] == {"added": 0, "present": 1, "skipped": 0}


def test_films_told_apart_by_their_links_stay_apart(cli: Cli, ellen: None, env_setup: Path) -> None:
    import_json(cli, str(QUIRKS))
    films = rows(
        env_setup,
        "SELECT title, value FROM film JOIN film_external_id ON film_id = film.id "
        "WHERE title IN ('Rain', 'rain', 'The Watcher', 'Watcher') ORDER BY value",
    )
    assert films == [
        ("Rain", "https://boxd.it/rN1"),
        ("rain", "https://boxd.it/rN2"),
        ("The Watcher", "https://boxd.it/wT1"),
        ("Watcher", "https://boxd.it/wT2"),
    ]
    listed = rows(
        env_setup,
        "SELECT title FROM watchlist_entry JOIN film ON film.id = film_id ORDER BY title",
    )
    assert listed == [("Watcher",), ("rain",)]


def test_no_control_character_reaches_the_database(cli: Cli, ellen: None, env_setup: Path) -> None:
    import_json(cli, str(QUIRKS))
    titles = [t for (t,) in rows(env_setup, "SELECT title FROM film")]
    tags = [t for (t,) in rows(env_setup, "SELECT tag FROM viewing_tag")]
    assert "Night]0;owned Ferry" in titles
    assert all(ch.isprintable() for text in titles + tags for ch in text)


def one_error(cli: Cli, db: Path, *args: str) -> str:
    before = snapshot(db)
    with write_lock_held(db):
        result = cli("import", "letterboxd", *args)
    assert result.exit_code == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result
    assert snapshot(db) == before
    return lines[0]


def zipped(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


HEADER = b"Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"


def test_a_line_of_megabytes_is_refused_before_the_write_lock(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    bomb = zipped(tmp_path / "bomb.zip", {"diary.csv": HEADER + b"a" * (3 * 1024 * 1024)})
    assert bomb.stat().st_size < 100_000
    message = one_error(cli, env_setup, str(bomb), "--max-line", "1024")
    assert message == (
        "Error: diary.csv line 2 is longer than 1 MB, the longest line diary reads; "
        "raise the limit with --max-line KB"
    )
    quoted = zipped(tmp_path / "q.zip", {"diary.csv": HEADER + b'"' + b"a\n" * 700_000})
    assert "holds a value longer than 1 MB" in one_error(cli, env_setup, str(quoted))


def test_an_export_too_large_unpacked_is_refused_and_the_limit_can_be_raised(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    blank = zipped(tmp_path / "blank.zip", {"diary.csv": HEADER + b"\n" * (2 * 1024 * 1024)})
    message = one_error(cli, env_setup, str(blank), "--max-size", "1")
    assert message == (
        f"Error: {blank} holds 2 MB to import once unpacked, over the limit of 1 MB; "
        "raise it with --max-size MB"
    )
    summary = import_json(cli, str(blank), "--max-size", "3")
    assert summary["counts"]["diary entries"]["added"] == 0


def test_a_name_outside_the_export_is_refused(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    sneaky = zipped(
        tmp_path / "sneaky.zip",
        {"diary.csv": HEADER, "../../home/someone/.bashrc": b"echo hi\n"},
    )
    message = one_error(cli, env_setup, str(sneaky))
    assert message == (
        f"Error: {sneaky} holds a file named '../../home/someone/.bashrc', outside the export"
    )


def test_show_reads_a_reviews_html_as_text(cli: Cli, ellen: None, env_setup: Path) -> None:
    import_json(cli, str(QUIRKS))
    (entry,) = rows(env_setup, "SELECT viewing_id FROM viewing_person WHERE review IS NOT NULL")
    shown = cli.ok("show", str(entry[0])).stdout
    assert "Small, bright & sad." in shown
    assert "<i>" not in shown and "&amp;" not in shown
