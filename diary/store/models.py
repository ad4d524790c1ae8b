"""Every table of the database, in one place.

These classes describe today's schema. Migrations never import them: each migration freezes
the tables it creates, and a test checks that the migrations end where these models are.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def _fk(target: str, ondelete: str) -> Column[Any]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=False, index=True)


class SchemaVersion(SQLModel, table=True):
    __tablename__ = "schema_version"

    version: int = Field(primary_key=True)


# --- people and films -------------------------------------------------------------------


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    name: str
    name_key: str = Field(unique=True)
    role: str | None = None
    is_default: bool = False
    created_at: datetime


class Film(SQLModel, table=True):
    __tablename__ = "film"
    __table_args__ = (Index("ix_film_title_key_year", "title_key", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    title: str
    year: int | None = None
    title_key: str
    created_at: datetime


class FilmAlias(SQLModel, table=True):
    __tablename__ = "film_alias"
    __table_args__ = (UniqueConstraint("film_id", "alias_key"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    alias: str
    alias_key: str = Field(index=True)
    kind: str = "alias"


class FilmExternalId(SQLModel, table=True):
    """An id of the film elsewhere: imdb (tt…), letterboxd (film link), tmdb."""

    __tablename__ = "film_external_id"
    __table_args__ = (UniqueConstraint("source", "value"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    source: str
    value: str


# --- the diary ----------------------------------------------------------------------------


class Viewing(SQLModel, table=True):
    """A film seen on a date (or on an unknown date) by one or more people."""

    __tablename__ = "viewing"
    __table_args__ = (
        Index("ix_viewing_watched_on_id", "watched_on", "id"),
        Index("ix_viewing_place", "place"),  # the places of `diary stats` (m0008)
    )

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "RESTRICT"))
    watched_on: date | None = None
    place: str | None = None
    source: str | None = None
    source_key: str | None = Field(default=None, unique=True)
    created_at: datetime
    updated_at: datetime


class ViewingPerson(SQLModel, table=True):
    """One person's part in a viewing: their rating, like, rewatch flag and review."""

    __tablename__ = "viewing_person"
    # Both hold the columns `diary stats` counts, so its figures are read from an index alone;
    # the first also finds a person's entries (see m0008).
    __table_args__ = (
        Index("ix_viewing_person_person_id_rating_rewatch", "person_id", "rating", "rewatch"),
        Index("ix_viewing_person_viewing_id_person_id_rating", "viewing_id", "person_id", "rating"),
    )

    viewing_id: int = Field(
        sa_column=Column(Integer, ForeignKey("viewing.id", ondelete="CASCADE"), primary_key=True)
    )
    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True)
    )
    rating: int | None = None
    liked: bool = False
    rewatch: bool = False
    # Set with --rewatch/--first-time: kept whatever the dates say (see core/rewatches.py).
    rewatch_by_hand: bool = False
    review: str | None = None


class ViewingTag(SQLModel, table=True):
    __tablename__ = "viewing_tag"

    viewing_id: int = Field(
        sa_column=Column(Integer, ForeignKey("viewing.id", ondelete="CASCADE"), primary_key=True)
    )
    tag: str = Field(primary_key=True, index=True)


