"""Exports in the shapes Letterboxd has written them over the years, as people published them.

Each folder under tests/fixtures/letterboxd/real-shapes/ copies the *structure* of exports
seen in public repositories (headers, preambles, quoting, HTML in reviews, extra files),
with invented entries: see docs/letterboxd.md, "Export shapes known and tested".
"""

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.importers.letterboxd_helpers import import_json, rows, snapshot

SHAPES = ROOT / "tests" / "fixtures" / "letterboxd" / "real-shapes"
ALL = sorted(path.name for path in SHAPES.iterdir())


@pytest.fixture
def ellen(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")


def _lists(db: Path) -> list[tuple[str, str]]:
    return rows(db, "SELECT slug, name FROM checklist WHERE kind = 'letterboxd' ORDER BY slug")


def test_every_shape_is_known_to_the_tests() -> None:
    assert ALL == [
        "2019-blank-line-lists",
        "2023-list-banner",
        "2025-quoted-descriptions",
        "bom-crlf",
    ]


@pytest.mark.parametrize("shape", ALL)
def test_each_shape_imports_whole_and_a_second_time_adds_nothing(
    cli: Cli, ellen: None, env_setup: Path, shape: str
) -> None:
    first = import_json(cli, str(SHAPES / shape))
    assert first["problems"] == []
    assert first["control_characters_removed"] == 0
    assert all(tally["skipped"] == 0 for tally in first["counts"].values())
    before = snapshot(env_setup)
    again = import_json(cli, str(SHAPES / shape))
    assert all(tally["added"] == 0 for tally in again["counts"].values())
    assert not any(again["changed"].values()) and not any(again["gone"].values())
    assert snapshot(env_setup) == before


@pytest.mark.parametrize("shape", ALL)
def test_each_shape_zipped_with_its_folder_imports_like_the_folder(
    cli: Cli, ellen: None, tmp_path: Path, shape: str
) -> None:
    folder = SHAPES / shape
    archive = tmp_path / "letterboxd-someone-2025-01-01-00-00-utc.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                packed.write(file, f"export/{file.relative_to(folder).as_posix()}")
    from_zip = import_json(cli, str(archive), "--dry-run")
    from_folder = import_json(cli, str(folder), "--dry-run")
    assert from_zip["counts"] == from_folder["counts"]
    assert from_zip["not_imported"] == from_folder["not_imported"]


def test_2019_lists_open_with_a_blank_line_and_two_lists_share_a_name(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    summary = import_json(cli, str(SHAPES / "2019-blank-line-lists"))
    assert summary["not_imported"] == [
        "comments.csv: not imported (diary has no place for it)",
        "profile.csv: not read (it holds your e-mail address)",
    ]
    # Letterboxd told the second "Films of 2021" apart as films-of-2021-1: so does diary
    assert _lists(env_setup) == [
        ("best-of-a-year", "Best of a Year"),
        ("films-of-2021", "Films of 2021"),
        ("films-of-2021-1", "Films of 2021"),
    ]
    notes = rows(
        env_setup,
        "SELECT slug, listed_title, note FROM checklist_item "
        "JOIN checklist ON checklist.id = checklist_id WHERE kind = 'letterboxd' ORDER BY slug",
    )
    assert ("films-of-2021", "Brick", "Not from 2021 at all.") in notes
    assert ("films-of-2021-1", "Soylent Green", None) in notes


def test_2019_titles_and_years_as_written_and_a_review_with_no_date_or_tags(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    import_json(cli, str(SHAPES / "2019-blank-line-lists"))
    titles = dict(rows(env_setup, "SELECT title, year FROM film"))
    for title, year in [
        ("I, Frankenstein", 2014),
        ("The 'Burbs", 1989),
        ("Thorne : Scaredycat", 2010),
        ("Roundhay Garden Scene", 1888),
        ("I, Daniel Blake", 2016),
    ]:
        assert titles[title] == year
    undated = rows(
        env_setup,
        "SELECT watched_on, review FROM viewing JOIN viewing_person ON viewing_id = viewing.id "
        "JOIN film ON film.id = film_id WHERE film.title = 'Captain America: The Winter Soldier'",
    )
    assert undated == [(None, 'Logged years late: all I remember is the "lift fight". 🤷')]
    linked = rows(
        env_setup,
        "SELECT review FROM viewing_person JOIN viewing ON viewing.id = viewing_id "
        "JOIN film ON film.id = film_id WHERE film.title = 'I, Daniel Blake'",
    )
    assert linked[0][0].endswith(
        'Pair it with <a href="https://letterboxd.com/film/sorry-we-missed-you/">'
        "Sorry We Missed You</a>."
    )
    # a logged-late entry keeps the day it was logged and the day it was seen
    logged = rows(
        env_setup,
        "SELECT watched_on, viewing.created_at FROM viewing JOIN film ON film.id = film_id "
        "WHERE film.title = 'Soylent Green'",
    )
    assert str(logged[0][0]) == "1996-08-24" and str(logged[0][1]).startswith("2021-06-13")
    tags = {tag for (tag,) in rows(env_setup, "SELECT tag FROM viewing_tag")}
    assert {"palme-d'or", "black-and-white", "jidaigeki"} <= tags


def test_2023_list_banner_a_list_named_by_a_symbol_and_files_diary_leaves_out(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    summary = import_json(cli, str(SHAPES / "2023-list-banner"))
    assert summary["not_imported"] == [
        "comments.csv: not imported (diary has no place for it)",
        "likes/lists.csv: not imported (diary has no place for it)",
        "likes/reviews.csv: not imported (diary has no place for it)",
        "deleted/: skipped (2 files of removed entries)",
    ]
    assert _lists(env_setup) == [("media-on-media", "Media on Media"), ("null-35233908", "❦")]
    assert summary["counts"]["watchlist"]["added"] == 3
    wanted = {
        title
        for (title,) in rows(
            env_setup, "SELECT title FROM watchlist_entry JOIN film ON film.id = film_id"
        )
    }
    assert wanted == {
        "Lara Croft: Tomb Raider – The Cradle of Life",
        "Emma.",
        "Hello, Goodbye, and Everything in Between",
    }


def test_2023_reviews_keep_their_html_as_written(cli: Cli, ellen: None, env_setup: Path) -> None:
    import_json(cli, str(SHAPES / "2023-list-banner"))
    reviews = dict(
        rows(
            env_setup,
            "SELECT film.title, review FROM viewing_person "
            "JOIN viewing ON viewing.id = viewing_id JOIN film ON film.id = film_id",
        )
    )
    assert reviews["Pixels"] == "<b>No.</b>"
    assert (
        '<i style="font-weight: bold;">again</i>' in reviews["The Curious Case of Benjamin Button"]
    )
    assert reviews["Jaws"].startswith('Everyone loves it; a <a href="https://example.org/essay"')
    assert "</blockquote>I am still not persuaded.\n\n\nMaybe next summer." in reviews["Jaws"]


def test_2025_multi_line_descriptions_and_titles_of_every_kind(
    cli: Cli, ellen: None, env_setup: Path
) -> None:
    summary = import_json(cli, str(SHAPES / "2025-quoted-descriptions"))
    assert summary["not_imported"] == ["deleted/: skipped (1 file of removed entries)"]
    described = rows(
        env_setup, "SELECT slug, name, description FROM checklist WHERE kind = 'letterboxd'"
    )
    assert described == [
        (
            "five-star-shows",
            "5-Star ⭐ Shows",
            "The very best, by my own feelings.\n\n[Always in progress.]\n",
        )
    ]
    note = rows(
        env_setup, "SELECT note FROM checklist_item WHERE listed_title = 'The Time It Takes'"
    )
    assert note == [("A note that runs\nover two lines.",)]
    seen = dict(rows(env_setup, "SELECT title, year FROM film"))
    for title, year in [
        ("2:37", 2006),
        ("9", 2009),
        ("¡Atraco!", 2012),
        ("Julia(s)", 2022),
        ("The Kiss", 1896),
        ("Blacksmith Scene", 1893),
        ("Red, White & Royal Blue", 2023),
    ]:
        assert seen[title] == year
    # logged half a year after it was seen: both days kept
    late = rows(
        env_setup,
        "SELECT watched_on, viewing.created_at FROM viewing JOIN film ON film.id = film_id "
        "WHERE film.title = 'Blacksmith Scene'",
    )
    assert str(late[0][0]) == "2024-03-22" and str(late[0][1]).startswith("2024-09-17")


def test_a_byte_order_mark_and_windows_line_ends_read_like_plain_files(
    cli: Cli, ellen: None, env_setup: Path, tmp_path: Path
) -> None:
    summary = import_json(cli, str(SHAPES / "bom-crlf"))
    assert summary["counts"]["reviews"]["added"] == 1
    assert summary["counts"]["list items"]["added"] == 1
    review = rows(env_setup, "SELECT review FROM viewing_person")
    assert review == [("A long drive.\n\nA longer phone call.",)]
    # the same files with Unix line ends and no mark are the same export
    plain = tmp_path / "plain"
    shutil.copytree(SHAPES / "bom-crlf", plain)
    for file in plain.rglob("*.csv"):
        text = file.read_bytes().removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
        file.write_bytes(text)
    again = import_json(cli, str(plain))
    assert all(tally["added"] == 0 for tally in again["counts"].values())


def test_a_column_added_one_day_is_ignored(cli: Cli, ellen: None, tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date,Something New\n"
        "2024-02-03,Paris Texas,1984,https://boxd.it/dE01,4.5,,road,2024-02-02,whatever\n",
        encoding="utf-8",
    )
    summary = import_json(cli, str(diary))
    assert summary["counts"]["diary entries"]["added"] == 1
    assert summary["problems"] == []
