"""`diary post chart`: a chart of the diary in a post, drawn afresh at every export."""

from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import say
from diary.cli.post_pieces import POST

if TYPE_CHECKING:
    from diary.render.post_charts import Placed
    from diary.render.post_markdown import Exported


def post_chart(
    post: str = POST,
    kind: str = typer.Argument(
        ..., metavar="KIND", help="viewings-per-month, ratings, bp-progress or bp-decades."
    ),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="Where it goes (default: the first prose one)."
    ),
    year: int | None = typer.Option(None, "--year", metavar="YEAR", help="Only this year."),
) -> None:
    """Add a chart to a section of the post.

    The chart is drawn from the diary whenever the post is exported or previewed. `post
    export -o FILE` writes each chart as an SVG beside FILE and refers to it with its alt
    text; `post preview --html` shows it in the page. `post clear` removes it like any piece.

    \b
    Example:
      diary post chart 12 bp-progress
      diary post chart 12 ratings --year 2024 --section next
    """
    from diary.core.posts.charts import add_chart, chart_text, default_section
    from diary.core.posts.lifecycle import find_section, resolve_post

    chart_text(kind, year)  # an unknown kind fails before the write lock is taken
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = find_section(db, found, section) if section else default_section(db, found)
        message = add_chart(db, found, target, kind, year)
    say(message)


def charted(post: str, stem: str) -> tuple["Exported", list["Placed"]]:
    """The post's Markdown with a marker where each chart goes, and the charts."""
    from diary.cli.charts import chart_of
    from diary.cli.stats import scope
    from diary.core.posts.charts import post_charts
    from diary.core.posts.document import load_post
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.plan import export_plan
    from diary.render.post_charts import place
    from diary.render.post_markdown import post_markdown

    with context.session() as db:
        doc = load_post(db, resolve_post(db, post))
        drawn = [
            (c.entry.id or 0, chart_of(db, c.kind, scope(db, c.year, None, None, [])))
            for c in post_charts(doc)
        ]
    marked, placed = place(doc, drawn, stem)
    return post_markdown(export_plan(marked)), placed


def register(app: typer.Typer) -> None:
    app.command("chart")(post_chart)
