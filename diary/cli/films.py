"""`diary film`: add, show, list, alias and delete films; import facts from saved pages."""

from typing import TYPE_CHECKING

import typer

from diary.base.words import counted
from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, emit_json, listing, say, show

HELP = """Films: add, show, list, alias, delete, and facts from saved pages.

\b
Example:
  diary film add "Her" --year 2013
  diary film import-page her-wikipedia.txt
  diary film show her
"""

if TYPE_CHECKING:
    from diary.core.films.details import FilmDetails

app = typer.Typer(no_args_is_help=True, help=HELP)

FILM_HELP = "Title, e.g. 'her' or 'Her (2013)'."
YEAR_HELP = "Release year, to tell same-titled films apart."


@app.command("add")
def film_add(
    title: str = typer.Argument(..., metavar="TITLE", help="The film's title."),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help="Release year."),
    imdb: str | None = typer.Option(None, "--imdb", metavar="ID", help="IMDb id, e.g. tt1798709."),
    force: bool = typer.Option(False, "--force", help="Add even if the same title and year exist."),
) -> None:
    """Add a film by title and year.

    \b
    Example:
      diary film add "Her" --year 2013 --imdb tt1798709
    """
    from diary.core.films import lookup as films

    with context.session(write=True) as db:
        film = films.add_film(db, title, year, force=force)
        if imdb:
            films.set_external_id(db, film, "imdb", imdb.strip())
    say(f"Added {films.label(film)} (film {film.id}).")


@app.command("show")
def film_show(
    film: str = typer.Argument(..., metavar="FILM", help=FILM_HELP),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help=YEAR_HELP),
    full: bool = typer.Option(
        False, "--full", help="Every fun fact, section, review and the whole synopsis."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show a film: ids, aliases, facts, scores, Best Picture nominations, reviews, viewings.

    Reviews written in the diary (or imported from Letterboxd, HTML and all) follow the
    viewings, as readable text.

    Facts, scores and reviews come from pages imported with `diary film import-page`; each
    shows its source, and scores the date they were recorded.

    \b
    Example:
      diary film show "her"
      diary film show "Her (2013)" --full
    """
    from diary.core.films.details import film_details

    with context.session() as db:
        details = film_details(db, context.film(db, film, year))
    if json_:
        from diary.render.diary import film_dict, viewing_dict
        from diary.render.facts import details_dict

        emit_json(
            film_dict(details.film)
            | {
                "aliases": details.aliases,
                "ids": details.ids,
                "viewings": [viewing_dict(r) for r in details.viewings],
                "comments": {r.person.name: r.comment.text for r in details.comments},
            }
            | details_dict(details)
        )
        return
    _show_details(details, full)


def _show_details(details: "FilmDetails", full: bool) -> None:
    from diary.render import facts as render
    from diary.render.diary import diary_reviews, viewings_table

    for line in render.film_lines(details):
        show(line)
    if details.facts:
        show(render.facts_table(details.facts, full))
    if details.scores:
        show(render.scores_table(details.scores))
    if details.reviews:
        show(render.reviews_table(details.reviews, full))
    for line in render.comment_lines(details) + render.opinion_lines(details):
        show(line)
    if details.viewings:
        show(viewings_table(details.viewings))
        if (reviews := diary_reviews(details.viewings)) is not None:
            show(reviews)
    else:
        show("Not seen yet.")


@app.command("list")
def film_list(
    search: str | None = typer.Argument(None, metavar="TEXT", help="Only titles containing this."),
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, metavar="N", help="At most N films."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List films with how often each was seen.

    \b
    Example:
      diary film list --limit 20
    """
    from diary.core.films.lookup import list_films
    from diary.render.diary import film_dict, films_table

    with context.session() as db:
        rows = list_films(db, search, limit)
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=lambda r: film_dict(r.film) | {"viewings": r.viewings, "last_seen": r.last_seen},
        table=films_table,
        empty="No films match.",
    )


