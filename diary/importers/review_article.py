"""A critic's review saved as plain text or HTML: title, film, critic, outlet, date, rating, text.

Plain text is read by the small rules of `review_text` (the site's chrome dropped, then a
title line, header lines in any order — `By Critic, Outlet`, `Published: 18 December 2013`,
`Updated on February 16, 2014`, `Rating: ★★★½`, `Film: Her (2013)` — and the paragraphs).
HTML is read by trafilatura, which finds the article's body among navigation, comments,
sidebars, cookie notices and advertising, and its metadata (title, author, site, date via
htmldate); the page's own meta tags and schema.org Review/Article JSON-LD come first where
they say the same. The film is the Review's `itemReviewed`, a `Film:` line, or the title's
own words ("Movie review: Her", "Review: Her", "Her review – …", "'Her' review").
"""

import re
from typing import Any

from bs4 import BeautifulSoup

from diary.core.films.findings import Findings, Review
from diary.importers import html_page, jsonld, prose, review_text
from diary.importers.review_ratings import in_text, labelled, rating_score
from diary.importers.review_titles import film_in_title

__all__ = ["from_html", "from_text", "looks_like_text", "rating_score"]

SOURCE = "article"

_FILM_WORDS = re.compile(
    r"\b(?:film|films|movie|movies|director|directed|screenplay|cinematography|performances?|"
    r"actor|actress|cast|scenes?|plot|characters?|cinema)\b",
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"^(?P<key>outlet|publication|published in|source|film|movie)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_FILM_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})\)\s*$")
_HEADLINE = ".entry-title, [itemprop=headline], article h1, main h1"
_RATING_PLACES = (
    "[itemprop=reviewRating], [class*=rating], [class*=grade], [class*=verdict], [class*=stars]"
)
_PUBLISHED = "[itemprop=datePublished], time.published, time[pubdate], .published[datetime]"
_DATE_SEARCH = {
    "extensive_search": True,
    "original_date": True,
    "min_date": "1900-01-01",
    "outputformat": "%Y-%m-%d",
}


def looks_like_text(text: str) -> bool:
    """Prose about a film: sentences in paragraphs, a byline or the vocabulary of a review."""
    article = review_text.read(text)
    body = " ".join(article.paragraphs)
    if len(body.split()) < 25 or not any(review_text.is_prose(p) for p in article.paragraphs):
        return False
    has_byline = any(review_text.critic_in(line) for line in article.head)
    head = article.head[0].lower() if article.head else ""
    return has_byline or "review" in head or _film_words(body)


def from_text(text: str) -> Findings:
    article = review_text.read(text)
    head, paragraphs = article.head, article.paragraphs
    review = Review(title=head[0] if head else None, text="\n\n".join(paragraphs))
    film_line = None
    published = updated = None
    for line in head[1:]:
        field, critic = _FIELD.match(line), review_text.critic_in(line)
        if field:
            key, value = field["key"].lower(), field["value"].strip()
            if key in {"film", "movie"}:
                film_line = value
            else:
                review.publication = value
        elif critic and review.critic is None:
            review.critic, publication = _who(critic)
            review.publication = review.publication or publication
        for is_update, shown in review_text.dates_in(line):
            if is_update:
                updated = updated or prose.page_date(shown)
            else:
                published = published or prose.page_date(shown)
    if review.critic is None:  # a name on its own line, then the date on the next
        named = zip(head[1:], head[2:], strict=False)
        review.critic = next(
            (a for a, b in named if prose.looks_like_person(a) and review_text.date_in(b)), None
        )
    review.published_on = published or updated
    after_title = re.search(r"[★½]+$", head[0]) if head else None  # "Her ★★★½"
    review.score = in_text(head[1:], paragraphs)
    if review.score is None and after_title:
        review.score = rating_score(after_title.group())
    review.excerpt = _excerpt(paragraphs)
    return _findings(review, film_line, None)


def from_html(soup: BeautifulSoup, data: list[Any], text: str) -> Findings | None:
    """The review on an article page; None when the page is no article about a film."""
    kinds = {kind for thing in jsonld.things(data) for kind in jsonld.types(thing)}
    article_types = {"Review", "CriticReview", "NewsArticle", "Article", "BlogPosting"}
    is_article = bool(kinds & article_types) or html_page.meta(soup, "og:type") == "article"
    if not (is_article or soup.find("article") is not None):
        return None
    document = _extract(text)
    paragraphs = _body(document, soup)
    reviews = jsonld.of_type(data, "Review", "CriticReview")
    of_a_film = any(  # a Review of a Movie says what it is about without film words
        jsonld.of_type(review.get("itemReviewed"), "Movie", "Film") for review in reviews
    )
    if not any(review_text.is_prose(p) for p in paragraphs):
        return None
    if not (of_a_film or _film_words(" ".join(paragraphs))):
        return None
    articles = jsonld.of_type(data, "NewsArticle", "Article", "BlogPosting")
    thing = reviews[0] if reviews else articles[0] if articles else {}
    title = (
        html_page.meta(soup, "og:title")
        or jsonld.text(thing.get("headline") or thing.get("name"))
        or html_page.text_of(soup.select_one(_HEADLINE))
        or getattr(document, "title", None)
        or html_page.title(soup)
    )
    paragraphs = [p for p in paragraphs if p != title]  # the headline is not the text
    review = Review(
        title=title,
        critic=html_page.meta(soup, "author")
        or next(iter(jsonld.names(thing.get("author"))), None)
        or getattr(document, "author", None)
        or _byline(soup),
        publication=html_page.meta(soup, "og:site_name")
        or next(iter(jsonld.names(thing.get("publisher"))), None)
        or _site_in_title(html_page.title(soup), title)
        or _site_name(getattr(document, "sitename", None)),
        published_on=prose.page_date(
            html_page.meta(soup, "article:published_time")
            or jsonld.text(thing.get("datePublished"))
            or _marked_published(soup)
            or getattr(document, "date", None)
            or _time(soup)
        ),
        text="\n\n".join(paragraphs),
        url=html_page.address(soup),
    )
    review.score = _rating(thing.get("reviewRating"))
    if review.score is None:  # an F is a rating of 0, not a missing one
        review.score = _rating_on_page(soup, paragraphs)
    review.excerpt = html_page.meta(soup, "description") or _excerpt(paragraphs)
    film = thing.get("itemReviewed")
    film = film[0] if isinstance(film, list) and film else film
    return _findings(review, None, film if isinstance(film, dict) else None)


