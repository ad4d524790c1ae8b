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
    from diary.core.awards import award_history
    from diary.render.post_json import award_dict
    from diary.render.post_terminal import awards_table

    with context.session() as db:
        rows = award_history(db, theme)
    if json_:
        emit_json([award_dict(r) for r in rows])
    elif rows:
        show(awards_table(rows))
    else:
        say("No awards given yet: see `diary post award --help`.")


def register(app: typer.Typer) -> None:
    app.command("awards")(awards_cmd)
