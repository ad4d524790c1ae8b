"""What a person's diary looks like in Letterboxd's import format, one row per line to write.

Every viewing is a row (a viewing without a date has an empty WatchedDate). A rating kept
outside any viewing (film_rating) goes on the film's dateless row when there is a bare one,
else on a row of its own with no date, which Letterboxd reads as "watched, rated". Films are
named by title and year, with their Letterboxd link (the /film/ form preferred), IMDb and
TMDB ids where known, which is what Letterboxd matches on first. The watchlist keeps the day
each film was added, so a film put back on it after being seen stays there when read back.
"""

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import and_, tuple_
from sqlalchemy import select as select_columns
from sqlmodel import Session, col, select

from diary.base.errors import StorageError
from diary.store.files import write_atomic
from diary.store.models import (
    Film,
    FilmExternalId,
    FilmRating,
    Person,
    Viewing,
    ViewingPerson,
    ViewingTag,
    WatchlistEntry,
)

PAGE = 1000


@dataclass
class ExportRow:
    title: str
    year: int | None
    link: str | None = None
    imdb: str | None = None
    tmdb: str | None = None
    watched_on: date | None = None
    rating: int | None = None
    rewatch: bool = False
    tags: list[str] = field(default_factory=list)
    review: str | None = None
    added_on: date | None = None  # the day it went on the watchlist

    @property
    def bare(self) -> bool:
        return self.watched_on is None and not (self.review or self.tags or self.rewatch)


def diary_rows(session: Session, person: Person, size: int = PAGE) -> Iterator[ExportRow]:
    """The person's viewings, oldest first (dateless ones last), and their standalone ratings.

    Read a page at a time (keyset pagination on the viewing index), so that a diary of any
    size exports in the same memory; only the person's standalone ratings are held, to put
    each on its film's bare dateless row.
    """
    ratings = dict(
        session.execute(
            select(FilmRating.film_id, FilmRating.rating).where(FilmRating.person_id == person.id)
        ).all()
    )
    placed: set[int] = set()
    for page in _viewing_pages(session, person, size):
        ids = _external_ids(session, _films_of(person, page[0], page[-1]))
        tags = _tags(session, person, page[0], page[-1])
        for viewing_id, watched_on, rating, rewatch, review, film_id, title, year in page:
            row = replace(
                _film_row(film_id, title, year, ids),
                watched_on=watched_on,
                rating=rating,
                rewatch=rewatch,
                tags=tags.get(viewing_id, []),
                review=review,
            )
            if row.bare and rating is None and film_id in ratings and film_id not in placed:
                row.rating = ratings[film_id]
                placed.add(film_id)
            yield row
    left = select(col(Film.id), col(Film.title), col(Film.year), col(FilmRating.rating)).join(
        FilmRating, col(FilmRating.film_id) == col(Film.id)
    )
    after = 0
    while True:
        found = session.execute(
            left.where(FilmRating.person_id == person.id, col(Film.id) > after)
            .order_by(col(Film.id))
            .limit(size)
        ).all()
        if not found:
            return
        films = select(FilmRating.film_id).where(
            FilmRating.person_id == person.id,
            col(FilmRating.film_id) >= found[0][0],
            col(FilmRating.film_id) <= found[-1][0],
        )
        ids = _external_ids(session, films)
        for film_id, title, year, rating in found:
            if film_id not in placed:
                yield replace(_film_row(film_id, title, year, ids), rating=rating)
        after = found[-1][0]


_SEEN: list[Any] = [  # more columns than sqlmodel's select is typed for
    Viewing.id,
    Viewing.watched_on,
    ViewingPerson.rating,
    ViewingPerson.rewatch,
    ViewingPerson.review,
    Film.id,
    Film.title,
    Film.year,
]
_Seen = tuple[int, date | None, int | None, bool, str | None, int, str, int | None]


def _viewing_pages(session: Session, person: Person, size: int) -> Iterator[list[_Seen]]:
    """The person's viewings as plain rows, oldest first, dateless last, `size` at a time."""
    watched, ident = col(Viewing.watched_on), col(Viewing.id)
    query = (
        select_columns(*_SEEN)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == ident)
        .join(Film, col(Film.id) == col(Viewing.film_id))
        .where(col(ViewingPerson.person_id) == person.id)
    )
    for dated in (True, False):
        after: tuple[Any, int] | None = None
        while True:
            if dated:
                page = query.where(watched.is_not(None)).order_by(watched, ident)
                if after is not None:
                    page = page.where(tuple_(watched, ident) > tuple_(after[0], after[1]))
            else:
                page = query.where(watched.is_(None)).order_by(ident)
                if after is not None:
                    page = page.where(ident > after[1])
            found = [tuple(row) for row in session.execute(page.limit(size))]
            if not found:
                break
            yield found
            if len(found) < size:
                break
            after = (found[-1][1], found[-1][0])


