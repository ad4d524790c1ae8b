"""A small diary whose every figure can be counted by hand: for the stats tests and for the
pictures in docs/stats.md (`python -m diary.devtools.statsdocs`).

Three people: Ellen and Tyler rate what they watch, Biscuit never does. Six viewings in 2024,
one on the last day of 2023, one in January 2025, one without a date, and one Best Picture
nominee ticked by hand. Her and Jaws have runtimes (from imported pages); the others do not.
Nothing at all happens in 2020.
"""

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

TODAY = "2025-02-01"  # what the sample diary believes today is

# (film, year, date, {person: rating or None}, place, tags)
VIEWINGS: list[tuple[str, int, date | None, dict[str, float | None], str | None, list[str]]] = [
    ("Her", 2013, date(2024, 1, 5), {"Ellen": 4.5, "Tyler": 3}, "home", ["bp"]),
    ("Jaws", 1975, date(2024, 1, 6), {"Ellen": 4, "Tyler": 4}, None, ["summer"]),
    ("Alien", 1979, date(2024, 1, 7), {"Ellen": 3.5}, None, []),
    ("Her", 2013, date(2024, 3, 15), {"Ellen": 5, "Biscuit": None}, "cinema", []),
    ("Parasite", 2019, date(2024, 3, 16), {"Tyler": 5, "Ellen": 2}, None, ["bp"]),
    ("Jaws", 1975, date(2024, 7, 4), {"Tyler": 4, "Biscuit": None}, "home", ["summer"]),
    ("Casablanca", 1942, date(2023, 12, 31), {"Ellen": 4}, None, []),
    ("Casablanca", 1942, None, {"Tyler": 3}, None, []),
    ("Alien", 1979, date(2025, 1, 10), {"Biscuit": None}, None, []),
]
RUNTIMES = {("Her", 2013): "126", ("Jaws", 1975): "124"}
TICKED = {"Biscuit": [("Sunset Boulevard", 1950)]}


def build(session: "Session") -> None:
    """Fill an empty diary with the sample."""
    from diary.core.checklists import ticks
    from diary.core.diary import people
    from diary.core.diary.viewings import Attendee, log_viewing
    from diary.core.films.lookup import resolve_film
    from diary.store.models import FilmFact

    everyone = {
        name: people.add_person(session, name, role)
        for name, role in (("Ellen", "host"), ("Tyler", "host"), ("Biscuit", "pet"))
    }
    for title, year, day, ratings, place, tags in VIEWINGS:
        film = resolve_film(session, title, year, create=True)
        attendees = [
            Attendee(everyone[name], None if stars is None else int(stars * 2))
            for name, stars in ratings.items()
        ]
        log_viewing(session, film, day, attendees, place=place, tags=tags)
    for (title, year), minutes in RUNTIMES.items():
        film = resolve_film(session, title, year)
        session.add(
            FilmFact(
                film_id=film.id or 0,
                source="Wikipedia",
                kind="runtime",
                value=minutes,
                detail="minutes",
            )
        )
    for name, films in TICKED.items():
        ids = [resolve_film(session, title, year).id or 0 for title, year in films]
        ticks.tick(session, everyone[name], ids, "by hand")
    session.flush()