class WatchlistEntry(SQLModel, table=True):
    __tablename__ = "watchlist_entry"
    __table_args__ = (UniqueConstraint("film_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    person_id: int = Field(sa_column=_fk("person.id", "CASCADE"))
    added_at: datetime
    priority: int = 0
    note: str | None = None


class Comment(SQLModel, table=True):
    """A Spreadsheet comment: one short remark per person per film."""

    __tablename__ = "comment"
    __table_args__ = (UniqueConstraint("film_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    person_id: int = Field(sa_column=_fk("person.id", "CASCADE"))
    text: str
    created_at: datetime
    updated_at: datetime


# --- checklists (Best Picture and any other list of films) ------------------------------


class Checklist(SQLModel, table=True):
    """A named list of films: the built-in Best Picture list, an imported list, a user's list."""

    __tablename__ = "checklist"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    name: str
    description: str | None = None
    kind: str = "user"  # builtin | letterboxd | user
    source_key: str | None = Field(default=None, unique=True)
    created_at: datetime


class ChecklistGroup(SQLModel, table=True):
    """A group of items, e.g. one Academy Awards ceremony."""

    __tablename__ = "checklist_group"
    __table_args__ = (UniqueConstraint("checklist_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    checklist_id: int = Field(sa_column=_fk("checklist.id", "CASCADE"))
    key: str
    label: str
    number: int | None = None
    position: int = 0


class ChecklistItem(SQLModel, table=True):
    __tablename__ = "checklist_item"

    id: int | None = Field(default=None, primary_key=True)
    checklist_id: int = Field(sa_column=_fk("checklist.id", "CASCADE"))
    group_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("checklist_group.id", ondelete="CASCADE"), index=True),
    )
    film_id: int = Field(sa_column=_fk("film.id", "RESTRICT"))
    position: int = 0
    listed_title: str
    listed_year: int | None = None
    winner: bool = False
    note: str | None = None


class FilmTick(SQLModel, table=True):
    """A film ticked by hand as seen (seen long ago, no diary entry)."""

    __tablename__ = "film_tick"

    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    )
    film_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("film.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
    ticked_at: datetime
    source: str | None = None


class Pick(SQLModel, table=True):
    """A round of "Pick Three, Choose One": who proposed, who chose, and what."""

    __tablename__ = "pick"

    id: int | None = Field(default=None, primary_key=True)
    checklist_id: int = Field(sa_column=_fk("checklist.id", "CASCADE"))
    proposed_by: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="SET NULL")),
    )
    chosen_by: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="SET NULL")),
    )
    chosen_film_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("film.id", ondelete="SET NULL")),
    )
    created_at: datetime


