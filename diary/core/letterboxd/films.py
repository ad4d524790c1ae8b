"""Which film an imported row means: by its links, else by exact title and year, else a new one.

Rows are resolved a chunk at a time with a few queries per chunk, so memory stays flat however
long the export is. The rules, in order:

1. a Letterboxd film link, IMDb or TMDB id already known here → that film;
2. else films whose title or alias has the row's title key and exactly its year (the Best
   Picture films are in every database, with their alias spellings);
   - a row with a film link takes the one such film that has no other link of the same form
     (a different boxd.it code, or a different /film/ slug, is a different film) and the link
     is remembered; with none, a new film is made;
   - a row without a link (diary and review rows carry only the entry's link) takes the one
     such film; with none, a new film is made;
   - two or more such films: the row is not imported and the report says why. Never a guess.
3. else the Best Picture nominee the matcher's rules take (diary.core.films.matcher): its title
   with spaces and punctuation aside ("GoodFellas" is "Good Fellas"), a year off, or two when
   it is the only nominee of the title. Letterboxd dates a film by its release and the
   Academy by its award year (Wings is 1927 on Letterboxd, a 1927/28 nominee here); each
   such match is noted in the summary. A remake is never that near.

A film found by its link under a new title was renamed on Letterboxd: it takes the new title
and keeps the old one as an alias (a Best Picture film keeps the Academy's title and gains
the new one as an alias).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base.titles import display, title_key
from diary.core.checklists.lists import BUILTIN
from diary.core.films.matcher import FAR, Candidate, Listed, closest, compact_key, nearest
from diary.core.letterboxd.records import FilmRef
from diary.store.bulk import IN_KEYS, fetch, insert_rows, json_list
from diary.store.models import Film, FilmAlias, FilmExternalId


@dataclass(frozen=True, slots=True)
class Unattributed:
    """A row whose film cannot be told apart from others: reported, not imported."""

    reason: str


@dataclass
class FilmCounts:
    added: int = 0
    present: int = 0
    skipped: int = 0
    _existing: set[int] = field(default_factory=set)


@lru_cache(maxsize=4096)  # a chunk's titles; bounded, so memory stays flat
def match_key(title: str) -> str:
    """The title key; a title of punctuation only ('?') is matched on itself."""
    return title_key(title) or " ".join(title.casefold().split())


def _link_form(link: str) -> str:
    return "short" if "//boxd.it/" in link else "slug"


def _ids(ref: FilmRef) -> list[tuple[str, str]]:
    found = [("letterboxd", ref.link), ("imdb", ref.imdb), ("tmdb", ref.tmdb)]
    return [(source, value) for source, value in found if value]


class FilmResolver:
    """Turns FilmRefs into film ids, making missing films; one per import (ids are handed out)."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self.counts = FilmCounts()
        top = session.execute(select(func.max(Film.id))).scalar()
        self.first_new_id = (top or 0) + 1
        self.next_id = self.first_new_id
        self.nominees: set[int] = set()  # Best Picture nominees among the chunk's candidates
        self._listed: dict[str, list[Listed]] | None = None  # every nominee, by compact key
        self.renamed: list[str] = []
        self.year_notes: list[str] = []

    def resolve(self, refs: Sequence[FilmRef]) -> list[int | Unattributed]:
        all_pairs = [_ids(ref) for ref in refs]
        known = self._known_ids({pair for pairs in all_pairs for pair in pairs})
        found_ids = [{known[p] for p in pairs if p in known} for pairs in all_pairs]
        self._follow_renames(refs, all_pairs, known)
        unknown = [ref for ref, ids in zip(refs, found_ids, strict=True) if not ids]
        candidates = self._candidates(unknown)
        links = self._links(self._links_needed(refs, all_pairs, known, found_ids, candidates))
        new_films: list[dict[str, object]] = []
        new_ids: list[dict[str, object]] = []
        results: list[int | Unattributed] = []
        for ref, pairs in zip(refs, all_pairs, strict=True):
            found: int | Unattributed | None = next((known[i] for i in pairs if i in known), None)
            if found is None:
                found = self._by_title(ref, candidates, links)
                if found is None:
                    found = self._new_film(ref, new_films)
                    candidates.setdefault((match_key(ref.title), ref.year), []).append(found)
                    links[found] = set()
            if isinstance(found, int):
                for pair in pairs:
                    if pair not in known and self._may_link(found, pair, links):
                        known[pair] = found
                        if pair[0] == "letterboxd":
                            links.setdefault(found, set()).add(pair[1])
                        new_ids.append({"film_id": found, "source": pair[0], "value": pair[1]})
                if found < self.first_new_id:
                    self.counts._existing.add(found)
            results.append(found)
        if new_films:
            insert_rows(self.session, Film, new_films)
        if new_ids:
            insert_rows(self.session, FilmExternalId, new_ids)
        self.counts.added = self.next_id - self.first_new_id
        self.counts.present = len(self.counts._existing)
        return results

    def _links_needed(
        self,
        refs: Sequence[FilmRef],
        all_pairs: list[list[tuple[str, str]]],
        known: dict[tuple[str, str], int],
        found_ids: list[set[int]],
        candidates: dict[tuple[str, int | None], list[int]],
    ) -> set[int]:
        """Films whose Letterboxd links matter here: those a new link may be added to, and
        those among several of one title and year. (Most chunks need none.)"""
        needed: set[int] = set()
        for ref, pairs, ids in zip(refs, all_pairs, found_ids, strict=True):
            if ids:
                if any(p[0] == "letterboxd" and p not in known for p in pairs):
                    needed |= ids
            elif ref.title:
                films = candidates.get((match_key(ref.title), ref.year), [])
                if ref.link or len(films) > 1:
                    needed.update(films)
                if ref.link and not films:
                    needed.update(self._nominee_a_year_apart(ref, candidates))
        return needed

    def _nominee_a_year_apart(
        self, ref: FilmRef, candidates: dict[tuple[str, int | None], list[int]]
    ) -> list[int]:
        """The Best Picture nominee the matcher's rules take for a title no film has in its
        year: among the films of the title (spaces and punctuation aside), the nominees
        a year or two off. Nothing when the rules take none or several."""
        if ref.year is None:
            return []
        key = match_key(ref.title)
        same: dict[int, int] = {}
        for year in range(ref.year - FAR, ref.year + FAR + 1):
            for film_id in candidates.get((key, year), []):
                same[film_id] = year
        nominees = self.listed().get(compact_key(ref.title), [])
        for film in nominees:
            if film.year is not None:
                same.setdefault(film.film_id, film.year)
        listed = {film.film_id for film in nominees} | (self.nominees & set(same))
        if not listed:
            return []
        match = closest(
            ref.year,
            [Candidate(f, (y,), f in listed) for f, y in same.items()]
            + [Candidate(f.film_id, (), True) for f in nominees if f.year is None],
        )
        found = match.one
        if found is None:
            return []
        if match.off:
            label = next((f.label for f in nominees if f.film_id == found), str(found))
            self._note(
                f"{display(ref.title, ref.year)} is {label} here: the Best Picture nominee, "
                "dated by the year its ceremony honoured"
            )
        return [found]

    def _note(self, line: str) -> None:
        if line not in self.year_notes:
            self.year_notes.append(line)

    def listed(self) -> dict[str, list[Listed]]:
        """Every Best Picture nominee by the compact key of its title and of each alias."""
        if self._listed is None:
            self._listed = {}
            rows = fetch(
                self.session,
                (
                    "SELECT film.id, film.title, film.year, film.title_key, alias.alias_key "
                    "FROM film LEFT JOIN film_alias AS alias ON alias.film_id = film.id "
                    "WHERE film.id IN (SELECT item.film_id FROM checklist_item AS item "
                    "JOIN checklist ON checklist.id = item.checklist_id "
                    "WHERE checklist.slug = :slug)"
                ),
                {"slug": BUILTIN},
            )
            for film_id, title, year, key, alias in rows:
                for each in {key, alias} - {None}:
                    compact = each.replace(" ", "")
                    films = self._listed.setdefault(compact, [])
                    if all(f.film_id != film_id for f in films):
                        films.append(Listed(film_id, display(title, year), compact, year))
        return self._listed

    def possible_matches(self, session: Session) -> list[str]:
        """Films this import made that look like a nominee the rules did not take."""
        by_year: dict[int, list[Listed]] = {}
        for films in self.listed().values():
            for film in films:
                if film.year is not None:
                    by_year.setdefault(film.year, []).append(film)
        if self.next_id == self.first_new_id:
            return []
        lines = []
        # the nominees near each year and their keys, made once a year
        pools: dict[int, tuple[list[Listed], list[str]]] = {}
        for title, year in fetch(
            session,
            "SELECT title, year FROM film WHERE id >= :first AND year IS NOT NULL "
            "ORDER BY title_key, year",
            {"first": self.first_new_id},
        ):
            if year not in pools:
                years = range(year - FAR - 1, year + FAR + 2)
                near = [f for y in years for f in by_year.get(y, [])]
                pools[year] = (near, [f.key for f in near])
            found = nearest(compact_key(title), *pools[year])
            if found:
                names = " or ".join(f.label for f in found)
                lines.append(f"{display(title, year)} may be {names} (not ticked)")
        return lines

    def _follow_renames(
        self,
        refs: Sequence[FilmRef],
        all_pairs: list[list[tuple[str, str]]],
        known: dict[tuple[str, str], int],
    ) -> None:
        """A film found by its Letterboxd link under another title was renamed there."""
        by_link = {
            known[pair]: ref.title
            for ref, pairs in zip(refs, all_pairs, strict=True)
            for pair in pairs
            if pair[0] == "letterboxd" and pair in known and ref.title
        }
        if not by_link:
            return
        films = self.session.exec(select(Film).where(col(Film.id).in_(list(by_link)))).all()
        aliases: dict[int, set[str]] = {}
        for alias in self.session.exec(
            select(FilmAlias).where(col(FilmAlias.film_id).in_(list(by_link)))
        ):
            aliases.setdefault(alias.film_id, set()).add(alias.alias_key.replace(" ", ""))
        nominees = {f.film_id for films_ in self.listed().values() for f in films_}
        for film in films:
            assert film.id is not None
            title = by_link[film.id]
            new_key = compact_key(title)
            if new_key in aliases.get(film.id, set()) | {film.title_key.replace(" ", "")}:
                continue
            old = film.title
            if film.id in nominees:
                self.session.add(
                    FilmAlias(
                        film_id=film.id, alias=title, alias_key=title_key(title), kind="alias"
                    )
                )
            else:
                self.session.add(
                    FilmAlias(
                        film_id=film.id, alias=old, alias_key=film.title_key, kind="former title"
                    )
                )
                film.title, film.title_key = title, match_key(title)
                self.session.add(film)
                self.renamed.append(f"{display(old, film.year)} is now {display(title, film.year)}")
            aliases.setdefault(film.id, set()).add(new_key)
        self.session.flush()

    def _may_link(self, film_id: int, pair: tuple[str, str], links: dict[int, set[str]]) -> bool:
        if pair[0] != "letterboxd":
            return True
        form = _link_form(pair[1])
        return not any(_link_form(link) == form for link in links.get(film_id, ()))

    def _by_title(
        self,
        ref: FilmRef,
        candidates: dict[tuple[str, int | None], list[int]],
        links: dict[int, set[str]],
    ) -> int | Unattributed | None:
        if not ref.title:
            return Unattributed(f"{ref.link or ref.imdb}: not known here and the row has no title")
        films = candidates.get((match_key(ref.title), ref.year), [])
        if ref.link:
            form = _link_form(ref.link)
            films = [f for f in films if all(_link_form(x) != form for x in links.get(f, ()))]
        if len(films) == 1:
            return films[0]
        if not films:
            if not candidates.get((match_key(ref.title), ref.year)):
                near = self._nominee_a_year_apart(ref, candidates)
                if near and (
                    not ref.link or self._may_link(near[0], ("letterboxd", ref.link), links)
                ):
                    return near[0]
            return None
        named = display(ref.title, ref.year)
        if not ref.link and sum(1 for f in films if links.get(f)) >= 2:
            return Unattributed(f"{named!r} is {len(films)} different films on Letterboxd")
        return Unattributed(f"{named!r} matches {len(films)} films here")

    def _new_film(self, ref: FilmRef, new_films: list[dict[str, object]]) -> int:
        film_id = self.next_id
        self.next_id += 1
        new_films.append(
            {
                "id": film_id,
                "title": ref.title,
                "year": ref.year,
                "title_key": match_key(ref.title),
                "created_at": self.now,
            }
        )
        return film_id

    def _known_ids(self, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
        if not wanted:
            return {}
        rows = fetch(
            self.session,
            (
                "SELECT source, value, film_id FROM film_external_id "
                f"WHERE source IN ('letterboxd', 'imdb', 'tmdb') AND value {IN_KEYS}"
            ),
            {"keys": json_list({value for _, value in wanted})},
        )
        return {(s, v): f for s, v, f in rows if (s, v) in wanted}

    def _candidates(self, refs: Sequence[FilmRef]) -> dict[tuple[str, int | None], list[int]]:
        """Films by (title key, year), by title or alias, for the chunk's titles."""
        keys = {match_key(ref.title) for ref in refs if ref.title}
        found: dict[tuple[str, int | None], list[int]] = {}
        if not keys:
            return found
        rows = fetch(
            self.session,
            (
                f"SELECT id, title_key, year FROM film WHERE title_key {IN_KEYS} "
                "UNION SELECT film.id, alias_key, year FROM film_alias "
                f"JOIN film ON film.id = film_alias.film_id WHERE alias_key {IN_KEYS} "
                "ORDER BY 1"
            ),
            {"keys": json_list(keys)},
        )
        for film_id, key, year in rows:
            films = found.setdefault((key, year), [])
            if film_id not in films:
                films.append(film_id)
        ids = {film_id for films in found.values() for film_id in films}
        if ids:
            self.nominees = {
                film_id
                for (film_id,) in fetch(
                    self.session,
                    (
                        "SELECT DISTINCT item.film_id FROM checklist_item AS item "
                        "JOIN checklist ON checklist.id = item.checklist_id "
                        f"WHERE checklist.slug = :slug AND item.film_id {IN_KEYS}"
                    ),
                    {"keys": json_list(ids), "slug": BUILTIN},
                )
            }
        return found

    def _links(self, film_ids: set[int]) -> dict[int, set[str]]:
        """The Letterboxd links each film has."""
        links: dict[int, set[str]] = {f: set() for f in film_ids}
        if film_ids:
            for film_id, value in fetch(
                self.session,
                (
                    "SELECT film_id, value FROM film_external_id "
                    # "+source": look up by film (its index), not by the source column
                    f"WHERE +source = 'letterboxd' AND film_id {IN_KEYS}"
                ),
                {"keys": json_list(film_ids)},
            ):
                links[film_id].add(value)
        return links
