"""What an earlier import brought that the newest whole export no longer holds.

Deleted on Letterboxd means gone from the export, nothing more: so what is missing is
reported, per kind, and removed only when the person asks (`--prune`), after which the diary
equals a fresh import of the newest export. Only kinds whose file is in the export count (an
export without likes/films.csv says nothing about likes), and only what came from Letterboxd:
diary entries and ratings and likes an import made, watchlist entries of films Letterboxd
knows (they carry its link), items of the lists this export holds.
"""

from typing import Any

from diary.base.titles import display
from diary.core.diary.rewatches import follow_removal
from diary.core.letterboxd.state import SOURCE, State
from diary.store.bulk import IN_KEYS, fetch, json_list


def _entries(state: State, with_reviews: bool) -> list[tuple[Any, ...]]:
    rows = fetch(
        state.session,
        (
            "SELECT viewing.id, source_key, title, year, watched_on, review, film.id FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            "JOIN film ON film.id = viewing.film_id "
            "WHERE person_id = :person AND source = :source AND source_key IS NOT NULL "
            "ORDER BY watched_on, viewing.id"
        ),
        {"person": state.person_id, "source": SOURCE},
    )
    seen = state.entry_keys | state.review_keys
    return [row for row in rows if row[1] not in seen and (with_reviews or row[5] is None)]


def _per_film(state: State, sql: str, held: set[int]) -> list[tuple[Any, ...]]:
    rows = fetch(state.session, sql, {"person": state.person_id, "source": SOURCE})
    return [row for row in rows if row[0] not in held]


FILM = "SELECT film.id, title, year FROM {table} JOIN film ON film.id = {table}.film_id "


def entries_gone(state: State, kinds: set[str], prune: bool) -> None:
    """Diary entries no longer in the export, reported (removed when `prune`). Run once the
    export's entries and reviews are in, before films watched without a date: a film whose
    entry went but which is still marked watched is then seen without a date, as in a fresh
    import."""
    gone = state.summary.gone
    removals: list[tuple[str, dict[str, Any]]] = []
    person = {"person": state.person_id}
    films: set[int] = set()
    if "diary" in kinds:
        entries = _entries(state, "reviews" in kinds)
        if entries:
            gone["diary entries"] = [
                f"{display(title, year)} on {on or 'no date'}"
                for _, _, title, year, on, _, _ in entries
            ]
            ids = json_list({row[0] for row in entries})
            removals.extend(_viewing_removals(person, ids))
            films = {row[6] for row in entries}
    _remove(state, removals, prune, films)


def report_gone(state: State, kinds: set[str], prune: bool) -> None:
    """Likes, ratings, watchlist entries and list items no longer in the export."""
    gone = state.summary.gone
    session = state.session
    removals: list[tuple[str, dict[str, Any]]] = []
    person = {"person": state.person_id}
    films: set[int] = set()  # of the entries removed
    for category, kind, sql in (
        (
            "likes",
            "likes",
            FILM.format(table="film_like") + "WHERE person_id = :person AND source = :source",
        ),
        (
            "ratings",
            "ratings",
            FILM.format(table="film_rating") + "WHERE person_id = :person AND source = :source",
        ),
        (
            "watchlist",
            "watchlist",
            FILM.format(table="watchlist_entry") + "WHERE person_id = :person AND film.id IN "
            "(SELECT film_id FROM film_external_id WHERE source = 'letterboxd')",
        ),
    ):
        if kind not in kinds:
            continue
        missing = _per_film(state, sql, state.held[category])
        if missing:
            gone[category] = [display(title, year) for _, title, year in missing]
            table = {"likes": "film_like", "ratings": "film_rating"}.get(
                category, "watchlist_entry"
            )
            removals.append(
                (
                    f"DELETE FROM {table} WHERE person_id = :person AND film_id {IN_KEYS}",
                    person | {"keys": json_list({row[0] for row in missing})},
                )
            )
    if "watched" in kinds:
        undated = fetch(
            session,
            "SELECT viewing.id, film.id, title, year FROM viewing "
            "JOIN viewing_person ON viewing_person.viewing_id = viewing.id "
            "JOIN film ON film.id = viewing.film_id WHERE person_id = :person "
            "AND source = :source AND source_key IS NULL AND watched_on IS NULL",
            person | {"source": SOURCE},
        )
        # gone from watched.csv, or now seen in a diary entry of the export instead
        extra = [
            row
            for row in undated
            if row[1] not in state.held["watched"] or row[1] in state.held["entries"]
        ]
        if extra:
            gone["watched, no date"] = [display(title, year) for _, _, title, year in extra]
            ids = json_list({row[0] for row in extra})
            removals.extend(_viewing_removals(person, ids))
            films = {row[1] for row in extra}
    for checklist_id, films in state.lists_seen.items():
        rows = fetch(
            session,
            "SELECT item.id, item.film_id, checklist.name, film.title, film.year "
            "FROM checklist_item AS item JOIN checklist ON checklist.id = item.checklist_id "
            "JOIN film ON film.id = item.film_id WHERE checklist.id = :list ORDER BY item.id",
            {"list": checklist_id},
        )
        missing_items = [row for row in rows if row[1] not in films]
        if missing_items:
            gone.setdefault("list items", []).extend(
                f"{display(title, year)} on {name}" for _, _, name, title, year in missing_items
            )
            removals.append(
                (
                    f"DELETE FROM checklist_item WHERE id {IN_KEYS}",
                    {"keys": json_list({row[0] for row in missing_items})},
                )
            )
    _remove(state, removals, prune, films)


def _remove(
    state: State, removals: list[tuple[str, dict[str, Any]]], prune: bool, films: set[int]
) -> None:
    """Carry out the removals when pruning; the person's other entries of the films whose
    entries went then follow the dates, as after any delete."""
    if prune and removals:
        for sql, params in removals:
            fetch(state.session, sql, params)
        state.summary.pruned = True
        follow_removal(state.session, state.person_id, films, SOURCE)


def _viewing_removals(person: dict[str, Any], ids: Any) -> list[tuple[str, dict[str, Any]]]:
    """The person's part of these viewings, and each viewing nobody else is left in."""
    return [
        (
            f"DELETE FROM viewing_person WHERE person_id = :person AND viewing_id {IN_KEYS}",
            person | {"keys": ids},
        ),
        (
            f"DELETE FROM viewing WHERE id {IN_KEYS} AND id NOT IN "
            "(SELECT viewing_id FROM viewing_person)",
            {"keys": ids},
        ),
    ]