def _span(first: _Seen, last: _Seen) -> Any:
    """The viewings from `first` to `last` in export order (a page never mixes the two runs)."""
    watched, ident = col(Viewing.watched_on), col(Viewing.id)
    if first[1] is None:
        return and_(watched.is_(None), ident >= first[0], ident <= last[0])
    return and_(
        tuple_(watched, ident) >= tuple_(first[1], first[0]),
        tuple_(watched, ident) <= tuple_(last[1], last[0]),
    )


def _films_of(person: Person, first: _Seen, last: _Seen) -> Any:
    return (
        select(Viewing.film_id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(ViewingPerson.person_id == person.id, _span(first, last))
    )


def watchlist_rows(session: Session, person: Person) -> list[ExportRow]:
    query = (
        select(Film, WatchlistEntry.added_at)
        .join(WatchlistEntry, col(WatchlistEntry.film_id) == col(Film.id))
        .where(WatchlistEntry.person_id == person.id)
        .order_by(col(WatchlistEntry.added_at), col(WatchlistEntry.id))
    )
    found = session.execute(query).all()
    ids = _external_ids(
        session, select(WatchlistEntry.film_id).where(WatchlistEntry.person_id == person.id)
    )
    return [
        replace(_film_row(film.id, film.title, film.year, ids), added_on=added.date())
        for film, added in found
    ]


def _film_row(
    film_id: int | None, title: str, year: int | None, ids: dict[int, dict[str, str]]
) -> ExportRow:
    known = ids.get(film_id or 0, {})
    return ExportRow(title, year, known.get("letterboxd"), known.get("imdb"), known.get("tmdb"))


def _tags(session: Session, person: Person, first: _Seen, last: _Seen) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for viewing_id, tag in session.execute(
        select(ViewingTag.viewing_id, ViewingTag.tag)
        .join(Viewing, col(Viewing.id) == col(ViewingTag.viewing_id))
        .where(_span(first, last))
        .order_by(col(ViewingTag.viewing_id), col(ViewingTag.tag))
    ):
        found.setdefault(viewing_id, []).append(tag)
    return found


def _external_ids(session: Session, films: Any) -> dict[int, dict[str, str]]:
    """Per film of the `films` query: one Letterboxd link (a /film/ link before a boxd.it
    one), IMDb and TMDB ids."""
    found: dict[int, dict[str, str]] = {}
    rows = session.execute(
        select(FilmExternalId.film_id, FilmExternalId.source, FilmExternalId.value)
        .where(col(FilmExternalId.film_id).in_(films))
        .where(col(FilmExternalId.source).in_(("letterboxd", "imdb", "tmdb")))
        .order_by(col(FilmExternalId.id))
    )
    for film_id, source, value in rows:
        known = found.setdefault(film_id, {})
        if source not in known or (source == "letterboxd" and "/film/" in value):
            if not (source == "letterboxd" and "/film/" in known.get(source, "")):
                known[source] = value
    return found


_OWN_FILE = re.compile(r"^(diary|watchlist)-\d{3,}\.csv$")


def write_folder(folder: Path, files: Iterable[tuple[str, str]], force: bool) -> list[Path]:
    """Write the files into `folder` (made if missing), all of them or none.

    Files come one at a time (each is under 1 MB) and each is written under a hidden name
    at once; only when the last is written are they all renamed into place. A folder already
    holding an export is refused without `force`; with it, files of the earlier export that
    this one does not replace are removed.
    """
    if folder.exists() and not folder.is_dir():
        raise StorageError(f"{folder} is a file; give a folder for the CSV files")
    earlier = sorted(p for p in folder.glob("*.csv") if _OWN_FILE.match(p.name))
    if earlier and not force:
        raise StorageError(f"{folder} already holds an export ({earlier[0].name}); use --force")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise StorageError(f"cannot write {folder}: folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as exc:
            raise StorageError(f"cannot make {folder}: {exc.strerror or exc}") from exc
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files:
            hidden = write_atomic(folder / f".{name}.part", content, force=True)
            staged.append((hidden, folder / name))
        for hidden, target in staged:
            os.replace(hidden, target)
    except OSError as exc:
        raise StorageError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    finally:
        for hidden, _ in staged:
            hidden.unlink(missing_ok=True)
    written = [target for _, target in staged]
    for path in earlier:
        if path not in written:
            path.unlink()
    return written
