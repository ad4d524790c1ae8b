"""Quoting a review: the critics' reviews imported for a post's film and the reviews written in
the diary (Letterboxd's among them), put into a post as a fact.

The critics' reviews come first, numbered as `film show` lists them (highest score first),
then the diary's, by date. A quote is the review's excerpt (else its title; a diary review's
first words) in curly quotes, then who wrote it, where, and the score. A review holding HTML
(as Letterboxd writes them) is quoted as inline Markdown: emphasis kept, entities decoded,
links as links (see `diary.base.review_html`).
"""

from dataclasses import dataclass

from sqlmodel import Session, col, select

from diary.base.errors import InvalidInput
from diary.base.review_html import as_markdown
from diary.core.films.details import film_reviews
from diary.core.posts.candidates import fact_texts
from diary.core.posts.pieces import add_fact
from diary.store.models import FilmReview, Person, Post, PostSection, Viewing, ViewingPerson

DIARY = "diary"  # the source of a review written in the diary
_QUOTED_WORDS = 60  # of a diary review: a quote, not the whole of it


@dataclass
class Quotable:
    number: int
    review: FilmReview
    quote: str | None  # None: the review has no excerpt or title to quote
    used: bool


def quote_of(review: FilmReview) -> str | None:
    """'“A marvel.” — Ada Lane, The Daily Reel (90/100)', or None when there is no text."""
    most = _QUOTED_WORDS if review.source == DIARY else None
    words = as_markdown(review.excerpt or review.title or "", one_line=True, most_words=most)
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
    reviews = film_reviews(session, post.film_id) + diary_reviews(session, post.film_id)
    for number, review in enumerate(reviews, start=1):
        quote = quote_of(review)
        found.append(Quotable(number, review, quote, quote is not None and quote in used))
    return found


def diary_reviews(session: Session, film_id: int) -> list[FilmReview]:
    """Reviews of the film written in the diary, by date (undated first), as unsaved
    FilmReview rows: the person as the critic, the day seen as the date, the text as it is
    stored."""
    found = session.exec(
        select(Person.name, col(Viewing.watched_on), col(ViewingPerson.review))
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .join(Person, col(Person.id) == col(ViewingPerson.person_id))
        .where(Viewing.film_id == film_id, col(ViewingPerson.review).is_not(None))
        .order_by(col(Viewing.watched_on).asc().nulls_first(), col(Viewing.id), col(Person.id))
    )
    return [
        FilmReview(
            film_id=film_id, source=DIARY, digest="", critic=name, published_on=on, excerpt=text
        )
        for name, on, text in found
    ]


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
