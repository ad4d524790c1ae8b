"""A review kept as Letterboxd wrote it (HTML) reads as text wherever a person sees it:
`show`, `film show`, `post reviews`, and a post that quotes it (`post show`, `post export`).
Hostile markup stays inert everywhere: no tag, script or control character comes through."""

import json
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.importers.letterboxd_helpers import import_json, rows

HEADER = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n"
STYLED = (
    '<i>Slow</i>, <b>loud</b> &amp; kind.<br />Then <a href="https://example.org/notes">my notes'
    "</a> say more."
)
HOSTILE = (
    "<script>alert('boo')</script><b onclick=\"steal()\">Fine</b> "
    '<a href="javascript:steal()">click</a><img src=x onerror=steal()> [/bold] end'
)
RAW = ("<i>", "<b", "</", "&amp;", "<br", "<a ", "href=", "<script", "alert(", "javascript:")


def _write(folder: Path, review: str) -> Path:
    path = folder / "reviews.csv"
    cell = '"' + review.replace('"', '""') + '"'
    path.write_text(
        HEADER + f"2024-03-02,Jaws,1975,https://boxd.it/rv1,4,,{cell},,2024-03-01\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def styled(cli: Cli, hosts: None, tmp_path: Path) -> None:
    import_json(cli, str(_write(tmp_path, STYLED)), "--as", "Ellen")
    cli.ok("post", "new", "Jaws (1975)", "--number", "5")


@pytest.fixture
def hostile(cli: Cli, hosts: None, tmp_path: Path, env_setup: Path) -> None:
    import_json(cli, str(_write(tmp_path, HOSTILE)), "--as", "Ellen")
    # an escape sequence that got into the database some other way is shown written out
    with_escape = HOSTILE + " \x1b[2Jwiped"
    rows(env_setup, "UPDATE viewing_person SET review = ?", with_escape)
    cli.ok("post", "new", "Jaws (1975)", "--number", "5")


def _no_markup(text: str) -> None:
    for raw in RAW:
        assert raw not in text, raw
    assert "\x1b" not in text


def test_show_reads_the_review(cli: Cli, styled: None) -> None:
    out = cli.ok("show", "1").stdout
    assert "Slow, loud & kind." in out
    assert "Then my notes (https://example.org/notes) say more." in out
    _no_markup(out)


def test_film_show_prints_the_review_under_the_viewings(cli: Cli, styled: None) -> None:
    out = cli.ok("film", "show", "Jaws (1975)").stdout
    assert "2024-03-01 · Ellen ★★★★" in out
    assert "Slow, loud & kind." in out and "my notes (https://example.org/notes)" in out
    _no_markup(out)
    # the JSON keeps the review as it is stored
    data = json.loads(cli.ok("film", "show", "Jaws (1975)", "--json").stdout)
    assert data["viewings"][0]["people"][0]["review"] == STYLED


def test_post_reviews_lists_it_and_the_post_quotes_it_as_markdown(cli: Cli, styled: None) -> None:
    listed = cli.ok("post", "reviews", "5").stdout
    assert "Slow, loud & kind." in " ".join(listed.split())
    _no_markup(listed)
    found = json.loads(cli.ok("post", "reviews", "5", "--json").stdout)
    assert [(r["critic"], r["source"]) for r in found] == [("Ellen", "diary")]
    cli.ok("post", "quote", "5", "1")
    exported = cli.ok("post", "export", "5").stdout
    assert (
        "“*Slow*, **loud** & kind. Then [my notes](https://example.org/notes) say more.” — Ellen"
        in exported
    )
    _no_markup(exported)
    shown = cli.ok("post", "show", "5").stdout
    assert "*Slow*, **loud** & kind." in shown
    _no_markup(shown)
    assert cli.ok("post", "quote", "5", "1").stderr.endswith("review 1 is already quoted.\n")


def test_hostile_markup_stays_inert_in_every_place(cli: Cli, hostile: None) -> None:
    for args in (
        ("show", "1"),
        ("film", "show", "Jaws (1975)"),
        ("post", "reviews", "5"),
    ):
        out = cli.ok(*args).stdout
        _no_markup(out)
        assert "Fine" in out and "click" in out and "\\x1b[2Jwiped" in out
        assert "[/bold]" in out  # shown as written, never taken for rich markup
    cli.ok("post", "quote", "5", "1")
    for args in (("post", "export", "5"), ("post", "show", "5")):
        out = cli.ok(*args).stdout
        _no_markup(out)
        assert "**Fine** click" in out
