"""Watchlists: films each person wants to see, with priority and a note."""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import InvalidInput, NotFound
from diary.base.titles import display
from diary.core.films.lookup import label
from diary.store.models import Film, Person, WatchlistEntry


@dataclass
class WatchlistRow:
    entry: WatchlistEntry
    film: Film
    person: Person


def add(
    session: Session, film: Film, person: Person, priority: int | None, note: str | None
) -> tuple[WatchlistEntry, bool]:
    """Add the film (or update priority and note); returns (entry, newly_added)."""
    assert film.id is not None and person.id is not None
    entry = session.exec(
        select(WatchlistEntry).where(
            WatchlistEntry.film_id == film.id, WatchlistEntry.person_id == person.id
        )
    ).first()
    created = entry is None
    if entry is None:
        entry = WatchlistEntry(
            film_id=film.id, person_id=person.id, added_at=clock.now(), priority=priority or 0
        )
    elif priority is not None:
        entry.priority = priority
    if note is not None:
        entry.note = note.strip() or None
    session.add(entry)
    session.flush()
    return entry, created


def rows(
    session: Session,
    person: Person | None = None,
    decade: int | None = None,
    min_priority: int | None = None,
) -> list[WatchlistRow]:
    query = (
        select(WatchlistEntry, Film, Person)
        .join(Film, col(Film.id) == col(WatchlistEntry.film_id))
        .join(Person, col(Person.id) == col(WatchlistEntry.person_id))
    )
    if person is not None:
        query = query.where(WatchlistEntry.person_id == person.id)
    if decade is not None:
        query = query.where(col(Film.year) >= decade, col(Film.year) < decade + 10)
    if min_priority is not None:
        query = query.where(col(WatchlistEntry.priority) >= min_priority)
    query = query.order_by(
        col(WatchlistEntry.priority).desc(), col(WatchlistEntry.added_at), col(WatchlistEntry.id)
    )
    return [WatchlistRow(e, f, p) for e, f, p in session.exec(query)]


def remove(session: Session, film: Film, person: Person) -> WatchlistEntry:
    entry = session.exec(
        select(WatchlistEntry).where(
            WatchlistEntry.film_id == film.id, WatchlistEntry.person_id == person.id
        )
    ).first()
    if entry is None:
        raise NotFound(f"{label(film)} is not on {person.name}'s watchlist")
    session.delete(entry)
    session.flush()
    return entry


def pick(
    session: Session,
    person: Person | None,
    how: str = "random",
    decade: int | None = None,
    min_priority: int | None = None,
    seed: int | None = None,
) -> WatchlistRow:
    """One film to watch next: at random, or the one waiting longest.

    A film on several people's watchlists counts once (by its earliest entry), so it is no
    likelier to come up than any other.
    """
    if how not in ("random", "oldest"):
        raise InvalidInput(f"unknown pick {how!r}: use random or oldest")
    earliest: dict[int, WatchlistRow] = {}
    for row in sorted(
        rows(session, person, decade, min_priority),
        key=lambda r: (r.entry.added_at, r.entry.id or 0),
    ):
        earliest.setdefault(row.entry.film_id, row)
    found = list(earliest.values())
    if not found:
        raise NotFound("nothing on the watchlist matches")
    if how == "oldest":
        return found[0]
    return random.Random(seed).choice(found)


def remove_watched(session: Session, film_id: int, people: Sequence[Person]) -> list[str]:
    """Take a film off the watchlist of everyone who just watched it; return their names."""
    ids = {p.id: p.name for p in people}
    removed = []
    for entry in session.exec(
        select(WatchlistEntry).where(
            WatchlistEntry.film_id == film_id, col(WatchlistEntry.person_id).in_(list(ids))
        )
    ):
        removed.append(ids[entry.person_id])
        session.delete(entry)
    session.flush()
    return sorted(removed)


def remove_watched_since_added(
    session: Session, person: Person, first_viewing_id: int, first_entry_id: int
) -> list[tuple[str, bool]]:
    """After an import, as logging does: take off the person's watchlist each film they are
    shown watching on or after the day it went on the list, where the viewing (ids from
    `first_viewing_id` on) or the watchlist entry (ids from `first_entry_id` on) is new. A film
    put back on the list after it was seen stays. Returns (film, entry new in this import).
    """
    from diary.store.bulk import IN_KEYS, fetch, json_list

    found = fetch(
        session,
        (
            "SELECT w.id, f.title, f.year FROM watchlist_entry w JOIN film f ON f.id = w.film_id "
            "WHERE w.person_id = :person AND EXISTS (SELECT 1 FROM viewing v "
            "JOIN viewing_person p ON p.viewing_id = v.id WHERE p.person_id = :person "
            "AND v.film_id = w.film_id AND (v.id >= :viewing OR w.id >= :entry) "
            "AND date(v.created_at) >= date(w.added_at)) "
            "ORDER BY f.title_key, f.year, w.id"
        ),
        {"person": person.id, "viewing": first_viewing_id, "entry": first_entry_id},
    )
    if found:
        fetch(
            session,
            f"DELETE FROM watchlist_entry WHERE id {IN_KEYS}",
            {"keys": json_list(row[0] for row in found)},
        )
    return [(display(title, year), entry >= first_entry_id) for entry, title, year in found]
