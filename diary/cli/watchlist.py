"""`diary watchlist`: films to see, per person."""

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, data_line, emit_json, listing, say

HELP = """Films to see: add, list, remove, pick.

\b
Example:
  diary watchlist add "Rocky" --year 1976
  diary watchlist pick --oldest
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


def _decade(text: str | None) -> int | None:
    from diary.base.errors import InvalidInput

    if text is None:
        return None
    digits = text.strip().lower().rstrip("s")
    if len(digits) == 4 and digits.isdigit() and digits.endswith("0"):
        return int(digits)
    raise InvalidInput(f"not a decade: {text!r}: use e.g. 1970s")


@app.command("add")
def watchlist_add(
    film: str = typer.Argument(..., metavar="FILM", help="The film: 'Rocky', 'Rocky (1976)'."),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year (creates the film if new)."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Whose watchlist (default: yours)."
    ),
    priority: int | None = typer.Option(
        None, "--priority", "-p", metavar="N", help="Higher comes first (default 0)."
    ),
    note: str | None = typer.Option(None, "--note", metavar="TEXT", help="Why it is on the list."),
) -> None:
    """Put a film on a watchlist (again: update its priority and note).

    \b
    Example:
      diary watchlist add "Rocky" --year 1976 --priority 2 --note "next post"
    """
    from diary.core.diary import watchlist
    from diary.core.films.lookup import label

    context.ask_name_first(by)
    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        who = context.person(db, by)
        chosen = context.film(db, film, year, create=True)
        _, created = watchlist.add(db, chosen, who, priority, note)
    verb = "Added" if created else "Updated"
    say(f"{verb} {label(chosen)} on {who.name}'s watchlist.")


@app.command("list")
def watchlist_list(
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Only this person's watchlist."
    ),
    decade: str | None = typer.Option(
        None, "--decade", metavar="DECADE", help="Only films of a decade, e.g. 1970s."
    ),
    min_priority: int | None = typer.Option(
        None, "--min-priority", metavar="N", help="Only films at least this high."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List watchlists, highest priority first, then longest waiting.

    \b
    Example:
      diary watchlist list --by Ellen
    """
    from diary.core.diary import watchlist
    from diary.render.watchlist import watchlist_dict, watchlist_table

    with context.session() as db:
        who = context.person(db, by) if by else None
        rows = watchlist.rows(db, who, _decade(decade), min_priority)
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=watchlist_dict,
        table=watchlist_table,
        empty="The watchlist is empty.",
    )


@app.command("remove")
def watchlist_remove(
    film: str = typer.Argument(..., metavar="FILM", help="The film."),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year, when titles clash."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Whose watchlist (default: yours)."
    ),
) -> None:
    """Take a film off a watchlist.

    \b
    Example:
      diary watchlist remove "Rocky"
    """
    from diary.core.diary import watchlist
    from diary.core.films.lookup import label

    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        who = context.person(db, by)
        chosen = context.film(db, film, year)
        watchlist.remove(db, chosen, who)
    say(f"Removed {label(chosen)} from {who.name}'s watchlist.")


@app.command("pick")
def watchlist_pick(
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Only this person's watchlist."
    ),
    oldest: bool = typer.Option(
        False, "--oldest", help="The film waiting longest, not a random one."
    ),
    decade: str | None = typer.Option(
        None, "--decade", metavar="DECADE", help="Only films of a decade, e.g. 1970s."
    ),
    min_priority: int | None = typer.Option(
        None, "--min-priority", metavar="N", help="Only films at least this high."
    ),
    seed: int | None = typer.Option(
        None, "--seed", metavar="N", help="Make the random pick repeatable."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Pick something to watch from the watchlist.

    \b
    Example:
      diary watchlist pick --decade 1970s
      diary watchlist pick --oldest --by Tyler
    """
    from diary.core.diary import watchlist
    from diary.core.films.lookup import label
    from diary.render.watchlist import watchlist_dict

    with context.session() as db:
        who = context.person(db, by) if by else None
        row = watchlist.pick(
            db, who, "oldest" if oldest else "random", _decade(decade), min_priority, seed
        )
    if json_:
        emit_json(watchlist_dict(row))
    else:
        note = f" — {row.entry.note}" if row.entry.note else ""
        data_line(f"{label(row.film)} (from {row.person.name}'s watchlist){note}")
