"""`diary bp`: the Best Picture checklist: ticks, progress, picks, The Spreadsheet."""

from typing import TYPE_CHECKING

import typer

from diary.cli import bp_files, bp_picks, context
from diary.cli.output import (
    JSON_OPTION,
    JSONL_OPTION,
    console,
    data_line,
    emit_json,
    listing,
    say,
    show,
)

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.core.checklists.entries import Entry
    from diary.store.models import Checklist, Film

HELP = """The Best Picture checklist: tick, progress, picks, The Spreadsheet.

Every nominee since 1927/28 ships built in; a person has seen a nominee when they logged it
or ticked it by hand. `bp` is the short name of the list in `diary checklist` too.

\b
Example:
  diary bp progress
  diary bp list --decade 1970s --unseen-by Ellen
  diary bp tick "Sunset Boulevard" --by Ellen --by Tyler
"""

app = typer.Typer(no_args_is_help=True, help=HELP)

CEREMONY = typer.Option(None, "--ceremony", "-c", metavar="N", help="Only ceremony N (1 to 98…).")
# Shared with `checklist show`: the same tick columns and filters on any list.
TICK_COLUMNS = typer.Option(
    [], "--by", metavar="NAME", help="A tick column for this person (default: everyone)."
)
SEEN_BY = typer.Option([], "--seen-by", metavar="NAME", help="Only films this person has seen.")
UNSEEN_BY = typer.Option(
    [], "--unseen-by", metavar="NAME", help="Only films this person has not seen."
)


def nominee(db: "Session", checklist: "Checklist", text: str, ceremony: int | None) -> "Entry":
    """The one entry `text` names; on a TTY an ambiguous title becomes a choice."""
    from diary.base.errors import Ambiguous
    from diary.core.checklists.entries import find_entries

    try:
        return find_entries(db, checklist, text, ceremony)[0]
    except Ambiguous as exc:
        if not context.interactive():
            raise
        import questionary

        from diary.cli import asking
        from diary.core.films.lookup import label

        choices = [
            questionary.Choice(f"{label(e.film)} — {e.where}", value=e) for e in exc.candidates
        ]
        chosen: Entry = asking.select(f"Which {text!r}?", choices)
        return chosen


def nominees(texts: list[str], ceremony: int | None) -> list[int]:
    """The film ids the texts name, found before any write: a menu never holds the lock."""
    from diary.core.checklists.lists import best_picture

    with context.session() as db:
        checklist = best_picture(db)
        return [nominee(db, checklist, text, ceremony).film.id or 0 for text in texts]


def film(db: "Session", film_id: int) -> "Film":
    from diary.base.errors import NotFound
    from diary.store.models import Film

    found = db.get(Film, film_id)
    if found is None:
        raise NotFound(f"film {film_id} was deleted meanwhile; nothing changed")
    return found


