"""The import's core: film matching by links, titles and years; progress as files are read."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from diary.base import clock
from diary.core.diary.people import add_person
from diary.core.letterboxd.films import FilmResolver, Unattributed
from diary.core.letterboxd.importing import import_letterboxd
from diary.core.letterboxd.records import FilmRef
from diary.importers.letterboxd import open_source
from diary.store.database import open_session
from diary.store.location import resolve
from diary.store.models import Film, FilmExternalId
from tests.importers.letterboxd_helpers import FIXTURE


@pytest.fixture
def session() -> Iterator[Session]:
    with open_session(resolve(None), write=True) as opened:
        yield opened


def links(session: Session, film_id: int) -> set[str]:
    return set(
        session.exec(
            select(FilmExternalId.value).where(
                FilmExternalId.film_id == film_id, FilmExternalId.source == "letterboxd"
            )
        )
    )


def test_links_titles_and_years_decide_the_film(session: Session) -> None:
    films = FilmResolver(session, clock.now())
    her = session.exec(select(Film).where(Film.title == "Her", Film.year == 2013)).one()
    first = films.resolve(
        [
            FilmRef("her", 2013, "https://boxd.it/h1"),  # the built-in film, by title and year
            FilmRef("Her", 2013, "https://letterboxd.com/film/her/"),  # another form: same film
            FilmRef("Her", 2013, "https://boxd.it/h2"),  # another code of one form: another film
            FilmRef("Her", 1999, None),  # another year: a new film
            FilmRef("Her", None, None),  # no year: not the 2013 film either
        ]
    )
    assert first[:2] == [her.id, her.id]
    assert first[2] not in (her.id, None) and isinstance(first[2], int)
    assert len({first[2], first[3], first[4]}) == 3
    assert links(session, her.id or 0) == {"https://boxd.it/h1", "https://letterboxd.com/film/her/"}
    # Now a row with title and year only cannot tell the two 2013 films apart…
    (unclear,) = films.resolve([FilmRef("Her", 2013, None)])
    assert isinstance(unclear, Unattributed)
    assert unclear.reason == "'Her (2013)' is 2 different films on Letterboxd"
    # …but a known link, or an IMDb id, still finds its film.
    assert films.resolve([FilmRef("Whatever", 1900, "https://boxd.it/h2")]) == [first[2]]
    assert films.resolve([FilmRef("Whatever", 1900, None, imdb="tt1798709")]) == [her.id]
    assert films.counts.added == 3


def test_punctuation_only_titles_still_match_themselves(session: Session) -> None:
    films = FilmResolver(session, clock.now())
    first = films.resolve([FilmRef("?", 2011, None), FilmRef("!", 2011, None)])
    assert first[0] != first[1]
    assert films.resolve([FilmRef("?", 2011, None)]) == [first[0]]


class Recorder:
    def __init__(self) -> None:
        self.total = 0
        self.done = 0

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, amount: int) -> None:
        self.done += amount


def test_progress_counts_every_byte_of_every_pass(session: Session) -> None:
    person = add_person(session, "Ellen")
    recorder = Recorder()
    import_letterboxd(session, open_source(FIXTURE)[0], person, recorder)
    size = {p.relative_to(FIXTURE).as_posix(): p.stat().st_size for p in FIXTURE.rglob("*.csv")}
    # watched.csv and ratings.csv are read twice: once for their films, once for what they say.
    twice = size["watched.csv"] + size["ratings.csv"]
    once = sum(
        size[name]
        for name in size
        if name.split("/")[0] not in ("deleted", "orphaned")
        and name not in ("profile.csv", "comments.csv")
    )
    assert recorder.total == once + twice
    assert recorder.done == recorder.total


def test_the_import_leaves_committing_to_the_caller(session: Session, tmp_path: Path) -> None:
    person = add_person(session, "Ellen")
    summary = import_letterboxd(session, open_source(FIXTURE)[0], person)
    assert summary.counts["diary entries"].added == 8
    session.rollback()
    assert session.exec(select(Film).where(Film.title == "Amélie")).first() is None
