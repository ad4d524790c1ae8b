"""Whether an entry is a rewatch, worked out from the dates.

An entry of a film is a rewatch for a person when they have another entry of the same film
that comes before it: an earlier date, or the same date logged earlier (a smaller id). An entry
without a date counts as seen before every dated one (a film "watched, no date" was seen at
some time before it was logged). The flag follows the dates after every log, edit, delete and
import, so backdating an entry turns the later one into the rewatch. A flag the person set by
hand (`--rewatch`/`--first-time`, or a Letterboxd row whose Rewatch disagrees with the dates)
is kept as it is and shown as set by hand.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from diary.store.models import Film, Person, Viewing, ViewingPerson

# Another entry `o` of the same film and person comes before entry `t`.
_EARLIER = """
    (o.watched_on IS NULL AND (t.watched_on IS NOT NULL OR o.id < t.id))
    OR (o.watched_on IS NOT NULL AND t.watched_on IS NOT NULL
        AND (o.watched_on < t.watched_on OR (o.watched_on = t.watched_on AND o.id < t.id)))
"""
_DERIVED = f"""
SELECT vp.viewing_id, vp.person_id, vp.rewatch, EXISTS (
    SELECT 1 FROM viewing o
    JOIN viewing_person op ON op.viewing_id = o.id AND op.person_id = vp.person_id
    WHERE o.film_id = t.film_id AND o.id <> t.id AND ({_EARLIER})
) AS derived
FROM viewing_person vp JOIN viewing t ON t.id = vp.viewing_id
WHERE vp.person_id IN :people AND t.film_id IN :films AND {{which}}
ORDER BY t.id, vp.person_id
"""
_CHUNK = 500
_READ = 100  # films whose older entries an import's settling reads at a time
_BATCH = 5000  # imported entries read at a time
_NAMED = 5  # more entries turned over than this are counted, not listed
_ALL = "1 = 1"
_NOT_BY_HAND = "vp.rewatch_by_hand = FALSE"  # and only those whose flag the dates change


@dataclass(frozen=True)
class Flip:
    """An entry whose flag the dates changed."""

    viewing_id: int
    person_id: int
    rewatch: bool


def derived(session: Session, people: Iterable[int], films: Iterable[int]) -> list[Flip]:
    """What the dates say of every entry of these people and films (set by hand or not)."""
    return _derived(session, people, films, _ALL)


def _derived(
    session: Session, people: Iterable[int], films: Iterable[int], which: str
) -> list[Flip]:
    person_ids, film_ids = sorted(set(people)), sorted(set(films))
    if not person_ids or not film_ids:
        return []
    query = text(_DERIVED.format(which=which)).bindparams(
        bindparam("people", expanding=True), bindparam("films", expanding=True)
    )
    found: list[Flip] = []
    for start in range(0, len(film_ids), _CHUNK):
        chunk = film_ids[start : start + _CHUNK]
        for row in session.connection().execute(query, {"people": person_ids, "films": chunk}):
            if which == _ALL or bool(row.rewatch) != bool(row.derived):
                found.append(Flip(row.viewing_id, row.person_id, bool(row.derived)))
    return found


def settle(session: Session, people: Iterable[int], films: Iterable[int]) -> list[Flip]:
    """Set every flag not set by hand of these people's entries of these films from the
    dates; return the entries that changed."""
    session.flush()
    changed = _derived(session, people, films, _NOT_BY_HAND)
    _flip(session, changed)
    return changed


def _flip(session: Session, flips: list[Flip]) -> None:
    """Give each entry the flag the dates said."""
    for flip in flips:
        part = session.get(ViewingPerson, (flip.viewing_id, flip.person_id))
        if part is not None:
            part.rewatch = flip.rewatch
            session.add(part)
    session.flush()


def say_flips(session: Session, changed: list[Flip], quiet_about: int | None = None) -> None:
    """Tell the person, after the commit, which other entries the dates turned over."""
    from diary.base.words import counted
    from diary.core.films.lookup import label
    from diary.store.notes import note_after_commit

    shown = [f for f in changed if f.viewing_id != quiet_about]
    if len(shown) > _NAMED:
        note_after_commit(
            session,
            f"{counted(len(shown), 'other entries')} now follow the dates as rewatches "
            "or first times.",
        )
        return
    for flip in shown:
        viewing = session.get(Viewing, flip.viewing_id)
        person = session.get(Person, flip.person_id)
        film = session.get(Film, viewing.film_id) if viewing else None
        if viewing is None or person is None or film is None:
            continue
        now = "a rewatch" if flip.rewatch else "a first time"
        note_after_commit(
            session, f"Entry {flip.viewing_id} ({label(film)}) is now {now} for {person.name}."
        )


def keep_disagreeing(session: Session, person_id: int, first_new_viewing: int) -> None:
    """Imported entries (ids from `first_new_viewing` on) whose flag is not what the dates
    say were flagged by the person in the file: they are kept as set by hand. The person's
    other entries of those films then follow the dates (unless set by hand), and the person
    is told which turned over.

    Of a film's entries in the order of the dates (an entry without a date first, then by
    date, then as logged) the first is a first time, every other a rewatch. So the imported
    entries are read in the order they were made, twice (to find each film's first, then to
    flag them) a few thousand at a time, and the person's older entries of those films a
    hundred films at a time: memory stays flat however large the import."""
    from diary.store.bulk import IN_KEYS, execute_many, fetch, json_list

    session.flush()
    first: dict[int, tuple[bool, str, int]] = {}  # film -> the key of its first entry
    for batch in _imported(session, person_id, first_new_viewing):
        for viewing_id, film_id, watched_on, _, _ in batch:
            key = _order(watched_on, viewing_id)
            if film_id not in first or key < first[film_id]:
                first[film_id] = key
    films = sorted(first)
    older: list[tuple[int, int, Flip]] = []  # with where `settle` would have listed each
    for start in range(0, len(films), _READ):
        chunk = films[start : start + _READ]
        rank = {film: (start + n) // _CHUNK for n, film in enumerate(chunk)}
        rows = fetch(
            session,
            "SELECT v.id, v.film_id, v.watched_on, vp.rewatch, vp.rewatch_by_hand FROM viewing v "
            "JOIN viewing_person vp ON vp.viewing_id = v.id "
            # by film and id (its index holds both): only the entries from before the import
            f"WHERE +vp.person_id = :p AND v.id < :first AND v.film_id {IN_KEYS}",
            {"p": person_id, "first": first_new_viewing, "keys": json_list(chunk)},
        )
        for viewing_id, film_id, watched_on, _, _ in rows:
            first[film_id] = min(first[film_id], _order(watched_on, viewing_id))
        for viewing_id, film_id, _, rewatch, hand in rows:
            said = viewing_id != first[film_id][2]
            if not hand and bool(rewatch) != said:
                older.append((rank[film_id], viewing_id, Flip(viewing_id, person_id, said)))
    for batch in _imported(session, person_id, first_new_viewing):
        by_hand = [
            {"v": viewing_id, "p": person_id, "by_hand": disagrees}
            for viewing_id, film_id, _, rewatch, hand in batch
            if (disagrees := bool(rewatch) != (viewing_id != first[film_id][2])) != bool(hand)
        ]
        # bulk-inserted rows: none is loaded in the session
        execute_many(
            session,
            "UPDATE viewing_person SET rewatch_by_hand = :by_hand "
            "WHERE viewing_id = :v AND person_id = :p",
            by_hand,
        )
    flips = [flip for _, _, flip in sorted(older, key=lambda item: item[:2])]
    _flip(session, flips)
    say_flips(session, flips)


def _order(watched_on: str | None, viewing_id: int) -> tuple[bool, str, int]:
    """Where an entry comes among the person's entries of its film."""
    return (watched_on is not None, watched_on or "", viewing_id)


