"""Checklists: named lists of films, in groups, that people tick off by seeing them.

A person has seen a film when they have a viewing of it or ticked it by hand.
"""

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import InvalidInput, NotFound
from diary.core.films.lookup import label
from diary.core.films.matcher import BEST_PICTURE
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


BUILTIN = BEST_PICTURE
SHORT_NAMES = {"bp": BUILTIN}


def find_checklist(session: Session, name: str) -> Checklist:
    """The checklist by name or slug; `bp` is the built-in Best Picture list."""
    slug = SHORT_NAMES.get(name.strip().lower()) or slugify(name)
    found = session.exec(select(Checklist).where(Checklist.slug == slug)).first()
    if found is None:
        known = ", ".join(session.exec(select(Checklist.slug).order_by(col(Checklist.slug))))
        raise NotFound(f"no checklist {name!r}" + (f": known are {known}" if known else ""))
    return found


def best_picture(session: Session) -> Checklist:
    return find_checklist(session, BUILTIN)


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

    The one place where seeing a film ticks lists whose film row differs from the one seen:
    such a film is matched to the listed one (see diary.core.checklists.ticks) and ticked for the
    person, the tick saying which film stood in. A listed film given here without a viewing
    behind it is ticked too. Set-based: a few queries per 500 films. Returns one line per
    list that holds any of the films, e.g. "Ticked Her (2013) on Best Picture: Ellen has
    seen 150 of 621".
    """
    from diary.core.checklists import ticks

    assert person.id is not None
    if not film_ids:
        return []
    listed = ticks.describe(session, ticks.listed_films())
    if not listed.keys:
        return []
    matched = ticks.match(ticks.describe(session, film_ids), listed)
    if not matched:
        return []
    # A listed film with no viewing behind it (e.g. marked watched elsewhere) gets a tick;
    # one seen under another row gets a tick saying which.
    stand_ins = [seen for seen, film in matched.items() if seen != film]
    labels = _labels(session, stand_ins)
    sources = {film: "seen" for seen, film in matched.items() if seen == film}
    for seen in stand_ins:
        sources.setdefault(matched[seen], f"seen as {labels[seen]}")
    ticks.tick_each(session, person, sources)
    return _ticked_lines(session, person, sorted(set(matched.values())))


def _labels(session: Session, film_ids: Sequence[int]) -> dict[int | None, str]:
    from diary.core.checklists.ticks import CHUNK

    found: dict[int | None, str] = {}
    for start in range(0, len(film_ids), CHUNK):
        chunk = film_ids[start : start + CHUNK]
        found |= {f.id: label(f) for f in session.exec(select(Film).where(col(Film.id).in_(chunk)))}
    return found


def _ticked_lines(session: Session, person: Person, film_ids: list[int]) -> list[str]:
    from diary.core.checklists import ticks

    assert person.id is not None
    rows = session.exec(
        select(Checklist, ChecklistItem.film_id)
        .join(ChecklistItem, col(ChecklistItem.checklist_id) == col(Checklist.id))
        .where(col(ChecklistItem.film_id).in_(film_ids))
        .order_by(col(Checklist.id), col(ChecklistItem.id))  # the list's own order
    ).all()
    by_list: dict[int, tuple[Checklist, list[int]]] = {}
    for checklist, film_id in rows:
        assert checklist.id is not None
        entry = by_list.setdefault(checklist.id, (checklist, []))
        if film_id not in entry[1]:
            entry[1].append(film_id)
    if not by_list:
        return []
    names = _labels(session, film_ids)
    lines = []
    for checklist_id, (checklist, films) in by_list.items():
        total = session.exec(
            select(func.count(col(ChecklistItem.id))).where(
                ChecklistItem.checklist_id == checklist_id
            )
        ).one()
        seen = session.exec(
            select(func.count(col(ChecklistItem.id))).where(
                ChecklistItem.checklist_id == checklist_id,
                col(ChecklistItem.film_id).in_(
                    select(
                        ticks.seen_union([person.id], ticks.listed_films(checklist_id))
                        .subquery()
                        .c.film_id
                    )
                ),
            )
        ).one()
        what = ", ".join(names[f] for f in films) if len(films) <= 3 else f"{len(films)} films"
        lines.append(f"Ticked {what} on {checklist.name}: {person.name} has seen {seen} of {total}")
    return lines


def mark_covered(session: Session, film: Film, on: date | None, note: str | None = None) -> bool:
    """Mark the film as covered by the newsletter; False if it already was."""
    assert film.id is not None
    if session.get(FilmCovered, film.id) is not None:
        return False
    session.add(FilmCovered(film_id=film.id, covered_on=on, note=note))
    session.flush()
    return True


def covered_film_ids(session: Session) -> set[int]:
    """Films the newsletter has covered: a post exists for them, or a coverage mark."""
    return set(coverage(session))


def coverage(session: Session) -> dict[int, str]:
    """film id -> how it is covered: "covered" (a mark or a published post) or the status
    of the post in the works ("draft", "ready")."""
    from diary.store.models import Post

    found: dict[int, str] = {}
    rank = {"draft": 0, "ready": 1, "published": 2}
    for film_id, status in session.exec(
        select(Post.film_id, Post.status).where(col(Post.film_id).is_not(None))
    ):
        assert film_id is not None
        state = "covered" if status == "published" else status
        if film_id not in found or rank.get(status, 0) > rank.get(found[film_id], 0):
            found[film_id] = state
    for film_id in session.exec(select(FilmCovered.film_id)):
        found[film_id] = "covered"
    return found


def seen_film_ids(session: Session, person_id: int) -> set[int]:
    """Films the person has a viewing of or ticked by hand."""
    viewed = session.exec(
        select(Viewing.film_id)
        .join(ViewingPerson, col(ViewingPerson.viewing_id) == col(Viewing.id))
        .where(ViewingPerson.person_id == person_id)
    )
    ticked = session.exec(select(FilmTick.film_id).where(FilmTick.person_id == person_id))
    return set(viewed) | set(ticked)
