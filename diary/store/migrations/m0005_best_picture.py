"""Schema 5: the built-in Best Picture checklist, loaded from the shipped data file.

Every database gets one film per nominee (with its IMDb id), the `best-picture` checklist with
a group per ceremony and an item per nomination (winners marked), and the alias spellings of
diary/data/best_picture_aliases.json. Films already in an older database are reused, never
duplicated: found by IMDb id, else by title or alias key and year (exactly, else ±1 when only
one film fits), so the viewings they hold count towards the list at once.

Frozen: the tables are described here as they were at version 5, and only ceremonies up to
LAST_CEREMONY are loaded, so later additions to the data file need their own migration. Title
keys come from diary.base.titles like every film row the program writes (a change of
title_key needs its own re-keying migration for all films, not only these).
"""

import json
from collections.abc import Iterable
from importlib import resources
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Integer, String, column, select, table

from diary.base import clock
from diary.base.titles import title_key

VERSION = 5
LAST_CEREMONY = 98
SLUG = "best-picture"

film = table(
    "film",
    column("id", Integer),
    column("title", String),
    column("year", Integer),
    column("title_key", String),
    column("created_at", DateTime),
)
film_alias = table(
    "film_alias",
    column("film_id", Integer),
    column("alias", String),
    column("alias_key", String),
    column("kind", String),
)
film_external_id = table(
    "film_external_id",
    column("film_id", Integer),
    column("source", String),
    column("value", String),
)
checklist = table(
    "checklist",
    column("id", Integer),
    column("slug", String),
    column("name", String),
    column("description", String),
    column("kind", String),
    column("created_at", DateTime),
)
checklist_group = table(
    "checklist_group",
    column("id", Integer),
    column("checklist_id", Integer),
    column("key", String),
    column("label", String),
    column("number", Integer),
    column("position", Integer),
)
checklist_item = table(
    "checklist_item",
    column("checklist_id", Integer),
    column("group_id", Integer),
    column("film_id", Integer),
    column("position", Integer),
    column("listed_title", String),
    column("listed_year", Integer),
    column("winner", Boolean),
    column("note", String),
)


def _read(name: str) -> dict[str, Any]:
    text = resources.files("diary").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def upgrade(connection: Connection) -> None:
    data = _read("best_picture.json")
    ceremonies = [c for c in data["ceremonies"] if c["number"] <= LAST_CEREMONY]
    aliases = _read("best_picture_aliases.json")["aliases"]
    now = clock.now()
    film_ids = _load_films(connection, ceremonies, aliases, now)
    _load_aliases(
        connection, aliases + _academy_spellings(connection, ceremonies, film_ids), film_ids
    )
    _load_checklist(connection, data["checklist"], ceremonies, film_ids, now)


def _nominees(ceremonies: list[dict[str, Any]]) -> Iterable[tuple[dict[str, Any], int]]:
    for ceremony in ceremonies:
        for nominee in ceremony["nominees"]:
            yield nominee, ceremony["year"]


def _load_films(
    connection: Connection,
    ceremonies: list[dict[str, Any]],
    aliases: list[dict[str, Any]],
    now: Any,
) -> dict[str, int]:
    """The film id of every nominee by IMDb id: an existing film, else a new one."""
    by_imdb = dict(
        connection.execute(
            select(film_external_id.c.value, film_external_id.c.film_id).where(
                film_external_id.c.source == "imdb"
            )
        ).all()
    )
    by_key: dict[str, list[tuple[int, int | None]]] = {}
    for film_id, key, year in connection.execute(
        select(film.c.id, film.c.title_key, film.c.year).order_by(film.c.id)
    ):
        by_key.setdefault(key, []).append((film_id, year))
    for film_id, key in connection.execute(select(film_alias.c.film_id, film_alias.c.alias_key)):
        by_key.setdefault(key, []).append((film_id, None))
    years = dict(connection.execute(select(film.c.id, film.c.year)).all())
    alias_keys: dict[str, set[str]] = {}
    for entry in aliases:
        alias_keys.setdefault(entry["imdb"], set()).add(title_key(entry["alias"]))

    found: dict[str, int] = {}
    claimed: set[int] = set()
    new_rows = []
    for nominee, year in _nominees(ceremonies):
        imdb = nominee["imdb"]
        keys = {title_key(nominee["title"])} | alias_keys.get(imdb, set())
        existing = by_imdb.get(imdb) or _existing(by_key, years, keys, year, claimed)
        if existing is not None:
            found[imdb] = existing
            claimed.add(existing)
        else:
            new_rows.append(
                {
                    "title": nominee["title"],
                    "year": year,
                    "title_key": title_key(nominee["title"]),
                    "created_at": now,
                    "imdb": imdb,
                }
            )
    before = connection.execute(select(film.c.id).order_by(film.c.id.desc()).limit(1)).scalar()
    if new_rows:
        connection.execute(film.insert(), [_without(row, "imdb") for row in new_rows])
        added = connection.execute(
            select(film.c.id, film.c.title_key, film.c.year).where(film.c.id > (before or 0))
        ).all()
        ids = {(key, year): film_id for film_id, key, year in added}
        for row in new_rows:
            found[row["imdb"]] = ids[(row["title_key"], row["year"])]
    missing_ids = [
        {"film_id": film_id, "source": "imdb", "value": imdb}
        for imdb, film_id in found.items()
        if imdb not in by_imdb
    ]
    if missing_ids:
        connection.execute(film_external_id.insert(), missing_ids)
    return found


