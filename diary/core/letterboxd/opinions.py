"""Ratings, likes, the watchlist and lists from a Letterboxd export, a chunk at a time.

- ratings.csv: the person's rating of the film is kept (film_rating) unless their most recent
  rated viewing of the film already carries it; a newer export's changed rating replaces it.
- likes/films.csv: a like of the film (film_like); the watchlist: a watchlist entry.
- lists/*.csv: a checklist of kind "letterboxd" keyed by the list's link, one item per film.
"""

import re
from collections.abc import Sequence
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import bindparam, update
from sqlmodel import col, select

from diary.base.errors import InvalidInput
from diary.core.checklists.lists import add_item, slugify, upsert_checklist
from diary.core.letterboxd.films import Unattributed
from diary.core.letterboxd.records import ListInfo, Row
from diary.core.letterboxd.state import SOURCE, State
from diary.store.bulk import IN_KEYS, fetch, insert_rows, json_list, table
from diary.store.models import (
    Checklist,
    Film,
    FilmLike,
    FilmRating,
    WatchlistEntry,
)

Resolved = Sequence[int | Unattributed]

# A list's file name as Letterboxd writes it: its slug on the site.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _films(ids: Resolved) -> set[int]:
    return {i for i in ids if isinstance(i, int)}


def _latest_ratings(state: State, film_ids: set[int]) -> dict[int, int]:
    """The rating of the person's most recent rated viewing of each film."""
    rows = fetch(
        state.session,
        (
            "SELECT film_id, rating FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            # "+person_id": look up by film (its index), not every viewing of the person
            f"WHERE +person_id = :person AND rating IS NOT NULL AND film_id {IN_KEYS} "
            "ORDER BY watched_on IS NOT NULL, watched_on, id"
        ),
        {"person": state.person_id, "keys": json_list(film_ids)},
    )
    return {film_id: rating for film_id, rating in rows}  # the last one wins


def _ids_among(state: State, sql: str, film_ids: set[int]) -> dict[int, object]:
    """film_id -> value for this person's rows of a per-film table (likes, ratings…)."""
    rows = fetch(
        state.session,
        f"{sql} WHERE person_id = :person AND film_id {IN_KEYS}",
        {"person": state.person_id, "keys": json_list(film_ids)},
    )
    return {film_id: value for film_id, value in rows}


def apply_ratings(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    rated = [(row, film) for row, film in zip(rows, ids, strict=True) if row.rating is not None]
    films = _films([film for _, film in rated])
    if not rated:
        return
    latest = _latest_ratings(state, films) if films else {}
    current = _ids_among(state, "SELECT film_id, rating FROM film_rating", films)
    tally = state.tally("ratings")
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for row, film_id in rated:
        if isinstance(film_id, Unattributed):
            state.skip("ratings", row, film_id.reason)
            continue
        state.held["ratings"].add(film_id)
        if current.get(film_id) == row.rating or (
            film_id not in current and latest.get(film_id) == row.rating
        ):
            tally.present += 1
            continue
        values = {"rating": row.rating, "rated_on": row.logged, "source": SOURCE}
        if film_id in current:
            updates.append({"b_film": film_id} | {f"b_{k}": v for k, v in values.items()})
        else:
            inserts.append({"person_id": state.person_id, "film_id": film_id} | values)
        current[film_id] = row.rating
        tally.added += 1
    if inserts:
        insert_rows(state.session, FilmRating, inserts)
    if updates:
        ratings = table(FilmRating)
        state.session.execute(
            update(ratings)
            .where(ratings.c.person_id == state.person_id, ratings.c.film_id == bindparam("b_film"))
            .values(
                rating=bindparam("b_rating"),
                rated_on=bindparam("b_rated_on"),
                source=bindparam("b_source"),
            ),
            updates,
        )


def apply_likes(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    liked = set(_ids_among(state, "SELECT film_id, 1 FROM film_like", _films(ids)))
    new = _new_per_film(state, "likes", rows, ids, liked)
    if new:
        insert_rows(
            state.session,
            FilmLike,
            [
                {"person_id": state.person_id, "film_id": f, "liked_on": r.logged, "source": SOURCE}
                for r, f in new
            ],
        )


def apply_watchlist(state: State, rows: Sequence[Row], ids: Resolved) -> None:
    listed = set(_ids_among(state, "SELECT film_id, 1 FROM watchlist_entry", _films(ids)))
    new = _new_per_film(state, "watchlist", rows, ids, listed)
    if new:
        insert_rows(
            state.session,
            WatchlistEntry,
            [
                {
                    "film_id": film_id,
                    "person_id": state.person_id,
                    "added_at": datetime.combine(row.logged, time(), UTC)
                    if row.logged
                    else state.now,
                    "priority": 0,
                    "note": None,
                }
                for row, film_id in new
            ],
        )


def _new_per_film(
    state: State, category: str, rows: Sequence[Row], ids: Resolved, present: set[int]
) -> list[tuple[Row, int]]:
    tally = state.tally(category)
    new: list[tuple[Row, int]] = []
    for row, film_id in zip(rows, ids, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip(category, row, film_id.reason)
            continue
        state.held[category].add(film_id)
        if film_id in present:
            tally.present += 1
        else:
            present.add(film_id)
            new.append((row, film_id))
            tally.added += 1
    return new


def open_list(state: State, info: ListInfo, file: str) -> Checklist:
    """The checklist for a Letterboxd list, made on first import (keyed by the list's link)."""
    key = info.url or f"letterboxd-list:{file}"
    found = state.session.exec(select(Checklist).where(Checklist.source_key == key)).first()
    if found is not None:
        state.tally("lists").present += 1
        return found
    checklist, _ = upsert_checklist(
        state.session,
        info.name,
        kind="letterboxd",
        slug=_free_slug(state, info, file),
        source_key=key,
        description=info.description,
    )
    state.tally("lists").added += 1
    return checklist


def _free_slug(state: State, info: ListInfo, file: str) -> str:
    """Letterboxd's own name for the list when the file carries it (`lists/films-of-2021-1.csv`
    is the list at …/list/films-of-2021-1/: two lists of one name stay told apart the way
    Letterboxd tells them apart), else one made from the list's name."""
    stem = file.rsplit("/", 1)[-1].removesuffix(".csv")
    if _SLUG.fullmatch(stem):
        base = stem
    else:
        try:
            base = slugify(info.name)
        except InvalidInput:
            base = "letterboxd-list"
    taken = set(
        state.session.exec(select(Checklist.slug).where(col(Checklist.slug).startswith(base)))
    )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def add_list_items(state: State, checklist: Checklist, rows: Sequence[Row], ids: Resolved) -> None:
    tally = state.tally("list items")
    for row, film_id in zip(rows, ids, strict=True):
        if isinstance(film_id, Unattributed):
            state.skip("list items", row, film_id.reason)
            continue
        state.lists_seen.setdefault(checklist.id or 0, set()).add(film_id)
        film = state.session.get(Film, film_id)
        assert film is not None
        item, created = add_item(
            state.session,
            checklist,
            film,
            row.ref.title,
            row.ref.year,
            position=row.position or 0,
            note=row.note,
        )
        if created:
            tally.added += 1
            continue
        tally.present += 1
        now = (row.ref.title, row.ref.year, row.position or 0, row.note)
        if (item.listed_title, item.listed_year, item.position, item.note) != now:
            # the list was edited (or the film renamed) on Letterboxd since
            item.listed_title, item.listed_year, item.position, item.note = now
            state.session.add(item)
