"""Reading Letterboxd files: which file is which, and every quirk of their rows."""

from datetime import date
from pathlib import Path

import pytest

from diary.base.errors import InvalidInput, NotFound
from diary.core.letterboxd.records import Unreadable
from diary.importers.letterboxd import detect, list_info, read_rows
from diary.importers.letterboxd_files import open_export
from diary.importers.letterboxd_rows import film_link, rating
from tests.importers.letterboxd_helpers import FIXTURE


def rows_of(path: Path, name: str) -> list:
    export = open_export(path)
    file = next(f for f in export.files if f.name == name)
    return list(read_rows(file, detect(file)))


def test_the_export_folder_lists_files_by_kind_and_says_what_it_skips() -> None:
    export = open_export(FIXTURE)
    kinds = {file.name: detect(file) for file in export.files}
    assert kinds == {
        "diary.csv": "diary",
        "likes/films.csv": "likes",
        "lists/rainy-day-films.csv": "list",
        "lists/to-rewatch.csv": "list",
        "ratings.csv": "ratings",
        "reviews.csv": "reviews",
        "watched.csv": "watched",
        "watchlist.csv": "watchlist",
    }
    assert export.not_imported == [
        "comments.csv: not imported (diary has no place for it)",
        "profile.csv: not read (it holds your e-mail address)",
        "deleted/: skipped (1 file of removed entries)",
        "orphaned/: skipped (1 file of removed entries)",
    ]


def test_bom_crlf_quotes_commas_emoji_and_empty_values() -> None:
    diary = rows_of(FIXTURE, "diary.csv")
    assert len(diary) == 8
    first = diary[0]
    assert (first.ref.title, first.ref.year, first.ref.link) == ("Her", 2013, None)
    assert first.uri == "https://boxd.it/dE1a"
    assert (first.logged, first.watched_on) == (date(2024, 1, 6), date(2024, 1, 5))
    assert (first.rating, first.rewatch, first.tags) == (9, False, ["rainy sunday", "bp"])
    assert diary[1].rewatch is True and diary[1].rating == 10
    assert diary[2].ref.title == "Crouching Tiger, Hidden Dragon" and diary[2].rating is None
    assert diary[3].ref.title == '"Crocodile" Dundee' and diary[3].rating == 1
    assert diary[4].ref.title == "Untitled Home Movie 🎞️" and diary[4].ref.year is None


def test_multi_line_html_reviews_are_kept_as_written() -> None:
    reviews = rows_of(FIXTURE, "reviews.csv")
    text = reviews[0].review
    assert text.startswith("<b>Tender</b> and strange")
    assert '<a href="https://example.org/notes">my notes</a>' in text
    assert "&amp;" in text and "<blockquote>" in text
    # The file's CRLF line ends inside the quoted field become plain line ends.
    assert text.count("\n") == 3 and "\r" not in text
    assert reviews[2].watched_on is None and "&mdash;" in reviews[2].review


def test_list_preambles_with_a_version_line_or_a_blank_line() -> None:
    export = open_export(FIXTURE)
    lists = [f for f in export.files if f.name.startswith("lists/")]
    infos = [list_info(f) for f in lists]
    assert [(i.name, i.url) for i in infos] == [
        ("Rainy day films", "https://letterboxd.com/someone/list/rainy-day-films/"),
        ("To rewatch", "https://letterboxd.com/someone/list/to-rewatch/"),
    ]
    assert infos[0].description == "Films for a wet weekend, in the order I would watch them."
    items = list(read_rows(lists[0], "list"))
    assert [(i.position, i.ref.title, i.ref.link, i.note) for i in items] == [
        (1, "Her", "https://letterboxd.com/film/her/", "Start here."),
        (2, "Amélie", "https://letterboxd.com/film/amelie/", None),
        (3, "Spirited Away", "https://letterboxd.com/film/spirited-away/", "Then this, with tea."),
    ]


