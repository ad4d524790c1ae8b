"""Schema 1: people, films, the diary, watchlists and Spreadsheet comments.

Frozen: this describes the tables as they were created at version 1, not today's models.
"""

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

VERSION = 1


def _fk(target: str, ondelete: str) -> Column[Any]:
    return Column(
        target.split(".")[0] + "_id",
        Integer,
        ForeignKey(target, ondelete=ondelete),
        nullable=False,
        index=True,
    )


def upgrade(connection: Connection) -> None:
    metadata = MetaData()
    Table(
        "person",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("name", String, nullable=False),
        Column("name_key", String, nullable=False, unique=True),
        Column("role", String),
        Column("is_default", Boolean, nullable=False),
        Column("created_at", DateTime, nullable=False),
    )
    Table(
        "film",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("title", String, nullable=False),
        Column("year", Integer),
        Column("title_key", String, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Index("ix_film_title_key_year", "title_key", "year"),
    )
    Table(
        "film_alias",
        metadata,
        Column("id", Integer, primary_key=True),
        _fk("film.id", "CASCADE"),
        Column("alias", String, nullable=False),
        Column("alias_key", String, nullable=False, index=True),
        Column("kind", String, nullable=False),
        UniqueConstraint("film_id", "alias_key"),
    )
    Table(
        "film_external_id",
        metadata,
        Column("id", Integer, primary_key=True),
        _fk("film.id", "CASCADE"),
        Column("source", String, nullable=False),
        Column("value", String, nullable=False),
        UniqueConstraint("source", "value"),
    )
    Table(
        "viewing",
        metadata,
        Column("id", Integer, primary_key=True),
        _fk("film.id", "RESTRICT"),
        Column("watched_on", Date),
        Column("place", String),
        Column("source", String),
        Column("source_key", String, unique=True),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        Index("ix_viewing_watched_on_id", "watched_on", "id"),
    )
    Table(
        "viewing_person",
        metadata,
        Column(
            "viewing_id",
            Integer,
            ForeignKey("viewing.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(
            "person_id",
            Integer,
            ForeignKey("person.id", ondelete="RESTRICT"),
            primary_key=True,
            index=True,
        ),
        Column("rating", Integer),
        Column("liked", Boolean, nullable=False),
        Column("rewatch", Boolean, nullable=False),
        Column("review", String),
    )
    Table(
        "viewing_tag",
        metadata,
        Column(
            "viewing_id",
            Integer,
            ForeignKey("viewing.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("tag", String, primary_key=True, index=True),
    )
    Table(
        "watchlist_entry",
        metadata,
        Column("id", Integer, primary_key=True),
        _fk("film.id", "CASCADE"),
        _fk("person.id", "CASCADE"),
        Column("added_at", DateTime, nullable=False),
        Column("priority", Integer, nullable=False),
        Column("note", String),
        UniqueConstraint("film_id", "person_id"),
    )
    Table(
        "comment",
        metadata,
        Column("id", Integer, primary_key=True),
        _fk("film.id", "CASCADE"),
        _fk("person.id", "CASCADE"),
        Column("text", String, nullable=False),
        Column("created_at", DateTime, nullable=False),
        Column("updated_at", DateTime, nullable=False),
        UniqueConstraint("film_id", "person_id"),
    )
    metadata.create_all(connection)
