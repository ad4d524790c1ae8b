"""Diary entries, reviews and films watched without a date, a chunk of rows at a time.

- A diary.csv row is one viewing, keyed by its entry link ("letterboxd:" + the link), so the
  same export imported twice adds nothing, and a newer export's edits to the entry (date,
  rating, rewatch, tags) are applied to it (diary.core.letterboxd.changes). A row without a
  link (a film that left Letterboxd) is keyed by its film, dates and place among such rows.
- A reviews.csv row is attached to the viewing with the same link; else to this person's
  Letterboxd viewing of the film on the same date (see `_same_viewing`); else it becomes a
  viewing of its own (without a date if it has none).
- A row of Letterboxd's import format (our own export) with a date, a review or tags is a
  viewing; being unkeyed, the n-th such row for a film and date is already present when this
  person has n viewings of the film on that date.
- A watched.csv row (or a bare import row) records the film as seen without a date, unless the
  person has any viewing of it.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, update

from diary.core.films.matcher import compact_key
from diary.core.letterboxd.changes import apply_changes
from diary.core.letterboxd.films import Unattributed
from diary.core.letterboxd.records import Row
from diary.core.letterboxd.state import SOURCE, NewViewing, State
from diary.store.bulk import IN_KEYS, fetch, json_list, table
from diary.store.models import ViewingPerson

Resolved = Sequence[int | Unattributed]


def entry_keys(state: State, rows: Sequence[Row]) -> list[str]:
    """Each row's key: its entry link; without one, its film, dates and how many such rows
    of the same file came before it (so diary.csv and reviews.csv rows of one entry agree)."""
    keys = []
    for row in rows:
        if row.uri:
            keys.append(f"letterboxd:{row.uri}")
            continue
        kind = row.file.rsplit("/", 1)[-1]
        film = f"{compact_key(row.ref.title)}|{row.ref.year}|{row.watched_on}|{row.logged}"
        count = state.unlinked[f"{kind}|{film}"] = state.unlinked.get(f"{kind}|{film}", 0) + 1
        keys.append(f"letterboxd-unlinked:{film}|{count}")
    return keys


def _owners(state: State, keys: set[str]) -> dict[str, list[tuple[int, int, str | None]]]:
    """Viewings by source key: (viewing id, person id, review) for each person on them."""
    found: dict[str, list[tuple[int, int, str | None]]] = {}
    if keys:
        rows = fetch(
            state.session,
            (
                "SELECT source_key, id, person_id, review FROM viewing "
                "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
                f"WHERE source_key {IN_KEYS}"
            ),
            {"keys": json_list(keys)},
        )
        for key, viewing_id, person_id, review in rows:
            found.setdefault(key, []).append((viewing_id, person_id, review))
    return found


class Mine(NamedTuple):
    viewing_id: int
    film_id: int
    watched_on: date | None
    rating: int | None
    review: str | None
    source: str | None


def _mine(state: State, film_ids: set[int]) -> list[Mine]:
    """This person's viewings of these films."""
    if not film_ids:
        return []
    rows = fetch(
        state.session,
        (
            "SELECT id, film_id, watched_on, rating, review, source FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            # "+person_id": look up by film (its index), not every viewing of the person
            f"WHERE +person_id = :person AND film_id {IN_KEYS} ORDER BY id"
        ),
        {"person": state.person_id, "keys": json_list(film_ids)},
    )
    return [
        Mine(v, f, date.fromisoformat(on) if on else None, r, t, s) for v, f, on, r, t, s in rows
    ]


@dataclass
class _Option:
    """A viewing a review without its own entry may belong to."""

    viewing_id: int
    rating: int | None
    review: str | None


def _films(ids: Resolved) -> set[int]:
    return {i for i in ids if isinstance(i, int)}


