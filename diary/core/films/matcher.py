"""Which film a title and year mean: the matching rules, written once for every caller.

Logging, ticking, the checklists, the Spreadsheet and every importer decide "is this the
same film?" here, so the rules cannot drift apart:

- **Titles** are the same when their keys are equal (`diary.base.titles.title_key`: case,
  accents, punctuation and a leading article aside), or equal once spaces are ignored too
  (`compact_key`): "GoodFellas" is "Good Fellas", "Spiderman" is "Spider-Man".
- **Years** (`closest`): a film of exactly the year wins. Failing that, a listed film (a Best
  Picture nominee, or an item of the checklist being matched) a year off, when every film of
  the title a year off is listed: release years differ by country, and the Academy dates a film
  by the year it honoured. Failing that, a listed film two years off, when it is the only
  listed film of the title and no other film of the title is that near (Letterboxd dates
  *Henry V* 1944; the Academy, 1946). A remake is decades away and never matches.
- **Ids**: two films whose IMDb ids differ are different films, whatever their titles say.

Several films left after these rules is an ambiguity for the caller to report; no film is
"not known". Nothing here guesses by similarity: `near_misses` only *suggests*.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, or_
from sqlmodel import col, select

from diary.base.titles import display, title_key
from diary.store.models import Film, FilmAlias

BEST_PICTURE = "best-picture"  # the built-in list, whose nominees the year rules favour
NEAR = 1  # years a listed film may be off when every film of the title that near is listed
FAR = 2  # years the only listed film of a title may be off
SIMILAR = 88  # similarity (0-100) of two titles worth naming as a possible match

T = TypeVar("T")


def compact_key(title: str) -> str:
    """The key with spaces ignored as well; a title of punctuation only ('?') is itself."""
    key = title_key(title) or " ".join(title.casefold().split())
    return key.replace(" ", "")


def same_title(a: str, b: str) -> bool:
    return compact_key(a) == compact_key(b)


def same_title_ids(title: str) -> Select[Any]:
    """The ids of films whose title or an alias is `title`, spaces and punctuation aside."""
    key, compact = title_key(title), compact_key(title)
    aliases = select(FilmAlias.film_id).where(
        or_(col(FilmAlias.alias_key) == key, func.replace(FilmAlias.alias_key, " ", "") == compact)
    )
    return select(Film.id).where(
        or_(
            col(Film.title_key) == key,
            func.replace(Film.title_key, " ", "") == compact,
            col(Film.id).in_(aliases),
        )
    )


@dataclass(frozen=True, slots=True)
class Candidate(Generic[T]):
    """A film that has the wanted title, as the rules see it."""

    item: T
    years: tuple[int, ...]  # every year it goes by (its own, the year a list gives it)
    listed: bool = False  # a Best Picture nominee, or on the checklist being matched
    imdb: str | None = None

    def off(self, year: int) -> int | None:
        return min((abs(y - year) for y in self.years), default=None)


@dataclass(slots=True)
class Match(Generic[T]):
    """What the rules leave: one item is a match, several an ambiguity, none nothing."""

    items: list[T] = field(default_factory=list)
    off: int = 0  # how many years from the wanted year the items are

    @property
    def one(self) -> T | None:
        return self.items[0] if len(self.items) == 1 else None


def closest(
    year: int | None, candidates: Sequence[Candidate[T]], imdb: str | None = None
) -> Match[T]:
    """The candidates (all of one title) that `year` means, by the rules above.

    Without a year only films without one match. With `imdb`, a candidate known by another
    IMDb id is a different film and is left out.
    """
    pool = [c for c in candidates if not (imdb and c.imdb and c.imdb != imdb)]
    if year is None:
        return Match([c.item for c in pool if not c.years])
    offs = [(c.off(year), c) for c in pool]
    exact = [c for off, c in offs if off == 0]
    if exact:
        return Match([c.item for c in exact])
    near = [c for off, c in offs if off is not None and off <= NEAR]
    if near:
        if all(c.listed for c in near):
            return Match([c.item for c in near], NEAR)
        return Match()
    far = [c for off, c in offs if off is not None and off <= FAR]
    listed = [c for c in pool if c.listed]
    if len(far) == 1 and far[0].listed and len(listed) == 1:
        return Match([far[0].item], FAR)
    return Match()


def year_off_note(typed: str, year: int, found: str) -> str:
    """What a caller says when a film was matched to a listed one another year."""
    return (
        f"{display(typed, year)} is {found} here: the Best Picture nominee, dated by the year "
        "its ceremony honoured."
    )


@dataclass(frozen=True, slots=True)
class Listed:
    """A listed film near-miss matching looks at."""

    film_id: int
    label: str
    key: str  # compact key (of its title or of an alias)
    year: int | None


def near_misses(
    title: str, year: int | None, listed: Iterable[Listed], limit: int = 3
) -> list[Listed]:
    """Listed films a title and year might mean but the rules did not take: the same title a
    few years further off or shared by several, or a title nearly the same (one letter, a
    numeral) within two years. Suggestions only, best first."""
    if year is None:
        return []
    pool = [f for f in listed if f.year is not None and abs(f.year - year) <= FAR + 1]
    return nearest(compact_key(title), pool, [f.key for f in pool], limit)


def nearest(key: str, pool: Sequence[Listed], keys: Sequence[str], limit: int = 3) -> list[Listed]:
    """`near_misses` among a pool already picked by year (`keys`: each one's compact key),
    for callers that ask about many titles of the same years."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        key,
        keys,
        scorer=fuzz.ratio,
        score_cutoff=SIMILAR,
        limit=None,
    )
    best: dict[int, tuple[float, Listed]] = {}
    for _key, score, index in found:
        film = pool[index]
        if film.film_id not in best or best[film.film_id][0] < score:
            best[film.film_id] = (score, film)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], pair[1].label))
    return [film for _, film in ranked[:limit]]
