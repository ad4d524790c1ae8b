"""A Metacritic film page saved as HTML: its schema.org Movie, the user score, critic reviews.

The Movie JSON-LD gives title, release date, description, content rating, duration,
directors, actors, genres and the Metascore with its review count; the page itself gives the
user score and the critic reviews it lists (score, publication, critic, date, excerpt).
"""

import re
from typing import Any

from bs4 import BeautifulSoup, Tag

from diary.core.findings import Findings, NotAPage, Review, number
from diary.importers import html_page, jsonld, prose

SOURCE = "Metacritic"

_CARD = ".c-siteReview, .critic_review, .review.critic"
_PUBLICATION = ".c-siteReviewHeader_publicationName, .source, .publication"
_CRITIC = ".c-siteReview_criticName, .author"
_SCORE = ".c-siteReviewScore, .metascore_w, .review_grade"
_DATE = ".c-siteReviewHeader_reviewDate, .date"
_EXCERPT = ".c-siteReview_quote, .summary, .review_body"
_LINK = "a.c-siteReview_externalLink, .summary a[href], a.read_full"
# The page's own user score first: each user review on the page has a score of its own.
_USER_SCORE = (
    ".c-productScoreInfo .c-siteReviewScore_user",
    ".c-reviewsOverview_overviewDetails .c-siteReviewScore_user",
    "[data-testid='user-score']",
    ".c-siteReviewScore_user:not(.c-siteReview .c-siteReviewScore_user)",
    ".metascore_w.user",
)
_NOT_FILMS = {"TVSeries": "a TV show", "TVSeason": "a TV season", "VideoGame": "a game"}


def looks_like(soup: BeautifulSoup, data: list[Any]) -> bool:
    places = [html_page.meta(soup, "og:site_name"), html_page.address(soup)]
    places += [jsonld.text(thing.get("url")) for thing in jsonld.things(data)]
    return any(place and "metacritic" in place.lower() for place in places)


def parse(soup: BeautifulSoup, data: list[Any]) -> Findings:
    movies = jsonld.of_type(data, "Movie")
    if not movies:
        kinds = {kind for thing in jsonld.things(data) for kind in jsonld.types(thing)}
        other = next((name for kind, name in _NOT_FILMS.items() if kind in kinds), None)
        if other:
            raise NotAPage(f"this Metacritic page is about {other}, not a film")
        raise NotAPage("this Metacritic page has no film data (no schema.org Movie JSON-LD)")
    movie = movies[0]
    found = Findings(
        "metacritic",
        SOURCE,
        title=jsonld.text(movie.get("name")),
        page_title=html_page.meta(soup, "og:title") or html_page.title(soup),
        url=html_page.address(soup) or jsonld.text(movie.get("url")),
    )
    published = jsonld.text(movie.get("datePublished") or movie.get("dateCreated"))
    released = prose.page_date(published)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", published or "")
    found.year = released.year if released else int(year.group(1)) if year else None
    found.add("release_date", released.isoformat() if released else published)
    found.add("description", jsonld.text(movie.get("description")))
    found.add("content_rating", jsonld.text(movie.get("contentRating")))
    runtime = jsonld.minutes(movie.get("duration"))
    if runtime:
        found.add("runtime", str(runtime), "minutes")
    for name in jsonld.names(movie.get("director")):
        found.add("director", name)
    for name in jsonld.names(_joined(movie.get("actor"), movie.get("actors"))):
        found.add("star", name)
    for genre in jsonld.names(movie.get("genre")):
        found.add("genre", genre)
    _metascore(found, movie.get("aggregateRating"))
    _user_score(found, soup)
    found.reviews = critic_reviews(soup)
    return found


def _joined(*values: Any) -> list[Any]:
    joined: list[Any] = []
    for value in values:
        if value is not None:
            joined.extend(value if isinstance(value, list) else [value])
    return joined


def _metascore(found: Findings, rating: Any) -> None:
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), None)
    if not isinstance(rating, dict):
        return
    value = jsonld.text(rating.get("ratingValue"))
    count = number(jsonld.text(rating.get("reviewCount") or rating.get("ratingCount")))
    found.score("metascore", value, count)


def _user_score(found: Findings, soup: BeautifulSoup) -> None:
    element = next((e for s in _USER_SCORE if (e := soup.select_one(s)) is not None), None)
    if element is None:
        return
    value = re.search(r"\d+(?:\.\d+)?", element.get_text(" "))
    if value is None:  # "tbd": not enough ratings yet
        return
    page = " ".join(soup.get_text(" ").split())
    count = re.search(r"Based on ([\d,]+) User Ratings?", page, re.IGNORECASE)
    found.score("user_score", value.group(0), number(count.group(1) if count else None))


def critic_reviews(soup: BeautifulSoup) -> list[Review]:
    reviews = []
    for card in soup.select(_CARD):
        if card.find_parent(class_=["c-siteReview", "critic_review"]) is not None:
            continue
        if card.select_one(".c-siteReviewHeader_username, .username") is not None:
            continue  # a user's review, not a critic's
        review = Review(
            publication=_text(card, _PUBLICATION),
            critic=_critic(_text(card, _CRITIC)),
            score=_score(_text(card, _SCORE)),
            published_on=prose.page_date(_text(card, _DATE)),
            excerpt=_text(card, _EXCERPT),
            url=_href(card),
        )
        if review.publication or review.critic:
            reviews.append(review)
    return reviews


def _text(card: Tag, selector: str) -> str | None:
    return html_page.text_of(card.select_one(selector))


def _critic(text: str | None) -> str | None:
    return re.sub(r"^By\s+", "", text).strip() or None if text else None


def _score(text: str | None) -> int | None:
    value = number(text)
    return value if value is not None and 0 <= value <= 100 else None


def _href(card: Tag) -> str | None:
    link = card.select_one(_LINK)
    href = link.get("href") if link is not None else None
    return str(href) if href and str(href).startswith("http") else None
