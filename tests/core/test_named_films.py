"""NamedFilms answers a chunk of titles as films_named answers each one: the same films, in
the same order, including films made after the chunk was read."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from diary.base.titles import title_key
from diary.core.films.lookup import add_alias, add_film, films_named
from diary.core.films.named import Named, NamedFilms
from diary.store.database import open_session
from diary.store.location import resolve


@contextmanager
def session() -> Iterator[Session]:
    with open_session(resolve(None), write=True) as db:
        yield db


WANTED: list[tuple[str, int | None]] = [
    ("GoodFellas", 1990),
    ("Good Fellas", None),
    ("Henry V", 1944),
    ("Henry V", 1943),
    ("Henry V", None),
    ("Wings", 1927),
    ("Little Women", None),
    ("Little Women", 1994),
    ("Sunset Boulevard", 1950),
    ("Spiderman", 2002),
    ("Spider-Man", None),
    ("Undated Film", None),
    ("Undated Film", 2001),
    ("Pet Sounds", 1999),
    ("Pet Sounds", None),
    ("Nothing Like It", 2020),
    ("?", 2001),
    ("A Star Is Born", 1976),
]


def ids(films: list[Named]) -> list[int]:
    return [f.id for f in films]


def test_a_chunk_names_the_films_each_title_names() -> None:
    with session() as db:
        add_film(db, "Spider-Man", 2002)
        add_film(db, "Undated Film", None)
        add_film(db, "Undated Film", 2000)
        own = add_film(db, "Animal Noises", 1966)
        add_alias(db, own, "Pet Sounds")
        add_film(db, "PetSounds", 1999)
        chunk = NamedFilms(db, [title for title, _ in WANTED])
        for title, year in WANTED:
            expected = [f.id for f in films_named(db, title, year)]
            assert ids(chunk.named(title, year)) == expected, (title, year)


def test_a_film_made_after_the_chunk_was_read_is_named_by_later_titles() -> None:
    with session() as db:
        chunk = NamedFilms(db, ["Henry V", "Brand-New", "Brandnew"])
        before = ids(chunk.named("Henry V", 1944))
        assert len(before) == 1  # the nominee, two years off
        made = add_film(db, "Henry V", 1943)
        assert made.id is not None
        chunk.made(Named(made.id, made.title, made.year), title_key(made.title))
        # now an unlisted film is a year off 1944: the nominee is not taken
        assert chunk.named("Henry V", 1944) == [] == films_named(db, "Henry V", 1944)
        other = add_film(db, "Brand-New", 2020)
        assert other.id is not None
        chunk.made(Named(other.id, other.title, other.year), title_key(other.title))
        assert ids(chunk.named("Brandnew", None)) == [other.id]
        assert [f.id for f in films_named(db, "Brandnew", None)] == [other.id]
