"""The diary commands: log, list, show, edit, delete."""

import sys
from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import (
    JSON_OPTION,
    JSONL_OPTION,
    console,
    emit_json,
    emit_json_list,
    emit_jsonl,
    say,
    show,
)

if TYPE_CHECKING:
    from datetime import date

    from sqlmodel import Session

    from diary.core.diary.viewings import Attendee


def _read_review(review: str | None) -> str | None:
    if review == "-":
        from diary.base.words import refuse_control

        return refuse_control(sys.stdin.read(), "a review").strip() or None
    return review


def _date(text: str | None) -> "date | None":
    from diary.base import clock
    from diary.core.diary.dates import parse_date

    return None if text is None else parse_date(text, clock.today())


def _rating(text: str | None) -> int | None:
    from diary.core.diary.ratings import parse_rating

    return None if text is None else parse_rating(text)


def _companions(db: "Session", entries: list[str]) -> "list[Attendee]":
    from diary.core.diary.viewings import Attendee

    found = []
    for entry in entries:
        name, _, rating = entry.partition("=")
        found.append(Attendee(context.person(db, name.strip()), _rating(rating or None)))
    return found


def log_cmd(
    film: str = typer.Argument(
        ..., metavar="FILM", help="Title as you would type it: 'her', 'Her (2013)'."
    ),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year (creates the film if new)."
    ),
    date: str = typer.Option(
        "today",
        "--date",
        "-d",
        metavar="DATE",
        help="When: 2025-01-26, today, yesterday, 'last friday', 'jan 26', '26 jan 2025'.",
    ),
    rating: str | None = typer.Option(
        None,
        "--rating",
        "-r",
        metavar="RATING",
        help="0.5 to 5 in half stars: 4.5, 4½, ★★★★½, 9/10.",
    ),
    by: str | None = typer.Option(None, "--by", metavar="NAME", help="Who watched (default: you)."),
    with_: list[str] = typer.Option(
        [],
        "--with",
        "-w",
        metavar="NAME[=RATING]",
        help="Someone else who watched, with their rating.",
    ),
    like: bool = typer.Option(False, "--like", help="Mark it liked (♥)."),
    rewatch: bool | None = typer.Option(
        None,
        "--rewatch/--first-time",
        help="Set the rewatch flag by hand (else the dates decide, and keep deciding).",
    ),
    where: str | None = typer.Option(
        None, "--where", metavar="TEXT", help="Where or how: 'DVD from the library', 'on a plane'."
    ),
    tag: list[str] = typer.Option([], "--tag", "-t", metavar="TAG", help="A tag; repeat for more."),
    review: str | None = typer.Option(
        None, "--review", metavar="TEXT|-", help="Your review; '-' reads it from stdin."
    ),
) -> None:
    """Log a viewing: one film, on one date, by one or more people.

    Each person present gets their own rating. The film leaves the watchlist of everyone who
    watched it.

    \b
    Example:
      diary log "Her" --year 2013 --date 2025-01-26 --rating 4.5 --with Tyler=4
      diary log her --date "last friday" --rating ★★★★ --where "on a plane" --tag bp
    """
    from diary.core.diary.viewings import Attendee, log_viewing
    from diary.render.diary import logged_line

    watched_on = _date(date)
    my_rating = _rating(rating)
    text = _read_review(review)
    context.ask_name_first(by)
    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        me = context.person(db, by)
        attendees = [Attendee(me, my_rating, like, rewatch, text)] + _companions(db, with_)
        chosen = context.film(db, film, year, create=True)
        result = log_viewing(db, chosen, watched_on, attendees, where, tag)
    say(logged_line(result))
    if result.removed_from_watchlist:
        say(
            f"Removed {chosen.title} from the watchlist of "
            f"{', '.join(result.removed_from_watchlist)}."
        )
    for note in result.notes:
        say(note)