@app.command("list")
def bp_list(
    ceremony: int | None = CEREMONY,
    decade: str | None = typer.Option(
        None, "--decade", metavar="DECADE", help="Only films of a decade, e.g. 1970s."
    ),
    year: int | None = typer.Option(None, "--year", metavar="YEAR", help="Only films of a year."),
    winners: bool = typer.Option(False, "--winners", help="Only the winners."),
    by: list[str] = TICK_COLUMNS,
    seen_by: list[str] = SEEN_BY,
    unseen_by: list[str] = UNSEEN_BY,
    seen_by_none: bool = typer.Option(
        False, "--seen-by-none", help="Only films nobody in the tick columns has seen."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the nominees with a tick column per person, the winner marked, and coverage.

    "Covered" shows ✓ when the newsletter has published a post on the film, or the status
    of the post in the works.

    \b
    Example:
      diary bp list --ceremony 86
      diary bp list --decade 1950s --winners --unseen-by Tyler
      diary bp list --year 2019 --seen-by-none --json
    """
    from diary.core.checklists.entries import Filters, entries, parse_decade
    from diary.core.checklists.lists import best_picture
    from diary.render.bp import entries_text, entry_dict

    filters = Filters(
        group=ceremony,
        decade=parse_decade(decade) if decade else None,
        year=year,
        winners=winners,
        seen_by_none=seen_by_none,
    )
    with context.session() as db:
        shown = context.people(db, by, everyone=True)
        filters.seen_by = [context.person(db, name) for name in seen_by]
        filters.unseen_by = [context.person(db, name) for name in unseen_by]
        rows = entries(db, best_picture(db), shown, filters)
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=lambda row: entry_dict(row, shown),
        table=lambda rows: entries_text(rows, shown, console().width),
        empty="No nominees match.",
    )


@app.command("tick")
def bp_tick(
    films: list[str] = typer.Argument(
        ..., metavar="FILM...", help="Nominees: 'Sunset Boulevard', 'Little Women (2019)', tt…"
    ),
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Who has seen them (repeat; default: you)."
    ),
    ceremony: int | None = CEREMONY,
) -> None:
    """Tick nominees as seen by hand, for films seen long ago (no diary entry needed).

    A title may carry its year, one off is fine; --ceremony settles a title nominated twice.

    \b
    Example:
      diary bp tick "Sunset Boulevard" --by Ellen --by Tyler
      diary bp tick "Little Women" --ceremony 92
      diary bp tick Wings "The Broadway Melody" Cimarron
    """
    from diary.core.checklists.bestpicture import tick_films

    context.ask_name_first(by[0] if by else None)
    chosen = nominees(films, ceremony)
    with context.session(write=True) as db:
        who = context.people(db, by, everyone=False)
        lines = tick_films(db, who, [film(db, film_id) for film_id in chosen])
    for line in lines:
        say(line)


@app.command("untick")
def bp_untick(
    films: list[str] = typer.Argument(..., metavar="FILM...", help="Nominees to untick."),
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Whose tick goes (repeat; default: yours)."
    ),
    ceremony: int | None = CEREMONY,
) -> None:
    """Remove hand ticks. A film with a diary entry stays seen: delete the entry instead.

    \b
    Example:
      diary bp untick "Cimarron" --by Tyler
    """
    from diary.core.checklists.bestpicture import untick_films

    context.ask_name_first(by[0] if by else None)
    chosen = nominees(films, ceremony)
    with context.session(write=True) as db:
        who = context.people(db, by, everyone=False)
        lines = untick_films(db, who, [film(db, film_id) for film_id in chosen])
    for line in lines:
        say(line)


@app.command("progress")
def bp_progress(
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Whose progress (repeat; default: everyone)."
    ),
    ceremonies: bool = typer.Option(False, "--ceremonies", help="Add a row per ceremony."),
    summary_only: bool = typer.Option(
        False, "--summary", help="Print only the one-line summary for the newsletter."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON (every ceremony included)."),
) -> None:
    """Show how far everyone is: overall, winners, per decade and per ceremony, together.

    Together means seen by both (all) of the people, by either (at least one), or by neither.
    The last line is a summary to paste into the newsletter.

    \b
    Example:
      diary bp progress
      diary bp progress --by Ellen --by Tyler --ceremonies
      diary bp progress --summary
    """
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.progress import progress, summary

    with context.session() as db:
        found = progress(db, best_picture(db), context.people(db, by, everyone=True))
    if json_:
        from diary.render.bp_progress import progress_dict

        emit_json(progress_dict(found))
    elif summary_only:
        data_line(summary(found))
    elif not found.people:
        name = found.checklist.name
        say(f"Nobody is ticking {name} yet: add someone with `diary people add NAME`.")
    else:
        from diary.cli.output import console
        from diary.render.bp_progress import progress_view

        show(progress_view(found, groups=ceremonies, width=console().width))
        data_line(f"\n{summary(found)}")


bp_picks.register(app)
bp_files.register(app)