def _existing(
    by_key: dict[str, list[tuple[int, int | None]]],
    years: dict[int, int | None],
    keys: set[str],
    year: int,
    claimed: set[int],
) -> int | None:
    """An unclaimed film with one of the keys: the same year, else the only one within ±1."""
    candidates = {
        film_id
        for key in keys
        for film_id, _ in by_key.get(key, [])
        if film_id not in claimed and years.get(film_id) is not None
    }
    exact = sorted(i for i in candidates if years[i] == year)
    if exact:
        return exact[0]
    near = [i for i in candidates if abs((years[i] or 0) - year) == 1]
    return near[0] if len(near) == 1 else None


def _without(row: dict[str, Any], name: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != name}


def _academy_spellings(
    connection: Connection, ceremonies: list[dict[str, Any]], film_ids: dict[str, int]
) -> list[dict[str, Any]]:
    """The Academy's title as an alias of an older film that spells it another way."""
    keys = dict(
        connection.execute(
            select(film.c.id, film.c.title_key).where(film.c.id.in_(list(film_ids.values())))
        ).all()
    )
    return [
        {"imdb": nominee["imdb"], "alias": nominee["title"], "kind": "academy spelling"}
        for nominee, _ in _nominees(ceremonies)
        if keys[film_ids[nominee["imdb"]]] != title_key(nominee["title"])
    ]


def _load_aliases(
    connection: Connection, aliases: list[dict[str, Any]], film_ids: dict[str, int]
) -> None:
    rows_now = connection.execute(select(film_alias.c.film_id, film_alias.c.alias_key)).all()
    present: set[tuple[int, str]] = {(film_id, key) for film_id, key in rows_now}
    rows = []
    for entry in aliases:
        film_id = film_ids.get(entry["imdb"])
        key = title_key(entry["alias"])
        if film_id is None or (film_id, key) in present:
            continue
        present.add((film_id, key))
        rows.append(
            {"film_id": film_id, "alias": entry["alias"], "alias_key": key, "kind": entry["kind"]}
        )
    if rows:
        connection.execute(film_alias.insert(), rows)


def _load_checklist(
    connection: Connection,
    about: dict[str, str],
    ceremonies: list[dict[str, Any]],
    film_ids: dict[str, int],
    now: Any,
) -> None:
    checklist_id = connection.execute(
        select(checklist.c.id).where(checklist.c.slug == SLUG)
    ).scalar()
    if checklist_id is None:
        checklist_id = connection.execute(
            checklist.insert()
            .values(
                slug=SLUG,
                name=about["name"],
                description="Every nominee for the Academy Award for Best Picture, by ceremony.",
                kind="builtin",
                created_at=now,
            )
            .returning(checklist.c.id)
        ).scalar_one()
    groups = dict(
        connection.execute(
            select(checklist_group.c.key, checklist_group.c.id).where(
                checklist_group.c.checklist_id == checklist_id
            )
        ).all()
    )
    new_groups = [
        {
            "checklist_id": checklist_id,
            "key": str(c["number"]),
            "label": c["label"],
            "number": c["number"],
            "position": c["number"],
        }
        for c in ceremonies
        if str(c["number"]) not in groups
    ]
    if new_groups:
        connection.execute(checklist_group.insert(), new_groups)
        groups = dict(
            connection.execute(
                select(checklist_group.c.key, checklist_group.c.id).where(
                    checklist_group.c.checklist_id == checklist_id
                )
            ).all()
        )
    present = set(
        connection.execute(
            select(checklist_item.c.group_id, checklist_item.c.film_id).where(
                checklist_item.c.checklist_id == checklist_id
            )
        ).all()
    )
    items = []
    for ceremony in ceremonies:
        group_id = groups[str(ceremony["number"])]
        for position, nominee in enumerate(ceremony["nominees"], start=1):
            film_id = film_ids[nominee["imdb"]]
            if (group_id, film_id) in present:
                continue
            items.append(
                {
                    "checklist_id": checklist_id,
                    "group_id": group_id,
                    "film_id": film_id,
                    "position": position,
                    "listed_title": nominee["title"],
                    "listed_year": ceremony["year"],
                    "winner": nominee["winner"],
                    "note": ceremony["category"],
                }
            )
    if items:
        connection.execute(checklist_item.insert(), items)
