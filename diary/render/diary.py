"""Viewings, people, films, watchlists and comments as JSON-ready dicts and rich tables."""

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from diary.base.words import escaped
from diary.core.diary.ratings import as_number, stars
from diary.core.diary.viewings import LogResult, ViewingRow
from diary.core.films.lookup import FilmRow, label
from diary.render.review_text import readable
from diary.render.tables import add_row, one_listing, table
from diary.store.models import Film, Person

if TYPE_CHECKING:
    from rich.table import Table


def film_dict(film: Film) -> dict[str, Any]:
    return {"id": film.id, "title": film.title, "year": film.year}


def viewing_dict(row: ViewingRow) -> dict[str, Any]:
    viewing = row.viewing
    return {
        "id": viewing.id,
        "date": viewing.watched_on.isoformat() if viewing.watched_on else None,
        "film": film_dict(row.film),
        "where": viewing.place,
        "tags": row.tags,
        "people": [
            {
                "name": person.name,
                "rating": as_number(part.rating),
                "liked": part.liked,
                "rewatch": part.rewatch,
                "rewatch_by_hand": part.rewatch_by_hand,
                "review": part.review,
            }
            for person, part in row.attendees
        ],
    }


def who(row: ViewingRow) -> str:
    parts = []
    for person, part in row.attendees:
        text = person.name
        if part.rating:
            text += f" {stars(part.rating)}"
        if part.liked:
            text += " ♥"
        if part.rewatch:
            text += " ↻"
        parts.append(text)
    return ", ".join(parts)


def viewings_table(rows: Sequence[ViewingRow]) -> "Table":
    built = table("ID", "Date", "Film", "Who · rating", "Tags", "Where", right=["ID"], dim=["ID"])
    built.columns[0].no_wrap = True
    built.columns[1].no_wrap = True
    for row in rows:
        watched = row.viewing.watched_on
        add_row(
            built,
            row.viewing.id,
            watched.isoformat() if watched else "—",
            label(row.film),
            who(row),
            ", ".join(row.tags),
            row.viewing.place,
        )
    return built


def viewings_tables(pages: Iterable[Sequence[ViewingRow]], width: int) -> "Iterator[Table]":
    """The listing a page at a time, printed as one table `width` wide (see `one_listing`)."""
    return one_listing((viewings_table(page) for page in pages), width)


def logged_line(result: LogResult) -> str:
    when = result.viewing.watched_on.isoformat() if result.viewing.watched_on else "an unknown date"
    people = []
    for part in result.attendees:
        person = result.people[part.person_id]
        text = person.name
        if part.rating:
            text += f" {stars(part.rating)}"
        if part.liked:
            text += " ♥"
        text += " (rewatch)" if part.rewatch else ""
        people.append(text)
    tags = f" [{', '.join(result.tags)}]" if result.tags else ""
    return (
        f"Logged {label(result.film)} on {when} for {', '.join(people)}{tags}"
        f" (entry {result.viewing.id})"
    )


def viewing_detail(row: ViewingRow) -> "Table":
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    watched = row.viewing.watched_on
    add_row(grid, "Entry", row.viewing.id)
    add_row(grid, "Film", label(row.film))
    add_row(grid, "Date", watched.isoformat() if watched else "unknown")
    if row.viewing.place:
        add_row(grid, "Where", row.viewing.place)
    if row.tags:
        add_row(grid, "Tags", ", ".join(row.tags))
    for person, part in row.attendees:
        bits = [stars(part.rating) or "no rating"]
        if part.liked:
            bits.append("♥ liked")
        bits.append("rewatch" if part.rewatch else "first time")
        if part.rewatch_by_hand:
            bits[-1] += " (set by hand)"
        add_row(grid, person.name, " · ".join(bits))
        if part.review:
            grid.add_row("", readable(part.review))
    return grid


def diary_reviews(rows: Sequence[ViewingRow]) -> "Table | None":
    """Each review written in the diary, under the day, the person and their rating (what
    `film show` prints below its viewings); None when nobody wrote one."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    found = False
    for row in rows:
        watched = row.viewing.watched_on.isoformat() if row.viewing.watched_on else "undated"
        for person, part in row.attendees:
            if not part.review:
                continue
            found = True
            said = Text(f"{watched} · ")
            said.append(escaped(person.name))
            if part.rating:
                said.append(f" {stars(part.rating)}")
            grid.add_row(said, readable(part.review))
    return grid if found else None


def person_dict(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "role": person.role, "default": person.is_default}


def people_table(people: Sequence[Person]) -> "Table":
    built = table("Name", "Role", "Default")
    for person in people:
        add_row(built, person.name, person.role, "✓" if person.is_default else "")
    return built


def films_table(rows: Sequence[FilmRow]) -> "Table":
    built = table("ID", "Film", "Viewings", "Last seen", right=["ID", "Viewings"], dim=["ID"])
    for row in rows:
        add_row(built, row.film.id, label(row.film), row.viewings, row.last_seen)
    return built
