"""Every figure of `diary stats`, against the sample diary counted by hand.

The sample (diary/devtools/sample_diary.py) in 2024: six viewings of four films (Her twice,
Jaws twice, Alien, Parasite); Ellen 5 entries rated 4.5, 4, 3.5, 5, 2; Tyler 4 entries
rated 3, 4, 5, 4; Biscuit 2 entries and no ratings. Outside 2024: Casablanca on 2023-12-31,
Casablanca undated, Alien in January 2025.
"""

from collections.abc import Iterator
from datetime import date

import pytest
from sqlmodel import Session

from diary.base.errors import InvalidInput
from diary.core.diary.people import find_person, list_people
from diary.core.stats.bestpicture import bp_stats
from diary.core.stats.calendar import longest_streak
from diary.core.stats.overview import DiaryStats, diary_stats
from diary.core.stats.scope import make_scope
from tests.stats_support import build_sample, reading


@pytest.fixture
def db() -> Iterator[Session]:
    build_sample()
    with reading() as session:
        yield session


def stats(db: Session, year: int | None = None, *names: str, **dates: str) -> DiaryStats:
    people = [find_person(db, n) for n in names] if names else list_people(db)
    scope = make_scope(year, dates.get("start"), dates.get("end"), people, bool(names))
    return diary_stats(db, scope)


def test_a_year_counts_viewings_films_first_watches_and_rewatches(db: Session) -> None:
    found = stats(db, 2024)
    assert (found.calendar.viewings, found.films.distinct) == (6, 4)
    assert (found.first_watches, found.rewatches) == (9, 2)
    assert found.calendar.undated == 0


def test_months_and_weekdays(db: Session) -> None:
    found = stats(db, 2024)
    months = dict(found.calendar.months)
    assert list(months) == [f"2024-{m:02d}" for m in range(1, 13)]
    assert months == {k: {"2024-01": 3, "2024-03": 2, "2024-07": 1}.get(k, 0) for k in months}
    # Jan 5 and Mar 15 are Fridays, Jan 6 and Mar 16 Saturdays, Jan 7 a Sunday, Jul 4 a Thursday
    assert dict(found.calendar.weekdays) == {
        "Monday": 0,
        "Tuesday": 0,
        "Wednesday": 0,
        "Thursday": 1,
        "Friday": 2,
        "Saturday": 2,
        "Sunday": 1,
    }


def test_undated_viewings_count_in_totals_but_not_in_months(db: Session) -> None:
    found = stats(db)
    assert (found.calendar.viewings, found.calendar.undated, found.films.distinct) == (9, 1, 5)
    months = dict(found.calendar.months)
    assert list(months)[0] == "2023-12" and list(months)[-1] == "2025-01" and len(months) == 14
    assert sum(months.values()) == 8
    assert sum(n for _, n in found.calendar.weekdays) == 8


def test_an_empty_year_is_all_zeros(db: Session) -> None:
    found = stats(db, 2020)
    assert found.calendar.viewings == 0 and found.films.distinct == 0
    assert [n for _, n in found.calendar.months] == [0] * 12
    assert found.calendar.streak.days == 0 and found.calendar.busiest_day is None
    assert found.best == [] and found.disagreements == [] and found.tags == []
    assert all(p.entries == 0 and p.average is None for p in found.people)


def test_ratings_per_person_and_a_person_with_none(db: Session) -> None:
    people = {p.person.name: p for p in stats(db, 2024).people}
    ellen, tyler, biscuit = people["Ellen"], people["Tyler"], people["Biscuit"]
    assert (ellen.entries, ellen.first_watches, ellen.rewatches, ellen.rated) == (5, 4, 1, 5)
    assert ellen.average == 3.8
    assert {h: n for h, n in ellen.histogram.items() if n} == {4: 1, 7: 1, 8: 1, 9: 1, 10: 1}
    assert (tyler.entries, tyler.rewatches, tyler.average) == (4, 1, 4.0)
    assert {h: n for h, n in tyler.histogram.items() if n} == {6: 1, 8: 2, 10: 1}
    assert (biscuit.entries, biscuit.first_watches, biscuit.rated, biscuit.average) == (
        2,
        2,
        0,
        None,
    )


def test_decades_tags_places_and_streak(db: Session) -> None:
    found = stats(db, 2024)
    assert found.films.decades == [("1970s", 3), ("2010s", 3)]
    assert found.tags == [("bp", 2), ("summer", 2)]
    assert found.places == [("home", 2), ("cinema", 1)]
    streak = found.calendar.streak
    assert (streak.days, streak.start, streak.end) == (3, date(2024, 1, 5), date(2024, 1, 7))


def test_who_watches_with_whom(db: Session) -> None:
    company = {c.person: c.with_whom for c in stats(db, 2024).company}
    assert company == {
        "Ellen": [("Tyler", 3), ("Biscuit", 1)],
        "Tyler": [("Ellen", 3), ("Biscuit", 1)],
        "Biscuit": [("Ellen", 1), ("Tyler", 1)],
    }


