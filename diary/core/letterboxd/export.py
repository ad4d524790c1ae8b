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
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from sqlmodel import Session, col, select

from diary.base.errors import StorageError
from diary.store.bulk import IN_KEYS, fetch, json_list
from diary.store.files import write_atomic
from diary.store.models import Film, Person, WatchlistEntry

PAGE = 1000


class ExportRow(NamedTuple):
    """One line of the export: a film, with a viewing's details on a diary row."""

    title: str
    year: int | None
    link: str | None = None
    imdb: str | None = None
    tmdb: str | None = None
    watched_on: str | None = None  # the day, YYYY-MM-DD
    rating: int | None = None
    rewatch: bool = False
    tags: Sequence[str] = ()
    review: str | None = None
    added_on: str | None = None  # the day it went on the watchlist, YYYY-MM-DD

    @property
    def bare(self) -> bool:
        return self.watched_on is None and not (self.review or self.tags or self.rewatch)


_Ids = tuple[str | None, str | None, str | None]  # Letterboxd link, IMDb id, TMDB id
_NO_IDS: _Ids = (None, None, None)


def diary_rows(session: Session, person: Person, size: int = PAGE) -> Iterator[ExportRow]:
    """The rows of `diary_pages`, one by one."""
    return chain.from_iterable(diary_pages(session, person, size))


def diary_pages(session: Session, person: Person, size: int = PAGE) -> Iterator[list[ExportRow]]:
    """The person's viewings, oldest first (dateless ones last), and their standalone ratings,
    `size` rows at a time.

    Read a page at a time (keyset pagination on the viewing index) as plain rows from the
    driver, so that a diary of any size exports in the same memory and no object is made
    per row beyond the row itself; only the person's standalone ratings are held, to put each
    on its film's bare dateless row.
    """
    ratings: dict[int, int] = dict(
        fetch(
            session,
            "SELECT film_id, rating FROM film_rating WHERE person_id = :person",
            {"person": person.id},
        )
    )
    placed: set[int] = set()
    for page in _viewing_pages(session, person.id or 0, size):
        ids = _external_ids(session, {row[5] for row in page})
        tags = _tags(session, [row[0] for row in page])
        rows = [
            ExportRow(
                title,
                year,
                *ids.get(film_id, _NO_IDS),
                watched_on,
                rating,
                bool(rewatch),
                tags.get(viewing_id, ()),
                review,
            )
            for viewing_id, watched_on, rating, rewatch, review, film_id, title, year in page
        ]
        if ratings:
            for index, row in enumerate(rows):
                film_id = page[index][5]
                if row.bare and row.rating is None and film_id in ratings:
                    if film_id not in placed:
                        rows[index] = row._replace(rating=ratings[film_id])
                        placed.add(film_id)
        yield rows
    yield from _rating_pages(session, person.id or 0, size, placed)


def _rating_pages(
    session: Session, person: int, size: int, placed: set[int]
) -> Iterator[list[ExportRow]]:
    """The standalone ratings not placed on a diary row, as dateless rows, by film."""
    after = 0
    while True:
        found = fetch(
            session,
            "SELECT film.id, film.title, film.year, film_rating.rating FROM film "
            "JOIN film_rating ON film_rating.film_id = film.id "
            "WHERE film_rating.person_id = :person AND film.id > :after "
            "ORDER BY film.id LIMIT :size",
            {"person": person, "after": after, "size": size},
        )
        if not found:
            return
        ids = _external_ids(session, {row[0] for row in found})
        yield [
            ExportRow(title, year, *ids.get(film_id, _NO_IDS), rating=rating)
            for film_id, title, year, rating in found
            if film_id not in placed
        ]
        after = found[-1][0]


_SEEN = (
    "SELECT viewing.id, viewing.watched_on, part.rating, part.rewatch, part.review, "
    "film.id, film.title, film.year FROM viewing "
    "JOIN viewing_person AS part ON part.viewing_id = viewing.id "
    "JOIN film ON film.id = viewing.film_id WHERE part.person_id = :person AND "
)
_DATED = _SEEN + "viewing.watched_on IS NOT NULL {after} ORDER BY viewing.watched_on, viewing.id"
_DATELESS = _SEEN + "viewing.watched_on IS NULL {after} ORDER BY viewing.id"


def _viewing_pages(session: Session, person: int, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The person's viewings as plain rows (dates as YYYY-MM-DD text), oldest first,
    dateless last, `size` at a time: (viewing id, watched on, rating, rewatch, review, film
    id, title, year)."""
    for sql, after in (
        (_DATED, "AND (viewing.watched_on, viewing.id) > (:on, :id)"),
        (_DATELESS, "AND viewing.id > :id"),
    ):
        params: dict[str, Any] = {"person": person, "size": size}
        query = sql.format(after="") + " LIMIT :size"
        while True:
            found = fetch(session, query, params)
            if not found:
                break
            yield found
            if len(found) < size:
                break
            params |= {"on": found[-1][1], "id": found[-1][0]}
            query = sql.format(after=after) + " LIMIT :size"


def watchlist_rows(session: Session, person: Person) -> list[ExportRow]:
    query = (
        select(Film, WatchlistEntry.added_at)
        .join(WatchlistEntry, col(WatchlistEntry.film_id) == col(Film.id))
        .where(WatchlistEntry.person_id == person.id)
        .order_by(col(WatchlistEntry.added_at), col(WatchlistEntry.id))
    )
    found = session.execute(query).all()
    ids = _external_ids(session, {film.id or 0 for film, _ in found})
    return [
        ExportRow(film.title, film.year, *ids.get(film.id or 0, _NO_IDS))._replace(
            added_on=added.date().isoformat()
        )
        for film, added in found
    ]


def _tags(session: Session, viewings: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for viewing_id, tag in fetch(
        session,
        f"SELECT viewing_id, tag FROM viewing_tag WHERE viewing_id {IN_KEYS} "
        "ORDER BY viewing_id, tag",
        {"keys": json_list(viewings)},
    ):
        found.setdefault(viewing_id, []).append(tag)
    return found


def _external_ids(session: Session, films: set[int]) -> dict[int, _Ids]:
    """Per film: one Letterboxd link (a /film/ link before a boxd.it one), IMDb and TMDB ids."""
    found: dict[int, dict[str, str]] = {}
    if not films:
        return {}
    for film_id, source, value in fetch(
        session,
        "SELECT film_id, source, value FROM film_external_id "
        f"WHERE film_id {IN_KEYS} AND source IN ('letterboxd', 'imdb', 'tmdb') ORDER BY id",
        {"keys": json_list(films)},
    ):
        known = found.setdefault(film_id, {})
        if source not in known or (source == "letterboxd" and "/film/" in value):
            if not (source == "letterboxd" and "/film/" in known.get(source, "")):
                known[source] = value
    return {
        film_id: (known.get("letterboxd"), known.get("imdb"), known.get("tmdb"))
        for film_id, known in found.items()
    }


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
