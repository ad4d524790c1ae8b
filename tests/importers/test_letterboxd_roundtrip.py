"""Property: any diary, exported in Letterboxd's format and imported again, is the same diary.

Each example logs generated viewings for a new person, exports them, imports the files for
another new person in the same database, and compares the two diaries.
"""

import csv
import io
import itertools
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary.base import clock
from diary.core.diary.people import add_person
from diary.core.diary.viewings import Attendee, Filters, list_viewings, log_viewing
from diary.core.films.lookup import films_with_key
from diary.core.letterboxd.export import diary_rows, write_folder
from diary.core.letterboxd.films import match_key
from diary.core.letterboxd.importing import import_letterboxd
from diary.importers.letterboxd import open_source
from diary.importers.letterboxd_rows import rating
from diary.render.letterboxd_csv import DIARY_HEADER, diary_cells, split_files
from diary.store.database import open_session
from diary.store.location import resolve
from diary.store.models import Film, Person

# Letters, accents, punctuation that CSV must quote, newlines, emoji, HTML.
PIECES = st.sampled_from(list("abcXYZ éñ,;\"'\n\t<>&/!?.-") + ["🎬", "✨", "<b>", "&amp;", "\r\t"])
TEXT = st.lists(PIECES, min_size=1, max_size=30).map("".join)
TITLES = TEXT.filter(lambda t: bool(match_key(" ".join(t.split()))))
REVIEWS = st.none() | TEXT.filter(lambda t: bool(t.strip()))
VIEWING = st.fixed_dictionaries(
    {
        "film": st.integers(0, 3),
        "on": st.dates(date(1990, 1, 1), date(2025, 1, 31)),
        "rating": st.none() | st.integers(1, 10),
        "rewatch": st.booleans(),
        "tags": st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=8), max_size=3),
        "review": REVIEWS,
    }
)
FILMS = st.lists(
    st.tuples(TITLES, st.none() | st.integers(1900, 2024)),
    min_size=4,
    max_size=4,
    unique_by=lambda f: (match_key(" ".join(f[0].split())), f[1]),
)
_people = itertools.count(1)


def film_for(session, title: str, year: int | None) -> Film:  # type: ignore[no-untyped-def]
    title = " ".join(title.split())
    same = [f for f in films_with_key(session, match_key(title), year) if f.year == year]
    if same:
        return same[0]
    film = Film(title=title, year=year, title_key=match_key(title), created_at=clock.now())
    session.add(film)
    session.flush()
    return film


def seen(session, person: Person) -> list[tuple]:  # type: ignore[no-untyped-def]
    found = []
    for row in list_viewings(session, Filters(person_id=person.id)):
        part = next(p for who, p in row.attendees if who.id == person.id)
        found.append(
            (
                row.film.id,
                row.viewing.watched_on,
                part.rating,
                part.rewatch,
                tuple(row.tags),
                part.review,
            )
        )
    return sorted(found, key=repr)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(films=FILMS, viewings=st.lists(VIEWING, max_size=8))
def test_export_then_import_gives_the_same_diary(films: list, viewings: list) -> None:
    number = next(_people)
    with open_session(resolve(None), write=True) as session:
        writer = add_person(session, f"Writer {number}")
        reader = add_person(session, f"Reader {number}")
        rows = [film_for(session, title, year) for title, year in films]
        for v in viewings:
            attendee = Attendee(writer, v["rating"], False, v["rewatch"], v["review"])
            log_viewing(session, rows[v["film"]], v["on"], [attendee], None, v["tags"])
        lines = [diary_cells(row) for row in diary_rows(session, writer)]
        with tempfile.TemporaryDirectory() as folder:
            write_folder(Path(folder), split_files("diary", DIARY_HEADER, [lines]), force=False)
            source, export = open_source(Path(folder))
            summary = import_letterboxd(session, source, reader)
            export.close()
        assert summary.problems == []
        assert seen(session, reader) == seen(session, writer)


@given(cells=st.lists(st.tuples(TITLES, REVIEWS, st.none() | st.integers(1, 10)), max_size=20))
def test_csv_cells_read_back_exactly(cells: list) -> None:
    lines = [
        [
            f"https://boxd.it/{n}",
            "",
            title,
            "2001",
            "2024-01-01",
            str(r / 2 if r else ""),
            "false",
            "",
            text or "",
        ]
        for n, (title, text, r) in enumerate(cells)
    ]
    ((_, content),) = split_files("diary", DIARY_HEADER, [lines])
    back = list(csv.reader(io.StringIO(content, newline="")))
    assert back[0] == list(DIARY_HEADER)
    assert back[1:] == lines
    assert [rating(line[5]) for line in back[1:]] == [r for _, _, r in cells]
