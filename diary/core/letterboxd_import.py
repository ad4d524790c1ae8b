"""Importing a Letterboxd export: every file merged into one diary, in one transaction.

The files are read as streams, a chunk of rows at a time, in an order that lets each step rely
on the one before:

1. files that name films by their link (watched, ratings, likes, watchlist, lists) first make
   sure each film exists, so that diary rows, which carry only title and year, find them and
   two different films with one title and year are seen as such; likes, the watchlist and
   lists are recorded in the same pass;
2. diary entries; 3. reviews; 4. films watched without a date; 5. ratings.

When the import added viewings, films seen since they went on the person's watchlist leave
it (as logging does), and `films_seen` is told, once, every film the person has seen. Any bad
row raises and the caller's transaction rolls back everything.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Protocol, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.core.checklists import films_seen
from diary.core.letterboxd_films import Unattributed
from diary.core.letterboxd_opinions import (
    add_list_items,
    apply_likes,
    apply_ratings,
    apply_watchlist,
    open_list,
)
from diary.core.letterboxd_state import ImportSummary, State
from diary.core.letterboxd_viewings import (
    add_entries,
    add_unkeyed_entries,
    attach_reviews,
    mark_seen,
)
from diary.core.rewatches import keep_disagreeing
from diary.core.watchlist import remove_watched_since_added
from diary.importers.letterboxd import detect, list_info, read_rows
from diary.importers.letterboxd_files import SourceFile, open_export
from diary.importers.letterboxd_rows import Row
from diary.store.models import Person, Viewing, ViewingPerson, WatchlistEntry

CHUNK = 1000
T = TypeVar("T")
Handler = Callable[[State, Sequence[Row], Sequence[int | Unattributed]], None]

# Kinds read in the first pass (films by link; and what needs nothing else), then the rest.
FIRST_PASS: dict[str, Handler | None] = {
    "watched": None,
    "ratings": None,
    "likes": apply_likes,
    "watchlist": apply_watchlist,
    "import-watchlist": apply_watchlist,
}


def _seen_and_rated(state: State, rows: Sequence[Row], ids: Sequence[int | Unattributed]) -> None:
    """Bare rows of the import format: watched.csv and ratings.csv in one."""
    mark_seen(state, rows, ids)
    apply_ratings(state, rows, ids)


LATER_PASSES: list[tuple[str, Handler, Callable[[Row], bool]]] = [
    ("diary", add_entries, lambda row: True),
    ("import-diary", add_unkeyed_entries, lambda row: not row.bare),
    ("reviews", attach_reviews, lambda row: True),
    ("watched", mark_seen, lambda row: True),
    ("import-diary", _seen_and_rated, lambda row: row.bare),
    ("ratings", apply_ratings, lambda row: True),
]


class ProgressSink(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, amount: int) -> None: ...


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def import_letterboxd(
    session: Session, path: Path, person: Person, progress: ProgressSink | None = None
) -> ImportSummary:
    """Import the export at `path` for `person`; the caller commits (or rolls back)."""
    export = open_export(path)
    try:
        summary = ImportSummary(person=person.name, source=export.label)
        summary.not_imported = list(export.not_imported)
        kinds = {file.name: detect(file) for file in export.files}
        files = [(file, kinds[file.name]) for file in export.files]
        summary.files = [f"{file.name} ({kind})" for file, kind in files]
        if progress is not None:
            progress.start(sum(file.size * _passes(kind) for file, kind in files))
        advance = progress.advance if progress is not None else None
        state = State(session, person, summary)
        firsts = (state.next_viewing, _next_id(session, WatchlistEntry))
        for file, kind in files:
            if kind == "list":
                _import_list(state, file, advance)
            elif kind in FIRST_PASS:
                _run(state, file, kind, FIRST_PASS[kind], lambda row: True, advance)
        for wanted, handler, keep in LATER_PASSES:
            for file, kind in files:
                if kind == wanted:
                    _run(state, file, kind, handler, keep, advance)
        counts = summary.counts
        counts["films"].added = state.films.counts.added
        counts["films"].present = state.films.counts.present
        counts["films"].skipped = sum(c.skipped for c in counts.values())
        if any(counts[c].added for c in ("diary entries", "watched, no date", "watchlist")):
            _leave_watchlists(state, firsts)
        if any(counts[c].added for c in ("diary entries", "watched, no date")):
            assert person.id is not None
            keep_disagreeing(session, person.id, firsts[0])  # rewatch flags follow the dates
            summary.checklist_notes = films_seen(session, person, seen_films(session, person))
        return summary
    finally:
        export.close()


def _next_id(session: Session, model: type[WatchlistEntry]) -> int:
    return (session.execute(select(func.max(model.id))).scalar() or 0) + 1


def _leave_watchlists(state: State, firsts: tuple[int, int]) -> None:
    """Films seen since they went on the watchlist leave it, as when logging. A watchlist row
    of this export for a film already seen since is counted as skipped, not added."""
    person = state.session.get(Person, state.person_id)
    assert person is not None
    removed = remove_watched_since_added(state.session, person, *firsts)
    state.summary.watchlist_removed = [film for film, new in removed if not new]
    left_out = [film for film, new in removed if new]
    if left_out:
        tally = state.tally("watchlist")
        tally.added -= len(left_out)
        tally.skipped += len(left_out)
        state.summary.watchlist_left_out = left_out


def _passes(kind: str) -> int:
    later = sum(1 for wanted, _, _ in LATER_PASSES if wanted == kind)
    return later + (kind in FIRST_PASS or kind == "list")


def _run(
    state: State,
    file: SourceFile,
    kind: str,
    handler: Handler | None,
    keep: Callable[[Row], bool],
    advance: Callable[[int], None] | None,
) -> None:
    for chunk in chunks(row for row in read_rows(file, kind, advance) if keep(row)):
        ids = state.films.resolve([row.ref for row in chunk])
        if handler is not None:
            handler(state, chunk, ids)


def _import_list(state: State, file: SourceFile, advance: Callable[[int], None] | None) -> None:
    checklist = open_list(state, list_info(file), file.name)
    for chunk in chunks(read_rows(file, "list", advance)):
        add_list_items(state, checklist, chunk, state.films.resolve([row.ref for row in chunk]))


def seen_films(session: Session, person: Person) -> list[int]:
    """Every film the person has a viewing of."""
    query = (
        select(Viewing.film_id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(ViewingPerson.person_id == person.id)
        .distinct()
        .order_by(col(Viewing.film_id))
    )
    return list(session.execute(query).scalars())
