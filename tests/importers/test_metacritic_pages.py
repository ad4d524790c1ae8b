"""Metacritic film pages: the Movie JSON-LD (with its repeated keys), user score, reviews."""

import json
from datetime import date
from pathlib import Path

import pytest

from diary.core.films.findings import Findings, NotAPage
from diary.importers import jsonld
from diary.importers.pages import read_page, recognise

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def found(name: str) -> Findings:
    return read_page(str(PAGES / name)).findings


def test_repeated_keys_are_all_kept() -> None:
    text = '{"actor": {"name": "A"}, "actor": {"name": "B"}, "actor": [{"name": "C"}], "x": 1}'
    assert json.loads(text)["actor"] == [{"name": "C"}]  # what plain json.loads keeps
    kept = json.loads(text, object_pairs_hook=jsonld.keep_repeats)
    assert jsonld.names(kept["actor"]) == ["A", "B", "C"]
    assert kept["x"] == 1


def test_movie_json_ld() -> None:
    page = found("metacritic-lantern-keeper.html")
    assert (page.kind, page.source) == ("metacritic", "Metacritic")
    assert (page.title, page.year) == ("The Lantern Keeper", 1988)
    assert page.url == "https://www.metacritic.com/movie/the-lantern-keeper/"
    assert page.values("release_date") == ["1988-02-12"]
    assert page.values("content_rating") == ["PG-13"]
    assert page.values("runtime") == ["112"]
    assert page.values("director") == ["Marguerite Okafor-Lind"]
    assert page.values("star") == ["Tobias Wren", "Ines Calloway", "Felix Adebayo"]
    assert page.values("genre") == ["Mystery", "Drama"]


def test_entities_in_json_ld_are_decoded() -> None:
    (description,) = found("metacritic-lantern-keeper.html").values("description")
    assert "every night & a radio operator" in description
    assert 'It\'s a "slow-burning" puzzle.' in description
    assert "&" + "amp;" not in description


def test_metascore_and_user_score() -> None:
    page = found("metacritic-lantern-keeper.html")
    assert [(s.metric, s.value, s.count) for s in page.scores] == [
        ("metascore", "81", 17),
        ("user_score", "7.9", 312),
    ]


def test_critic_reviews_listed_on_the_page() -> None:
    reviews = found("metacritic-lantern-keeper.html").reviews
    assert [(r.publication, r.critic, r.score) for r in reviews] == [
        ("The Harbour Courier", "Odile Marsh", 100),
        ("Screen & Stage Weekly", "Ben Adair", 60),
        ("Northern Post", None, 88),
    ]  # the user's review at the end is not a critic's
    first = reviews[0]
    assert first.published_on == date(1988, 2, 12)
    assert first.excerpt is not None and first.excerpt.startswith("A ghost story with no ghost —")
    assert "Wren’s keeper" in first.excerpt
    assert first.url == "https://courier.example.org/reviews/lantern-keeper"
    assert reviews[2].published_on is None and reviews[2].url is None


def test_a_page_with_missing_fields() -> None:
    page = found("metacritic-bare.html")
    assert (page.title, page.year) == ("Tidewater Lullaby", None)
    assert page.facts == [] and page.reviews == []
    assert page.scores == []  # "tbd" is not a user score


def test_a_game_page_is_not_a_film() -> None:
    with pytest.raises(NotAPage, match="about a game, not a film"):
        found("metacritic-game.html")


def test_a_metacritic_page_without_a_movie_block() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Metacritic"></head>'
        "<body><p>Search results</p></body></html>"
    )
    with pytest.raises(NotAPage, match="no film data"):
        recognise(html.encode(), "search.html")


def test_a_broken_json_ld_block_is_skipped() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://www.metacritic.com/movie/x/">'
        '<script type="application/ld+json">{"@type": "Movie", "name": </script>'
        '<script type="application/ld+json">{"@graph": [{"@type": ["Movie"], "name": "Quay",'
        ' "dateCreated": "2001", "actors": ["Ann Lee", "Bo Sand"], "genre": ["Drama"]}]}</script>'
        "</head><body></body></html>"
    )
    page = recognise(html.encode(), "quay.html")
    assert (page.title, page.year) == ("Quay", 2001)
    assert page.values("star") == ["Ann Lee", "Bo Sand"]


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [
        ("PT2H6M", 126),
        ("PT95M", 95),
        ("126", 126),
        ("PT2H", 120),
        ("two hours", None),
        (None, None),
    ],
)
def test_iso_durations(duration: str | None, minutes: int | None) -> None:
    assert jsonld.minutes(duration) == minutes


def test_doubly_encoded_entities_and_tags_in_text() -> None:
    assert jsonld.text("Tom &amp;amp; Jerry<br/>&#39;s") == "Tom & Jerry 's"
    assert jsonld.text({"name": "Ann &eacute;"}) == "Ann é"
    assert jsonld.text(None) is None


def test_the_page_user_score_not_a_user_review_score() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Metacritic">'
        '<script type="application/ld+json">{"@type": "Movie", "name": "Quay"}</script></head>'
        '<body><div class="c-siteReview"><div class="c-siteReviewScore c-siteReviewScore_user">'
        '<span>3</span></div><a class="c-siteReviewHeader_username">someone</a></div>'
        '<div class="c-siteReviewScore c-siteReviewScore_user"><span>6.4</span></div>'
        "<p>Based on 1,024 User Ratings</p></body></html>"
    )
    page = recognise(html.encode(), "quay.html")
    assert [(s.metric, s.value, s.count) for s in page.scores] == [("user_score", "6.4", 1024)]
    assert page.reviews == []
