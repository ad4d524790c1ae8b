"""`diary comment`: Spreadsheet comments, one per person per film."""

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing, say

app = typer.Typer(
    no_args_is_help=True,
    help="Spreadsheet comments: one short remark per person per film.\n\n\b\nExample:\n"
    '  diary comment add "Her" --by Tyler "quietly devastating"\n  diary comment list --by Tyler',
)


@app.command("add")
def comment_add(
    film: str = typer.Argument(..., metavar="FILM", help="The film: 'Her', 'Her (2013)'."),
    text: str = typer.Argument(..., metavar="TEXT", help="The comment."),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year (creates the film if new)."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Whose comment (default: yours)."
    ),
) -> None:
    """Write (or rewrite) a Spreadsheet comment; a rewrite keeps the first date.

    \b
    Example:
      diary comment add "Her" --by Tyler "a quiet love story about software, in a good way"
    """
    from diary.core.diary.comments import set_comment
    from diary.core.films.lookup import label

    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        who = context.person(db, by)
        chosen = context.film(db, film, year, create=True)
        _, created = set_comment(db, chosen, who, text)
    say(f"{'Saved' if created else 'Updated'} {who.name}'s comment on {label(chosen)}.")


@app.command("remove")
def comment_remove(
    film: str = typer.Argument(..., metavar="FILM", help="The film: 'Her', 'Her (2013)'."),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year, when titles clash."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Whose comment (default: yours)."
    ),
) -> None:
    """Remove a Spreadsheet comment; its cell in the next export is empty.

    \b
    Example:
      diary comment remove "Her" --by Tyler
    """
    from diary.core.diary.comments import remove_comment
    from diary.core.films.lookup import label

    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        who = context.person(db, by)
        chosen = context.film(db, film, year)
        remove_comment(db, chosen, who)
    say(f"Removed {who.name}'s comment on {label(chosen)}.")


@app.command("list")
def comment_list(
    film: str | None = typer.Argument(None, metavar="FILM", help="Only comments on this film."),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="Release year, when titles clash."
    ),
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Only this person's comments."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List Spreadsheet comments.

    \b
    Example:
      diary comment list "Her"
      diary comment list --by Ellen --json
    """
    from diary.core.diary.comments import list_comments
    from diary.render.comments import comment_dict, comments_table

    with context.session() as db:
        chosen = context.film(db, film, year) if film else None
        who = context.person(db, by) if by else None
        rows = list_comments(db, chosen, who)
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=comment_dict,
        table=comments_table,
        empty="No comments match.",
    )
