"""`diary awards`: the all-time winners of the themed awards given in posts."""

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing


def awards_cmd(
    theme: str | None = typer.Option(
        None, "--theme", metavar="TEXT", help="Only this theme, e.g. 'Oscar NomNomNomz'."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List every themed award given in posts, post by post, with its winner.

    \b
    Example:
      diary awards --theme "Oscar NomNomNomz"
      diary awards --json
    """
    from diary.core.posts.awards import award_history, themes
    from diary.core.posts.document import load_post
    from diary.core.posts.plan import export_plan
    from diary.render.post_json import award_dict
    from diary.render.post_markdown import footnote_numbers
    from diary.render.post_terminal import awards_table

    with context.session() as db:
        rows = award_history(db, theme)
        known = themes(db) if not rows else []
        posts = {r.post.id: r.post for r in rows} if not (json_ or jsonl) else {}
        numbers = {
            key: footnote_numbers(export_plan(load_post(db, post))) for key, post in posts.items()
        }
    empty = "No awards given yet: see `diary post award --help`."
    if known:
        empty = f"No awards with the theme {theme!r}; themes given so far: {', '.join(known)}."
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=award_dict,
        table=lambda rows: awards_table(rows, numbers),
        empty=empty,
    )


def register(app: typer.Typer) -> None:
    app.command("awards")(awards_cmd)
