"""A Metacritic film page saved as HTML: its schema.org Movie, its scores, its critic reviews.

Pages saved since about 2017 carry a schema.org Movie JSON-LD block (title, release date,
description, content rating, duration, directors, actors, genres, Metascore and review
count); older pages carry none, and their header gives the title, release date, director,
genres, runtime and the scores instead. The user score and its number of ratings ("based on
1,208 Ratings", "Based on 312 User Ratings") and the critic reviews always come from the
page itself. What a film page should have but this one did not give is listed in
`Findings.missing`, so an unknown layout is said, not stored as nothing.
"""

import re
from typing import Any

from bs4 import BeautifulSoup

from diary.core.films.findings import Findings, NotAPage, number
from diary.importers import html_page, jsonld, prose
from diary.importers.metacritic_reviews import critic_reviews

SOURCE = "Metacritic"

_TITLE = (
    ".c-productHero_title h1, .product_page_title h1, h1.product_title, "
    ".product_title [itemprop=name], .product_title a, .product_title"
)
_RELEASE = ".release_data .data, .release_date .data, .release_date, [itemprop=datePublished]"
_METASCORE = (
    ".c-productScoreInfo_scoreNumber .c-siteReviewScore:not(.c-siteReviewScore_user)",
    ".metascore_summary [itemprop=ratingValue]",
    ".metascore_summary .metascore_w",
    ".metascore_w.larger:not(.user)",
    ".metascore_w.xlarge:not(.user)",
)
# The page's own user score first: each user review on the page has a score of its own.
_USER_SCORE = (
    ".c-productScoreInfo .c-siteReviewScore_user",
    ".c-reviewsOverview_overviewDetails .c-siteReviewScore_user",
    "[data-testid='user-score']",
    ".c-siteReviewScore_user:not(.c-siteReview .c-siteReviewScore_user)",
    ".userscore_wrap .metascore_w",
    ".userscore_wrap .score_value",
    ".metascore_w.user:not(.indiv)",
)
_CRITIC_COUNT = re.compile(r"based on ([\d,]+) Critic(?:s| Reviews?)\b", re.IGNORECASE)
_USER_COUNT = re.compile(r"based on ([\d,]+) (?:User )?Ratings?\b", re.IGNORECASE)
_NOT_FILMS = {"TVSeries": "a TV show", "TVSeason": "a TV season", "VideoGame": "a game"}
_NOT_FILM_PATHS = {"/tv/": "a TV show", "/game/": "a game", "/music/": "an album"}


def looks_like(soup: BeautifulSoup, data: list[Any]) -> bool:
    places = [html_page.meta(soup, "og:site_name"), html_page.address(soup)]
    places += [jsonld.text(thing.get("url")) for thing in jsonld.things(data)]
    return any(place and "metacritic" in place.lower() for place in places)


def parse(soup: BeautifulSoup, data: list[Any]) -> Findings:
    movies = jsonld.of_type(data, "Movie")
    movie = movies[0] if movies else _older_page(soup, data)
    found = Findings(
        "metacritic",
        SOURCE,
        title=jsonld.text(movie.get("name")) or _page_title(soup),
        page_title=html_page.meta(soup, "og:title") or html_page.title(soup),
        url=html_page.address(soup) or jsonld.text(movie.get("url")),
    )
    if not found.title:
        raise NotAPage("this Metacritic page does not say which film it is about")
    published = jsonld.text(movie.get("datePublished") or movie.get("dateCreated"))
    published = published or _label_off(html_page.text_of(soup.select_one(_RELEASE)))
    released = prose.page_date(published)
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", published or "") or re.search(
        r"\b(1[89]\d\d|20\d\d)\b", html_page.text_of(soup.select_one(".release_year")) or ""
    )
    found.year = released.year if released else int(year.group(1)) if year else None
    found.add("release_date", released.isoformat() if released else published)
    found.add("description", jsonld.text(movie.get("description")))
    found.add("content_rating", jsonld.text(movie.get("contentRating")))
    runtime = jsonld.minutes(movie.get("duration")) or _page_runtime(soup)
    if runtime:
        found.add("runtime", str(runtime), "minutes")
    for name in jsonld.names(movie.get("director")) or _page_list(soup, ".director a"):
        found.add("director", name)
    for name in jsonld.names(_joined(movie.get("actor"), movie.get("actors"))):
        found.add("star", name)
    genres = jsonld.names(movie.get("genre")) or _page_list(soup, ".product_genre .data")
    for genre in genres:
        found.add("genre", genre)
    page = " ".join(soup.get_text(" ").split())
    _metascore(found, movie.get("aggregateRating"), soup, page)
    _user_score(found, soup, page)
    listed = critic_reviews(soup)
    found.reviews = listed.reviews
    _say_what_is_missing(found, listed.unreadable)
    return found


