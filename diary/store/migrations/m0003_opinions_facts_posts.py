"""Schema 3: ratings and likes outside viewings, film facts from pages, newsletter posts.

Frozen: this describes the tables as they were created at version 3.
"""

from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

VERSION = 3


def _fk(name: str, target: str, ondelete: str, **kw: object) -> Column[Any]:
    return Column(name, Integer, ForeignKey(target, ondelete=ondelete), **kw)  # type: ignore[arg-type]


def upgrade(connection: Connection) -> None:
    metadata = MetaData()
    # Only what the new foreign keys point at.
    Table("person", metadata, Column("id", Integer, primary_key=True))
    Table("film", metadata, Column("id", Integer, primary_key=True))

    tables = [
        Table(
            "film_rating",
            metadata,
            _fk("person_id", "person.id", "CASCADE", primary_key=True),
            _fk("film_id", "film.id", "CASCADE", primary_key=True, index=True),
            Column("rating", Integer, nullable=False),
            Column("rated_on", Date),
            Column("source", String),
        ),
        Table(
            "film_like",
            metadata,
            _fk("person_id", "person.id", "CASCADE", primary_key=True),
            _fk("film_id", "film.id", "CASCADE", primary_key=True, index=True),
            Column("liked_on", Date),
            Column("source", String),
        ),
        Table(
            "film_page",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("film_id", "film.id", "CASCADE", nullable=False, index=True),
            Column("kind", String, nullable=False),
            Column("digest", String, nullable=False),
            Column("title", String),
            Column("url", String),
            Column("imported_at", DateTime, nullable=False),
            UniqueConstraint("film_id", "kind", "digest"),
        ),
        Table(
            "film_fact",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("film_id", "film.id", "CASCADE", nullable=False, index=True),
            Column("source", String, nullable=False),
            Column("kind", String, nullable=False),
            Column("position", Integer, nullable=False),
            Column("value", String, nullable=False),
            Column("detail", String),
            UniqueConstraint("film_id", "source", "kind", "position"),
        ),
        Table(
            "film_score",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("film_id", "film.id", "CASCADE", nullable=False, index=True),
            Column("source", String, nullable=False),
            Column("metric", String, nullable=False),
            Column("value", String, nullable=False),
            Column("count", Integer),
            Column("recorded_at", DateTime, nullable=False),
            UniqueConstraint("film_id", "source", "metric"),
        ),
        Table(
            "film_review",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("film_id", "film.id", "CASCADE", nullable=False, index=True),
            Column("source", String, nullable=False),
            Column("digest", String, nullable=False),
            Column("publication", String),
            Column("critic", String),
            Column("score", Integer),
            Column("published_on", Date),
            Column("title", String),
            Column("excerpt", String),
            Column("text", String),
            Column("url", String),
            UniqueConstraint("film_id", "digest"),
        ),
        Table(
            "post",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("number", Integer, unique=True),
            _fk("film_id", "film.id", "RESTRICT", index=True),
            Column("format", String, nullable=False),
            Column("title", String),
            Column("subtitle", String),
            Column("status", String, nullable=False),
            Column("publish_on", Date),
            Column("created_at", DateTime, nullable=False),
            Column("updated_at", DateTime, nullable=False),
        ),
        Table(
            "post_section",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("post_id", "post.id", "CASCADE", nullable=False, index=True),
            Column("key", String, nullable=False),
            Column("position", Integer, nullable=False),
            Column("kind", String, nullable=False),
            Column("heading", String, nullable=False),
            Column("tagline", String),
            Column("body", String),
            Column("source", String),
            UniqueConstraint("post_id", "key"),
        ),
        Table(
            "post_entry",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("section_id", "post_section.id", "CASCADE", nullable=False, index=True),
            _fk("parent_id", "post_entry.id", "CASCADE", index=True),
            Column("position", Integer, nullable=False),
            Column("kind", String, nullable=False),
            Column("speaker", String),
            Column("text", String, nullable=False),
            _fk("film_id", "film.id", "SET NULL", index=True),
        ),
        Table(
            "post_footnote",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("post_id", "post.id", "CASCADE", nullable=False, index=True),
            Column("key", String, nullable=False),
            Column("text", String, nullable=False),
            Column("created_at", DateTime, nullable=False),
            UniqueConstraint("post_id", "key"),
        ),
        Table(
            "award",
            metadata,
            Column("id", Integer, primary_key=True),
            _fk("post_id", "post.id", "CASCADE", nullable=False, index=True),
            _fk("section_id", "post_section.id", "SET NULL", index=True),
            Column("theme", String, nullable=False),
            Column("theme_key", String, nullable=False, index=True),
            Column("category", String, nullable=False),
            Column("winner_position", Integer),
            Column("note", String),
            Column("position", Integer, nullable=False),
        ),
        Table(
            "award_nominee",
            metadata,
            _fk("award_id", "award.id", "CASCADE", primary_key=True),
            Column("position", Integer, primary_key=True),
            Column("name", String, nullable=False),
        ),
    ]
    metadata.create_all(connection, tables=tables)