def _extract(text: str) -> Any:
    """trafilatura's reading of the page: body without chrome or comments, and metadata."""
    import logging

    import trafilatura

    for talker in ("trafilatura", "htmldate", "courlan"):  # its notes are not for the user
        if not logging.getLogger(talker).handlers:
            logging.getLogger(talker).addHandler(logging.NullHandler())
    try:
        return trafilatura.bare_extraction(
            text,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_precision=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except Exception:  # a page the extractor chokes on is read by the simple rules below
        return None


def _body(document: Any, soup: BeautifulSoup) -> list[str]:
    text = getattr(document, "text", None)
    lines = text.split("\n") if text else _html_paragraphs(soup)
    return [line for line in review_text.article_lines(prose.clean(x) for x in lines) if line]


def _findings(review: Review, film_line: str | None, film: dict[str, Any] | None) -> Findings:
    found = Findings("review", SOURCE, page_title=review.title, url=review.url)
    found.reviews.append(review)
    if film is not None:
        found.title = jsonld.text(film.get("name"))
        dated = jsonld.text(film.get("dateCreated") or film.get("datePublished")) or ""
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", dated)
        found.year = int(year.group(1)) if year else None
    elif film_line or review.title:
        named = film_line or film_in_title(review.title or "")
        match = _FILM_YEAR.match(named or "")
        found.title = match["title"] if match else named
        found.year = int(match["year"]) if match else None
    return found


def _film_words(text: str) -> bool:
    return len(_FILM_WORDS.findall(text)) >= 2


def _who(text: str) -> tuple[str | None, str | None]:
    """'Critic Name, Outlet' / 'Critic Name for Outlet' / 'Critic Name | Outlet'."""
    parts = re.split(r"\s*(?:,|\||—|–|·| for | at )\s*", text.strip(), maxsplit=1)
    critic = parts[0].strip() or None
    other = parts[1].strip() if len(parts) > 1 else ""
    if not other or re.search(r"\b(?:min read|staff|critic|writer|editor)\b", other, re.I):
        return critic, None
    return critic, other


def _rating(rating: Any) -> int | None:
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), None)
    if not isinstance(rating, dict):
        return None
    value, best = jsonld.text(rating.get("ratingValue")), jsonld.text(rating.get("bestRating"))
    return rating_score(f"{value}/{best or 5}") if value else None


def _rating_on_page(soup: BeautifulSoup, paragraphs: list[str]) -> int | None:
    """A rating shown beside the text (`<span class="grade">B+</span>`), else in it."""
    for element in soup.select(_RATING_PLACES):
        shown = html_page.text_of(element)
        if shown and len(shown.split()) <= 6:
            score = labelled(shown) if ":" in shown else rating_score(shown)
            if score is not None:
                return score
    return in_text([], paragraphs)


def _site_in_title(page_title: str | None, title: str | None) -> str | None:
    """'Her review | The Courier' names the site after the bar, when before it is the title."""
    if not page_title or not title or not page_title.startswith(title):
        return None
    rest = page_title[len(title) :].strip()
    site = re.sub(r"^[|–—-]\s*", "", rest)
    return site if site != rest and site else None


def _site_name(name: str | None) -> str | None:
    return name if name and "." not in name else None  # an address is not a name


def _html_paragraphs(soup: BeautifulSoup) -> list[str]:
    root = soup.select_one("[itemprop=articleBody], article, main") or soup.body or soup
    found = []
    for paragraph in root.find_all("p"):
        text = " ".join(paragraph.get_text(" ").split())
        if len(text.split()) >= 4:
            found.append(text)
    return found


def _byline(soup: BeautifulSoup) -> str | None:
    line = html_page.text_of(soup.select_one("[rel=author], .byline, .author"))
    return _who(re.sub(r"^by\s+", "", line, flags=re.IGNORECASE))[0] if line else None


def _marked_published(soup: BeautifulSoup) -> str | None:
    """The date the page marks as the first publication, when it also shows an update's."""
    stamp = soup.select_one(_PUBLISHED)
    if stamp is None:
        return None
    return str(stamp.get("datetime") or stamp.get("content") or stamp.get_text(" "))


def _time(soup: BeautifulSoup) -> str | None:
    stamp = soup.select_one("time")
    if stamp is None:
        return None
    return str(stamp.get("datetime") or stamp.get_text(" "))


def _excerpt(paragraphs: list[str], limit: int = 300) -> str | None:
    if not paragraphs:
        return None
    picked = ""
    for sentence in prose.sentences(paragraphs[0]):
        if picked and len(picked) + len(sentence) > limit:
            break
        picked = f"{picked} {sentence}".strip()
    return picked or None
