"""Schema 2: checklists (Best Picture and other lists), hand ticks, picks, coverage.

Frozen: this describes the tables as they were created at version 2.
"""

from typing import Any

from sqlalchemy import (
    Boolean,
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

VERSION = 2


def upgrade(connection: Connection) -> None:
    metadata = MetaData()
    # Reflect only what the new foreign keys point at.
    Table("person", metadata, Column("id", Integer, primary_key=True))
    Table("film", metadata, Column("id", Integer, primary_key=True))

    def fk(name: str, target: str, ondelete: str, **kw: object) -> Column[Any]:
        return Column(name, Integer, ForeignKey(target, ondelete=ondelete), **kw)  # type: ignore[arg-type]

    tables = [
        Table(
            "checklist",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("slug", String, nullable=False, unique=True),
            Column("name", String, nullable=False),
            Column("description", String),
            Column("kind", String, nullable=False),
            Column("source_key", String, unique=True),
            Column("created_at", DateTime, nullable=False),
        ),
        Table(
            "checklist_group",
            metadata,
            Column("id", Integer, primary_key=True),
            fk("checklist_id", "checklist.id", "CASCADE", nullable=False, index=True),
            Column("key", String, nullable=False),
            Column("label", String, nullable=False),
            Column("number", Integer),
            Column("position", Integer, nullable=False),
            UniqueConstraint("checklist_id", "key"),
        ),
        Table(
            "checklist_item",
            metadata,
            Column("id", Integer, primary_key=True),
            fk("checklist_id", "checklist.id", "CASCADE", nullable=False, index=True),
            fk("group_id", "checklist_group.id", "CASCADE", index=True),
            fk("film_id", "film.id", "RESTRICT", nullable=False, index=True),
            Column("position", Integer, nullable=False),
            Column("listed_title", String, nullable=False),
            Column("listed_year", Integer),
            Column("winner", Boolean, nullable=False),
            Column("note", String),
        ),
        Table(
            "film_tick",
            metadata,
            fk("person_id", "person.id", "CASCADE", primary_key=True),
            fk("film_id", "film.id", "CASCADE", primary_key=True, index=True),
            Column("ticked_at", DateTime, nullable=False),
            Column("source", String),
        ),
        Table(
            "film_covered",
            metadata,
            fk("film_id", "film.id", "CASCADE", primary_key=True),
            Column("covered_on", Date),
            Column("note", String),
        ),
        Table(
            "pick",
            metadata,
            Column("id", Integer, primary_key=True),
            fk("checklist_id", "checklist.id", "CASCADE", nullable=False, index=True),
            fk("proposed_by", "person.id", "SET NULL"),
            fk("chosen_by", "person.id", "SET NULL"),
            fk("chosen_film_id", "film.id", "SET NULL"),
            Column("created_at", DateTime, nullable=False),
        ),
        Table(
            "pick_option",
            metadata,
            fk("pick_id", "pick.id", "CASCADE", primary_key=True),
            Column("position", Integer, primary_key=True),
            fk("film_id", "film.id", "CASCADE", nullable=False, index=True),
        ),
    ]
    metadata.create_all(connection, tables=tables)
