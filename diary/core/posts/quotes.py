"""Quoting a critic: the reviews imported for a post's film, put into a post as a fact.

The reviews are numbered as `film show` lists them (highest score first); a quote is the
review's excerpt (else its title) in curly quotes, then who wrote it, where, and the score.
"""

from dataclasses import dataclass

from sqlmodel import Session

from diary.base.errors import InvalidInput
from diary.core.films.details import film_reviews
from diary.core.posts.candidates import fact_texts
from diary.core.posts.pieces import add_fact
from diary.store.models import FilmReview, Post, PostSection


@dataclass
class Quotable:
    number: int
    review: FilmReview
    quote: str | None  # None: the review has no excerpt or title to quote
    used: bool


def quote_of(review: FilmReview) -> str | None:
    """'“A marvel.” — Ada Lane, The Daily Reel (90/100)', or None when there is no text."""
    words = " ".join((review.excerpt or review.title or "").split())
    if not words:
        return None
    who = ", ".join(part for part in (review.critic, review.publication) if part)
    quote = f"“{words}”" + (f" — {who}" if who else "")
    return quote + (f" ({review.score}/100)" if review.score is not None else "")


def quotables(session: Session, post: Post) -> list[Quotable]:
    """The post's film's reviews, numbered, each marked when the post already quotes it."""
    if post.film_id is None:
        return []
    used = fact_texts(session, post)
    found = []
    for number, review in enumerate(film_reviews(session, post.film_id), start=1):
        quote = quote_of(review)
        found.append(Quotable(number, review, quote, quote is not None and quote in used))
    return found


def add_quote(session: Session, post: Post, section: PostSection, number: int) -> str:
    """Add review `number` to the facts section as a quote; say what was added."""
    found = quotables(session, post)
    if not found:
        about = "is about no film" if post.film_id is None else "has no reviews for its film"
        raise InvalidInput(
            f"post {post.number} {about}: import a Metacritic page or a review with "
            "`diary film import-page`"
        )
    if not 1 <= number <= len(found):
        raise InvalidInput(f"no review {number}: choose 1 to {len(found)}")
    chosen = found[number - 1]
    if chosen.quote is None:
        raise InvalidInput(f"review {number} has no excerpt or title to quote")
    if chosen.used:
        return f"{section.heading}: review {number} is already quoted."
    return add_fact(session, post, section, chosen.quote)
