"""`diary stats`: figures about the diary, and `diary stats bp` for the Best Picture list."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from diary.base.words import escaped
from diary.cli import context
from diary.cli.output import emit_json, plain_stdout, say, show, show_text, width

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.core.stats.bestpicture import BestPictureStats
    from diary.core.stats.scope import Scope, Watcher
    from diary.render.lines import Line

YEAR = typer.Option(None, "--year", metavar="YEAR", help="Only this calendar year.")
START = typer.Option(None, "--from", metavar="DATE", help="Only viewings on or after DATE.")
END = typer.Option(None, "--to", metavar="DATE", help="Only viewings on or before DATE.")
BY = typer.Option(
    [], "--by", metavar="NAME", help="Only viewings with this person (repeat; default: everyone)."
)
JSON = typer.Option(False, "--json", help="Print every figure as JSON.")

app = typer.Typer(no_args_is_help=False, invoke_without_command=True)


def scope(
    db: "Session", year: int | None, start: str | None, end: str | None, by: list[str]
) -> "Scope":
    """The period and people asked for; everyone when --by is left out."""
    from diary.core.stats.scope import everyone, make_scope

    if by:
        named = [context.person(db, name) for name in by]
        return make_scope(year, start, end, list({p.id: p for p in named}.values()), True)
    return make_scope(year, start, end, everyone(db), False)


@app.callback()
def stats(
    ctx: typer.Context,
    year: int | None = YEAR,
    start: str | None = START,
    end: str | None = END,
    by: list[str] = BY,
    json_: bool = JSON,
    html: Path | None = typer.Option(
        None, "--html", metavar="FILE", help="Write a standalone year-in-review page to FILE."
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """What you watched: counts, months and weekdays, ratings, company, the best and worst.

    Viewings and films, first watches and rewatches, per month and weekday (undated viewings
    count in the totals only), each person's ratings, release decades, tags and places, the
    longest streak, who watches with whom, hours watched where runtimes are known, the
    highest- and lowest-rated films and where co-viewers disagreed most. `--html` writes a
    year-in-review page with the charts, readable offline and without scripts.

    \b
    Example:
      diary stats --year 2024
      diary stats --from 2024-06-01 --to 2024-08-31 --by Ellen --json
      diary stats --year 2024 --html year-2024.html
      diary stats bp
    """
    if ctx.invoked_subcommand is not None:
        return
    from diary.core.stats.overview import diary_stats

    if html is not None:
        from diary.store.files import check_target

        check_target(html, force)
    with context.session() as db:
        found = diary_stats(db, scope(db, year, start, end, by))
        bp = bp_for(db, found.scope.people) if html is not None else None
    if html is not None:
        from diary.render.year_page import year_page
        from diary.store.files import write_atomic

        write_atomic(html, year_page(found, bp), force=force)
        say(f"Wrote {html}.")
        return
    if json_:
        from diary.render.stats_json import stats_dict

        emit_json(stats_dict(found))
        return
    from diary.render.stats_view import stats_view

    _show_lines(stats_view(found, width()))


def _show_lines(lines: list["Line"]) -> None:
    """Plain text when piped (rich is not even loaded), rich's styles at a terminal."""
    from diary.render.lines import as_rich, as_text

    show_text(escaped(as_text(lines))) if plain_stdout() else show(as_rich(lines))


def bp_for(db: "Session", people: list["Watcher"]) -> "BestPictureStats":
    """Best Picture progress of these people (the checklists count stored people)."""
    from diary.core.diary.people import list_people
    from diary.core.stats.bestpicture import bp_stats

    stored = {p.id: p for p in list_people(db)}
    return bp_stats(db, [stored[p.id] for p in people if p.id in stored])


@app.command("bp")
def stats_bp(
    by: list[str] = BY,
    ceremonies: bool = typer.Option(False, "--ceremonies", help="Also a row per ceremony."),
    json_: bool = JSON,
) -> None:
    """Best Picture progress over time, by decade and ceremony, and what everyone has seen.

    Each nominee counts from the date of a person's first diary entry of it; nominees ticked
    by hand or seen only on undated entries count from the start.

    \b
    Example:
      diary stats bp
      diary stats bp --by Ellen --by Tyler --ceremonies
      diary stats bp --json
    """
    from diary.core.diary.people import list_people
    from diary.core.stats.bestpicture import bp_stats

    with context.session() as db:
        named = [context.person(db, name) for name in by]
        people = list({p.id: p for p in named}.values()) if by else list_people(db)
        found = bp_stats(db, people)
    if json_:
        from diary.render.stats_json import bp_stats_dict

        emit_json(bp_stats_dict(found))
        return
    from diary.render.stats_view import bp_stats_view

    _show_lines(bp_stats_view(found, width(), ceremonies))
