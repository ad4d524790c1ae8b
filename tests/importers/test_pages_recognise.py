"""Recognising what a file is, reading review articles, and refusing everything else."""

import http.server
import socket
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from diary.base.errors import InvalidInput
from diary.core.films.findings import NotAPage
from diary.importers import review_article
from diary.importers.pages import read_page, recognise

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("wikipedia-lantern-keeper.txt", "wikipedia"),
        ("wikipedia-lantern-keeper.html", "wikipedia"),
        ("metacritic-lantern-keeper.html", "metacritic"),
        ("metacritic-bare.html", "metacritic"),
        ("review-lantern-keeper.txt", "review"),
        ("review-lantern-keeper.html", "review"),
    ],
)
def test_each_kind_is_recognised(name: str, kind: str) -> None:
    loaded = read_page(str(PAGES / name))
    assert loaded.findings.kind == kind
    assert len(loaded.digest) == 64


@pytest.mark.parametrize("name", ["shopping-list.txt", "watched.csv"])
def test_other_files_are_refused_naming_the_kinds_understood(name: str) -> None:
    with pytest.raises(NotAPage) as caught:
        read_page(str(PAGES / name))
    message = caught.value.message
    assert message.startswith(f"{PAGES / name} is not a page diary understands")
    for kind in ("Wikipedia article", "Metacritic film page", "review article"):
        assert kind in message
    assert "\n" not in message


def test_binary_empty_missing_and_folder(tmp_path: Path) -> None:
    binary = tmp_path / "poster.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"  \n")
    with pytest.raises(NotAPage, match="not a text or HTML file"):
        read_page(str(binary))
    with pytest.raises(NotAPage, match="is empty"):
        read_page(str(empty))
    with pytest.raises(InvalidInput, match="no such file"):
        read_page(str(tmp_path / "gone.txt"))
    with pytest.raises(InvalidInput, match="is a folder"):
        read_page(str(tmp_path))


def test_bom_windows_line_endings_and_windows_encoding() -> None:
    text = (PAGES / "wikipedia-lantern-keeper.txt").read_text(encoding="utf-8")
    with_bom = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert recognise(with_bom, "bom.txt").title == "The Lantern Keeper"
    latin = "Café Noir (film)\nCafé Noir is a 1961 French crime film directed by René Aubel.\n"
    latin += "== Plot ==\nA waiter sees too much.\n== Production ==\nShot in 1960 in Lyon.\n"
    page = recognise(latin.encode("windows-1252"), "cafe.txt")
    assert (page.title, page.values("director")) == ("Café Noir", ["René Aubel"])


def test_plain_text_review() -> None:
    page = read_page(str(PAGES / "review-lantern-keeper.txt")).findings
    assert (page.kind, page.source) == ("review", "article")
    assert (page.title, page.year) == ("The Lantern Keeper", None)  # from "X review: …"
    (review,) = page.reviews
    assert review.title == "The Lantern Keeper review: a lighthouse with its lights off"
    assert (review.critic, review.publication) == ("Odile Marsh", "The Harbour Courier")
    assert review.published_on == date(1988, 2, 12)
    assert review.score == 90
    assert review.text is not None and review.text.count("\n\n") == 2
    assert review.text.startswith("There is a moment")
    # the excerpt is the opening sentences, up to about 300 characters
    assert review.excerpt == review.text.split("\n\n")[0]
    assert len(review.excerpt) <= 300


def test_html_review_with_json_ld() -> None:
    page = read_page(str(PAGES / "review-lantern-keeper.html")).findings
    assert (page.title, page.year) == ("The Lantern Keeper", 1987)  # the itemReviewed Movie
    (review,) = page.reviews
    assert review.publication == "Screen & Stage Weekly"
    assert review.critic == "Ben Adair"
    assert review.score == 60
    assert review.published_on == date(1988, 3, 3)
    assert review.url == "https://weekly.example.org/reviews/the-lantern-keeper"
    assert review.text is not None
    assert "keeper & the radio operator" in review.text
    assert "Subscribe" not in review.text and "rights reserved" not in review.text


def test_a_text_review_can_name_its_film() -> None:
    text = (
        "Second thoughts\nFilm: The Lantern Keeper (1987)\nBy Ana Ruiz for Quay Magazine\n\n"
        "I saw the film again last week. The storm scenes still work, and the cast is better "
        "than I remembered, especially in the long radio scenes near the end of the picture.\n"
    )
    page = recognise(text.encode(), "again.txt")
    assert (page.title, page.year) == ("The Lantern Keeper", 1987)
    assert (page.reviews[0].critic, page.reviews[0].publication) == ("Ana Ruiz", "Quay Magazine")


def test_prose_that_is_not_about_films_is_refused() -> None:
    text = (
        "Tuesday\n\nThe ferry was late again this morning. We waited by the harbour wall for "
        "almost an hour, and the gulls took most of the sandwiches. Tomorrow I will take the bus.\n"
    )
    with pytest.raises(NotAPage, match="not a page diary understands"):
        recognise(text.encode(), "tuesday.txt")


@pytest.mark.parametrize(
    ("text", "score"),
    [("★★★★½", 90), ("★★", 40), ("4/5", 80), ("3.5 out of 4", 88), ("8/10", 80), ("great", None)],
)
def test_ratings_in_reviews(text: str, score: int | None) -> None:
    assert review_article.rating_score(text) == score


@pytest.fixture
def local_server() -> Iterator[str]:
    """A web server on this machine's loopback serving the fixtures (no network needed)."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(PAGES), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetching_an_address(local_server: str) -> None:
    loaded = read_page(f"{local_server}/metacritic-lantern-keeper.html")
    assert loaded.findings.kind == "metacritic"
    assert loaded.digest == read_page(str(PAGES / "metacritic-lantern-keeper.html")).digest
    missing = f"{local_server}/nothing-here.html"
    with pytest.raises(InvalidInput, match="cannot fetch .*HTTP 404"):
        read_page(missing)


def test_fetching_without_a_server_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InvalidInput, match="cannot fetch .*save the page and import the file"):
        read_page(f"http://127.0.0.1:{port}/page.html")


def test_a_page_title_in_a_refusal_is_escaped_and_cut() -> None:
    title = "Tidewater\x1b[31m " + "Harbourside " * 12
    text = (
        f"{title}\nTidewater is a town on the coast.\n== History ==\nBuilt in 1820.\n"
        "== Geography ==\nA harbour and a hill.\n"
    )
    with pytest.raises(NotAPage) as caught:
        recognise(text.encode(), "town.txt")
    message = caught.value.message
    assert message.startswith("town.txt: 'Tidewater[31m Harbourside")  # dropped on reading
    assert "\x1b" not in message and "…' is a Wikipedia article but not about a film" in message