class PickOption(SQLModel, table=True):
    __tablename__ = "pick_option"

    pick_id: int = Field(
        sa_column=Column(Integer, ForeignKey("pick.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))


class FilmCovered(SQLModel, table=True):
    """The newsletter has covered this film (a post about it was published)."""

    __tablename__ = "film_covered"

    film_id: int = Field(
        sa_column=Column(Integer, ForeignKey("film.id", ondelete="CASCADE"), primary_key=True)
    )
    covered_on: date | None = None
    note: str | None = None


# --- a person's standing opinion of a film (outside any one viewing) ----------------------


class FilmRating(SQLModel, table=True):
    """A person's rating of a film with no viewing behind it (e.g. a Letterboxd rating)."""

    __tablename__ = "film_rating"

    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    )
    film_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("film.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
    rating: int  # half-stars, 1-10
    rated_on: date | None = None
    source: str | None = None


class FilmLike(SQLModel, table=True):
    """A person likes a film (♥), independently of any viewing."""

    __tablename__ = "film_like"

    person_id: int = Field(
        sa_column=Column(Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    )
    film_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("film.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
    liked_on: date | None = None
    source: str | None = None


# --- film facts from pages the user hands over --------------------------------------------


class FilmPage(SQLModel, table=True):
    """A page imported for a film (a Wikipedia article, a Metacritic page, a review)."""

    __tablename__ = "film_page"
    __table_args__ = (UniqueConstraint("film_id", "kind", "digest"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    kind: str  # wikipedia | metacritic | review
    digest: str  # sha256 of the page's bytes: the same page imported twice is one page
    title: str | None = None
    url: str | None = None
    imported_at: datetime


class FilmFact(SQLModel, table=True):
    """One fact about a film from one source: a director, a star, the runtime, a fun fact…

    `kind` says what it is (director, star, runtime, budget, box_office, synopsis, short_plot,
    genre, content_rating, release_date, description, fun_fact, section…); `detail` qualifies
    it (the article section a fun fact came from, a unit); `position` orders facts of a kind.
    """

    __tablename__ = "film_fact"
    __table_args__ = (UniqueConstraint("film_id", "source", "kind", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    source: str  # Wikipedia | Metacritic | user | …
    kind: str
    position: int = 0
    value: str
    detail: str | None = None


class FilmScore(SQLModel, table=True):
    """A score as a source quotes it: Metacritic's metascore, a Rotten Tomatoes figure…

    Two sources quoting the same metric are two rows; neither overwrites the other.
    """

    __tablename__ = "film_score"
    __table_args__ = (UniqueConstraint("film_id", "source", "metric"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    source: str  # who quotes it: Wikipedia | Metacritic
    metric: str  # metascore | user_score | tomatometer | rt_average | cinemascore | …
    value: str  # as quoted: "91", "94%", "8.5/10", "B−"
    count: int | None = None  # reviews or votes behind it, when stated
    recorded_at: datetime


class FilmReview(SQLModel, table=True):
    """A critic's review of a film (listed on a Metacritic page or imported as an article)."""

    __tablename__ = "film_review"
    __table_args__ = (UniqueConstraint("film_id", "digest"),)

    id: int | None = Field(default=None, primary_key=True)
    film_id: int = Field(sa_column=_fk("film.id", "CASCADE"))
    source: str  # where it was found: Metacritic | article
    digest: str  # identity of the review, stable across re-imports
    publication: str | None = None
    critic: str | None = None
    score: int | None = None
    published_on: date | None = None
    title: str | None = None
    excerpt: str | None = None
    text: str | None = None
    url: str | None = None


# --- newsletter posts ---------------------------------------------------------------------


class Post(SQLModel, table=True):
    """A newsletter installment: a film, a number, a status and ordered sections."""

    __tablename__ = "post"

    id: int | None = Field(default=None, primary_key=True)
    number: int | None = Field(default=None, unique=True)
    film_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("film.id", ondelete="RESTRICT"), index=True),
    )
    format: str
    title: str | None = None
    subtitle: str | None = None
    status: str = "draft"  # draft | ready | published
    publish_on: date | None = None
    created_at: datetime
    updated_at: datetime
    next_film_id: int | None = Field(  # the film its teaser announces
        default=None,
        sa_column=Column(Integer, ForeignKey("film.id", ondelete="SET NULL"), index=True),
    )


class PostSection(SQLModel, table=True):
    """A section of a post, copied from its format when the post is started."""

    __tablename__ = "post_section"
    __table_args__ = (UniqueConstraint("post_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(sa_column=_fk("post.id", "CASCADE"))
    key: str
    position: int
    kind: str  # prose | speakers | plot | facts | award | films | boilerplate | footnotes | qa
    heading: str
    tagline: str | None = None
    body: str | None = None  # prose Markdown, boilerplate, or a plot's short version
    source: str | None = None  # e.g. where the short version of the plot comes from
    labels: str | None = None  # this post's own labels, a JSON object over the format's
    long_source: str | None = None  # where a plot's long version comes from


class PostEntry(SQLModel, table=True):
    """One piece of a section: a speaker line, a paragraph, a fact, a remark on a fact…

    A remark hangs under its parent entry (a fact or a plot paragraph).
    """

    __tablename__ = "post_entry"

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(sa_column=_fk("post_section.id", "CASCADE"))
    parent_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("post_entry.id", ondelete="CASCADE"), index=True),
    )
    position: int
    kind: str  # line | paragraph | fact | remark | film | question | answer | item
    speaker: str | None = None  # "Ellen", or "Ellen & Tyler" for a joint answer
    text: str
    film_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("film.id", ondelete="SET NULL"), index=True),
    )


class PostFootnote(SQLModel, table=True):
    """A footnote of a post; its number is given at export, in order of first use."""

    __tablename__ = "post_footnote"
    __table_args__ = (UniqueConstraint("post_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(sa_column=_fk("post.id", "CASCADE"))
    key: str  # the marker written in the text, e.g. "fn3" for [^fn3]
    text: str
    created_at: datetime


class Award(SQLModel, table=True):
    """A themed award given in a post: a category, nominees, one winner, an acceptance note."""

    __tablename__ = "award"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(sa_column=_fk("post.id", "CASCADE"))
    section_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("post_section.id", ondelete="SET NULL"), index=True),
    )
    theme: str
    theme_key: str = Field(index=True)
    category: str
    winner_position: int | None = None
    note: str | None = None
    position: int = 0
    announced: str | None = None  # the winner as the post words it, when not as nominated


class AwardNominee(SQLModel, table=True):
    __tablename__ = "award_nominee"

    award_id: int = Field(
        sa_column=Column(Integer, ForeignKey("award.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = Field(primary_key=True)
    name: str
