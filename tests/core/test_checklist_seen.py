"""films_seen: films seen under their own rows (as an import creates them) tick the nominees."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlmodel import Session, col, select

from diary.core.checklists.entries import entries
from diary.core.checklists.lists import best_picture, films_seen
from diary.core.diary.people import add_person
from diary.core.films.lookup import add_film, set_external_id
from diary.store.database import open_session
from diary.store.location import resolve
from diary.store.models import Film, FilmTick, Person


@contextmanager
def session() -> Iterator[Session]:
    with open_session(resolve(None), write=True) as db:
        yield db


def seen(db: Session, person: Person) -> set[tuple[str, int | None]]:
    return {
        (e.item.listed_title, e.group.number if e.group else None)
        for e in entries(db, best_picture(db), [person])
        if person.id in e.seen
    }


def own_row(db: Session, title: str, year: int) -> int:
    """A film row of its own, as an importer makes it when no exact title and year match."""
    film = add_film(db, title, year, force=True)
    assert film.id is not None
    return film.id


@pytest.mark.parametrize(
    ("title", "year", "expected"),
    [
        ("Sunset Boulevard", 1950, {("Sunset Blvd.", 23)}),
        ("Precious", 2009, {("Precious: Based on the Novel 'Push' by Sapphire", 82)}),
        ("Once Upon a Time… in Hollywood", 2019, {("Once upon a Time...in Hollywood", 92)}),
        ("Les Misérables", 1935, {("Les Miserables", 8)}),
        ("Les Misérables", 2012, {("Les Misérables", 85)}),
        ("Coda", 2021, {("CODA", 94)}),
        ("La Grande Illusion", 1937, {("Grand Illusion", 11)}),
        ("Il Postino: The Postman", 1994, {("The Postman (Il Postino)", 68)}),
        ("Wings", 1927, {("Wings", 1)}),
        ("West Side Story", 2021, {("West Side Story", 94)}),
        ("West Side Story", 1961, {("West Side Story", 34)}),
        ("Little Women", 1933, {("Little Women", 6)}),
        ("Little Women", 2019, {("Little Women", 92)}),
        ("Little Women", 1994, set()),
        ("Little Women", 1949, set()),
        ("A Star Is Born", 1954, set()),
        ("A Star Is Born", 1976, set()),
        ("A Star Is Born", 2018, {("A Star Is Born", 91)}),
        ("Dune", 1984, set()),
        ("Dune", 2021, {("Dune", 94)}),
        ("True Grit", 1969, set()),
        ("Heaven Can Wait", 1978, {("Heaven Can Wait", 51)}),
    ],
)
def test_a_film_under_its_own_row_ticks_only_the_same_film(
    title: str, year: int, expected: set[tuple[str, int]]
) -> None:
    with session() as db:
        me = add_person(db, "Ellen")
        film_id = own_row(db, title, year)
        lines = films_seen(db, me, [film_id])
        assert seen(db, me) == expected
        assert bool(lines) == bool(expected)


def test_no_year_never_ticks() -> None:
    with session() as db:
        me = add_person(db, "Ellen")
        made = best_picture(db).created_at
        film = Film(title="Wings", year=None, title_key="wings", created_at=made)
        db.add(film)
        db.flush()
        assert film.id is not None
        assert films_seen(db, me, [film.id]) == []
        assert seen(db, me) == set()


def test_a_different_imdb_id_is_a_different_film() -> None:
    with session() as db:
        me = add_person(db, "Ellen")
        film_id = own_row(db, "Wings", 1927)
        film = db.get(Film, film_id)
        assert film is not None
        set_external_id(db, film, "imdb", "tt9999999")
        assert films_seen(db, me, [film_id]) == []
        assert seen(db, me) == set()


def test_thousands_of_films_in_one_call_take_a_few_queries() -> None:
    with session() as db:
        me = add_person(db, "Ellen")
        ids = [own_row(db, f"Home Movie {n}", 2000 + n % 20) for n in range(3000)]
        ids += [own_row(db, "Wings", 1927), own_row(db, "Sunset Boulevard", 1950)]
        bp_ids = list(db.exec(select(Film.id).where(col(Film.title).in_(["Her", "Rocky"]))))
        statements: list[str] = []

        def count(*args: object) -> None:
            statements.append(str(args[2]))

        connection = db.connection()
        event.listen(connection, "before_cursor_execute", count)
        try:
            lines = films_seen(db, me, ids + [i for i in bp_ids if i is not None])
        finally:
            event.remove(connection, "before_cursor_execute", count)
        assert len(statements) < 40  # a handful per 500 films, never one per film
        assert lines == ["Ticked 4 films on Best Picture: Ellen has seen 4 of 621"]
        assert seen(db, me) == {("Her", 86), ("Rocky", 49), ("Wings", 1), ("Sunset Blvd.", 23)}
        ticked = db.exec(select(FilmTick).where(FilmTick.person_id == me.id)).all()
        assert sorted(t.source or "" for t in ticked) == [
            "seen",
            "seen",
            "seen as Sunset Boulevard (1950)",
            "seen as Wings (1927)",
        ]


def test_calling_again_changes_nothing() -> None:
    with session() as db:
        me: Person = add_person(db, "Ellen")
        film_id = own_row(db, "Wings", 1927)
        films_seen(db, me, [film_id])
        before = db.exec(select(FilmTick)).all()
        films_seen(db, me, [film_id])
        assert db.exec(select(FilmTick)).all() == before
