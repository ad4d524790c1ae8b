"""Films: identified by title and year, found by what people type, with aliases and ids."""

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, or_, select

from diary.base import clock
from diary.base.errors import Ambiguous, Conflict, InvalidInput, NotFound
from diary.base.titles import display, split_year, title_key
from diary.core.films.matcher import BEST_PICTURE, Candidate, closest, year_off_note
from diary.store.models import Film, FilmAlias, FilmExternalId
from diary.store.notes import note_after_commit

EXTERNAL_SOURCES = ("imdb", "letterboxd", "tmdb")


def label(film: Film) -> str:
    return display(film.title, film.year)


def check_year(year: int | None) -> None:
    if year is not None and not 1870 <= year <= clock.today().year + 10:
        raise InvalidInput(f"{year} is not a film year")


def add_film(session: Session, title: str, year: int | None, force: bool = False) -> Film:
    clean = " ".join(title.split())
    if not clean or not title_key(clean):
        raise InvalidInput("a film needs a title")
    check_year(year)
    existing = films_with_key(session, title_key(clean), year)
    if existing and not force:
        raise Conflict(f"{label(existing[0])} is already here (film {existing[0].id})")
    film = Film(title=clean, year=year, title_key=title_key(clean), created_at=clock.now())
    session.add(film)
    session.flush()
    return film


def films_with_key(session: Session, key: str, year: int | None) -> list[Film]:
    """Films whose title or an alias has this key (and this year, when given)."""
    alias_ids = select(FilmAlias.film_id).where(FilmAlias.alias_key == key)
    query = select(Film).where(or_(Film.title_key == key, col(Film.id).in_(alias_ids)))
    if year is not None:
        query = query.where(Film.year == year)
    return list(session.exec(query.order_by(col(Film.year), col(Film.id))))


def nominee_a_year_apart(session: Session, title: str, year: int) -> Film | None:
    """The Best Picture nominee `title` and `year` mean when no film has that year: the
    year rule of diary.core.films.matcher (a nominee a year off, or two when it is the only
    nominee of the title). None when the rule takes no film or several."""
    match = films_named(session, title, year)
    return match[0] if len(match) == 1 and match[0].year != year else None


def films_named(session: Session, title: str, year: int | None) -> list[Film]:
    """The films a title and year name, by the rules of diary.core.films.matcher; without a year,
    every film of the title."""
    key = title_key(title)
    same = films_with_key(session, key, None) or films_with_compact_key(session, key, None)
    if year is None:
        return same
    nominees = nominee_ids(session, [f.id for f in same if f.id is not None])
    candidates = [
        Candidate(f, (f.year,) if f.year is not None else (), f.id in nominees) for f in same
    ]
    return closest(year, candidates).items


def nominee_ids(session: Session, film_ids: list[int]) -> set[int]:
    """Which of these films are Best Picture nominees."""
    from diary.store.models import Checklist, ChecklistItem

    if not film_ids:
        return set()
    rows = session.exec(
        select(ChecklistItem.film_id)
        .join(Checklist, col(Checklist.id) == col(ChecklistItem.checklist_id))
        .where(Checklist.slug == BEST_PICTURE, col(ChecklistItem.film_id).in_(film_ids))
    )
    return set(rows)


def films_with_compact_key(session: Session, key: str, year: int | None) -> list[Film]:
    """Films whose title or alias matches `key` once spaces are ignored too.

    Punctuation becomes a space in a title key, so "Spider-Man" is "spider man" while a
    person may type "Spiderman"; comparing without spaces finds it.
    """
    from sqlalchemy import func

    compact = key.replace(" ", "")
    if not compact:
        return []
    alias_ids = select(FilmAlias.film_id).where(
        func.replace(FilmAlias.alias_key, " ", "") == compact
    )
    query = select(Film).where(
        or_(func.replace(Film.title_key, " ", "") == compact, col(Film.id).in_(alias_ids))
    )
    if year is not None:
        query = query.where(Film.year == year)
    return list(session.exec(query.order_by(col(Film.year), col(Film.id))))


def find_films(session: Session, text: str, year: int | None = None) -> list[Film]:
    title, typed_year = split_year(text)
    return films_with_key(session, title_key(title), year or typed_year)


