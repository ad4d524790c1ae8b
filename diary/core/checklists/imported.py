"""Checklists beyond Best Picture: importing a list of films, and the lists at a glance.

An imported list is found again by its Letterboxd URL (or its name), so importing it twice
adds nothing. Each row becomes an item on an existing film — by Letterboxd link, else title
(or alias) and year, else the one film a year apart — or on a new film when the row has a
year. Rows without a year that name no single known film are reported, never guessed.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import InvalidInput
from diary.base.titles import display, title_key
from diary.core.checklists.lists import SHORT_NAMES, slugify, upsert_checklist, upsert_group
from diary.core.films.lookup import check_year
from diary.core.films.named import Named, NamedFilms
from diary.store.bulk import IN_KEYS, fetch, insert_rows, json_list
from diary.store.models import Checklist, ChecklistGroup, ChecklistItem, Film, FilmExternalId

CHUNK = 1000  # rows matched and inserted together


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
    cleaned: list[int] = field(default_factory=list)  # lines whose control characters went


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
    assert checklist.id is not None
    # What the list holds already, read once; each chunk's films are matched by a few
    # queries, and its new films and items go in by one statement each.
    held = set(
        session.exec(
            select(ChecklistItem.film_id, ChecklistItem.group_id).where(
                ChecklistItem.checklist_id == checklist.id
            )
        ).all()
    )
    making = _NewFilms(session)
    groups: dict[str, int] = {}
    entries = films.entries
    for start in range(0, len(entries), CHUNK):
        chunk = entries[start : start + CHUNK]
        found = making.films_for(chunk, result)
        new: list[dict[str, object]] = []
        for index, (entry, (film_id, problem)) in enumerate(
            zip(chunk, found, strict=True), start=start + 1
        ):
            if film_id is None:
                result.unmatched.append((entry, problem))
                continue
            group = _group(session, checklist, groups, entry.group) if entry.group else None
            key = (film_id, group)
            if key in held:
                result.present += 1
                continue
            held.add(key)
            new.append(
                {
                    "checklist_id": checklist.id,
                    "group_id": key[1],
                    "film_id": film_id,
                    "position": entry.position or index,
                    "listed_title": entry.title,
                    "listed_year": entry.year,
                    "winner": False,
                    "note": entry.note,
                }
            )
            result.added += 1
        insert_rows(session, ChecklistItem, new)
    return result


def _group(session: Session, checklist: Checklist, groups: dict[str, int], label: str) -> int:
    """The id of the list's group of this label, made the first time it is named."""
    if label not in groups:
        number = int(label) if label.isdigit() else None
        group = upsert_group(session, checklist, slugify(label), label, number, len(groups) + 1)
        assert group.id is not None
        groups[label] = group.id
    return groups[label]


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


class _NewFilms:
    """Finds each row's film a chunk at a time, and makes the films rows with a year name
    but the diary lacks (ids handed out here: the import holds the write lock)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        top = session.execute(select(func.max(Film.id))).scalar()
        self.next_id = (top or 0) + 1

    def films_for(
        self, chunk: Sequence[ListEntry], result: ListImport
    ) -> list[tuple[int | None, str]]:
        """Each row's film id, or None and why not; every row sees the films made before it."""
        links = dict(
            fetch(
                self.session,
                "SELECT value, film_id FROM film_external_id "
                f"WHERE source = 'letterboxd' AND value {IN_KEYS}",
                {"keys": json_list({e.link for e in chunk if e.link})},
            )
            if any(e.link for e in chunk)
            else []
        )
        named = NamedFilms(self.session, [entry.title for entry in chunk])
        new_films: list[dict[str, object]] = []
        new_links: list[dict[str, object]] = []
        found: list[tuple[int | None, str]] = []
        for entry in chunk:
            if entry.link and entry.link in links:
                found.append((links[entry.link], ""))
                continue
            candidates = named.named(entry.title, entry.year)
            if len(candidates) == 1:
                found.append((candidates[0].id, ""))
                continue
            if candidates:
                names = ", ".join(display(f.title, f.year) for f in candidates)
                found.append((None, f"line {entry.line}: {entry.title!r} could be {names}"))
                continue
            if entry.year is None:
                problem = f"line {entry.line}: no film {entry.title!r} is known; add its year"
                found.append((None, problem))
                continue
            film = self._make(entry.title, entry.year, new_films, named)
            if entry.link:
                links[entry.link] = film.id
                new_links.append({"film_id": film.id, "source": "letterboxd", "value": entry.link})
            result.films_created.append(display(film.title, film.year))
            found.append((film.id, ""))
        insert_rows(self.session, Film, new_films)
        insert_rows(self.session, FilmExternalId, new_links)
        return found

    def _make(
        self, title: str, year: int, new_films: list[dict[str, object]], named: NamedFilms
    ) -> Named:
        """A new film, as `lookup.add_film` makes one (refused the same way)."""
        clean = " ".join(title.split())
        key = title_key(clean)
        if not clean or not key:
            raise InvalidInput("a film needs a title")
        check_year(year)
        film = Named(self.next_id, clean, year)
        self.next_id += 1
        new_films.append(
            {
                "id": film.id,
                "title": clean,
                "year": year,
                "title_key": key,
                "created_at": clock.now(),
            }
        )
        named.made(film, key)
        return film


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
