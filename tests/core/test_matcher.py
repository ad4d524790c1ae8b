"""The one film matcher: its title and year rules as a table."""

import pytest

from diary.core.films.matcher import (
    Candidate,
    Listed,
    closest,
    compact_key,
    near_misses,
    same_title,
)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("GoodFellas", "Good Fellas", True),
        ("Spider-Man", "Spiderman", True),
        ("The Watcher", "Watcher", True),
        ("Rain", "rain", True),
        ("Les Misérables", "Les Miserables", True),
        ("Good Night, and Good Luck.", "Good Night and Good Luck", True),
        ("Her", "Hers", False),
        ("?", "?", True),
        ("?", "!", False),
    ],
)
def test_titles(a: str, b: str, same: bool) -> None:
    assert same_title(a, b) is same


def film(name: str, year: int | None, listed: bool = False, imdb: str | None = None) -> Candidate:
    return Candidate(name, (year,) if year is not None else (), listed, imdb)


# (wanted year, candidates, expected items, expected years off)
CASES = [
    # the exact year wins over everything
    (1990, [film("a", 1990), film("b", 1991, listed=True)], ["a"], 0),
    # a listed film a year off: Wings (1927) is the 1928 nominee
    (1927, [film("wings", 1928, listed=True)], ["wings"], 1),
    # a film a year off that is not listed is never taken
    (1927, [film("other", 1928)], [], 0),
    # a listed and an unlisted film a year off: not the listed one's alone to claim
    (1927, [film("n", 1928, listed=True), film("x", 1926)], [], 0),
    # two listed films a year either side: both left, for the caller to call ambiguous
    (2000, [film("p", 1999, listed=True), film("q", 2001, listed=True)], ["p", "q"], 1),
    # two years off: the only listed film of the title (Henry V, 1944 and 1946)
    (1944, [film("henry", 1946, listed=True)], ["henry"], 2),
    # two years off but another listed film has the title: no
    (1944, [film("h", 1946, listed=True), film("h2", 1989, listed=True)], [], 0),
    # two years off with an unlisted film of the title as near: no
    (1944, [film("h", 1946, listed=True), film("h3", 1942)], [], 0),
    # three years off: never
    (1943, [film("henry", 1946, listed=True)], [], 0),
    # a remake decades away: never
    (2019, [film("old", 1933, listed=True)], [], 0),
    # without a year only films without one
    (None, [film("dated", 2000), film("undated", None)], ["undated"], 0),
]


@pytest.mark.parametrize(("year", "candidates", "items", "off"), CASES)
def test_years(year: int | None, candidates: list[Candidate], items: list[str], off: int) -> None:
    found = closest(year, candidates)
    assert found.items == items
    assert found.off == off


def test_a_different_imdb_id_is_a_different_film() -> None:
    candidates = [film("n", 1928, listed=True, imdb="tt1")]
    assert closest(1927, candidates, imdb="tt2").items == []
    assert closest(1927, candidates, imdb="tt1").items == ["n"]
    assert closest(1927, candidates).items == ["n"]


def test_one_is_only_a_single_match() -> None:
    two = closest(2000, [film("p", 1999, listed=True), film("q", 2001, listed=True)])
    assert two.one is None
    assert closest(1927, [film("wings", 1928, listed=True)]).one == "wings"


def test_near_misses_are_similar_titles_close_in_time() -> None:
    listed = [
        Listed(1, "The Godfather Part II (1974)", compact_key("The Godfather Part II"), 1974),
        Listed(2, "Jaws (1975)", compact_key("Jaws"), 1975),
        Listed(3, "The Godfather Part III (1990)", compact_key("The Godfather Part III"), 1990),
    ]
    assert [f.film_id for f in near_misses("Godfather Part 2", 1974, listed)] == [1]
    found = near_misses("The Godfather: Part II", 1972, listed)
    assert [f.film_id for f in found] == [1]
    assert [f.film_id for f in near_misses("Jawz", 1975, listed)] == []
    assert [f.film_id for f in near_misses("Jaws", 1980, listed)] == []
