"""Importing a Letterboxd export: every file merged into one diary, in one transaction.

The files are read as streams, a chunk of rows at a time, in an order that lets each step rely
on the one before:

1. files that name films by their link (watched, ratings, likes, watchlist, lists) first make
   sure each film exists, so that diary rows, which carry only title and year, find them and
   two different films with one title and year are seen as such; likes, the watchlist and
   lists are recorded in the same pass;
2. diary entries; 3. reviews; 4. films watched without a date; 5. ratings.

When the import added viewings, films seen since they went on the person's watchlist leave
it (as logging does), and `films_seen` is told, once, every film the person has seen. A row
that could not be read, or whose film cannot be told apart, is skipped and reported; the
caller's one transaction holds everything else.

The export arrives as a `Source` of plain records (diary.core.letterboxd.records): the
command opened and checked the files; this module never opens one.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Protocol, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.core.checklists.lists import films_seen
from diary.core.diary.rewatches import keep_disagreeing
from diary.core.diary.watchlist import remove_watched_since_added
from diary.core.letterboxd.films import Unattributed
from diary.core.letterboxd.gone import entries_gone, report_gone
from diary.core.letterboxd.opinions import (
    add_list_items,
    apply_likes,
    apply_ratings,
    apply_watchlist,
    open_list,
)
from diary.core.letterboxd.records import Row, Source, SourceFile, Unreadable
from diary.core.letterboxd.state import CATEGORY_OF, ImportSummary, State
from diary.core.letterboxd.viewings import (
    add_entries,
    add_unkeyed_entries,
    attach_reviews,
    mark_seen,
)
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


def _any(row: Row) -> bool:
    return True


def _dated(row: Row) -> bool:
    return not row.bare


def _bare(row: Row) -> bool:
    return row.bare


LATER_PASSES: list[tuple[str, Handler, Callable[[Row], bool]]] = [
    ("diary", add_entries, _any),
    ("import-diary", add_unkeyed_entries, _dated),
    ("reviews", attach_reviews, _any),
    ("watched", mark_seen, _any),
    ("import-diary", _seen_and_rated, _bare),
    ("ratings", apply_ratings, _any),
]


class ProgressSink(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, amount: int) -> None: ...


def chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def import_letterboxd(
    session: Session,
    source: Source,
    person: Person,
    progress: ProgressSink | None = None,
    prune: bool = False,
) -> ImportSummary:
    """Import the export for `person`; the caller commits (or rolls back).

    With `prune`, what an earlier import brought and this (whole) export no longer holds is
    removed; without it, it is only reported."""
    summary = ImportSummary(person=person.name, source=source.label)
    summary.not_imported = list(source.not_imported)
    files = source.files
    summary.files = [f"{file.name} ({file.kind})" for file in files]
    if progress is not None:
        progress.start(sum(file.size * _passes(file.kind) for file in files))
    advance = progress.advance if progress is not None else None
    state = State(session, person, summary)
    firsts = (state.next_viewing, _next_id(session, WatchlistEntry))
    for file in files:
        if file.kind == "list":
            _import_list(state, file, advance)
        elif file.kind in FIRST_PASS:
            _run(state, file, FIRST_PASS[file.kind], _any, advance)
    kinds = {file.kind for file in files}
    bare: dict[str, int] = {}  # bare rows of each import-format file, counted on its first pass
    for wanted, handler, keep in LATER_PASSES:
        if wanted == "watched" and source.complete:
            entries_gone(state, kinds, prune)
        for file in files:
            if file.kind != wanted:
                continue
            if keep is _bare and bare.get(file.name) == 0:
                # the other pass read every row of the file and none was bare: nothing to do
                if advance is not None:
                    advance(file.size)
                continue
            left = _run(state, file, handler, keep, advance)
            if keep is _dated:
                bare[file.name] = left
    if source.complete:
        report_gone(state, kinds, prune)
    counts = summary.counts
    counts["films"].added = state.films.counts.added
    counts["films"].present = state.films.counts.present
    counts["films"].skipped = sum(c.skipped for c in counts.values())
    if any(counts[c].added for c in ("diary entries", "watched, no date", "watchlist")):
        _leave_watchlists(state, firsts)
    if any(counts[c].added for c in ("diary entries", "watched, no date")) or state.changed:
        assert person.id is not None
        keep_disagreeing(session, person.id, firsts[0])  # rewatch flags follow the dates
        summary.checklist_notes = films_seen(session, person, seen_films(session, person))
    summary.renamed = state.films.renamed
    summary.year_matches = state.films.year_notes
    summary.possible_matches = state.films.possible_matches(session)
    return summary


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
    handler: Handler | None,
    keep: Callable[[Row], bool],
    advance: Callable[[int], None] | None,
) -> int:
    """Handle the file's readable rows that `keep` keeps; return how many it left out."""
    left = 0

    def kept() -> Iterator[Row]:
        nonlocal left
        for row in _readable(state, file, advance):
            if keep(row):
                yield row
            else:
                left += 1

    for chunk in chunks(kept()):
        ids = state.films.resolve([row.ref for row in chunk])
        if handler is not None:
            handler(state, chunk, ids)
    return left


def _readable(
    state: State, file: SourceFile, advance: Callable[[int], None] | None
) -> Iterator[Row]:
    """The file's rows; those that could not be read are reported (once) and left out."""
    for row in file.rows(advance):
        first_time = (row.file, row.number) not in state.read
        if isinstance(row, Unreadable):
            if first_time:
                state.read.add((row.file, row.number))
                state.tally(CATEGORY_OF[file.kind]).skipped += 1
                state.summary.problems.append(f"{row.where}: {row.reason}; not imported")
            continue
        if row.cleaned and first_time:
            state.read.add((row.file, row.number))
            state.summary.control_removed += row.cleaned
        yield row


def _import_list(state: State, file: SourceFile, advance: Callable[[int], None] | None) -> None:
    assert file.info is not None
    checklist = open_list(state, file.info, file.name)
    state.lists_seen[checklist.id or 0] = set()
    for chunk in chunks(_readable(state, file, advance)):
        ids = state.films.resolve([row.ref for row in chunk])
        add_list_items(state, checklist, chunk, ids)


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
