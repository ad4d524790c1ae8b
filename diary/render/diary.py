"""Viewings, people, films, watchlists and comments as JSON-ready dicts and rich tables."""

from collections.abc import Sequence
from typing import Any

from rich.table import Table

from diary.core.films import FilmRow, label
from diary.core.ratings import as_number, stars
from diary.core.viewings import LogResult, ViewingRow
from diary.store.models import Film, Person


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


def viewings_table(rows: Sequence[ViewingRow]) -> Table:
    table = Table(title=None, show_lines=False)
    table.add_column("ID", justify="right", style="dim")
    table.add_column("Date", no_wrap=True)
    table.add_column("Film")
    table.add_column("Who · rating")
    table.add_column("Tags")
    table.add_column("Where")
    for row in rows:
        watched = row.viewing.watched_on
        table.add_row(
            str(row.viewing.id),
            watched.isoformat() if watched else "—",
            label(row.film),
            who(row),
            ", ".join(row.tags),
            row.viewing.place or "",
            end_section=False,
        )
    return table


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


def viewing_detail(row: ViewingRow) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    watched = row.viewing.watched_on
    table.add_row("Entry", str(row.viewing.id))
    table.add_row("Film", label(row.film))
    table.add_row("Date", watched.isoformat() if watched else "unknown")
    if row.viewing.place:
        table.add_row("Where", row.viewing.place)
    if row.tags:
        table.add_row("Tags", ", ".join(row.tags))
    for person, part in row.attendees:
        bits = [stars(part.rating) or "no rating"]
        if part.liked:
            bits.append("♥ liked")
        bits.append("rewatch" if part.rewatch else "first time")
        table.add_row(person.name, " · ".join(bits))
        if part.review:
            table.add_row("", part.review)
    return table


def person_dict(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "role": person.role, "default": person.is_default}


def people_table(people: Sequence[Person]) -> Table:
    table = Table()
    table.add_column("Name")
    table.add_column("Role")
    table.add_column("Default")
    for person in people:
        table.add_row(person.name, person.role or "", "✓" if person.is_default else "")
    return table


def films_table(rows: Sequence[FilmRow]) -> Table:
    table = Table()
    table.add_column("ID", justify="right", style="dim")
    table.add_column("Film")
    table.add_column("Viewings", justify="right")
    table.add_column("Last seen")
    for row in rows:
        table.add_row(str(row.film.id), label(row.film), str(row.viewings), row.last_seen or "")
    return table
