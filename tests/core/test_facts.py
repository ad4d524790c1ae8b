"""Storing findings on a film: which film, what changes, what is never overwritten."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from diary.base.errors import Ambiguous, Conflict, NotFound
from diary.core.films.details import film_details
from diary.core.films.facts import film_for, import_page
from diary.core.films.findings import Findings, Review
from diary.core.films.lookup import add_film, delete_film, deletion_plan, films_with_key
from diary.store.database import open_session
from diary.store.location import resolve
from diary.store.models import Film, FilmFact, FilmPage, FilmReview, FilmScore


@pytest.fixture
def db(env_setup: Path) -> Iterator[Session]:
    with open_session(resolve(str(env_setup)), write=True) as session:
        yield session


def wiki(*stars: str, metascore: str = "79", year: int | None = 1987) -> Findings:
    found = Findings("wikipedia", "Wikipedia", title="The Lantern Keeper", year=year)
    found.add("director", "Marguerite Okafor-Lind")
    for star in stars:
        found.add("star", star)
    found.add("fun_fact", "Storm scenes used 40,000 litres of water a day.", "Filming")
    found.score("metascore", metascore, 15)
    return found


def stored(db: Session, film: Film, kind: str) -> list[tuple[str, str, int]]:
    rows = db.exec(
        select(FilmFact)
        .where(FilmFact.film_id == film.id, FilmFact.kind == kind)
        .order_by(col(FilmFact.source), col(FilmFact.position))
    )
    return [(r.source, r.value, r.position) for r in rows]


def test_a_new_film_is_created_from_the_page(db: Session) -> None:
    result = import_page(db, wiki("Tobias Wren", "Ines Calloway"), "d1")
    assert result.created_film and (result.film.title, result.film.year) == (
        "The Lantern Keeper",
        1987,
    )
    assert (result.facts.added, result.scores.added) == (4, 1)
    assert stored(db, result.film, "star") == [
        ("Wikipedia", "Tobias Wren", 0),
        ("Wikipedia", "Ines Calloway", 1),
    ]


def test_the_same_page_twice_changes_nothing(db: Session) -> None:
    first = import_page(db, wiki("Tobias Wren"), "d1")
    again = import_page(db, wiki("Tobias Wren", "Someone Else"), "d1")
    assert again.already_imported and not again.changed_anything
    assert again.page.id == first.page.id
    assert stored(db, first.film, "star") == [("Wikipedia", "Tobias Wren", 0)]
    assert len(db.exec(select(FilmPage).where(FilmPage.film_id == first.film.id)).all()) == 1


def test_a_newer_page_replaces_its_kinds_and_keeps_the_rest(db: Session) -> None:
    film = import_page(db, wiki("Tobias Wren", "Ines Calloway", "Felix Adebayo"), "d1").film
    newer = Findings("wikipedia", "Wikipedia", title="The Lantern Keeper", year=1987)
    newer.add("star", "Tobias Wren")
    newer.add("star", "Ruth Van der Berg")
    newer.add("runtime", "112", "minutes")
    result = import_page(db, newer, "d2")
    assert (result.facts.added, result.facts.changed, result.facts.removed) == (1, 1, 1)
    assert stored(db, film, "star") == [
        ("Wikipedia", "Tobias Wren", 0),
        ("Wikipedia", "Ruth Van der Berg", 1),
    ]
    assert stored(db, film, "director") == [("Wikipedia", "Marguerite Okafor-Lind", 0)]
    assert stored(db, film, "runtime") == [("Wikipedia", "112", 0)]


def test_two_sources_quoting_the_same_metric_are_both_kept(db: Session) -> None:
    film = import_page(db, wiki(), "d1").film
    critics = Findings("metacritic", "Metacritic", title="The Lantern Keeper", year=1987)
    critics.score("metascore", "81", 17)
    critics.add("director", "Marguerite Okafor-Lind")
    import_page(db, critics, "m1")
    moved = import_page(db, wiki(metascore="80"), "d2")
    assert moved.notes == ["metascore (Wikipedia): 79 → 80"]
    rows = db.exec(select(FilmScore).where(FilmScore.film_id == film.id)).all()
    assert sorted((r.source, r.value, r.count) for r in rows) == [
        ("Metacritic", "81", 17),
        ("Wikipedia", "80", 15),
    ]
    assert [s for s, _v, _p in stored(db, film, "director")] == ["Metacritic", "Wikipedia"]


def test_reviews_are_matched_across_imports(db: Session) -> None:
    def page(excerpt: str) -> Findings:
        found = Findings("metacritic", "Metacritic", title="The Lantern Keeper", year=1987)
        found.reviews = [
            Review(
                publication="The Harbour Courier", critic="Odile Marsh", score=100, excerpt=excerpt
            ),
            Review(publication="Northern Post", score=88, excerpt="Calloway is great."),
        ]
        return found

    film = import_page(db, page("A ghost story."), "m1").film
    result = import_page(db, page("A ghost story with no ghost."), "m2")
    assert (result.reviews.added, result.reviews.changed) == (0, 1)
    rows = db.exec(select(FilmReview).where(FilmReview.film_id == film.id)).all()
    assert sorted(r.excerpt or "" for r in rows) == [
        "A ghost story with no ghost.",
        "Calloway is great.",
    ]


def test_which_film_a_page_means(db: Session) -> None:
    keeper = add_film(db, "The Lantern Keeper", 1987)
    off_by_one = Findings("metacritic", "Metacritic", title="the lantern keeper", year=1988)
    assert film_for(db, off_by_one) == (
        keeper,
        False,
        "The page says 1988; using The Lantern Keeper (1987).",
    )
    no_year = Findings("review", "article", title="The Lantern Keeper")
    assert film_for(db, no_year)[0] == keeper
    with pytest.raises(NotFound, match="gives no year"):
        film_for(db, Findings("review", "article", title="Nothing Like It"))
    with pytest.raises(NotFound, match="give --film"):
        film_for(db, Findings("review", "article"))
    add_film(db, "The Lantern Keeper", 1989)
    with pytest.raises(Ambiguous, match=r"\(1987\), The Lantern Keeper \(1989\); give --film"):
        film_for(db, off_by_one)


def test_an_alias_finds_the_film(db: Session) -> None:
    keeper = add_film(db, "The Lantern Keeper", 1987)
    from diary.core.films.lookup import add_alias

    add_alias(db, keeper, "Lantern")
    assert film_for(db, Findings("wikipedia", "Wikipedia", title="Lantern", year=1987))[0] == keeper


def test_details_gather_facts_scores_reviews_and_pages(db: Session) -> None:
    film = import_page(db, wiki("Tobias Wren"), "d1").film
    details = film_details(db, film)
    assert [f.value for f in details.facts_of("star")] == ["Tobias Wren"]
    assert [(s.source, s.metric) for s in details.scores] == [("Wikipedia", "metascore")]
    assert [p.digest for p in details.pages] == ["d1"]
    assert details.nominations == []


def test_deleting_a_film_takes_its_facts_but_not_a_nominee(db: Session) -> None:
    film = import_page(db, wiki("Tobias Wren"), "d1").film
    plan = delete_film(db, film)
    assert plan.removes == {"facts": 3, "scores": 1, "imported pages": 1}
    assert films_with_key(db, "lantern keeper", 1987) == []
    assert db.exec(select(FilmFact).where(FilmFact.film_id == film.id)).all() == []
    nominee = films_with_key(db, "her", 2013)[0]
    assert "a place on the Best Picture checklist" in deletion_plan(db, nominee).blockers
    with pytest.raises(Conflict, match=r"Her \(2013\) is kept: it has a place on the Best Picture"):
        delete_film(db, nominee)