def _imported(session: Session, person_id: int, first: int) -> Iterator[list[tuple[Any, ...]]]:
    """The person's entries from `first` on, in the order made, a few thousand at a time."""
    from diary.store.bulk import fetch

    last = fetch(session, "SELECT max(id) FROM viewing", {})[0][0] or 0
    for start in range(first, last + 1, _BATCH):
        yield fetch(
            session,
            "SELECT v.id, v.film_id, v.watched_on, vp.rewatch, vp.rewatch_by_hand FROM viewing v "
            "JOIN viewing_person vp ON vp.viewing_id = v.id "
            "WHERE +vp.person_id = :p AND v.id >= :start AND v.id < :end ORDER BY v.id",
            {"p": person_id, "start": start, "end": start + _BATCH},
        )


def follow_removal(session: Session, person_id: int, films: Iterable[int], source: str) -> None:
    """After an import removed some of the person's entries of these films: the entries that
    import brought keep the flag their file gave (set by hand exactly where the dates now
    disagree, as a fresh import would have it), and every other entry follows the dates."""
    film_ids = sorted(set(films))
    if not film_ids:
        return
    said = {f.viewing_id: f.rewatch for f in derived(session, [person_id], film_ids)}
    query = text(
        "SELECT vp.viewing_id, vp.rewatch, vp.rewatch_by_hand FROM viewing_person vp "
        "JOIN viewing v ON v.id = vp.viewing_id "
        "WHERE vp.person_id = :p AND v.source = :source AND v.film_id IN :films"
    ).bindparams(bindparam("films", expanding=True))
    changed = []
    for start in range(0, len(film_ids), _CHUNK):
        params = {"p": person_id, "source": source, "films": film_ids[start : start + _CHUNK]}
        changed += [
            {"v": viewing_id, "p": person_id, "by_hand": disagrees}
            for viewing_id, rewatch, by_hand in session.connection().execute(query, params)
            if (disagrees := bool(rewatch) != said[viewing_id]) != bool(by_hand)
        ]
    if changed:
        session.connection().execute(  # bulk-inserted rows: none is loaded in the session
            text(
                "UPDATE viewing_person SET rewatch_by_hand = :by_hand "
                "WHERE viewing_id = :v AND person_id = :p"
            ),
            changed,
        )
    say_flips(session, settle(session, [person_id], film_ids))
