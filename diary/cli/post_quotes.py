"""`diary post reviews|quote`: quoting the critics' reviews of the film and the diary's own."""

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing, say
from diary.cli.post_pieces import POST


def post_reviews(
    post: str = POST,
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the reviews of the post's film, numbered for `post quote`.

    Critics' reviews come from Metacritic pages and review articles imported with
    `diary film import-page`; after them come the reviews written in the diary (those
    imported from Letterboxd too), shown as readable text.

    \b
    Example:
      diary post reviews 12
    """
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.quotes import quotables
    from diary.render.post_json import quotable_dict
    from diary.render.post_terminal import quotables_table

    with context.session() as db:
        chosen = resolve_post(db, post)
        filmless, found = chosen.film_id is None, quotables(db, chosen)
    empty = "No reviews yet: import a Metacritic page or a review with `diary film import-page`."
    if filmless:
        empty = f"Post {chosen.number} is about no film, so no reviews wait for it."
    listing(
        found,
        json_=json_,
        jsonl=jsonl,
        as_dict=quotable_dict,
        table=quotables_table,
        empty=empty,
    )


def post_quote(
    post: str = POST,
    number: int = typer.Argument(..., metavar="N", help="The review's number in `post reviews`."),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="The facts section (default: the only one)."
    ),
) -> None:
    """Quote a review in Wiki-Wiki-Whaaat?: its excerpt, critic, outlet and score.

    A review written in the diary is quoted by its first words, with its emphasis and links
    as Markdown (Letterboxd's HTML is never copied into the post).

    The quote is a fact like any other: remark on it with `post say`, take it out with
    `post clear`.

    \b
    Example:
      diary post reviews 12
      diary post quote 12 2
    """
    from diary.core.posts.lifecycle import resolve_post, section_for
    from diary.core.posts.quotes import add_quote

    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = section_for(db, found, "facts", section)
        message = add_quote(db, found, target, number)
    say(message)


def register(app: typer.Typer) -> None:
    app.command("reviews")(post_reviews)
    app.command("quote")(post_quote)