def test_a_zip_with_a_top_folder_reads_like_the_folder(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in sorted(FIXTURE.rglob("*")):
            if file.is_file():
                out.write(file, f"letterboxd-someone/{file.relative_to(FIXTURE).as_posix()}")
    assert [f.name for f in open_export(archive).files] == [
        f.name for f in open_export(FIXTURE).files
    ]
    assert [r.review for r in rows_of(archive, "reviews.csv")] == [
        r.review for r in rows_of(FIXTURE, "reviews.csv")
    ]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def single(path: Path) -> str:
    export = open_export(path)
    assert export.single
    return detect(export.files[0])


def test_a_single_file_is_recognised_by_its_header(tmp_path: Path) -> None:
    header = "Date,Name,Year,Letterboxd URI"
    assert single(write(tmp_path / "a.csv", f"{header},Rating,Rewatch,Tags,Watched Date\n")) == (
        "diary"
    )
    assert single(write(tmp_path / "b.csv", f"{header},Rating\n")) == "ratings"
    assert single(write(tmp_path / "my-watchlist.csv", f"{header}\n")) == "watchlist"
    assert single(write(tmp_path / "films.csv", f"{header}\n")) == "likes"
    assert single(write(tmp_path / "x.csv", "Title,Year,WatchedDate,Rating10\n")) == (
        "import-diary"
    )
    with pytest.raises(InvalidInput, match="name it after the one it is"):
        single(write(tmp_path / "export.csv", f"{header}\n"))


def test_a_wrong_file_names_itself_and_the_columns_expected(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    write(folder / "diary.csv", "Date,Name,Year,Letterboxd URI\n2024-01-01,Her,2013,x\n")
    export = open_export(folder)
    with pytest.raises(InvalidInput) as caught:
        detect(export.files[0])
    assert str(caught.value) == (
        "diary.csv is not what its name says: expected the columns Date, Name, Year, "
        "Letterboxd URI, Rating, Rewatch, Tags, Watched Date; "
        "found Date, Name, Year, Letterboxd URI"
    )
    random = write(tmp_path / "groceries.csv", "item,amount\neggs,12\n")
    with pytest.raises(InvalidInput, match="groceries.csv is not a Letterboxd export file"):
        single(random)


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ("2024-01-01,Her,2013,https://boxd.it/a,7,,,2024-01-01", "rating '7' is not 0.5 to 5"),
        ("2024-01-01,Her,2013,https://boxd.it/a,4.25,,,2024-01-01", "rating '4.25'"),
        ("2024-01-01,Her,2013,https://boxd.it/a,,Maybe,,2024-01-01", "Rewatch 'Maybe'"),
        ("2024-01-01,Her,20x3,https://boxd.it/a,,,,2024-01-01", "Year '20x3'"),
        ("2024-01-01,Her,2013,https://boxd.it/a,,,,01/02/2024", "Watched Date '01/02/2024'"),
        ("2024-02-30,Her,2013,https://boxd.it/a,,,,2024-01-01", "Date '2024-02-30'"),
        ("2024-01-01,,2013,https://boxd.it/a,,,,2024-01-01", "no film name"),
        ("2024-01-01,Her,2013,https://boxd.it/a,,,2024-01-01", "has 7 fields"),
    ],
)
def test_a_bad_row_is_named_by_file_and_row_and_the_rest_read(
    tmp_path: Path, cells: str, problem: str
) -> None:
    header = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date"
    good = "2024-01-01,Jaws,1975,https://boxd.it/b,4,,,2024-01-01"
    path = write(tmp_path / "diary.csv", f"{header}\n{good}\n\n{good}\n{cells}\n{good}\n")
    found = rows_of(path, "diary.csv")
    assert [type(row).__name__ for row in found] == ["Row", "Row", "Unreadable", "Row"]
    bad = found[2]
    assert isinstance(bad, Unreadable)
    assert bad.where == "diary.csv row 3 (line 5)"
    assert problem in bad.reason


def test_not_utf8_and_missing_paths(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_bytes(b"Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n\xff\xfe\n")
    with pytest.raises(InvalidInput, match="not UTF-8"):
        rows_of(path, "diary.csv")
    with pytest.raises(NotFound, match="no such file or folder"):
        open_export(tmp_path / "nowhere.zip")
    broken = write(tmp_path / "export.zip", "not a zip")
    with pytest.raises(InvalidInput, match="not a readable zip file"):
        open_export(broken)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InvalidInput, match="holds no Letterboxd export files"):
        open_export(empty)


@pytest.mark.parametrize(
    ("text", "halves"),
    [("", None), ("0.5", 1), ("3", 6), ("4.5", 9), ("5", 10), ("5.0", 10)],
)
def test_ratings_are_half_stars(text: str, halves: int | None) -> None:
    assert rating(text) == halves


def test_ratings_out_of_ten() -> None:
    assert rating("9", out_of_ten=True) == 9


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("https://boxd.it/AbC1", "https://boxd.it/AbC1"),
        ("boxd.it/AbC1/", "https://boxd.it/AbC1"),
        ("https://letterboxd.com/film/her/", "https://letterboxd.com/film/her/"),
        ("http://www.letterboxd.com/film/Her", "https://letterboxd.com/film/her/"),
        ("", None),
    ],
)
def test_film_links_have_one_spelling_and_short_codes_keep_case(
    text: str, link: str | None
) -> None:
    assert film_link(text) == link


def test_a_value_in_a_message_is_escaped_and_cut(tmp_path: Path) -> None:
    header = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date"
    path = write(tmp_path / "diary.csv", f"{header}\n2024-01-01,Her,2013,,{'9' * 500},,,\n")
    (bad,) = rows_of(path, "diary.csv")
    assert isinstance(bad, Unreadable)
    assert bad.reason == f"rating '{'9' * 39}…' is not 0.5 to 5 in half steps"
