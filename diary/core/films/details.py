"""Everything known about one film, for `diary film show`: names, diary, facts, awards."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from diary.core.checklists.lists import BUILTIN as BEST_PICTURE
from diary.core.diary import comments
from diary.core.diary.viewings import Filters, ViewingRow, list_viewings
from diary.core.films import lookup as films
from diary.store.models import (
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Film,
    FilmFact,
    FilmLike,
    FilmPage,
    FilmRating,
    FilmReview,
    FilmScore,
    Person,
)


@dataclass
class Nomination:
    """A Best Picture nomination: the ceremony (number and the film year it honoured)."""

    ceremony: int | None
    label: str
    winner: bool
    listed_title: str


@dataclass
class Opinion:
    """A person's standing rating or like of the film, outside any one viewing."""

    person: str
    rating: int | None
    liked: bool
    on: date | None
    source: str | None


@dataclass
class FilmDetails:
    film: Film
    aliases: list[str]
    ids: dict[str, str]
    viewings: list[ViewingRow]
    comments: list[comments.CommentRow]
    facts: list[FilmFact]
    scores: list[FilmScore]
    reviews: list[FilmReview]
    pages: list[FilmPage]
    nominations: list[Nomination]
    opinions: list[Opinion]

    def facts_of(self, kind: str) -> list[FilmFact]:
        return [fact for fact in self.facts if fact.kind == kind]


def film_details(session: Session, film: Film) -> FilmDetails:
    assert film.id is not None
    return FilmDetails(
        film=film,
        aliases=[a.alias for a in films.aliases(session, film)],
        ids=films.external_ids(session, film),
        viewings=list_viewings(session, Filters(film_id=film.id)),
        comments=comments.list_comments(session, film=film),
        facts=list(
            session.exec(
                select(FilmFact)
                .where(FilmFact.film_id == film.id)
                .order_by(col(FilmFact.kind), col(FilmFact.source), col(FilmFact.position))
            )
        ),
        scores=list(
            session.exec(
                select(FilmScore)
                .where(FilmScore.film_id == film.id)
                .order_by(col(FilmScore.metric), col(FilmScore.source))
            )
        ),
        reviews=film_reviews(session, film.id),
        pages=list(
            session.exec(
                select(FilmPage).where(FilmPage.film_id == film.id).order_by(col(FilmPage.id))
            )
        ),
        nominations=best_picture_nominations(session, film.id),
        opinions=opinions(session, film.id),
    )


def opinions(session: Session, film_id: int) -> list[Opinion]:
    """Each person's rating of the film and whether they like it, by name."""
    found: dict[str, Opinion] = {}
    ratings = session.exec(
        select(FilmRating, Person)
        .join(Person, col(Person.id) == col(FilmRating.person_id))
        .where(FilmRating.film_id == film_id)
    )
    for rating, person in ratings:
        found[person.name] = Opinion(
            person.name, rating.rating, False, rating.rated_on, rating.source
        )
    likes = session.exec(
        select(FilmLike, Person)
        .join(Person, col(Person.id) == col(FilmLike.person_id))
        .where(FilmLike.film_id == film_id)
    )
    for like, person in likes:
        opinion = found.setdefault(
            person.name, Opinion(person.name, None, False, like.liked_on, like.source)
        )
        opinion.liked = True
    return [found[name] for name in sorted(found, key=str.casefold)]


def film_reviews(session: Session, film_id: int) -> list[FilmReview]:
    """The film's critic reviews, best score first (unscored last), as `film show` lists them."""
    return list(
        session.exec(
            select(FilmReview)
            .where(FilmReview.film_id == film_id)
            .order_by(col(FilmReview.score).desc().nulls_last(), col(FilmReview.id))
        )
    )


def best_picture_nominations(session: Session, film_id: int) -> list[Nomination]:
    rows = session.exec(
        select(ChecklistItem, ChecklistGroup)
        .join(Checklist, col(Checklist.id) == col(ChecklistItem.checklist_id))
        .join(ChecklistGroup, col(ChecklistGroup.id) == col(ChecklistItem.group_id), isouter=True)
        .where(ChecklistItem.film_id == film_id, Checklist.slug == BEST_PICTURE)
        .order_by(col(ChecklistGroup.position), col(ChecklistItem.id))
    )
    return [
        Nomination(
            ceremony=group.number if group else None,
            label=group.label if group else "",
            winner=item.winner,
            listed_title=item.listed_title,
        )
        for item, group in rows
    ]