def resolve_film(
    session: Session, text: str, year: int | None = None, create: bool = False
) -> Film:
    """The one film `text` names; created when asked to and a year is known.

    Raises Ambiguous listing every candidate, or NotFound with close matches.
    """
    title, typed_year = split_year(text)
    year = year or typed_year
    key = title_key(title)
    if not key:
        raise InvalidInput(f"{text!r} is not a title: type some letters or digits")
    candidates = films_with_key(session, key, year) or films_with_compact_key(session, key, year)
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        names = ", ".join(label(f) for f in candidates)
        hint = "add --year to choose" if year is None else "give one an alias to tell them apart"
        raise Ambiguous(f"{title!r} matches {len(candidates)} films: {names}; {hint}", candidates)
    if year is not None and (nominee := nominee_a_year_apart(session, title, year)) is not None:
        note_after_commit(session, year_off_note(title, year, label(nominee)))
        return nominee
    if create and year is not None:
        film = add_film(session, title, year)
        note_after_commit(session, _added_note(session, film))
        return film
    raise NotFound(_not_found_message(session, title, year, create))


def _added_note(session: Session, film: Film) -> str:
    """Said once the command has committed: a typo'd title or year must not pass unseen."""
    others = [label(f) for f in films_with_key(session, film.title_key, None) if f.id != film.id]
    also = f"; also here: {', '.join(others)}" if others else ""
    return f"Added {label(film)} as a new film (film {film.id}){also}."


def _not_found_message(session: Session, title: str, year: int | None, create: bool) -> str:
    wanted = display(title, year)
    close = suggestions(session, title)
    message = f"no film called {wanted!r}"
    if close:
        message += f" (did you mean {', '.join(close)}?)"
    if create and year is None:
        message += "; give --year to add it"
    return message


SUGGEST_CUTOFF = 60  # similarity (0-100) below which a title is not worth suggesting
SUGGEST_SPREAD = 12  # suggest only titles this close to the best match


def suggestions(session: Session, title: str, limit: int = 5) -> list[str]:
    """Titles close to a typed one that matched nothing, best first.

    Plain edit similarity on title keys: partial-match scorers rank any long title that
    happens to contain the typed letters, which buries the one typo'd film.
    """
    from rapidfuzz import fuzz, process

    rows = session.exec(select(Film.id, Film.title, Film.year, Film.title_key)).all()
    if not rows:
        return []
    keys = {row[0]: row[3] for row in rows}
    names = {row[0]: display(row[1], row[2]) for row in rows}
    found = process.extract(
        title_key(title), keys, scorer=fuzz.ratio, limit=limit, score_cutoff=SUGGEST_CUTOFF
    )
    if not found:
        return []
    best = found[0][1]
    return [names[film_id] for _key, score, film_id in found if score >= best - SUGGEST_SPREAD]


def get_film(session: Session, film_id: int) -> Film:
    film = session.get(Film, film_id)
    if film is None:
        raise NotFound(f"no film with id {film_id}")
    return film


def add_alias(session: Session, film: Film, alias: str, kind: str = "alias") -> FilmAlias:
    key = title_key(alias)
    if not key:
        raise InvalidInput("an alias needs some letters")
    existing = session.exec(
        select(FilmAlias).where(FilmAlias.film_id == film.id, FilmAlias.alias_key == key)
    ).first()
    if existing is not None or key == film.title_key:
        raise Conflict(f"{label(film)} is already found by {alias!r}")
    assert film.id is not None
    entry = FilmAlias(film_id=film.id, alias=alias.strip(), alias_key=key, kind=kind)
    session.add(entry)
    session.flush()
    return entry


def aliases(session: Session, film: Film) -> list[FilmAlias]:
    return list(
        session.exec(
            select(FilmAlias).where(FilmAlias.film_id == film.id).order_by(col(FilmAlias.id))
        )
    )


def set_external_id(session: Session, film: Film, source: str, value: str) -> FilmExternalId:
    if source not in EXTERNAL_SOURCES:
        raise InvalidInput(f"unknown id source {source!r}: use {', '.join(EXTERNAL_SOURCES)}")
    taken = session.exec(
        select(FilmExternalId).where(FilmExternalId.source == source, FilmExternalId.value == value)
    ).first()
    if taken is not None:
        if taken.film_id == film.id:
            return taken
        raise Conflict(f"{source} id {value} already belongs to film {taken.film_id}")
    assert film.id is not None
    entry = FilmExternalId(film_id=film.id, source=source, value=value)
    session.add(entry)
    session.flush()
    return entry


