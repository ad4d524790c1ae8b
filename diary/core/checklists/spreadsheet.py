"""The Spreadsheet: a row per nomination with each person's tick, rating and comment.

Export reads it out of the diary; import reads a sheet back in (the hosts' own, or an
export): rows are matched to nominees by IMDb id, else by title (or alias) and year (±1),
else by a title only one nominee has; a tick adds a hand tick, a rating sets the person's
rating of the film, a comment their Spreadsheet comment. A blank cell never removes anything,
and importing the same sheet twice changes nothing.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.titles import display
from diary.base.words import quoted
from diary.core.checklists import ticks
from diary.core.checklists.entries import Entry, as_candidate, entries
from diary.core.checklists.lists import mark_covered
from diary.core.diary import comments
from diary.core.films.lookup import label
from diary.core.films.matcher import closest, compact_key
from diary.store.models import (
    Checklist,
    Comment,
    FilmAlias,
    FilmExternalId,
    FilmRating,
    Person,
    Viewing,
    ViewingPerson,
)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """Text a spreadsheet program will not run as a formula: a leading apostrophe added.

    Text already starting with an apostrophe before such a character gets one more, so that
    `plain` gives back exactly the text.
    """
    if text.startswith(FORMULA_START) or (
        text.startswith("'") and text[1:2] and text[1] in (*FORMULA_START, "'")
    ):
        return "'" + text
    return text


def plain(text: str) -> str:
    """The text `neutral` was given."""
    if text.startswith("'") and text[1:2] and text[1] in (*FORMULA_START, "'"):
        return text[1:]
    return text


@dataclass
class Marks:
    """One person's cells on one row."""

    seen: bool = False
    rating: int | None = None  # half-stars
    comment: str | None = None


@dataclass
class SheetRow:
    entry: Entry
    imdb: str | None
    marks: dict[int, Marks]  # person id -> their cells


def export_rows(session: Session, checklist: Checklist, people: Sequence[Person]) -> list[SheetRow]:
    """Every entry of the checklist with each person's seen, rating and comment."""
    assert checklist.id is not None
    found = entries(session, checklist, people)
    listed = ticks.listed_films(checklist.id)
    ids = [p.id for p in people if p.id is not None]
    rated = ratings(session, ids, listed)
    said = {
        (c.person_id, c.film_id): c.text
        for c in session.exec(
            select(Comment).where(col(Comment.person_id).in_(ids), col(Comment.film_id).in_(listed))
        )
    }
    imdb = dict(
        session.exec(
            select(FilmExternalId.film_id, FilmExternalId.value).where(
                FilmExternalId.source == "imdb", col(FilmExternalId.film_id).in_(listed)
            )
        ).all()
    )
    rows = []
    for entry in found:
        film_id = entry.film.id or 0
        marks = {
            person_id: Marks(
                person_id in entry.seen,
                rated.get((person_id, film_id)),
                said.get((person_id, film_id)),
            )
            for person_id in ids
        }
        rows.append(SheetRow(entry, imdb.get(film_id), marks))
    return rows


def ratings(
    session: Session, person_ids: list[int], film_ids: Select[Any]
) -> dict[tuple[int, int], int]:
    """(person, film) -> rating: their standing rating, else their latest rated viewing."""
    found: dict[tuple[int, int], int] = {}
    for person_id, film_id, rating in session.exec(
        select(ViewingPerson.person_id, Viewing.film_id, ViewingPerson.rating)
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(
            col(ViewingPerson.person_id).in_(person_ids),
            col(Viewing.film_id).in_(film_ids),
            col(ViewingPerson.rating).is_not(None),
        )
        .order_by(col(Viewing.watched_on).nulls_first(), col(Viewing.id))
    ):
        assert rating is not None
        found[(person_id, film_id)] = rating
    for standing in session.exec(
        select(FilmRating).where(
            col(FilmRating.person_id).in_(person_ids), col(FilmRating.film_id).in_(film_ids)
        )
    ):
        found[(standing.person_id, standing.film_id)] = standing.rating
    return found


# --- import ---------------------------------------------------------------------------------


@dataclass
class SheetLine:
    """A row of a sheet being imported, as the file has it."""

    line: int
    title: str
    year: int | None = None
    ceremony: int | None = None
    imdb: str | None = None
    covered: bool = False  # the newsletter has covered the film
    marks: dict[str, Marks] = field(default_factory=dict)  # person's name -> cells


