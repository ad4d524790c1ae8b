"""The diary itself: log, list, show, edit and delete viewings."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import LARGEST_NUMBER, InvalidInput, NotFound, number_too_large
from diary.core.checklists.lists import films_seen
from diary.core.diary.rewatches import Flip, say_flips, settle
from diary.core.diary.watchlist import remove_watched
from diary.core.films.lookup import label
from diary.store.models import Film, Person, Viewing, ViewingPerson, ViewingTag


@dataclass
class Attendee:
    """One person at a viewing, with what they alone say about it."""

    person: Person
    rating: int | None = None
    liked: bool = False
    rewatch: bool | None = None  # None: worked out from the dates (core/rewatches.py)
    review: str | None = None


@dataclass
class LogResult:
    viewing: Viewing
    film: Film
    attendees: list[ViewingPerson]
    people: dict[int, Person]
    tags: list[str]
    removed_from_watchlist: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def clean_tags(tags: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        for part in tag.split(","):
            clean = " ".join(part.split()).lower()
            if clean:
                seen.setdefault(clean, None)
    return list(seen)


def log_viewing(
    session: Session,
    film: Film,
    watched_on: date | None,
    attendees: Sequence[Attendee],
    place: str | None = None,
    tags: Sequence[str] = (),
) -> LogResult:
    if not attendees:
        raise InvalidInput("a viewing needs at least one person")
    ids = [a.person.id for a in attendees]
    if len(set(ids)) != len(ids):
        raise InvalidInput("the same person is named twice")
    assert film.id is not None
    now = clock.now()
    viewing = Viewing(
        film_id=film.id,
        watched_on=watched_on,
        place=place.strip() if place and place.strip() else None,
        created_at=now,
        updated_at=now,
    )
    session.add(viewing)
    session.flush()
    assert viewing.id is not None
    parts = []
    for attendee in attendees:
        assert attendee.person.id is not None
        rewatch = attendee.rewatch
        if rewatch is None:
            rewatch = seen_before(session, film.id, attendee.person.id, watched_on, viewing.id)
        part = ViewingPerson(
            viewing_id=viewing.id,
            person_id=attendee.person.id,
            rating=attendee.rating,
            liked=attendee.liked,
            rewatch=rewatch,
            rewatch_by_hand=attendee.rewatch is not None,
            review=attendee.review,
        )
        session.add(part)
        parts.append(part)
    tag_list = clean_tags(tags)
    for tag in tag_list:
        session.add(ViewingTag(viewing_id=viewing.id, tag=tag))
    session.flush()
    people = [a.person for a in attendees]
    say_flips(session, settle(session, [p.id for p in people if p.id], [film.id]), viewing.id)
    removed = remove_watched(session, film.id, people)
    notes: list[str] = []
    for person in people:
        ticked = films_seen(session, person, [film.id])
        if not _seen_elsewhere(session, film.id, person, viewing.id):
            notes.extend(ticked)  # a rewatch ticks nothing new: say nothing
    return LogResult(
        viewing, film, parts, {p.id: p for p in people if p.id}, tag_list, removed, notes
    )


def _seen_elsewhere(session: Session, film_id: int, person: Person, viewing_id: int) -> bool:
    """Whether the person has another viewing of the film, at any date."""
    query = (
        select(Viewing.id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(
            Viewing.film_id == film_id,
            ViewingPerson.person_id == person.id,
            col(Viewing.id) != viewing_id,
        )
        .limit(1)
    )
    return session.exec(query).first() is not None


def seen_before(
    session: Session, film_id: int, person_id: int, watched_on: date | None, viewing_id: int
) -> bool:
    """Whether the person has a viewing of the film before this one (the order of
    core/rewatches.py: undated first, then by date, then by id)."""
    undated = Viewing.watched_on.is_(None)  # type: ignore[union-attr]
    if watched_on is None:
        earlier = [and_(undated, col(Viewing.id) < viewing_id)]
    else:
        earlier = [
            undated,
            col(Viewing.watched_on) < watched_on,
            and_(col(Viewing.watched_on) == watched_on, col(Viewing.id) < viewing_id),
        ]
    query = (
        select(Viewing.id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(
            Viewing.film_id == film_id,
            ViewingPerson.person_id == person_id,
            col(Viewing.id) != viewing_id,
            or_(*earlier),
        )
        .limit(1)
    )
    return session.exec(query).first() is not None


@dataclass
class Filters:
    year: int | None = None
    month: tuple[int, int] | None = None
    person_id: int | None = None
    film_id: int | None = None
    tag: str | None = None
    rating_min: int | None = None
    limit: int | None = None


def parse_month(text: str) -> tuple[int, int]:
    parts = text.strip().split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and parts[0].isdigit() and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        if year >= 1 and 1 <= month <= 12:
            return year, month
    raise InvalidInput(f"not a month: {text!r}: use YYYY-MM, e.g. 2025-01")


def check_list_year(year: int) -> None:
    if not 1 <= year <= 9999:
        raise InvalidInput(f"not a year: {year}: use four digits, e.g. 2025")


@dataclass
class ViewingRow:
    viewing: Viewing
    film: Film
    attendees: list[tuple[Person, ViewingPerson]]
    tags: list[str]


def list_viewings(session: Session, filters: Filters) -> list[ViewingRow]:
    """Newest first; each row with everyone present and the tags."""
    return [row for page in viewing_pages(session, filters) for row in page]


def viewing_pages(session: Session, filters: Filters) -> Iterator[list[ViewingRow]]:
    """The same rows as `list_viewings`, a page at a time (for listings of any size)."""
    from diary.core.diary.pages import pages

    if filters.limit is not None and filters.limit > LARGEST_NUMBER:
        raise number_too_large()  # paged reads never hand the limit itself to the database
    for found in pages(session, _filtered(filters), filters.limit):
        yield _with_details(session, found)


def _filtered(filters: Filters) -> Any:
    query = select(Viewing, Film).join(Film, col(Film.id) == col(Viewing.film_id))
    if filters.year is not None:
        check_list_year(filters.year)
        query = query.where(
            col(Viewing.watched_on) >= date(filters.year, 1, 1),
            col(Viewing.watched_on) <= date(filters.year, 12, 31),
        )
    if filters.month is not None:
        from calendar import monthrange

        year, month = filters.month
        last = monthrange(year, month)[1]
        query = query.where(
            col(Viewing.watched_on) >= date(year, month, 1),
            col(Viewing.watched_on) <= date(year, month, last),
        )
    if filters.film_id is not None:
        query = query.where(Viewing.film_id == filters.film_id)
    if filters.person_id is not None or filters.rating_min is not None:
        part = select(ViewingPerson.viewing_id).where(
            col(ViewingPerson.viewing_id) == col(Viewing.id)
        )
        if filters.person_id is not None:
            part = part.where(ViewingPerson.person_id == filters.person_id)
        if filters.rating_min is not None:
            part = part.where(col(ViewingPerson.rating) >= filters.rating_min)
        query = query.where(exists(part))
    if filters.tag is not None:
        tagged = select(ViewingTag.viewing_id).where(
            col(ViewingTag.viewing_id) == col(Viewing.id),
            ViewingTag.tag == " ".join(filters.tag.split()).lower(),
        )
        query = query.where(exists(tagged))
    return query


def _with_details(session: Session, pairs: Sequence[tuple[Viewing, Film]]) -> list[ViewingRow]:
    """The rows of one page (in listing order), with everyone present and the tags."""
    from diary.core.diary.pages import details

    attendees, tags = details(session, pairs)
    return [
        ViewingRow(viewing, film, attendees[viewing.id or 0], tags[viewing.id or 0])
        for viewing, film in pairs
    ]


def get_viewing(session: Session, viewing_id: int) -> ViewingRow:
    found = session.exec(
        select(Viewing, Film)
        .join(Film, col(Film.id) == col(Viewing.film_id))
        .where(Viewing.id == viewing_id)
    ).first()
    if found is None:
        raise NotFound(f"no diary entry with id {viewing_id}")
    return _with_details(session, [found])[0]


@dataclass
class Changes:
    """What `diary edit` may change; None leaves a field as it is."""

    film: Film | None = None
    watched_on: date | None = None
    place: str | None = None
    tags: list[str] | None = None
    person: Person | None = None  # whose rating/like/rewatch/review changes below
    rating: int | None = None
    clear_rating: bool = False
    liked: bool | None = None
    rewatch: bool | None = None
    rewatch_from_dates: bool = False  # forget a flag set by hand; the dates decide again
    review: str | None = None
    add: list[Attendee] = field(default_factory=list)


def edit_viewing(
    session: Session, viewing_id: int, changes: Changes
) -> tuple[ViewingRow, list[str]]:
    row = get_viewing(session, viewing_id)
    viewing = row.viewing
    said: list[str] = []
    film_changed = changes.film is not None and changes.film.id != viewing.film_id
    if changes.film is not None and film_changed:
        assert changes.film.id is not None
        viewing.film_id = changes.film.id
        said.append(f"film → {label(changes.film)}")
    if changes.watched_on is not None and changes.watched_on != viewing.watched_on:
        viewing.watched_on = changes.watched_on
        said.append(f"date → {changes.watched_on.isoformat()}")
    if changes.place is not None:
        viewing.place = changes.place.strip() or None
        said.append(f"where → {viewing.place or '(none)'}")
    if changes.tags is not None:
        for old in session.exec(select(ViewingTag).where(ViewingTag.viewing_id == viewing_id)):
            session.delete(old)
        session.flush()
        for tag in clean_tags(changes.tags):
            session.add(ViewingTag(viewing_id=viewing_id, tag=tag))
        said.append(f"tags → {', '.join(clean_tags(changes.tags)) or '(none)'}")
    said.extend(_edit_person(session, row, changes))
    for attendee in changes.add:
        if any(p.id == attendee.person.id for p, _ in row.attendees):
            raise InvalidInput(f"{attendee.person.name} is already on entry {viewing_id}")
        assert attendee.person.id is not None
        rewatch = attendee.rewatch
        if rewatch is None:
            rewatch = seen_before(
                session, viewing.film_id, attendee.person.id, viewing.watched_on, viewing_id
            )
        session.add(
            ViewingPerson(
                viewing_id=viewing_id,
                person_id=attendee.person.id,
                rating=attendee.rating,
                liked=attendee.liked,
                rewatch=rewatch,
                rewatch_by_hand=attendee.rewatch is not None,
            )
        )
        said.append(f"added {attendee.person.name}")
    if not said:
        raise InvalidInput("nothing to change: give at least one option")
    viewing.updated_at = clock.now()
    session.add(viewing)
    session.flush()
    everyone = [p.id for p, _ in row.attendees] + [a.person.id for a in changes.add]
    films = {viewing.film_id, row.film.id or viewing.film_id}
    changed = settle(session, [i for i in everyone if i is not None], films)
    said.extend(_turned(changed, viewing_id, {p.id: p.name for p, _ in row.attendees}))
    say_flips(session, changed, quiet_about=viewing_id)
    if film_changed:
        from diary.core.checklists.ticks import forget_stand_in

        forget_stand_in(session, [p.id for p, _ in row.attendees if p.id is not None], row.film)
    watchers = [p for p, _ in row.attendees] if film_changed else []
    watchers += [a.person for a in changes.add]
    if removed := remove_watched(session, viewing.film_id, watchers):
        # As when logging: whoever has now watched the film no longer needs it on a watchlist.
        film = session.get(Film, viewing.film_id)
        said.append(f"off the watchlist of {', '.join(removed)}: {label(film) if film else ''}")
    for person in watchers:
        # A viewing now of another film, or a new person on it: the checklists hear of it.
        said.extend(films_seen(session, person, [viewing.film_id]))
    session.expire_all()
    return get_viewing(session, viewing_id), said


def _turned(changed: list[Flip], viewing_id: int, names: dict[int | None, str]) -> list[str]:
    """What the dates now say of this entry, for those whose flag they turned over."""
    return [
        f"{names.get(f.person_id, 'someone')}: {'rewatch' if f.rewatch else 'first time'} "
        "(from the dates)"
        for f in changed
        if f.viewing_id == viewing_id
    ]


def _edit_person(session: Session, row: ViewingRow, changes: Changes) -> list[str]:
    touches = (
        changes.rating is not None
        or changes.clear_rating
        or changes.liked is not None
        or changes.rewatch is not None
        or changes.rewatch_from_dates
        or changes.review is not None
    )
    if not touches:
        return []
    person = changes.person
    if person is None:
        if len(row.attendees) != 1:
            names = ", ".join(p.name for p, _ in row.attendees)
            raise InvalidInput(f"entry {row.viewing.id} has several people ({names}); add --by")
        person = row.attendees[0][0]
    part = next((vp for p, vp in row.attendees if p.id == person.id), None)
    if part is None:
        raise NotFound(f"{person.name} is not on entry {row.viewing.id}")
    said = []
    if changes.clear_rating:
        part.rating = None
        said.append(f"{person.name}'s rating removed")
    elif changes.rating is not None:
        part.rating = changes.rating
        said.append(f"{person.name}'s rating → {changes.rating / 2:g}")
    if changes.liked is not None:
        part.liked = changes.liked
        said.append(f"{person.name} {'likes' if changes.liked else 'no longer likes'} it")
    if changes.rewatch is not None:
        part.rewatch = changes.rewatch
        part.rewatch_by_hand = True
        said.append(f"{person.name}: {'rewatch' if changes.rewatch else 'first time'} (by hand)")
    elif changes.rewatch_from_dates:
        part.rewatch_by_hand = False
        said.append(f"{person.name}: rewatch flag from the dates")
    if changes.review is not None:
        part.review = changes.review or None
        said.append(f"{person.name}'s review {'updated' if changes.review else 'removed'}")
    session.add(part)
    return said


def delete_viewing(session: Session, viewing_id: int) -> ViewingRow:
    from diary.core.checklists.ticks import forget_stand_in

    row = get_viewing(session, viewing_id)
    session.delete(row.viewing)
    session.flush()
    people = [p.id for p, _ in row.attendees if p.id is not None]
    say_flips(session, settle(session, people, [row.film.id or 0]))
    forget_stand_in(session, [p.id for p, _ in row.attendees if p.id is not None], row.film)
    return row


def count_viewings(session: Session) -> int:
    return session.exec(select(func.count(col(Viewing.id)))).one()