def add_entries(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    """diary.csv rows: one viewing each, keyed by the entry's link; known ones are updated."""
    keys = entry_keys(state, rows)
    owners = _owners(state, set(keys))
    entries = state.tally("diary entries")
    new: list[NewViewing] = []
    known: list[tuple[int, Row]] = []
    batch: set[str] = set()
    for row, film_id, key in zip(rows, ids, keys, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip("diary entries", row, film_id.reason)
            continue
        state.entry_keys.add(key)
        state.held["entries"].add(film_id)
        mine = [viewing for viewing, person, _ in owners.get(key, []) if person == state.person_id]
        if key in batch:
            entries.present += 1
        elif mine:
            entries.present += 1
            known.append((mine[0], row))
        elif owners.get(key):
            state.skip("diary entries", row, "this entry was imported for someone else")
        else:
            batch.add(key)
            new.append(NewViewing.of(row, film_id, key))
    state.add_viewings(new)
    entries.added += len(new)
    apply_changes(state, known)


def _had(state: State, film_ids: set[int], before: int) -> Counter[tuple[int, date | None]]:
    """How many viewings of each film and date this person had among viewings older than
    `before` (those that were there before this pass began)."""
    if not film_ids or not before:
        return Counter()
    rows = fetch(
        state.session,
        (
            "SELECT film_id, watched_on, count(*) FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            # by film and id (its index holds both), so the viewings this pass added are
            # never visited, however many there are
            f"WHERE +person_id = :person AND viewing.id < :before AND film_id {IN_KEYS} "
            "GROUP BY film_id, watched_on"
        ),
        {"person": state.person_id, "before": before, "keys": json_list(film_ids)},
    )
    return Counter({(f, date.fromisoformat(on) if on else None): n for f, on, n in rows})


def add_unkeyed_entries(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    """Import-format rows with a date, review or tags: present when already that many.

    The n-th row of the export for a film and date is present when the person had at least
    n viewings of it before these rows began; each later one is added (so the count then
    equals the rows). Only the rows of such film-and-date pairs are counted as they come."""
    if state.unkeyed_before is None:  # the first chunk of the pass
        had_any = fetch(
            state.session,
            "SELECT 1 FROM viewing_person WHERE person_id = :person LIMIT 1",
            {"person": state.person_id},
        )
        # a person with no viewing yet had none of any film: nothing to look up
        state.unkeyed_before = state.next_viewing if had_any else 0
    had = _had(state, _films(ids), state.unkeyed_before)
    entries = state.tally("diary entries")
    new: list[NewViewing] = []
    for row, film_id in zip(rows, ids, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip("diary entries", row, film_id.reason)
            continue
        slot = (film_id, row.watched_on)
        if slot in had:
            state.occurrences[slot] = state.occurrences.get(slot, 0) + 1
            if state.occurrences[slot] <= had[slot]:
                entries.present += 1
                state.tally("reviews").present += bool(row.review)
                continue
        new.append(NewViewing.of(row, film_id, None))
    state.add_viewings(new)
    entries.added += len(new)
    state.tally("reviews").added += sum(1 for item in new if item.review)


def attach_reviews(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    """reviews.csv rows: onto their diary entry, else a viewing of their own."""
    keys = entry_keys(state, rows)
    owners = _owners(state, set(keys))
    options: dict[tuple[int, date | None], list[_Option]] = {}
    for mine in _mine(state, _films(ids)):
        if mine.source == SOURCE:
            option = _Option(mine.viewing_id, mine.rating, mine.review)
            options.setdefault((mine.film_id, mine.watched_on), []).append(option)
    reviews = state.tally("reviews")
    updates: list[dict[str, object]] = []
    new: list[NewViewing] = []
    batch: set[str] = set()
    for row, film_id, key in zip(rows, ids, keys, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip("reviews", row, film_id.reason)
            continue
        state.review_keys.add(key)
        own = [(v, r) for v, p, r in owners.get(key, []) if p == state.person_id]
        if owners.get(key) and not own:
            state.skip("reviews", row, "this review was imported for someone else")
            continue
        target = own[0] if own else _same_viewing(state, options, film_id, row)
        if target is None:
            if key in batch:
                reviews.present += 1
                continue
            batch.add(key)
            new.append(NewViewing.of(row, film_id, key))
            continue
        viewing_id, review = target
        state.claimed.add(viewing_id)
        if own and key not in state.entry_keys:
            # the entry this review made on an earlier import: counted as it was then
            state.tally("diary entries").present += 1
        if review == row.review:
            reviews.present += 1
        else:
            if review is not None:
                state.summary.changed["review"] += 1
            updates.append({"b_viewing": viewing_id, "b_review": row.review})
            reviews.added += 1
    if updates:
        statement = (
            update(table(ViewingPerson))
            .where(
                table(ViewingPerson).c.viewing_id == bindparam("b_viewing"),
                table(ViewingPerson).c.person_id == state.person_id,
            )
            .values(review=bindparam("b_review"))
        )
        state.session.execute(statement, updates)
    state.add_viewings(new)
    state.tally("diary entries").added += len(new)
    reviews.added += sum(1 for item in new if item.review)


def _same_viewing(
    state: State, options: dict[tuple[int, date | None], list[_Option]], film_id: int, row: Row
) -> tuple[int, str | None] | None:
    """The person's Letterboxd viewing of the film that day that this review belongs to.

    In order: one that already has this review; one with no review and the same rating; one
    with no review; the only one there is (its review was edited since). Else None.
    """
    free = [
        option
        for option in options.get((film_id, row.watched_on), [])
        if option.viewing_id not in state.claimed
    ]
    empty = [o for o in free if o.review is None]
    chosen = (
        next((o for o in free if o.review == row.review), None)
        or next((o for o in empty if o.rating == row.rating), None)
        or next(iter(empty), None)
        or (free[0] if len(free) == 1 else None)
    )
    if chosen is None:
        return None
    before, chosen.review = chosen.review, row.review
    return chosen.viewing_id, before


def mark_seen(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    """Films watched with no diary entry: seen on an unknown date, once per film."""
    seen = {mine.film_id for mine in _mine(state, _films(ids))}
    watched = state.tally("watched, no date")
    new: list[NewViewing] = []
    for row, film_id in zip(rows, ids, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip("watched, no date", row, film_id.reason)
            continue
        state.held["watched"].add(film_id)
        if film_id in seen:
            watched.present += 1
            continue
        seen.add(film_id)
        new.append(NewViewing(film_id, None, None, logged=row.logged))
    state.add_viewings(new)
    watched.added += len(new)
