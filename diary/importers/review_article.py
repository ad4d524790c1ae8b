"""A critic's review saved as plain text or HTML: title, critic, outlet, date, rating, text.

Plain text is read as: a title line; then, in any order, header lines such as
`By Critic Name, Outlet`, `Outlet: …`, `Published: 18 December 2013`, `Rating: ★★★★` or
`Film: Her (2013)`; then the paragraphs of the review. HTML gives the same through its meta
tags, its schema.org Review/Article JSON-LD, and the paragraphs of its <article>.
"""

import re
from typing import Any

from bs4 import BeautifulSoup

from diary.core.findings import Findings, Review
from diary.importers import html_page, jsonld, prose

SOURCE = "article"

_FILM_WORDS = re.compile(
    r"\b(?:film|films|movie|movies|director|directed|screenplay|cinematography|performances?|"
    r"actor|actress|cast|scenes?|plot|characters?|cinema)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|review by|reviewed by)\s+(?P<who>.+)$", re.IGNORECASE)
_FIELD = re.compile(
    r"^(?P<key>outlet|publication|published in|source|published|posted|date|rating|"
    r"score|verdict|film|movie)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_TITLE_FILM = (
    re.compile(r"^[‘'\"“](?P<film>[^’'\"”]+)[’'\"”]\s+(?:film\s+)?review\b", re.IGNORECASE),
    re.compile(r"^(?P<film>[^:–—|]+?)\s+(?:film\s+)?review\b", re.IGNORECASE),
    re.compile(r"^(?:film\s+)?review\s*[:–—|-]\s*[‘'\"“]?(?P<film>[^’'\"”:–—|]+)", re.I),
)
_FILM_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})\)\s*$")


def looks_like_text(text: str) -> bool:
    """Prose about a film: sentences in paragraphs, a byline or the vocabulary of a review."""
    head, paragraphs = _split_text(text)
    body = " ".join(paragraphs)
    if len(body.split()) < 25 or not any(_is_prose(p) for p in paragraphs):
        return False
    has_byline = any(_BYLINE.match(line) for line in head)
    return has_byline or "review" in (head[0].lower() if head else "") or _film_words(body)


def looks_like_html(soup: BeautifulSoup, data: list[Any]) -> bool:
    article_types = {"Review", "CriticReview", "NewsArticle", "Article", "BlogPosting"}
    kinds = {kind for thing in jsonld.things(data) for kind in jsonld.types(thing)}
    is_article = bool(kinds & article_types) or html_page.meta(soup, "og:type") == "article"
    is_article = is_article or soup.find("article") is not None
    paragraphs = _html_paragraphs(soup)
    return (
        is_article and any(_is_prose(p) for p in paragraphs) and _film_words(" ".join(paragraphs))
    )


def from_text(text: str) -> Findings:
    head, paragraphs = _split_text(text)
    review = Review(title=head[0] if head else None, text="\n\n".join(paragraphs))
    film_line = None
    for line in head[1:]:
        byline, field = _BYLINE.match(line), _FIELD.match(line)
        if byline:
            review.critic, publication = _who(byline["who"])
            review.publication = review.publication or publication
        elif field:
            key, value = field["key"].lower(), field["value"].strip()
            if key in {"outlet", "publication", "published in", "source"}:
                review.publication = value
            elif key in {"published", "posted", "date"}:
                review.published_on = prose.page_date(value)
            elif key in {"rating", "score", "verdict"}:
                review.score = rating_score(value)
            else:
                film_line = value
        elif review.published_on is None and prose.page_date(line):
            review.published_on = prose.page_date(line)
    review.excerpt = _excerpt(paragraphs)
    return _findings(review, film_line, None)


def from_html(soup: BeautifulSoup, data: list[Any]) -> Findings:
    reviews = jsonld.of_type(data, "Review", "CriticReview")
    articles = jsonld.of_type(data, "NewsArticle", "Article", "BlogPosting")
    thing = reviews[0] if reviews else articles[0] if articles else {}
    paragraphs = _html_paragraphs(soup)
    review = Review(
        title=html_page.meta(soup, "og:title")
        or jsonld.text(thing.get("headline") or thing.get("name"))
        or html_page.text_of(soup.select_one("h1"))
        or html_page.title(soup),
        critic=html_page.meta(soup, "author")
        or next(iter(jsonld.names(thing.get("author"))), None)
        or _byline(soup),
        publication=html_page.meta(soup, "og:site_name")
        or next(iter(jsonld.names(thing.get("publisher"))), None),
        published_on=prose.page_date(
            html_page.meta(soup, "article:published_time")
            or jsonld.text(thing.get("datePublished"))
            or _time(soup)
        ),
        text="\n\n".join(paragraphs),
        url=html_page.address(soup),
    )
    review.score = _rating(thing.get("reviewRating"))
    review.excerpt = html_page.meta(soup, "description") or _excerpt(paragraphs)
    film = thing.get("itemReviewed")
    film = film[0] if isinstance(film, list) and film else film
    return _findings(review, None, film if isinstance(film, dict) else None)


