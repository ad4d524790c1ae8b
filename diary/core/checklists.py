"""Checklists: named lists of films, in groups, that people tick off by seeing them.

A person has seen a film when they have a viewing of it or ticked it by hand.
"""

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from diary.core import clock
from diary.core.errors import InvalidInput, NotFound
from diary.store.models import (
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Film,
    FilmCovered,
    FilmTick,
    Person,
    Viewing,
    ViewingPerson,
)


def slugify(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if not slug:
        raise InvalidInput(f"cannot make a list name from {name!r}")
    return slug


def upsert_checklist(
    session: Session,
    name: str,
    kind: str = "user",
    slug: str | None = None,
    source_key: str | None = None,
    description: str | None = None,
) -> tuple[Checklist, bool]:
    """The checklist with this source key (or slug), created if missing."""
    slug = slug or slugify(name)
    found = None
    if source_key is not None:
        found = session.exec(select(Checklist).where(Checklist.source_key == source_key)).first()
    if found is None:
        found = session.exec(select(Checklist).where(Checklist.slug == slug)).first()
    if found is not None:
        return found, False
    checklist = Checklist(
        slug=slug,
        name=name,
        kind=kind,
        source_key=source_key,
        description=description,
        created_at=clock.now(),
    )
    session.add(checklist)
    session.flush()
    return checklist, True


def find_checklist(session: Session, name: str) -> Checklist:
    slug = slugify(name)
    found = session.exec(select(Checklist).where(Checklist.slug == slug)).first()
    if found is None:
        known = ", ".join(session.exec(select(Checklist.slug).order_by(col(Checklist.slug))))
        raise NotFound(f"no checklist {name!r}" + (f": known are {known}" if known else ""))
    return found


def upsert_group(
    session: Session,
    checklist: Checklist,
    key: str,
    label: str,
    number: int | None = None,
    position: int = 0,
) -> ChecklistGroup:
    assert checklist.id is not None
    group = session.exec(
        select(ChecklistGroup).where(
            ChecklistGroup.checklist_id == checklist.id, ChecklistGroup.key == key
        )
    ).first()
    if group is None:
        group = ChecklistGroup(
            checklist_id=checklist.id, key=key, label=label, number=number, position=position
        )
        session.add(group)
        session.flush()
    return group


def add_item(
    session: Session,
    checklist: Checklist,
    film: Film,
    listed_title: str,
    listed_year: int | None = None,
    position: int = 0,
    group: ChecklistGroup | None = None,
    winner: bool = False,
    note: str | None = None,
) -> tuple[ChecklistItem, bool]:
    """Add the film to the list (in the group); an existing item is returned unchanged."""
    assert checklist.id is not None and film.id is not None
    query = select(ChecklistItem).where(
        ChecklistItem.checklist_id == checklist.id, ChecklistItem.film_id == film.id
    )
    query = query.where(ChecklistItem.group_id == (group.id if group else None))
    existing = session.exec(query).first()
    if existing is not None:
        return existing, False
    item = ChecklistItem(
        checklist_id=checklist.id,
        group_id=group.id if group else None,
        film_id=film.id,
        position=position,
        listed_title=listed_title,
        listed_year=listed_year,
        winner=winner,
        note=note,
    )
    session.add(item)
    session.flush()
    return item, True


def films_seen(session: Session, person: Person, film_ids: Sequence[int]) -> list[str]:
    """Called whenever a person is recorded as having seen films (a log, an import).

    Returns messages for the user (e.g. "Ticked Her (2013) on Best Picture"). The one place
    where seeing a film ticks lists whose film row differs from the one seen.
    """
    return []


def mark_covered(session: Session, film: Film, on: date | None, note: str | None = None) -> bool:
    """Mark the film as covered by the newsletter; False if it already was."""
    assert film.id is not None
    if session.get(FilmCovered, film.id) is not None:
        return False
    session.add(FilmCovered(film_id=film.id, covered_on=on, note=note))
    session.flush()
    return True


def covered_film_ids(session: Session) -> set[int]:
    return set(session.exec(select(FilmCovered.film_id)))


def seen_film_ids(session: Session, person_id: int) -> set[int]:
    """Films the person has a viewing of or ticked by hand."""
    viewed = session.exec(
        select(Viewing.film_id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(ViewingPerson.person_id == person_id)
    )
    ticked = session.exec(select(FilmTick.film_id).where(FilmTick.person_id == person_id))
    return set(viewed) | set(ticked)