def list_cmd(
    year: int | None = typer.Option(
        None, "--year", metavar="YEAR", help="Only viewings in this year."
    ),
    month: str | None = typer.Option(
        None, "--month", metavar="YYYY-MM", help="Only viewings in this month, e.g. 2025-01."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Only viewings with this person."
    ),
    film: str | None = typer.Option(
        None, "--film", metavar="FILM", help="Only viewings of this film ('Her (2013)')."
    ),
    tag: str | None = typer.Option(
        None, "--tag", metavar="TAG", help="Only viewings with this tag."
    ),
    rating_min: str | None = typer.Option(
        None,
        "--rating-min",
        metavar="RATING",
        help="Only viewings someone rated at least this (with --by: that person).",
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, metavar="N", help="At most this many rows."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the diary, newest first.

    Rows are read and printed a page at a time, so a diary of any size lists in the same
    memory; --jsonl suits tools that read a line at a time.

    \b
    Example:
      diary list --month 2025-01 --by Ellen --limit 20
      diary list --tag bestpicture --json
      diary list --jsonl > diary.jsonl
    """
    from diary.base.errors import InvalidInput
    from diary.core.diary.viewings import Filters, parse_month, viewing_pages
    from diary.render.diary import viewing_dict, viewings_tables

    if json_ and jsonl:
        raise InvalidInput("give --json or --jsonl, not both")
    filters = Filters(
        year=year,
        month=parse_month(month) if month else None,
        rating_min=_rating(rating_min),
        tag=tag,
        limit=limit,
    )
    with context.session() as db:
        if by is not None:
            filters.person_id = context.person(db, by).id
        if film is not None:
            filters.film_id = context.film(db, film).id
        pages = viewing_pages(db, filters)
        if json_ or jsonl:
            items = (viewing_dict(row) for page in pages for row in page)
            (emit_jsonl if jsonl else emit_json_list)(items)
            return
        shown = False
        for part in viewings_tables(pages, console().width):
            show(part)
            shown = True
    if not shown:
        say("No diary entries match.")


def show_cmd(
    entry: int = typer.Argument(..., metavar="ID", help="The entry's id (see `diary list`)."),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one diary entry with everyone's rating and review.

    \b
    Example:
      diary show 12
    """
    from diary.core.diary.viewings import get_viewing
    from diary.render.diary import viewing_detail, viewing_dict

    with context.session() as db:
        row = get_viewing(db, entry)
    if json_:
        emit_json(viewing_dict(row))
    else:
        show(viewing_detail(row))


def edit_cmd(
    entry: int = typer.Argument(..., metavar="ID", help="The entry's id."),
    film: str | None = typer.Option(None, "--film", metavar="FILM", help="Change the film."),
    year: int | None = typer.Option(
        None, "--year", metavar="YEAR", help="Year of the new film (creates it if new)."
    ),
    date: str | None = typer.Option(None, "--date", "-d", metavar="DATE", help="Change the date."),
    rating: str | None = typer.Option(
        None, "--rating", "-r", metavar="RATING", help="Change a rating."
    ),
    no_rating: bool = typer.Option(False, "--no-rating", help="Remove a rating."),
    by: str | None = typer.Option(
        None,
        "--by",
        metavar="NAME",
        help="Whose rating/like/rewatch/review changes (needed when several watched).",
    ),
    with_: list[str] = typer.Option(
        [], "--with", "-w", metavar="NAME[=RATING]", help="Add someone who watched."
    ),
    like: bool | None = typer.Option(None, "--like/--unlike", help="Set or clear the like."),
    rewatch: bool | None = typer.Option(
        None,
        "--rewatch/--first-time",
        help="Set the rewatch flag by hand (the dates no longer decide).",
    ),
    rewatch_from_dates: bool = typer.Option(
        False, "--rewatch-from-dates", help="Forget a flag set by hand: the dates decide again."
    ),
    where: str | None = typer.Option(
        None, "--where", metavar="TEXT", help="Change where or how ('' clears)."
    ),
    tag: list[str] | None = typer.Option(
        None, "--tag", "-t", metavar="TAG", help="Replace the tags; repeat for more."
    ),
    review: str | None = typer.Option(
        None, "--review", metavar="TEXT|-", help="Replace the review ('' removes); '-' reads stdin."
    ),
) -> None:
    """Change a diary entry; options left out stay as they are.

    A new date or film turns the rewatch flags of that person's other entries over to follow
    the dates, except flags set by hand.

    \b
    Example:
      diary edit 12 --rating 5 --by Tyler
      diary edit 12 --date 2025-01-25 --tag rewatch-night
    """
    from diary.base.errors import InvalidInput
    from diary.core.diary.viewings import Changes, edit_viewing
    from diary.render.diary import who

    if rating is not None and no_rating:
        raise InvalidInput("give --rating or --no-rating, not both")
    context.choose_film_first(film, year)
    changes = Changes(
        watched_on=_date(date),
        rating=_rating(rating),
        clear_rating=no_rating,
        liked=like,
        rewatch=rewatch,
        rewatch_from_dates=rewatch_from_dates,
        place=where,
        tags=list(tag) if tag else None,
        review=_read_review(review),
    )
    with context.session(write=True) as db:
        if by is not None:
            changes.person = context.person(db, by)
        if film is not None:
            changes.film = context.film(db, film, year, create=True)
        changes.add = _companions(db, with_)
        row, said = edit_viewing(db, entry, changes)
    say(f"Entry {entry}: {'; '.join(said)}. Now: {row.film.title}, {who(row)}")


def delete_cmd(
    entry: int = typer.Argument(..., metavar="ID", help="The entry's id."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Delete a diary entry (asks first on a terminal; scripts pass --yes).

    \b
    Example:
      diary delete 12 --yes
    """
    from diary.base.errors import InvalidInput
    from diary.core.diary.viewings import delete_viewing, get_viewing
    from diary.core.films.lookup import label

    if not yes:
        if not context.interactive():
            raise InvalidInput(f"deleting entry {entry} needs --yes when not at a terminal")
        from diary.cli.asking import confirm_destructive

        with context.session() as db:  # no write lock while the question waits for an answer
            row = get_viewing(db, entry)
        if not confirm_destructive(f"Delete entry {entry} ({label(row.film)})?"):
            say("Nothing deleted.")
            return
    with context.session(write=True) as db:
        row = delete_viewing(db, entry)
    say(f"Deleted entry {entry}: {label(row.film)}.")


def register(app: typer.Typer) -> None:
    app.command("log")(log_cmd)
    app.command("list")(list_cmd)
    app.command("show")(show_cmd)
    app.command("edit")(edit_cmd)
    app.command("delete")(delete_cmd)