def test_hours_where_runtimes_are_known(db: Session) -> None:
    films = stats(db, 2024).films
    # Her (126 min) and Jaws (124 min) twice each; Alien and Parasite have no runtime
    assert (films.minutes, films.hours, films.timed_viewings, films.untimed_films) == (
        500,
        8.3,
        4,
        2,
    )


def test_highest_and_lowest_rated_and_disagreements(db: Session) -> None:
    found = stats(db, 2024)
    assert [(r.film.title, r.average, r.ratings) for r in found.best] == [
        ("Her", 4.17, 3),
        ("Jaws", 4.0, 3),
        ("Parasite", 3.5, 2),
        ("Alien", 3.5, 1),
    ]
    assert [r.film.title for r in found.worst] == ["Parasite", "Alien", "Jaws", "Her"]
    assert [(d.film.title, d.spread, d.ratings) for d in found.disagreements] == [
        ("Parasite", 3.0, [("Tyler", 5.0), ("Ellen", 2.0)]),
        ("Her", 1.5, [("Ellen", 4.5), ("Tyler", 3.0)]),
    ]


def test_by_keeps_the_viewings_with_that_person(db: Session) -> None:
    found = stats(db, 2024, "Biscuit")
    assert found.calendar.viewings == 2 and [p.person.name for p in found.people] == ["Biscuit"]
    assert found.best == [] and found.disagreements == []
    assert [c.with_whom for c in found.company] == [[("Ellen", 1), ("Tyler", 1)]]


def test_from_and_to(db: Session) -> None:
    found = stats(db, start="2024-01-06", end="2024-03-15")
    assert found.calendar.viewings == 3
    assert [m for m, _ in found.calendar.months] == ["2024-01", "2024-02", "2024-03"]


def test_a_bad_period_is_refused(db: Session) -> None:
    people = list_people(db)
    with pytest.raises(InvalidInput, match="not both"):
        make_scope(2024, "2024-01-01", None, people, False)
    with pytest.raises(InvalidInput, match="after"):
        make_scope(None, "2024-03-01", "2024-01-01", people, False)
    with pytest.raises(InvalidInput, match="no diary year"):
        make_scope(2026, None, None, people, False)


def test_longest_streak_prefers_the_earliest_of_equal_runs() -> None:
    days = {date(2024, 1, 1), date(2024, 1, 2), date(2024, 5, 1), date(2024, 5, 2)}
    found = longest_streak(days)
    assert (found.days, found.start) == (2, date(2024, 1, 1))
    assert longest_streak(set()).days == 0


def test_best_picture_over_time_by_decade_and_in_common(db: Session) -> None:
    found = bp_stats(db, list_people(db))
    lines = {line.person.name: line for line in found.timelines}
    assert lines["Ellen"].undated == 0
    assert lines["Ellen"].points == [
        (date(2023, 12, 31), 1),
        (date(2024, 1, 5), 2),
        (date(2024, 1, 6), 3),
        (date(2024, 3, 16), 4),
    ]
    # Tyler's Casablanca has no date: it counts from the start
    assert lines["Tyler"].undated == 1 and lines["Tyler"].points[0] == (date(2024, 1, 5), 2)
    # Biscuit ticked Sunset Boulevard by hand and saw Her and Jaws
    assert (lines["Biscuit"].undated, lines["Biscuit"].seen) == (1, 3)
    assert found.everyone == [("Jaws", 1975), ("Her", 2013)]
    decades = {p.label: p.all for p in found.progress.decades}
    ellen = find_person(db, "Ellen").id or 0
    assert decades["1940s"].seen[ellen] == 1 and decades["2010s"].seen[ellen] == 2
    assert found.progress.overall.winners.seen[ellen] == 2  # Casablanca and Parasite


def test_company_by_pairs_agrees_with_company_by_sets(db: Session) -> None:
    """The join used for diaries of many people gives what the sets of people give."""
    from diary.core.stats.company import _company_by_pairs, company

    for scope in (
        make_scope(2024, None, None, list_people(db), False),
        make_scope(None, None, None, [find_person(db, "Biscuit")], True),
    ):
        assert company(db, scope) == _company_by_pairs(db, scope)


def test_every_stats_query_is_plain_sql_postgresql_can_run(db: Session) -> None:
    """Dialect-neutral SQL only: every statement compiles for PostgreSQL, with no SQLite
    function in it."""
    from sqlalchemy.dialects import postgresql

    seen: list[object] = []
    execute = db.execute

    def spy(statement: object, *args: object, **kwargs: object) -> object:
        seen.append(statement)
        return execute(statement, *args, **kwargs)

    db.execute = spy
    people = list_people(db)
    diary_stats(db, make_scope(2024, None, None, people, True))
    diary_stats(db, make_scope(None, None, None, people, False))
    bp_stats(db, people)
    assert len(seen) > 20
    for statement in seen:
        sql = str(statement.compile(dialect=postgresql.dialect())).lower()
        assert not any(name in sql for name in ("strftime", "julianday", "ifnull", "group_concat"))
