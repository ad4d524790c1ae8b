"""The critic reviews a saved Metacritic page lists, in each layout the site has used.

- today's: `div.c-siteReview` cards (publication, date, score, quote, "By" critic, link);
- 2014–2020: `div.review` blocks inside `div.critic_reviews` (`.metascore_w`, `.source` —
  often only the publication's logo, its name in the image's alt text — `.author`, `.date`,
  and `.summary` whose link leads to the full review);
- about 2010–2013: `li.critic_review` items of `ol.critic_reviews` (`.source`, `.author`,
  `.date`, `.review_grade`, `.review_body`, and a "full review" link).

User reviews sit beside them in the same shapes; they are told apart and skipped.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

from diary.core.films.findings import Review, number
from diary.importers import html_page, prose

_CARDS = ".c-siteReview, .critic_review, .review.critic, .critic_reviews .review"
_PUBLICATION = ".c-siteReviewHeader_publicationName, .source, .publication"
_CRITIC = ".c-siteReview_criticName, .author"
_SCORE = (
    ".c-siteReviewScore:not(.c-siteReviewScore_background), .metascore_w, .review_grade, "
    ".c-siteReviewHeader_reviewScore"
)
_DATE = ".c-siteReviewHeader_reviewDate, .c-siteReview_reviewDate, .date"
_EXCERPT = ".c-siteReview_quote, .summary, .review_body"
_LINK = (
    "a.c-siteReview_externalLink, .summary a[href], .full_review a[href], a.read_full, "
    "a.external[href]"
)
_BY_A_USER = (
    ".c-siteReviewHeader_username, .username, .name, .metascore_w.user, .c-siteReviewScore_user"
)
_USER_PLACES = {"user_reviews", "user_review", "user_reviews_module"}


@dataclass
class CriticReviews:
    reviews: list[Review] = field(default_factory=list)
    unreadable: int = 0  # critic review blocks with neither a publication nor a critic


def critic_reviews(soup: BeautifulSoup) -> CriticReviews:
    found = CriticReviews()
    cards = soup.select(_CARDS)
    taken = {id(card) for card in cards}
    for card in cards:
        if any(id(parent) in taken for parent in card.parents):
            continue  # a block inside another review's block
        if _by_a_user(card):
            continue
        review = Review(
            publication=_publication(card),
            critic=_critic(_text(card, _CRITIC)),
            score=_score(_text(card, _SCORE)),
            published_on=prose.page_date(_text(card, _DATE)),
            excerpt=_text(card, _EXCERPT),
            url=_href(card),
        )
        if review.publication or review.critic:
            found.reviews.append(review)
        else:
            found.unreadable += 1
    return found


def _by_a_user(card: Tag) -> bool:
    places = [card, *card.parents]
    if any(_USER_PLACES.intersection(p.get_attribute_list("class") or []) for p in places):
        return True
    return card.select_one(_BY_A_USER) is not None


def _text(card: Tag, selector: str) -> str | None:
    return html_page.text_of(card.select_one(selector))


def _publication(card: Tag) -> str | None:
    """The publication's name, or the alt text of its logo when the page shows only that."""
    element = card.select_one(_PUBLICATION)
    if element is None:
        return None
    name = html_page.text_of(element)
    if name:
        return name
    logo = element.find("img")
    if isinstance(logo, Tag):
        return " ".join(str(logo.get("alt") or logo.get("title") or "").split()) or None
    return None


def _critic(text: str | None) -> str | None:
    return re.sub(r"^By\s+", "", text).strip() or None if text else None


def _score(text: str | None) -> int | None:
    value = number(text)
    return value if value is not None and 0 <= value <= 100 else None


def _href(card: Tag) -> str | None:
    """The full review's address; a link back into Metacritic is no review's address."""
    for link in card.select(_LINK):
        href = str(link.get("href") or "")
        if href.startswith("http") and "metacritic.com" not in href:
            return href
    return None