@app.command("alias")
def film_alias(
    film: str = typer.Argument(..., metavar="FILM", help="The film."),
    alias: str = typer.Argument(..., metavar="ALIAS", help="Another title it is known by."),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help=YEAR_HELP),
) -> None:
    """Let another title find a film.

    \b
    Example:
      diary film alias "Sunset Blvd." "Sunset Boulevard" --year 1950
    """
    from diary.core.films import lookup as films

    with context.session(write=True) as db:
        found = context.film(db, film, year)
        films.add_alias(db, found, alias)
    say(f"{films.label(found)} is now also found by {alias!r}.")


@app.command("import-page")
def film_import_page(
    page: str = typer.Argument(
        ...,
        metavar="FILE",
        help="A saved page: Wikipedia article (text or HTML), Metacritic film page (HTML), "
        "or a review article (text or HTML); '-' reads standard input. An http(s) address "
        "is fetched first.",
    ),
    film: str | None = typer.Option(
        None, "--film", metavar="FILM", help="The film it is about (default: what the page says)."
    ),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help=YEAR_HELP),
    json_: bool = typer.Option(False, "--json", help="Print what was found and changed as JSON."),
) -> None:
    """Store what a saved page says about a film: facts, scores, reviews.

    The page's kind is recognised from its content. Its title and year pick the film (added
    if new) unless --film is given. Prints what was found; says on stderr what changed.
    Importing the same page again changes nothing. Facts keep their source: where Wikipedia
    and Metacritic disagree, both are kept.

    \b
    Example:
      diary film import-page ~/Downloads/her-wikipedia.txt
      diary film import-page her-metacritic.html --film "Her (2013)"
      diary film import-page review.txt --film her --json
      pbpaste | diary film import-page - --film her
    """
    from diary.core.films.facts import import_page
    from diary.importers.pages import read_page
    from diary.render import facts as render

    if year is not None and film is None:
        from diary.base.errors import InvalidInput

        raise InvalidInput("--year tells apart films named by --film; give --film too")
    loaded = read_page(page)  # read and understood before the database is opened
    with context.session(write=True) as db:
        chosen = context.film(db, film, year) if film is not None else None
        result = import_page(db, loaded.findings, loaded.digest, chosen)
    if json_:
        emit_json(render.import_dict(result))
    else:
        show(render.heading(result))
        show(render.found_table(result.findings))
    for line in render.changed_lines(result):
        say(line)


@app.command("delete")
def film_delete(
    film: str = typer.Argument(..., metavar="FILM", help=FILM_HELP),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help=YEAR_HELP),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a film with its aliases, ids, facts, scores, reviews and watchlist places.

    Refused while the film has diary entries, posts, checklist places (Best Picture
    nominees stay) or picks: remove those first. Asks first on a terminal; scripts pass --yes.

    \b
    Example:
      diary film delete "Hre (2013)" --yes
    """
    from diary.base.errors import InvalidInput
    from diary.core.films import lookup as films

    context.choose_film_first(film, year)
    if not yes:  # ask before the write transaction: never hold the lock while asking
        with context.session() as db:
            found = context.film(db, film, year)
            plan = films.deletion_plan(db, found)
        plan.refuse_if_kept()
        if not context.interactive():
            raise InvalidInput(f"deleting {films.label(found)} needs --yes when not at a terminal")
        from diary.cli.asking import confirm_destructive

        extra = ", ".join(counted(n, what) for what, n in plan.removes.items())
        question = f"Delete {films.label(found)}" + (f" with {extra}" if extra else "") + "?"
        if not confirm_destructive(question):
            say("Nothing deleted.")
            return
    with context.session(write=True) as db:
        found = context.film(db, film, year)
        done = films.delete_film(db, found)
    extra = ", ".join(counted(n, what) for what, n in done.removes.items())
    say(f"Deleted {films.label(found)}" + (f" with {extra}." if extra else "."))
