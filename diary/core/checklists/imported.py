"""Checklists beyond Best Picture: importing a list of films, and the lists at a glance.

An imported list is found again by its Letterboxd URL (or its name), so importing it twice
adds nothing. Each row becomes an item on an existing film — by Letterboxd link, else title
(or alias) and year, else the one film a year apart — or on a new film when the row has a
year. Rows without a year that name no single known film are reported, never guessed.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from diary.base.errors import InvalidInput
from diary.base.titles import display
from diary.core.checklists.lists import SHORT_NAMES, slugify, upsert_checklist, upsert_group
from diary.core.films.lookup import add_film, films_named, label
from diary.store.bulk import table
from diary.store.models import Checklist, ChecklistGroup, ChecklistItem, Film, FilmExternalId


@dataclass
class ListEntry:
    line: int
    title: str
    year: int | None
    group: str | None = None
    position: int | None = None
    link: str | None = None  # a Letterboxd film link
    note: str | None = None


@dataclass
class FilmList:
    name: str
    kind: str  # letterboxd | user
    source_key: str | None
    description: str | None
    entries: list[ListEntry] = field(default_factory=list)


@dataclass
class ListImport:
    checklist: Checklist
    created: bool
    added: int = 0
    present: int = 0
    films_created: list[str] = field(default_factory=list)
    unmatched: list[tuple[ListEntry, str]] = field(default_factory=list)


def import_list(session: Session, films: FilmList) -> ListImport:
    """Create or update the checklist from the file's rows (all in the caller's transaction).

    A Letterboxd list is found again by its address; another list that happens to have the
    same name gets a name of its own (`rainy-sundays-2`). A list from a simple CSV is found
    by its name. Neither ever joins the built-in list.
    """
    checklist, created = upsert_checklist(
        session,
        films.name,
        kind=films.kind,
        slug=_slug(session, films),
        source_key=films.source_key,
        description=films.description,
    )
    result = ListImport(checklist, created)
    groups: dict[str, ChecklistGroup] = {}
    assert checklist.id is not None
    # What the list holds already, read once; new items are inserted together at the end
    # (one statement), not selected, added and flushed a row at a time.
    held = set(
        session.exec(
            select(ChecklistItem.film_id, ChecklistItem.group_id).where(
                ChecklistItem.checklist_id == checklist.id
            )
        ).all()
    )
    new: list[dict[str, object]] = []
    for index, entry in enumerate(films.entries, start=1):
        film, problem = _film(session, entry, result)
        if film is None:
            result.unmatched.append((entry, problem))
            continue
        group = None
        if entry.group:
            if entry.group not in groups:
                number = int(entry.group) if entry.group.isdigit() else None
                groups[entry.group] = upsert_group(
                    session, checklist, slugify(entry.group), entry.group, number, len(groups) + 1
                )
            group = groups[entry.group]
        assert film.id is not None
        key = (film.id, group.id if group else None)
        if key in held:
            result.present += 1
            continue
        held.add(key)
        new.append(
            {
                "checklist_id": checklist.id,
                "group_id": key[1],
                "film_id": film.id,
                "position": entry.position or index,
                "listed_title": entry.title,
                "listed_year": entry.year,
                "winner": False,
                "note": entry.note,
            }
        )
        result.added += 1
    if new:
        session.execute(insert(table(ChecklistItem)), new)
    return result


def _slug(session: Session, films: FilmList) -> str:
    """The slug of the list to import into: its own, or the first free one after it."""
    base = slugify(films.name)
    if films.source_key is not None:
        known = session.exec(
            select(Checklist.slug).where(Checklist.source_key == films.source_key)
        ).first()
        if known is not None:
            return known
    taken = session.exec(select(Checklist).where(Checklist.slug == base)).first()
    builtin = base in SHORT_NAMES or (taken is not None and taken.kind == "builtin")
    if films.source_key is None and builtin:
        raise InvalidInput(
            f"{films.name!r} is the name of the built-in list; its nominees come from "
            "`diary bp add-ceremony`: give this list another --name"
        )
    if taken is None or films.source_key is None:
        return base
    slugs = set(session.exec(select(Checklist.slug).where(col(Checklist.slug).startswith(base))))
    number = 2
    while f"{base}-{number}" in slugs:
        number += 1
    return f"{base}-{number}"


def _film(session: Session, entry: ListEntry, result: ListImport) -> tuple[Film | None, str]:
    if entry.link:
        owner = session.exec(
            select(Film)
            .join(FilmExternalId, col(FilmExternalId.film_id) == col(Film.id))
            .where(FilmExternalId.source == "letterboxd", FilmExternalId.value == entry.link)
        ).first()
        if owner is not None:
            return owner, ""
    candidates = films_named(session, entry.title, entry.year)
    if len(candidates) == 1:
        return candidates[0], ""
    if len(candidates) > 1:
        names = ", ".join(label(f) for f in candidates)
        return None, f"line {entry.line}: {entry.title!r} could be {names}"
    if entry.year is None:
        return None, f"line {entry.line}: no film {entry.title!r} is known; add its year"
    film = add_film(session, entry.title, entry.year)
    if entry.link:
        taken = session.exec(
            select(FilmExternalId).where(
                FilmExternalId.source == "letterboxd", FilmExternalId.value == entry.link
            )
        ).first()
        if taken is None and film.id is not None:
            session.add(FilmExternalId(film_id=film.id, source="letterboxd", value=entry.link))
    result.films_created.append(display(film.title, film.year))
    return film, ""


@dataclass
class Overview:
    checklist: Checklist
    items: int
    groups: int
    seen: dict[int, int]  # person id -> items seen


def overview(session: Session, people: Sequence[int]) -> list[Overview]:
    """Every checklist with its size and how many items each person has seen."""
    from diary.core.checklists.ticks import seen_union

    items = dict(
        session.exec(
            select(ChecklistItem.checklist_id, func.count(col(ChecklistItem.id))).group_by(
                col(ChecklistItem.checklist_id)
            )
        ).all()
    )
    groups = dict(
        session.exec(
            select(ChecklistGroup.checklist_id, func.count(col(ChecklistGroup.id))).group_by(
                col(ChecklistGroup.checklist_id)
            )
        ).all()
    )
    seen: dict[tuple[int, int], int] = {}
    if people:
        pairs = seen_union(people).subquery()
        for checklist_id, person_id, count in session.execute(
            select(ChecklistItem.checklist_id, pairs.c.person_id, func.count())
            .join(pairs, pairs.c.film_id == col(ChecklistItem.film_id))
            .group_by(col(ChecklistItem.checklist_id), pairs.c.person_id)
        ):
            seen[(checklist_id, person_id)] = count
    return [
        Overview(
            checklist,
            items.get(checklist.id or 0, 0),
            groups.get(checklist.id or 0, 0),
            {p: seen.get((checklist.id or 0, p), 0) for p in people},
        )
        for checklist in session.exec(select(Checklist).order_by(col(Checklist.id)))
    ]
