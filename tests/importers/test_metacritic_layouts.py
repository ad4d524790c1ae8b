"""Metacritic pages as people saved them over the years: every layout's reviews and counts."""

import json
from datetime import date
from pathlib import Path

import pytest

from diary.core.films.findings import Findings, NotAPage
from diary.importers.pages import read_page, recognise
from tests.conftest import Cli

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def found(name: str) -> Findings:
    return read_page(str(PAGES / name)).findings


def scores(page: Findings) -> list[tuple[str, str, int | None]]:
    return [(s.metric, s.value, s.count) for s in page.scores]


def test_the_2011_layout_has_no_json_ld_and_is_read_from_its_header() -> None:
    page = found("metacritic-2011-layout.html")
    assert (page.kind, page.title, page.year) == ("metacritic", "Harbour Lights", 2011)
    assert page.url == "http://www.metacritic.com/movie/harbour-lights"
    assert page.values("release_date") == ["2011-03-18"]
    assert page.values("director") == ["Wendell Oyelaran"]
    assert page.values("genre") == ["Drama", "Romance"]
    assert page.values("runtime") == ["104"]
    # "based on 31 Critics" and "based on 1,208 Ratings"
    assert scores(page) == [("metascore", "74", 31), ("user_score", "8.1", 1208)]
    assert page.missing == []


def test_the_2011_layout_lists_critic_reviews_as_list_items() -> None:
    reviews = found("metacritic-2011-layout.html").reviews
    assert [(r.publication, r.critic, r.score, r.published_on) for r in reviews] == [
        ("Tidewater Gazette", "Halima Ross", 100, date(2011, 3, 17)),
        ("Quayside Film Quarterly", None, 50, date(2011, 4, 2)),
        ("The Lamp", "Piet Vander", 80, date(2011, 3, 18)),
    ]  # the user's review below them is not a critic's
    first = reviews[0]
    assert first.excerpt is not None and first.excerpt.startswith("Every frame of the harbour")
    assert "Read full review" not in first.excerpt
    assert first.url == "https://gazette.example.net/film/harbour-lights"
    assert reviews[1].url is None  # no full-review link on the page


def test_the_2019_layout_reviews_inside_critic_reviews() -> None:
    page = found("metacritic-2019-layout.html")
    assert (page.title, page.year) == ("The Salt Orchard", 2019)
    assert scores(page) == [("metascore", "68", 24), ("user_score", "6.6", 87)]
    assert [(r.publication, r.critic, r.score, r.published_on) for r in page.reviews] == [
        ("North Shore Review", "Ada Lindqvist", 90, date(2019, 9, 19)),  # the logo's alt text
        ("The Evening Lamp", "Tom Fairweather", 40, date(2019, 9, 20)),
    ]
    first, second = page.reviews
    assert first.excerpt == (
        "Kalu films the orchard as if the trees were the only honest characters, "
        "and she may be right."
    )
    assert first.url == "https://northshore.example.com/reviews/salt-orchard"
    assert second.url is None  # a link back into Metacritic is not the review's address
    assert page.missing == []


def test_a_layout_that_cannot_be_read_says_what_is_missing() -> None:
    page = found("metacritic-unknown-layout.html")
    assert (page.title, page.year) == ("Tin Bell Road", 2024)
    assert page.reviews == [] and page.scores == []
    assert page.missing == ["the Metascore", "the user score", "critic reviews"]


def test_a_tbd_user_score_is_not_missing_but_not_stored() -> None:
    page = found("metacritic-bare.html")
    assert page.scores == []
    assert page.missing == ["the release year", "the Metascore", "critic reviews"]


def test_review_blocks_without_publication_or_critic_are_counted() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://www.metacritic.com/movie/quay/">'
        "</head><body><h1 class='product_title'>Quay</h1><span class='release_year'>2001</span>"
        "<div class='critic_reviews'><div class='review'><div class='metascore_w'>70</div>"
        "<div class='summary'>Fine.</div></div></div></body></html>"
    )
    page = recognise(html.encode(), "quay.html")
    assert (page.title, page.year, page.reviews) == ("Quay", 2001, [])
    assert page.missing[-1] == "1 critic review blocks with no publication or critic"


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("https://www.metacritic.com/game/pc/x", "a game"),
        ("https://www.metacritic.com/tv/x", "a TV show"),
        ("https://www.metacritic.com/music/x/y", "an album"),
    ],
)
def test_an_older_page_that_is_not_a_film(address: str, kind: str) -> None:
    html = (
        f'<html><head><link rel="canonical" href="{address}"></head>'
        '<body><h1 class="product_title">X</h1></body></html>'
    )
    with pytest.raises(NotAPage, match=f"about {kind}, not a film"):
        recognise(html.encode(), "x.html")


def test_the_cli_says_which_parts_were_missing(cli: Cli) -> None:
    result = cli.ok("film", "import-page", str(PAGES / "metacritic-unknown-layout.html"))
    assert "Added the film Tin Bell Road (2024)." in result.stderr
    assert (
        "Not read from this page: the Metascore, the user score, critic reviews "
        "(not on the page, or in a layout diary does not know)."
    ) in result.stderr
    again = cli.ok("film", "import-page", str(PAGES / "metacritic-2011-layout.html"), "--json")
    data = json.loads(again.stdout)
    assert data["found"]["missing"] == []
    assert data["changes"]["reviews"]["added"] == 3
    assert "Not read" not in again.stderr


def test_the_cli_json_lists_what_is_missing(cli: Cli) -> None:
    result = cli.ok("film", "import-page", str(PAGES / "metacritic-unknown-layout.html"), "--json")
    assert json.loads(result.stdout)["found"]["missing"] == [
        "the Metascore",
        "the user score",
        "critic reviews",
    ]


def test_the_2019_critic_reviews_page_without_json_ld() -> None:
    page = found("metacritic-2019-critic-reviews.html")
    assert (page.title, page.year) == ("The Salt Orchard", 2019)  # "Release Date: Sep 20, 2019"
    assert page.values("release_date") == ["2019-09-20"]
    assert scores(page) == [("metascore", "68", 24)]
    assert [(r.publication, r.critic, r.score) for r in page.reviews] == [
        ("Coastline", "Nell Adeyemi", 100),
        ("The Weekly Reel", None, 50),  # the logo's title when it has no alt text
    ]
    assert page.reviews[0].excerpt == "The year's most patient film, and its kindest."
    assert page.missing == ["the user score"]  # that page shows none
