"""The diary's domain, on an in-memory database: logging, rewatches, listing, editing."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import create_engine, event
from sqlmodel import Session, SQLModel, select

import diary.store.models  # noqa: F401  (registers every table)
from diary.base.errors import InvalidInput, NotFound
from diary.core.diary import people, watchlist
from diary.core.diary.viewings import (
    Attendee,
    Changes,
    Filters,
    clean_tags,
    delete_viewing,
    edit_viewing,
    get_viewing,
    list_viewings,
    log_viewing,
    parse_month,
)
from diary.core.films.lookup import add_film
from diary.store.models import Film, Person, ViewingPerson, ViewingTag


@pytest.fixture
def db() -> Iterator[Session]:
    engine = create_engine("sqlite://")

    def foreign_keys(connection: Any, _record: Any) -> None:
        connection.execute("PRAGMA foreign_keys=ON")

    event.listen(engine, "connect", foreign_keys)
    SQLModel.metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture
def ellen(db: Session) -> Person:
    return people.add_person(db, "Ellen", "host")


@pytest.fixture
def tyler(db: Session, ellen: Person) -> Person:
    return people.add_person(db, "Tyler", "host")


@pytest.fixture
def her(db: Session) -> Film:
    return add_film(db, "Her", 2013)


def log(db: Session, film: Film, day: date | None, *attendees: Attendee, **kw: Any) -> int:
    result = log_viewing(db, film, day, list(attendees), **kw)
    assert result.viewing.id is not None
    return result.viewing.id


def rewatches(db: Session, person: Person) -> list[tuple[int, bool]]:
    found = db.exec(
        select(ViewingPerson.viewing_id, ViewingPerson.rewatch)
        .where(ViewingPerson.person_id == person.id)
        .order_by(ViewingPerson.viewing_id)  # type: ignore[arg-type]
    )
    return list(found)


def test_rewatch_is_derived_from_earlier_viewings(
    db: Session, ellen: Person, tyler: Person, her: Film
) -> None:
    later = log(db, her, date(2025, 1, 20), Attendee(ellen))
    earlier = log(db, her, date(2024, 5, 1), Attendee(ellen), Attendee(tyler))
    same_day = log(db, her, date(2025, 1, 20), Attendee(tyler))
    undated = log(db, her, None, Attendee(tyler))
    # Backdating: the earlier viewing is the first time, and the later one becomes the rewatch.
    assert rewatches(db, ellen) == [(later, True), (earlier, False)]
    # A viewing of unknown date counts as earlier than any dated one ("seen long ago").
    assert rewatches(db, tyler) == [(earlier, True), (same_day, True), (undated, False)]
    dated_after_undated = log(db, her, date(2023, 1, 1), Attendee(tyler))
    assert rewatches(db, tyler)[-1] == (dated_after_undated, True)
    second_undated = log(db, her, None, Attendee(tyler))
    assert rewatches(db, tyler)[-1] == (second_undated, True)


def test_rewatch_can_be_given(db: Session, ellen: Person, her: Film) -> None:
    first = log(db, her, date(2025, 1, 1), Attendee(ellen, rewatch=True))
    second = log(db, her, date(2025, 1, 2), Attendee(ellen, rewatch=False))
    assert rewatches(db, ellen) == [(first, True), (second, False)]


def test_each_person_keeps_their_own_rating_like_and_review(
    db: Session, ellen: Person, tyler: Person, her: Film
) -> None:
    viewing = log(
        db,
        her,
        date(2025, 1, 26),
        Attendee(ellen, 9, liked=True, review="tender"),
        Attendee(tyler, 6),
        place="  DVD from the library ",
        tags=["BP", "bp, Rewatch Night", " "],
    )
    row = get_viewing(db, viewing)
    assert row.viewing.place == "DVD from the library"
    assert row.tags == ["bp", "rewatch night"]
    assert [(p.name, vp.rating, vp.liked, vp.review) for p, vp in row.attendees] == [
        ("Ellen", 9, True, "tender"),
        ("Tyler", 6, False, None),
    ]


def test_a_viewing_needs_someone_and_nobody_twice(db: Session, ellen: Person, her: Film) -> None:
    with pytest.raises(InvalidInput, match="at least one person"):
        log_viewing(db, her, date(2025, 1, 1), [])
    with pytest.raises(InvalidInput, match="named twice"):
        log_viewing(db, her, date(2025, 1, 1), [Attendee(ellen), Attendee(ellen, 4)])


def test_logging_clears_the_watchlists_of_those_present(
    db: Session, ellen: Person, tyler: Person, her: Film
) -> None:
    watchlist.add(db, her, ellen, None, None)
    watchlist.add(db, her, tyler, None, None)
    result = log_viewing(db, her, date(2025, 1, 1), [Attendee(tyler)])
    assert result.removed_from_watchlist == ["Tyler"]
    assert [r.person.name for r in watchlist.rows(db)] == ["Ellen"]


def test_clean_tags() -> None:
    assert clean_tags(["Best  Picture", "best picture", "a,b", "", " , "]) == [
        "best picture",
        "a",
        "b",
    ]


@pytest.fixture
def season(db: Session, ellen: Person, tyler: Person, her: Film) -> dict[str, int]:
    rocky = add_film(db, "Rocky", 1976)
    jaws = add_film(db, "Jaws", 1975)
    return {
        "her": log(db, her, date(2025, 1, 26), Attendee(ellen, 8), Attendee(tyler, 4), tags=["bp"]),
        "rocky": log(db, rocky, date(2024, 12, 31), Attendee(tyler, 10)),
        "jaws": log(db, jaws, date(2025, 1, 1), Attendee(ellen, 3)),
        "undated": log(db, jaws, None, Attendee(tyler)),
    }


def ids(db: Session, **filters: Any) -> list[int]:
    return [row.viewing.id or 0 for row in list_viewings(db, Filters(**filters))]


def test_listing_newest_first_and_filters(
    db: Session, season: dict[str, int], ellen: Person, tyler: Person
) -> None:
    s = season
    assert ids(db) == [s["her"], s["jaws"], s["rocky"], s["undated"]]
    assert ids(db, year=2024) == [s["rocky"]]
    assert ids(db, month=(2025, 1)) == [s["her"], s["jaws"]]
    assert ids(db, month=(2024, 12)) == [s["rocky"]]
    assert ids(db, person_id=ellen.id) == [s["her"], s["jaws"]]
    assert ids(db, tag="BP") == [s["her"]]
    assert ids(db, rating_min=8) == [s["her"], s["rocky"]]
    # With a person, the minimum applies to that person's own rating.
    assert ids(db, rating_min=8, person_id=tyler.id) == [s["rocky"]]
    assert ids(db, limit=2) == [s["her"], s["jaws"]]


def test_bad_filters(db: Session) -> None:
    for text in ("2025-13", "25-01", "2025/01", "0000-01", ""):
        with pytest.raises(InvalidInput, match="YYYY-MM"):
            parse_month(text)
    with pytest.raises(InvalidInput, match="not a year"):
        list_viewings(db, Filters(year=10_000))


def test_editing_changes_only_what_is_given(
    db: Session, season: dict[str, int], ellen: Person, tyler: Person
) -> None:
    viewing = season["her"]
    rocky = db.exec(select(Film).where(Film.title == "Rocky")).one()
    row, said = edit_viewing(
        db, viewing, Changes(person=tyler, rating=7, liked=True, review="grew on me")
    )
    assert said == ["Tyler's rating → 3.5", "Tyler likes it", "Tyler's review updated"]
    assert [(p.name, vp.rating, vp.liked) for p, vp in row.attendees] == [
        ("Ellen", 8, False),
        ("Tyler", 7, True),
    ]
    row, said = edit_viewing(db, viewing, Changes(film=rocky, watched_on=date(2025, 1, 2)))
    assert (row.film.title, row.viewing.watched_on) == ("Rocky", date(2025, 1, 2))
    assert row.tags == ["bp"]
    row, _ = edit_viewing(db, viewing, Changes(tags=[], place="", person=tyler, clear_rating=True))
    assert row.tags == [] and row.viewing.place is None and row.attendees[1][1].rating is None


def test_adding_someone_to_an_entry(
    db: Session, season: dict[str, int], ellen: Person, tyler: Person
) -> None:
    ann = people.add_person(db, "Ann")
    row, said = edit_viewing(db, season["rocky"], Changes(add=[Attendee(ann, 5), Attendee(ellen)]))
    assert said == ["added Ann", "added Ellen"]
    assert [p.name for p, _ in row.attendees] == ["Ellen", "Tyler", "Ann"]
    with pytest.raises(InvalidInput, match="already on entry"):
        edit_viewing(db, season["rocky"], Changes(add=[Attendee(ann)]))


def test_edit_refusals(db: Session, season: dict[str, int], ellen: Person) -> None:
    with pytest.raises(InvalidInput, match="several people"):
        edit_viewing(db, season["her"], Changes(rating=2))
    with pytest.raises(NotFound, match="not on entry"):
        edit_viewing(db, season["rocky"], Changes(person=ellen, rating=2))
    with pytest.raises(InvalidInput, match="nothing to change"):
        edit_viewing(db, season["her"], Changes())
    with pytest.raises(NotFound, match="no diary entry with id 999"):
        edit_viewing(db, 999, Changes(rating=2))


def test_deleting_takes_parts_and_tags_with_it(db: Session, season: dict[str, int]) -> None:
    delete_viewing(db, season["her"])
    assert (
        db.exec(select(ViewingPerson).where(ViewingPerson.viewing_id == season["her"])).all() == []
    )
    assert db.exec(select(ViewingTag).where(ViewingTag.viewing_id == season["her"])).all() == []
    with pytest.raises(NotFound):
        get_viewing(db, season["her"])
    assert len(ids(db)) == 3