@dataclass
class Plan:
    ticks: list[tuple[Person, Entry]] = field(default_factory=list)
    ratings: list[tuple[Person, Entry, int]] = field(default_factory=list)
    comments: list[tuple[Person, Entry, str]] = field(default_factory=list)
    covered: list[Entry] = field(default_factory=list)
    unmatched: list[tuple[SheetLine, str]] = field(default_factory=list)
    matched: int = 0

    @property
    def changes(self) -> int:
        return len(self.ticks) + len(self.ratings) + len(self.comments) + len(self.covered)


def plan_import(
    session: Session, checklist: Checklist, lines: Sequence[SheetLine], people: Sequence[Person]
) -> Plan:
    """What importing the lines would change; nothing is written."""
    assert checklist.id is not None
    listed = entries(session, checklist, people)
    finder = _Finder(session, listed)
    by_name = {p.name: p for p in people}
    ids = [p.id for p in people if p.id is not None]
    rated = ratings(session, ids, ticks.listed_films(checklist.id))
    said = {
        (c.person_id, c.film_id): c.text
        for c in session.exec(select(Comment).where(col(Comment.person_id).in_(ids)))
    }
    plan = Plan()
    planned: set[tuple[int, int, str]] = set()
    covered: set[int] = set()
    for sheet_line in lines:
        entry, problem = finder.find(sheet_line)
        if entry is None:
            plan.unmatched.append((sheet_line, problem))
            continue
        plan.matched += 1
        film_id = entry.film.id or 0
        if sheet_line.covered and entry.covered != "covered" and film_id not in covered:
            covered.add(film_id)
            plan.covered.append(entry)
        for name, marks in sheet_line.marks.items():
            person = by_name[name]
            assert person.id is not None
            key = (person.id, film_id)
            if marks.seen and person.id not in entry.seen and (*key, "tick") not in planned:
                planned.add((*key, "tick"))
                plan.ticks.append((person, entry))
            if marks.rating is not None and rated.get(key) != marks.rating:
                rated[key] = marks.rating
                plan.ratings.append((person, entry, marks.rating))
            if marks.comment and said.get(key) != marks.comment:
                said[key] = marks.comment
                plan.comments.append((person, entry, marks.comment))
    return plan


def apply_import(session: Session, plan: Plan) -> Plan:
    for person, entry in plan.ticks:
        ticks.tick(session, person, [entry.film.id or 0], "spreadsheet")
    now = clock.now()
    for person, entry, rating in plan.ratings:
        assert person.id is not None and entry.film.id is not None
        standing = session.get(FilmRating, (person.id, entry.film.id))
        if standing is None:
            standing = FilmRating(person_id=person.id, film_id=entry.film.id, rating=rating)
        standing.rating, standing.rated_on, standing.source = rating, now.date(), "spreadsheet"
        session.add(standing)
    for person, entry, text in plan.comments:
        comments.set_comment(session, entry.film, person, text)
    for entry in plan.covered:
        mark_covered(session, entry.film, None, "The Spreadsheet")
    session.flush()
    return plan


class _Finder:
    """Rows to entries: IMDb id, else title or alias with the year (±1), else a unique title."""

    def __init__(self, session: Session, listed: list[Entry]) -> None:
        film_ids = [e.film.id for e in listed]
        self.by_film = {e.film.id: e for e in listed}
        self.by_imdb = dict(
            session.exec(
                select(FilmExternalId.value, FilmExternalId.film_id).where(
                    FilmExternalId.source == "imdb", col(FilmExternalId.film_id).in_(film_ids)
                )
            ).all()
        )
        self.by_key: dict[str, set[int]] = {}
        for entry in listed:
            for text in (entry.film.title, entry.item.listed_title):
                self.by_key.setdefault(compact_key(text), set()).add(entry.film.id or 0)
        for alias in session.exec(select(FilmAlias).where(col(FilmAlias.film_id).in_(film_ids))):
            self.by_key.setdefault(alias.alias_key.replace(" ", ""), set()).add(alias.film_id)

    def find(self, row: SheetLine) -> tuple[Entry | None, str]:
        if row.imdb and row.imdb in self.by_imdb:
            return self.by_film[self.by_imdb[row.imdb]], ""
        found = [self.by_film[i] for i in sorted(self.by_key.get(compact_key(row.title), set()))]
        if row.ceremony is not None:
            found = [e for e in found if e.group is not None and e.group.number == row.ceremony]
        if row.year is not None:
            found = closest(row.year, [as_candidate(e) for e in found]).items
        if len(found) == 1:
            return found[0], ""
        if not found:
            return None, f"{quoted(display(row.title, row.year))} is not on the list"
        names = ", ".join(label(e.film) for e in found)
        return None, f"{quoted(row.title)} could be {names}: add the year or ceremony"