def external_ids(session: Session, film: Film) -> dict[str, str]:
    rows = session.exec(select(FilmExternalId).where(FilmExternalId.film_id == film.id))
    return {row.source: row.value for row in rows}


@dataclass
class FilmRow:
    film: Film
    viewings: int
    last_seen: str | None


def list_films(
    session: Session, query: str | None = None, limit: int | None = None
) -> list[FilmRow]:
    from sqlalchemy import func

    from diary.store.models import Viewing

    stmt = (
        select(Film, func.count(col(Viewing.id)), func.max(Viewing.watched_on))
        .join(Viewing, col(Viewing.film_id) == col(Film.id), isouter=True)
        .group_by(col(Film.id))
        .order_by(col(Film.title_key), col(Film.year))
    )
    if query:
        stmt = stmt.where(col(Film.title_key).contains(title_key(query)))
    if limit:
        stmt = stmt.limit(limit)
    return [
        FilmRow(film, count, last.isoformat() if last else None)
        for film, count, last in session.exec(stmt)
    ]


@dataclass
class DeletionPlan:
    """What deleting a film would do: why it is refused, or what goes with it."""

    film: Film
    blockers: list[str]  # "2 diary entries", "a place on the Best Picture checklist"…
    removes: dict[str, int]  # rows that go with the film: {"facts": 12, "aliases": 1…}

    def refuse_if_kept(self) -> None:
        if self.blockers:
            raise Conflict(
                f"{label(self.film)} is kept: it has {', '.join(self.blockers)}; remove those first"
            )


def _goes_with_film() -> list[tuple[str, Any]]:
    """The film's own details, deleted with it (each table has a film_id)."""
    from diary.store import models as m

    return [
        ("aliases", m.FilmAlias),
        ("external ids", m.FilmExternalId),
        ("watchlist entries", m.WatchlistEntry),
        ("Spreadsheet comments", m.Comment),
        ("ticks", m.FilmTick),
        ("ratings", m.FilmRating),
        ("likes", m.FilmLike),
        ("covered marks", m.FilmCovered),
        ("facts", m.FilmFact),
        ("scores", m.FilmScore),
        ("reviews", m.FilmReview),
        ("imported pages", m.FilmPage),
    ]


def deletion_plan(session: Session, film: Film) -> DeletionPlan:
    """Viewings, posts, checklist places and picks keep a film; its own details go with it."""
    from sqlalchemy import func

    from diary.store import models as m

    def count(model: Any, column: Any) -> int:
        return session.exec(select(func.count()).select_from(model).where(column == film.id)).one()

    blockers = []
    for what, model, column in (
        ("diary entry", m.Viewing, m.Viewing.film_id),
        ("post", m.Post, m.Post.film_id),
        ("mention in a post", m.PostEntry, m.PostEntry.film_id),
        ("pick", m.Pick, m.Pick.chosen_film_id),
        ("option in a pick", m.PickOption, m.PickOption.film_id),
    ):
        if number := count(model, column):
            blockers.append(f"{number} {what}" + ("" if number == 1 else "s"))
    lists = session.exec(
        select(m.Checklist.name)
        .join(m.ChecklistItem, col(m.ChecklistItem.checklist_id) == col(m.Checklist.id))
        .where(m.ChecklistItem.film_id == film.id)
        .distinct()
    ).all()
    blockers += [f"a place on the {name} checklist" for name in sorted(lists)]
    removes = {name: count(model, model.film_id) for name, model in _goes_with_film()}
    return DeletionPlan(film, blockers, {k: v for k, v in removes.items() if v})


def delete_film(session: Session, film: Film) -> DeletionPlan:
    """Delete a film and its own details; refused while any blocker exists."""
    from sqlalchemy import delete

    plan = deletion_plan(session, film)
    plan.refuse_if_kept()
    for _name, model in _goes_with_film():
        session.exec(delete(model).where(model.film_id == film.id))
    session.delete(film)
    session.flush()
    return plan
