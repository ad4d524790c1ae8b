"""What every command shares: the global options, sessions, and who "me" is."""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.store.location import Location
    from diary.store.models import Film, Person


@dataclass
class State:
    db: str | None = None
    debug: bool = False
    # Title and year typed -> the film picked at the terminal before the write lock was taken.
    chosen: dict[tuple[str, int | None], int] = field(default_factory=dict)
    # The name given at the first-run question, asked before the write lock was taken.
    first_name: str | None = None


state = State()


def location() -> "Location":
    from diary.store.location import resolve

    return resolve(state.db)


@contextmanager
def session(write: bool = False) -> Iterator["Session"]:
    """One transaction on the chosen database; writes begin IMMEDIATE and commit at the end."""
    from diary.cli.output import say
    from diary.store.database import open_session

    with open_session(location(), write, notify=say) as opened:
        _startup_done()
        yield opened
    if opened.info:
        from diary.store.notes import notes_after_commit

        for note in notes_after_commit(opened):
            say(note)


def _startup_done() -> None:
    """Resume the garbage collector paused by main(); what start-up built is never rescanned."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def interactive() -> bool:
    """Prompts only when a person is at a terminal; scripts never block."""
    if os.environ.get("DIARY_NO_PROMPT"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def person(db: "Session", name: str | None) -> "Person":
    """The named person, or the default one; on a first run at a TTY, ask who "me" is."""
    from diary.core.diary import people

    if name is None and _writable(db) and not people.has_people(db):
        answer = state.first_name if state.first_name is not None else _ask_name()
        if answer and answer.strip():
            added = people.add_person(db, answer, role="host")
            from diary.store.notes import note_after_commit

            note_after_commit(
                db,
                f"Added {added.name} as a host, the default person when --by is left out "
                f"(`diary people role {added.name} guest` changes the role).",
            )
            return added
    return people.resolve_person(db, name)


def ask_name_first(name: str | None) -> None:
    """On a first run at a TTY, ask who "me" is before the write transaction begins, so the
    question never holds the write lock; the person is added inside that transaction."""
    if name is not None or not interactive():
        return
    from diary.base.errors import DiaryError
    from diary.core.diary import people

    try:
        with session() as db:
            nobody = not people.has_people(db)
    except DiaryError:
        return  # an upgrade due, say: the command's own transaction says so
    if nobody:
        state.first_name = _ask_name() or ""


def _ask_name() -> str | None:
    if not interactive():
        return None
    from diary.cli import asking

    return asking.text("Nobody is here yet. What is your name? (you will be a host)")


def _writable(db: "Session") -> bool:
    """Whether the session's transaction will be committed (so a new person would be kept)."""
    from diary.store.engine import WRITE

    return bool(db.get_bind().get_execution_options().get(WRITE))


def film(db: "Session", text: str, year: int | None = None, create: bool = False) -> "Film":
    """The film the user means; on a TTY an ambiguous title becomes a choice."""
    from diary.base.errors import Ambiguous
    from diary.core.films import lookup as films
    from diary.store.models import Film

    picked = state.chosen.get((text, year))
    if picked is not None and (found := db.get(Film, picked)) is not None:
        return found
    try:
        return films.resolve_film(db, text, year, create=create)
    except Ambiguous as exc:
        chosen = _choose(text, exc)
        if chosen is None:
            raise
        return chosen


def choose_film_first(text: str | None, year: int | None = None) -> None:
    """At a terminal, settle an ambiguous title before a write transaction begins, so that
    no other diary command waits on the write lock while the question is on screen."""
    if text is None or not interactive():
        return
    from diary.base.errors import Ambiguous, DiaryError
    from diary.core.films import lookup as films

    try:
        with session() as db:
            try:
                films.resolve_film(db, text, year)
            except Ambiguous as exc:
                chosen = _choose(text, exc)  # a read transaction: nobody waits on it
                if chosen is not None and chosen.id is not None:
                    state.chosen[(text, year)] = chosen.id
    except DiaryError:
        pass  # unknown, or an upgrade due: the command's own transaction says so


def _choose(text: str, ambiguous: Exception) -> "Film | None":
    from diary.base.errors import Ambiguous
    from diary.core.films import lookup as films

    if not interactive() or not isinstance(ambiguous, Ambiguous):
        return None
    import questionary

    from diary.cli import asking

    choices = [questionary.Choice(films.label(f), value=f) for f in ambiguous.candidates]
    chosen: Film = asking.select(f"Which {text!r}?", choices)
    return chosen


def people(db: "Session", names: list[str], everyone: bool) -> list["Person"]:
    """The people named (each once), else everyone who watches (or only the default person)."""
    from diary.core.diary.people import watchers

    if names:
        named = [person(db, name) for name in names]
        return list({p.id: p for p in named}.values())
    return watchers(db) if everyone else [person(db, None)]
