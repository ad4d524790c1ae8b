"""What a person's diary looks like in Letterboxd's import format, one row per line to write.

Every viewing is a row (a viewing without a date has an empty WatchedDate). A rating kept
outside any viewing (film_rating) goes on the film's dateless row when there is a bare one,
else on a row of its own with no date, which Letterboxd reads as "watched, rated". Films are
named by title and year, with their Letterboxd link (the /film/ form preferred), IMDb and
TMDB ids where known, which is what Letterboxd matches on first. The watchlist keeps the day
each film was added, so a film put back on it after being seen stays there when read back.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from diary.core.errors import StorageError
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


def diary_rows(session: Session, person: Person) -> list[ExportRow]:
    """The person's viewings, oldest first (dateless ones last), and their standalone ratings."""
    query = (
        select(Viewing, ViewingPerson, Film)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .join(Film, col(Film.id) == col(Viewing.film_id))
        .where(ViewingPerson.person_id == person.id)
        .order_by(col(Viewing.watched_on).is_(None), col(Viewing.watched_on), col(Viewing.id))
    )
    found = session.execute(query).all()
    tags = _tags(session, [viewing.id for viewing, _, _ in found if viewing.id is not None])
    ratings = session.execute(
        select(FilmRating, Film)
        .join(Film, col(Film.id) == col(FilmRating.film_id))
        .where(FilmRating.person_id == person.id)
        .order_by(col(FilmRating.film_id))
    ).all()
    ids = _external_ids(session, {film.id for *_, film in found} | {film.id for _, film in ratings})
    rows: list[ExportRow] = []
    bare: dict[int, int] = {}
    for viewing, part, film in found:
        row = replace(
            _film_row(film, ids),
            watched_on=viewing.watched_on,
            rating=part.rating,
            rewatch=part.rewatch,
            tags=tags.get(viewing.id or 0, []),
            review=part.review,
        )
        if row.bare and row.rating is None and film.id not in bare:
            bare[film.id or 0] = len(rows)
        rows.append(row)
    for rating, film in ratings:
        if film.id in bare:
            rows[bare[film.id or 0]].rating = rating.rating
        else:
            rows.append(replace(_film_row(film, ids), rating=rating.rating))
    return rows


def watchlist_rows(session: Session, person: Person) -> list[ExportRow]:
    query = (
        select(Film, WatchlistEntry.added_at)
        .join(WatchlistEntry, col(WatchlistEntry.film_id) == col(Film.id))
        .where(WatchlistEntry.person_id == person.id)
        .order_by(col(WatchlistEntry.added_at), col(WatchlistEntry.id))
    )
    found = session.execute(query).all()
    ids = _external_ids(session, {film.id for film, _ in found})
    return [replace(_film_row(film, ids), added_on=added.date()) for film, added in found]


def _film_row(film: Film, ids: dict[int, dict[str, str]]) -> ExportRow:
    known = ids.get(film.id or 0, {})
    return ExportRow(
        film.title, film.year, known.get("letterboxd"), known.get("imdb"), known.get("tmdb")
    )


def _tags(session: Session, viewing_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for start in range(0, len(viewing_ids), 5000):
        part = viewing_ids[start : start + 5000]
        for viewing_id, tag in session.execute(
            select(ViewingTag.viewing_id, ViewingTag.tag)
            .where(col(ViewingTag.viewing_id).in_(part))
            .order_by(col(ViewingTag.viewing_id), col(ViewingTag.tag))
        ):
            found.setdefault(viewing_id, []).append(tag)
    return found


def _external_ids(session: Session, film_ids: set[int | None]) -> dict[int, dict[str, str]]:
    """Per film: one Letterboxd link (a /film/ link before a boxd.it one), IMDb and TMDB ids."""
    found: dict[int, dict[str, str]] = {}
    wanted = sorted(i for i in film_ids if i is not None)
    for start in range(0, len(wanted), 5000):
        part = wanted[start : start + 5000]
        rows = session.execute(
            select(FilmExternalId.film_id, FilmExternalId.source, FilmExternalId.value)
            .where(col(FilmExternalId.film_id).in_(part))
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


def write_folder(folder: Path, files: list[tuple[str, str]], force: bool) -> list[Path]:
    """Write the files into `folder` (made if missing), each whole or not at all.

    A folder already holding an export is refused without `force`; with it, files of the
    earlier export that this one does not replace are removed.
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
    written = [write_atomic(folder / name, content, force=force) for name, content in files]
    for path in earlier:
        if path not in written:
            path.unlink()
    return written