def _findings(review: Review, film_line: str | None, film: dict[str, Any] | None) -> Findings:
    found = Findings("review", SOURCE, page_title=review.title, url=review.url)
    found.reviews.append(review)
    if film is not None:
        found.title = jsonld.text(film.get("name"))
        dated = jsonld.text(film.get("dateCreated") or film.get("datePublished")) or ""
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", dated)
        found.year = int(year.group(1)) if year else None
    elif film_line:
        match = _FILM_YEAR.match(film_line)
        found.title = match["title"] if match else film_line
        found.year = int(match["year"]) if match else None
    elif review.title:
        found.title = _film_in_title(review.title)
    return found


def _film_in_title(title: str) -> str | None:
    for pattern in _TITLE_FILM:
        match = pattern.match(title.strip())
        if match:
            return match["film"].strip(" -–—:|") or None
    return None


def _split_text(text: str) -> tuple[list[str], list[str]]:
    """(title and header lines, paragraphs): the header ends at the first line of prose."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    head: list[str] = []
    index = 0
    while index < len(lines):
        line = " ".join(lines[index].split())
        if line and head and not _is_header(line):
            break
        if line:
            head.append(line)
        index += 1
    paragraphs = []
    for block in re.split(r"\n\s*\n", "\n".join(lines[index:])):
        pieces = block.splitlines() if _one_per_line(block) else [block]
        paragraphs += [" ".join(p.split()) for p in pieces if p.strip()]
    return head, paragraphs


def _is_header(line: str) -> bool:
    if _BYLINE.match(line) or _FIELD.match(line) or prose.page_date(line):
        return True
    return len(line.split()) <= 12 and not line.endswith((".", "!", "?", '"', "”"))


def _one_per_line(block: str) -> bool:
    return all(line.rstrip().endswith((".", "!", "?", '"', "”")) for line in block.splitlines())


def _is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= 20 and len(prose.sentences(paragraph)) >= 2


def _film_words(text: str) -> bool:
    return len(_FILM_WORDS.findall(text)) >= 2


def _who(text: str) -> tuple[str | None, str | None]:
    """'Critic Name, Outlet' / 'Critic Name for Outlet' / 'Critic Name | Outlet'."""
    parts = re.split(r"\s*(?:,|\||—|–| for | at )\s*", text.strip(), maxsplit=1)
    critic = parts[0].strip() or None
    return critic, parts[1].strip() if len(parts) > 1 and parts[1].strip() else None


def rating_score(text: str) -> int | None:
    """'★★★★' / '★★★½' (of 5), '4/5', '3.5 out of 4', '8/10' -> 0-100."""
    stars = text.count("★") + (0.5 if "½" in text else 0)
    if stars:
        return round(stars * 20)
    match = re.search(r"(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(\d+)", text)
    if match and float(match.group(2)) > 0:
        value = float(match.group(1)) / float(match.group(2))
        return round(value * 100) if 0 <= value <= 1 else None
    return None


def _rating(rating: Any) -> int | None:
    if isinstance(rating, list):
        rating = next((r for r in rating if isinstance(r, dict)), None)
    if not isinstance(rating, dict):
        return None
    value, best = jsonld.text(rating.get("ratingValue")), jsonld.text(rating.get("bestRating"))
    return rating_score(f"{value}/{best or 5}") if value else None


def _html_paragraphs(soup: BeautifulSoup) -> list[str]:
    root = soup.select_one("[itemprop=articleBody], article, main") or soup.body or soup
    found = []
    for paragraph in root.find_all("p"):
        text = " ".join(paragraph.get_text(" ").split())
        if len(text.split()) >= 4:
            found.append(re.sub(r"\s+([,.;:!?])", r"\1", text))
    return found


def _byline(soup: BeautifulSoup) -> str | None:
    line = html_page.text_of(soup.select_one("[rel=author], .byline, .author"))
    return _who(re.sub(r"^by\s+", "", line, flags=re.IGNORECASE))[0] if line else None


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
