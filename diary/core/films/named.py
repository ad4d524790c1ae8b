"""The films many titles and years name, read a chunk at a time: `lookup.films_named`'s rules
(diary.core.films.matcher) answered from a few queries per chunk instead of a few per title.

`NamedFilms` reads, for a chunk of titles, every film whose title or an alias has one of
their keys, then (for the keys no film has) every film of the same key once spaces are
ignored, and which of those films are Best Picture nominees. Films made while the chunk is
worked through are added with `made`, so a later title finds them exactly as it would in the
database: every row sees the films of the rows before it.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session

from diary.base.titles import title_key
from diary.core.films.matcher import BEST_PICTURE, Candidate, closest
from diary.store.bulk import IN_KEYS, fetch, json_list
from diary.store.dialect import is_sqlite


@dataclass(frozen=True, slots=True)
class Named:
    """A film as the rules and the messages need it."""

    id: int
    title: str
    year: int | None


class NamedFilms:
    """The films of one chunk's titles, by key and by compact key (spaces ignored)."""

    def __init__(self, session: Session, titles: Iterable[str]) -> None:
        keys = {title_key(title) for title in titles}
        self.by_key: dict[str, dict[int, Named]] = {}
        self.by_compact: dict[str, dict[int, Named]] = {}
        self.nominees: set[int] = set()
        # ORDER BY year puts a film without one first on SQLite and last on PostgreSQL;
        # candidates are listed as each engine's query for one title lists them
        self._nulls_first = is_sqlite(session.connection().dialect)
        if not keys:
            return
        self._read(
            session,
            self.by_key,
            "SELECT id, title, year, title_key FROM film WHERE title_key {keys} "
            "UNION ALL SELECT film.id, film.title, film.year, alias_key FROM film_alias "
            "JOIN film ON film.id = film_alias.film_id WHERE alias_key {keys}",
            keys,
        )
        compacts = {key.replace(" ", "") for key in keys if key not in self.by_key} - {""}
        self._read(
            session,
            self.by_compact,
            "SELECT id, title, year, replace(title_key, ' ', '') FROM film "
            "WHERE replace(title_key, ' ', '') {keys} "
            "UNION ALL SELECT film.id, film.title, film.year, replace(alias_key, ' ', '') "
            "FROM film_alias JOIN film ON film.id = film_alias.film_id "
            "WHERE replace(alias_key, ' ', '') {keys}",
            compacts,
        )
        found = {f for films in (*self.by_key.values(), *self.by_compact.values()) for f in films}
        if found:
            self.nominees = {
                film_id
                for (film_id,) in fetch(
                    session,
                    "SELECT DISTINCT item.film_id FROM checklist_item AS item "
                    "JOIN checklist ON checklist.id = item.checklist_id "
                    f"WHERE checklist.slug = :slug AND item.film_id {IN_KEYS}",
                    {"keys": json_list(found), "slug": BEST_PICTURE},
                )
            }

    @staticmethod
    def _read(
        session: Session, into: dict[str, dict[int, Named]], sql: str, keys: set[str]
    ) -> None:
        if not keys:
            return
        for film_id, title, year, key in fetch(
            session, sql.format(keys=IN_KEYS), {"keys": json_list(keys)}
        ):
            into.setdefault(key, {})[film_id] = Named(film_id, title, year)

    def same_title(self, title: str) -> list[Named]:
        """Every film of the title: by its key, else by its key with spaces ignored."""
        key = title_key(title)
        films = self.by_key.get(key)
        if not films:
            compact = key.replace(" ", "")
            films = self.by_compact.get(compact) if compact else None
        if not films:
            return []
        if self._nulls_first:
            return sorted(films.values(), key=lambda f: (f.year is not None, f.year or 0, f.id))
        return sorted(films.values(), key=lambda f: (f.year is None, f.year or 0, f.id))

    def named(self, title: str, year: int | None) -> list[Named]:
        """The films a title and year name (as `lookup.films_named`); without a year, every
        film of the title."""
        same = self.same_title(title)
        if year is None:
            return same
        candidates = [
            Candidate(f, (f.year,) if f.year is not None else (), f.id in self.nominees)
            for f in same
        ]
        return closest(year, candidates).items

    def made(self, film: Named, key: str) -> None:
        """A film made since the chunk was read, with its title key."""
        self.by_key.setdefault(key, {})[film.id] = film
        compact = key.replace(" ", "")
        self.by_compact.setdefault(compact, {})[film.id] = film
