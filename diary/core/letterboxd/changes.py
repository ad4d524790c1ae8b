"""A newer export's edits to diary entries already imported: applied, and counted by kind.

People export every month. An entry's link stays the same when it is edited on Letterboxd, so
a diary.csv row whose entry is already here carries the entry as it is now: its watched date,
rating, rewatch flag and tags replace the stored ones, and the summary counts each kind of
change. (A changed review arrives through reviews.csv and is counted there.)
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import bindparam, delete, update

from diary.core.letterboxd.records import Row
from diary.core.letterboxd.state import State
from diary.store.bulk import IN_KEYS, fetch, insert_rows, json_list, table
from diary.store.models import Viewing, ViewingPerson, ViewingTag


def _stored(state: State, viewing_ids: set[int]) -> dict[int, tuple[Any, ...]]:
    """viewing id -> (watched on, rating, rewatch, tags) for this person's part."""
    rows = fetch(
        state.session,
        (
            "SELECT id, watched_on, rating, rewatch FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            f"WHERE person_id = :person AND id {IN_KEYS}"
        ),
        {"person": state.person_id, "keys": json_list(viewing_ids)},
    )
    tags: dict[int, set[str]] = {}
    for viewing_id, tag in fetch(
        state.session,
        f"SELECT viewing_id, tag FROM viewing_tag WHERE viewing_id {IN_KEYS}",
        {"keys": json_list(viewing_ids)},
    ):
        tags.setdefault(viewing_id, set()).add(tag)
    return {
        v: (date.fromisoformat(on) if on else None, r, bool(w), tags.get(v, set()))
        for v, on, r, w in rows
    }


def apply_changes(state: State, known: Sequence[tuple[int, Row]]) -> None:
    """Bring each already-imported entry up to date with its row."""
    if not known:
        return
    stored = _stored(state, {viewing_id for viewing_id, _ in known})
    dates: list[dict[str, Any]] = []
    parts: list[dict[str, Any]] = []
    retagged: dict[int, list[str]] = {}
    changed = state.summary.changed
    for viewing_id, row in known:
        if viewing_id not in stored:
            continue
        watched_on, rating, rewatch, tags = stored[viewing_id]
        if row.watched_on != watched_on:
            changed["watched date"] += 1
            dates.append({"b_id": viewing_id, "b_on": row.watched_on, "b_now": state.now})
            state.changed = True
        if row.rating != rating or row.rewatch != rewatch:
            changed["rating"] += row.rating != rating
            changed["rewatch"] += row.rewatch != rewatch
            parts.append({"b_id": viewing_id, "b_rating": row.rating, "b_rewatch": row.rewatch})
        if set(row.tags) != tags:
            changed["tags"] += 1
            retagged[viewing_id] = row.tags
        stored[viewing_id] = (row.watched_on, row.rating, row.rewatch, set(row.tags))
    viewings, people, tag_table = table(Viewing), table(ViewingPerson), table(ViewingTag)
    if dates:
        state.session.execute(
            update(viewings)
            .where(viewings.c.id == bindparam("b_id"))
            .values(watched_on=bindparam("b_on"), updated_at=bindparam("b_now")),
            dates,
        )
    if parts:
        state.session.execute(
            update(people)
            .where(people.c.viewing_id == bindparam("b_id"), people.c.person_id == state.person_id)
            .values(rating=bindparam("b_rating"), rewatch=bindparam("b_rewatch")),
            parts,
        )
    if retagged:
        ids = list(retagged)
        state.session.execute(delete(tag_table).where(tag_table.c.viewing_id.in_(ids)))
        rows = [{"viewing_id": v, "tag": tag} for v, tags in retagged.items() for tag in tags]
        insert_rows(state.session, ViewingTag, rows)