def _older_page(soup: BeautifulSoup, data: list[Any]) -> dict[str, Any]:
    """No Movie block: a film page of an older layout is read from its header, else refused."""
    kinds = {kind for thing in jsonld.things(data) for kind in jsonld.types(thing)}
    address = html_page.address(soup) or ""
    other = next((name for kind, name in _NOT_FILMS.items() if kind in kinds), None)
    other = other or next((name for path, name in _NOT_FILM_PATHS.items() if path in address), None)
    if other:
        raise NotAPage(f"this Metacritic page is about {other}, not a film")
    film_page = "/movie/" in address or html_page.meta(soup, "og:type") in {"movie", "video.movie"}
    if not film_page or not _page_title(soup):
        raise NotAPage(
            "this Metacritic page has no film data (no schema.org Movie JSON-LD, "
            "and no film page header)"
        )
    return {}


def _page_title(soup: BeautifulSoup) -> str | None:
    return html_page.text_of(soup.select_one(_TITLE)) or html_page.meta(soup, "og:title")


def _label_off(text: str | None) -> str | None:
    return re.sub(r"^Release Date:\s*", "", text, flags=re.IGNORECASE) or None if text else None


def _page_runtime(soup: BeautifulSoup) -> int | None:
    text = html_page.text_of(soup.select_one(".product_runtime .data, .runtime")) or ""
    minutes = re.search(r"(\d+)\s*min", text)
    return int(minutes.group(1)) if minutes else None


def _page_list(soup: BeautifulSoup, selector: str) -> list[str]:
    return [text for e in soup.select(selector) if (text := html_page.text_of(e))]


def _joined(*values: Any) -> list[Any]:
    joined: list[Any] = []
    for value in values:
        if value is not None:
            joined.extend(value if isinstance(value, list) else [value])
    return joined


def _metascore(found: Findings, rating: Any, soup: BeautifulSoup, page: str) -> None:
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), None)
    if isinstance(rating, dict) and jsonld.text(rating.get("ratingValue")):
        count = number(jsonld.text(rating.get("reviewCount") or rating.get("ratingCount")))
        found.score("metascore", jsonld.text(rating.get("ratingValue")), count)
        return
    shown, value = _first_number(soup, _METASCORE)
    if value is not None:
        counted = _CRITIC_COUNT.search(page)
        found.score("metascore", value, number(counted.group(1) if counted else None))
    elif not shown:
        found.missing.append("the Metascore")


def _user_score(found: Findings, soup: BeautifulSoup, page: str) -> None:
    shown, value = _first_number(soup, _USER_SCORE)
    if value is not None:
        counted = _USER_COUNT.search(page)
        found.score("user_score", value, number(counted.group(1) if counted else None))
    elif not shown:
        found.missing.append("the user score")


def _first_number(soup: BeautifulSoup, selectors: tuple[str, ...]) -> tuple[bool, str | None]:
    """(whether the page shows the score, its number): "tbd" (too few yet) is shown, no number."""
    element = next((e for s in selectors if (e := soup.select_one(s)) is not None), None)
    if element is None:
        return False, None
    value = re.search(r"\d+(?:\.\d+)?", element.get_text(" "))
    return True, value.group(0) if value else None


def _say_what_is_missing(found: Findings, unreadable: int) -> None:
    if found.year is None:
        found.missing.insert(0, "the release year")
    if unreadable:
        found.missing.append(f"{unreadable} critic review blocks with no publication or critic")
    elif not found.reviews:
        found.missing.append("critic reviews")
