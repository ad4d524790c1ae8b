"""Who has seen what: viewings and hand ticks, and matching a seen film to a listed one.

A person has seen a film when they have a viewing of it or a `film_tick`. A film seen under
another row (a Letterboxd import, a title typed with the year a festival gave it) counts for
a listed film when the rules of diary.core.films.matcher say they are the same film: the same
title or alias (spaces and punctuation aside), the year rule, no conflicting IMDb ids.
Never a fuzzy guess, never a remake (they are years apart).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import CompoundSelect, Select, or_, union
from sqlmodel import Session, col, select

from diary.base import clock
from diary.core.films.lookup import label
from diary.core.films.matcher import Candidate, closest
from diary.store.bulk import IN_KEYS, fetch, json_list
from diary.store.models import (
    ChecklistItem,
    Film,
    FilmAlias,
    FilmExternalId,
    FilmTick,
    Person,
    Viewing,
    ViewingPerson,
)

CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on variables
KEYS = 1000  # ids per `IN :keys` list (one parameter)


def seen_union(
    person_ids: Sequence[int], film_ids: Select[Any] | None = None
) -> CompoundSelect[Any]:
    """(person_id, film_id) for every film the people have viewed or ticked, once each."""
    viewed = (
        select(col(ViewingPerson.person_id), col(Viewing.film_id))
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(col(ViewingPerson.person_id).in_(person_ids))
    )
    ticked = select(col(FilmTick.person_id), col(FilmTick.film_id)).where(
        col(FilmTick.person_id).in_(person_ids)
    )
    if film_ids is not None:
        # Asked as the viewings of those films (through the film index) rather than as a
        # condition on each viewing: else the planner walks every part the people ever had.
        of_films = select(col(Viewing.id)).where(col(Viewing.film_id).in_(film_ids))
        viewed = viewed.where(col(ViewingPerson.viewing_id).in_(of_films))
        ticked = ticked.where(col(FilmTick.film_id).in_(film_ids))
    return union(viewed, ticked)


def seen_by(
    session: Session, person_ids: Sequence[int], film_ids: Select[Any] | None = None
) -> dict[int, set[int]]:
    """film id -> ids of the people (among `person_ids`) who have seen it."""
    found: dict[int, set[int]] = {}
    if not person_ids:
        return found
    for person_id, film_id in session.execute(seen_union(person_ids, film_ids)):
        found.setdefault(film_id, set()).add(person_id)
    return found


def listed_films(checklist_id: int | None = None) -> Select[Any]:
    query = select(ChecklistItem.film_id)
    if checklist_id is not None:
        query = query.where(ChecklistItem.checklist_id == checklist_id)
    return query


@dataclass
class Known:
    """Films reduced to what matching looks at: keys (title and aliases), year, IMDb id."""

    keys: dict[int, set[str]] = field(default_factory=dict)
    year: dict[int, int | None] = field(default_factory=dict)
    imdb: dict[int, str] = field(default_factory=dict)

    def by_key(self) -> dict[str, list[int]]:
        """Films by compact key (spaces ignored, as diary.core.films.matcher compares titles)."""
        index: dict[str, list[int]] = {}
        for film_id, keys in self.keys.items():
            for key in {k.replace(" ", "") for k in keys}:
                if film_id not in index.setdefault(key, []):
                    index[key].append(film_id)
        return index


def describe(session: Session, film_ids: Select[Any] | Sequence[int]) -> Known:
    """Keys, year and IMDb id of the films: three queries per chunk of ids."""
    known = Known()
    if not isinstance(film_ids, Select):
        ids = list(dict.fromkeys(film_ids))
        for start in range(0, len(ids), KEYS):
            _describe_ids(session, ids[start : start + KEYS], known)
        return known
    for film_id, key, year in session.execute(
        select(col(Film.id), col(Film.title_key), col(Film.year)).where(col(Film.id).in_(film_ids))
    ):
        known.keys[film_id] = {key}
        known.year[film_id] = year
    for film_id, key in session.execute(
        select(col(FilmAlias.film_id), col(FilmAlias.alias_key)).where(
            col(FilmAlias.film_id).in_(film_ids)
        )
    ):
        known.keys[film_id].add(key)
    for film_id, value in session.execute(
        select(col(FilmExternalId.film_id), col(FilmExternalId.value)).where(
            FilmExternalId.source == "imdb", col(FilmExternalId.film_id).in_(film_ids)
        )
    ):
        known.imdb[film_id] = value
    return known


def _describe_ids(session: Session, ids: list[int], known: Known) -> None:
    """`describe` for a chunk of ids, each list of them one parameter."""
    keys = {"keys": json_list(ids)}
    for film_id, key, year in fetch(
        session, f"SELECT id, title_key, year FROM film WHERE id {IN_KEYS} ORDER BY id", keys
    ):
        known.keys[film_id] = {key}
        known.year[film_id] = year
    for film_id, key in fetch(
        session,
        f"SELECT film_id, alias_key FROM film_alias WHERE film_id {IN_KEYS} ORDER BY id",
        keys,
    ):
        known.keys[film_id].add(key)
    for film_id, value in fetch(
        session,
        "SELECT film_id, value FROM film_external_id "
        f"WHERE source = 'imdb' AND film_id {IN_KEYS} ORDER BY id",
        keys,
    ):
        known.imdb[film_id] = value


def match(seen: Known, listed: Known) -> dict[int, int]:
    """Seen film id -> the listed film it is (itself, or the one plain match)."""
    index = listed.by_key()
    found: dict[int, int] = {}
    for film_id, keys in seen.keys.items():
        if film_id in listed.keys:
            found[film_id] = film_id
            continue
        year = seen.year.get(film_id)
        if year is None:
            continue  # without a year, a title alone could be any version
        candidates = {c for key in keys for c in index.get(key.replace(" ", ""), [])}
        chosen = closest(
            year,
            [
                Candidate(c, (y,), listed=True, imdb=listed.imdb.get(c))
                for c in sorted(candidates)
                if (y := listed.year.get(c)) is not None
            ],
            imdb=seen.imdb.get(film_id),
        ).one
        if chosen is not None:
            found[film_id] = chosen
    return found


def tick(session: Session, person: Person, film_ids: Iterable[int], source: str) -> list[int]:
    """Tick films by hand for the person; return those not already seen by them."""
    return tick_each(session, person, {film_id: source for film_id in film_ids})


def tick_each(session: Session, person: Person, sources: dict[int, str]) -> list[int]:
    """Tick each film with its own source; one query whatever the number of films."""
    assert person.id is not None
    wanted = list(sources)
    already: dict[int, set[int]] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        already |= seen_by(session, [person.id], select(Film.id).where(col(Film.id).in_(chunk)))
    new = [film_id for film_id in wanted if film_id not in already]
    now = clock.now()
    session.add_all(
        FilmTick(person_id=person.id, film_id=film_id, ticked_at=now, source=sources[film_id])
        for film_id in new
    )
    session.flush()
    return new


def untick(session: Session, person: Person, film: Film) -> str:
    """Remove a hand tick; a diary entry still counts as seen, and the message says so.

    So does an entry of a film that stands in for this one (the same film under another
    row, see `match`): its tick stays.
    """
    assert person.id is not None and film.id is not None
    viewed = has_viewing(session, person.id, film.id)
    stand_in = None if viewed else _viewed_stand_in(session, person, film)
    if stand_in is not None:
        return (
            f"{person.name} has a diary entry for {label(stand_in)}, which is {label(film)}: "
            "it stays seen"
        )
    found = session.get(FilmTick, (person.id, film.id))
    if found is not None:
        session.delete(found)
        session.flush()
    if viewed:
        return f"{person.name} has a diary entry for {label(film)}: it stays seen"
    if found is None:
        return f"{person.name} had not ticked {label(film)}"
    return f"Unticked {label(film)} for {person.name}"


def has_viewing(session: Session, person_id: int, film_id: int) -> bool:
    """Whether the person has a diary entry of the film."""
    found = session.exec(
        select(Viewing.id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(Viewing.film_id == film_id, ViewingPerson.person_id == person_id)
        .limit(1)
    ).first()
    return found is not None


def forget_stand_in(session: Session, person_ids: Sequence[int], film: Film) -> None:
    """After a viewing of `film` is deleted or moved to another film: the ticks that said a
    person had seen a listed film *as* `film` go, unless they still have a viewing of it."""
    from sqlalchemy import delete

    source = f"seen as {label(film)}"
    for person_id in person_ids:
        if not has_viewing(session, person_id, film.id or 0):
            session.exec(
                delete(FilmTick).where(
                    col(FilmTick.person_id) == person_id, col(FilmTick.source) == source
                )
            )
    session.flush()


def _viewed_stand_in(session: Session, person: Person, film: Film) -> Film | None:
    """A film the person has a viewing of that counts as `film` on the lists, if any."""
    keys = describe(session, [film.id or 0]).keys.get(film.id or 0, set())
    same_title = select(Film.id).where(
        or_(
            col(Film.title_key).in_(keys),
            col(Film.id).in_(select(FilmAlias.film_id).where(col(FilmAlias.alias_key).in_(keys))),
        ),
        Film.id != film.id,
    )
    viewed = list(
        session.exec(
            select(Viewing.film_id)
            .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
            .where(ViewingPerson.person_id == person.id, col(Viewing.film_id).in_(same_title))
            .distinct()
        )
    )
    if not viewed:
        return None
    matched = match(describe(session, viewed), describe(session, listed_films()))
    found = next((seen for seen, listed in matched.items() if listed == film.id), None)
    return session.get(Film, found) if found is not None else None
