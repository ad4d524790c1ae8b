"""`diary film`: add, show, list and alias films."""

import typer

from diary.cli import context
from diary.cli.output import emit_json, say, show

HELP = """Films: add, find, alias.

\b
Example:
  diary film add "Her" --year 2013
  diary film show her
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("add")
def film_add(
    title: str = typer.Argument(..., help="The film's title."),
    year: int | None = typer.Option(None, "--year", "-y", help="Release year."),
    imdb: str | None = typer.Option(None, "--imdb", help="IMDb id, e.g. tt1798709."),
    force: bool = typer.Option(False, "--force", help="Add even if the same title and year exist."),
) -> None:
    """Add a film by title and year.

    \b
    Example:
      diary film add "Her" --year 2013 --imdb tt1798709
    """
    from diary.core import films

    with context.session(write=True) as db:
        film = films.add_film(db, title, year, force=force)
        if imdb:
            films.set_external_id(db, film, "imdb", imdb.strip())
    say(f"Added {films.label(film)} (film {film.id}).")


@app.command("show")
def film_show(
    film: str = typer.Argument(..., help="Title, e.g. 'her' or 'Her (2013)'."),
    year: int | None = typer.Option(None, "--year", "-y"),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a film: ids, aliases, viewings, comments.

    \b
    Example:
      diary film show "her"
    """
    from diary.core import comments, films
    from diary.core.viewings import Filters, list_viewings
    from diary.render.diary import film_dict, viewing_dict, viewings_table

    with context.session() as db:
        found = context.film(db, film, year)
        names = [a.alias for a in films.aliases(db, found)]
        ids = films.external_ids(db, found)
        rows = list_viewings(db, Filters(film_id=found.id))
        remarks = comments.list_comments(db, film=found)
    if json_:
        data = film_dict(found) | {
            "aliases": names,
            "ids": ids,
            "viewings": [viewing_dict(r) for r in rows],
            "comments": {r.person.name: r.comment.text for r in remarks},
        }
        emit_json(data)
        return
    show(f"[bold]{films.label(found)}[/bold]  (film {found.id})")
    if ids:
        show("Ids: " + ", ".join(f"{k} {v}" for k, v in sorted(ids.items())))
    if names:
        show("Also known as: " + "; ".join(names))
    for remark in remarks:
        show(f"{remark.person.name}'s Spreadsheet comment: {remark.comment.text}")
    if rows:
        show(viewings_table(rows))
    else:
        show("Not seen yet.")


@app.command("list")
def film_list(
    search: str | None = typer.Argument(None, help="Only titles containing this."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List films with how often each was seen.

    \b
    Example:
      diary film list --limit 20
    """
    from diary.core.films import list_films
    from diary.render.diary import film_dict, films_table

    with context.session() as db:
        rows = list_films(db, search, limit)
    if json_:
        emit_json(
            [film_dict(r.film) | {"viewings": r.viewings, "last_seen": r.last_seen} for r in rows]
        )
    elif rows:
        show(films_table(rows))
    else:
        say("No films match.")


@app.command("alias")
def film_alias(
    film: str = typer.Argument(..., help="The film."),
    alias: str = typer.Argument(..., help="Another title it is known by."),
    year: int | None = typer.Option(None, "--year", "-y"),
) -> None:
    """Let another title find a film.

    \b
    Example:
      diary film alias "Sunset Blvd." "Sunset Boulevard" --year 1950
    """
    from diary.core import films

    with context.session(write=True) as db:
        found = context.film(db, film, year)
        films.add_alias(db, found, alias)
    say(f"{films.label(found)} is now also found by {alias!r}.")
