"""`diary chart KIND -o FILE`: one chart of the diary as an SVG or PNG picture."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import say
from diary.cli.stats import BY, END, START, YEAR, bp_for, scope

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.core.stats.scope import Scope
    from diary.render.charts import Chart


def chart(
    kind: str = typer.Argument(
        ...,
        metavar="KIND",
        help="viewings-per-month, ratings, bp-progress or bp-decades.",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", metavar="FILE", help="The picture to write: FILE.svg or FILE.png."
    ),
    year: int | None = YEAR,
    start: str | None = START,
    end: str | None = END,
    by: list[str] = BY,
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Draw a chart of the diary into an SVG or PNG file, with alt text.

    The same data always gives the same file. The alt text is printed and stored in the
    picture (an SVG title and description, PNG text fields). Charts have their own light
    background, so they read the same on light and dark pages.

    \b
    Example:
      diary chart viewings-per-month --year 2024 -o months.svg
      diary chart ratings --by Ellen --by Tyler -o ratings.png
      diary chart bp-progress -o bp.svg
    """
    from diary.base.errors import InvalidInput
    from diary.render.chart_draw import FORMATS, draw
    from diary.render.charts import check_kind, needs_bp
    from diary.store.files import check_target, write_atomic

    check_kind(kind)
    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidInput(
            f"cannot tell the picture's format from {output.name!r}: end it in .svg or .png"
        )
    check_target(output, force)
    if needs_bp(kind) and (year is not None or start is not None or end is not None):
        say("Note: the Best Picture charts cover all time; the period is left out.")
    with context.session() as db:
        found = chart_of(db, kind, scope(db, year, start, end, by))
    write_atomic(output, draw(found, fmt), force=force)
    say(f"Wrote {output}. Alt text: {found.alt}")


def chart_of(db: "Session", kind: str, asked: "Scope") -> "Chart":
    """The chart's spec, from the figures it needs."""
    from diary.render import charts

    if charts.needs_bp(kind):
        bp = bp_for(db, asked.people)
        return charts.bp_progress(bp) if kind == "bp-progress" else charts.bp_decades(bp)
    from diary.core.stats.overview import diary_stats

    if kind == "viewings-per-month":
        return charts.viewings_per_month(diary_stats(db, asked, only=["calendar"]))
    return charts.ratings(diary_stats(db, asked, only=["people"]))


def register(app: typer.Typer) -> None:
    app.command("chart")(chart)
