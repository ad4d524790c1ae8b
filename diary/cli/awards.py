"""`diary awards`: the all-time winners of the themed awards given in posts."""

import typer

from diary.cli import context
from diary.cli.output import emit_json, say, show


def awards_cmd(
    theme: str | None = typer.Option(
        None, "--theme", metavar="TEXT", help="Only this theme, e.g. 'Oscar NomNomNomz'."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List every themed award given in posts, post by post, with its winner.

    \b
    Example:
      diary awards --theme "Oscar NomNomNomz"
      diary awards --json
    """
    from diary.core.awards import award_history, themes
    from diary.core.post_document import load_post
    from diary.render.post_json import award_dict
    from diary.render.post_markdown import footnote_numbers
    from diary.render.post_terminal import awards_table

    with context.session() as db:
        rows = award_history(db, theme)
        known = themes(db) if not rows else []
        posts = {r.post.id: r.post for r in rows} if not json_ else {}
        numbers = {key: footnote_numbers(load_post(db, post)) for key, post in posts.items()}
    if json_:
        emit_json([award_dict(r) for r in rows])
    elif rows:
        show(awards_table(rows, numbers))
    elif known:
        say(f"No awards with the theme {theme!r}; themes given so far: {', '.join(known)}.")
    else:
        say("No awards given yet: see `diary post award --help`.")


def register(app: typer.Typer) -> None:
    app.command("awards")(awards_cmd)
