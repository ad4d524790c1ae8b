"""`diary bp`: the Best Picture checklist: ticks, progress, picks, The Spreadsheet."""

from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import emit_json, say, show

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.core.entries import Entry
    from diary.core.picks import Round
    from diary.store.models import Checklist, Person

HELP = """The Best Picture checklist: ticks, progress, picks, The Spreadsheet.

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


def people(db: "Session", names: list[str], everyone: bool) -> list["Person"]:
    """The people named, else everyone (or only the default person)."""
    from diary.core.people import list_people

    if names:
        return [context.person(db, name) for name in names]
    return list_people(db) if everyone else [context.person(db, None)]


def nominee(db: "Session", checklist: "Checklist", text: str, ceremony: int | None) -> "Entry":
    """The one entry `text` names; on a TTY an ambiguous title becomes a choice."""
    from diary.core.entries import find_entries
    from diary.core.errors import Ambiguous

    try:
        return find_entries(db, checklist, text, ceremony)[0]
    except Ambiguous as exc:
        if not context.interactive():
            raise
        import questionary

        from diary.core.films import label

        choices = [
            questionary.Choice(f"{label(e.film)} — {e.where}", value=e) for e in exc.candidates
        ]
        chosen = questionary.select(f"Which {text!r}?", choices=choices).ask()
        if chosen is None:
            raise
        return chosen


@app.command("list")
def bp_list(
    ceremony: int | None = CEREMONY,
    decade: str | None = typer.Option(
        None, "--decade", metavar="DECADE", help="Only films of a decade, e.g. 1970s."
    ),
    year: int | None = typer.Option(None, "--year", metavar="YEAR", help="Only films of a year."),
    winners: bool = typer.Option(False, "--winners", help="Only the winners."),
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="A tick column for this person (default: everyone)."
    ),
    seen_by: list[str] = typer.Option(
        [], "--seen-by", metavar="NAME", help="Only films this person has seen."
    ),
    unseen_by: list[str] = typer.Option(
        [], "--unseen-by", metavar="NAME", help="Only films this person has not seen."
    ),
    seen_by_none: bool = typer.Option(
        False, "--seen-by-none", help="Only films nobody in the tick columns has seen."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
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
    from diary.core.checklists import best_picture
    from diary.core.entries import Filters, entries, parse_decade
    from diary.render.bp import entries_table, entry_dict

    filters = Filters(
        group=ceremony,
        decade=parse_decade(decade) if decade else None,
        year=year,
        winners=winners,
        seen_by_none=seen_by_none,
    )
    with context.session() as db:
        shown = people(db, by, everyone=True)
        filters.seen_by = [context.person(db, name) for name in seen_by]
        filters.unseen_by = [context.person(db, name) for name in unseen_by]
        rows = entries(db, best_picture(db), shown, filters)
    if json_:
        emit_json([entry_dict(row, shown) for row in rows])
    elif rows:
        show(entries_table(rows, shown))
    else:
        say("No nominees match.")


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
    from diary.core.bestpicture import tick_films
    from diary.core.checklists import best_picture

    with context.session(write=True) as db:
        who = people(db, by, everyone=False)
        checklist = best_picture(db)
        chosen = [nominee(db, checklist, text, ceremony).film for text in films]
        lines = tick_films(db, who, chosen)
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
    from diary.core.bestpicture import untick_films
    from diary.core.checklists import best_picture

    with context.session(write=True) as db:
        who = people(db, by, everyone=False)
        checklist = best_picture(db)
        chosen = [nominee(db, checklist, text, ceremony).film for text in films]
        lines = untick_films(db, who, chosen)
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
    from diary.core.checklists import best_picture
    from diary.core.progress import progress, summary

    with context.session() as db:
        found = progress(db, best_picture(db), people(db, by, everyone=True))
    if json_:
        from diary.render.bp_progress import progress_dict

        emit_json(progress_dict(found))
    elif summary_only:
        print(summary(found))
    else:
        from diary.cli.output import console
        from diary.render.bp_progress import progress_view

        show(progress_view(found, groups=ceremonies, width=console().width))
        print(f"\n{summary(found)}")


@app.command("pick")
def bp_pick(
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Who proposes (default: you)."
    ),
    for_: list[str] = typer.Option(
        [], "--for", metavar="NAME", help="Who chooses (repeat for more of the group)."
    ),
    choose: int | None = typer.Option(
        None, "--choose", metavar="N", help="Choose option N (1-3) now, without asking."
    ),
    seed: int | None = typer.Option(
        None, "--seed", metavar="N", help="Draw the same three again for the same seed."
    ),
) -> None:
    """Pick Three, Choose One: three nominees none of you has seen; one gets chosen.

    The person proposing and those choosing make the group: every option is unseen by all
    of them. Winners and the decades with the biggest gaps come up more often (see
    docs/best-picture.md). At a terminal the chooser picks from a menu; otherwise --choose N
    decides now, or `diary bp choose N` later. The choice goes to the top of the group's
    watchlists, and every round is kept (`diary bp picks`).

    \b
    Example:
      diary bp pick --by Ellen --for Tyler
      diary bp pick --by Ellen --for Tyler --seed 7 --choose 2
    """
    from diary.core.checklists import best_picture
    from diary.core.picks import choose as choose_option
    from diary.core.picks import propose
    from diary.render.bp_picks import option_lines

    with context.session(write=True) as db:
        proposer = context.person(db, by)
        choosers = [context.person(db, name) for name in for_]
        group = list({p.id: p for p in [proposer, *choosers]}.values())
        round_ = propose(db, best_picture(db), group, proposer, (choosers or [proposer])[0], seed)
        number = choose
        if number is None and context.interactive():
            number = _ask(round_, option_lines(round_))
        if number is not None:
            choose_option(db, round_, number, group)
    who = round_.proposed_by.name if round_.proposed_by else "Someone"
    print(f"{who} proposes (pick {round_.pick.id}):")
    for line in option_lines(round_):
        print(f"  {line}")
    if round_.chosen is not None:
        say(_chosen_line(round_, group))
    else:
        say(f"Choose with `diary bp choose N` (pick {round_.pick.id} waits).")


@app.command("choose")
def bp_choose(
    number: int = typer.Argument(..., metavar="N", help="The option to choose: 1, 2 or 3."),
    pick: int | None = typer.Option(
        None, "--pick", metavar="ID", help="Which round (default: the latest one waiting)."
    ),
) -> None:
    """Choose one of the three a proposal offered; it goes to the top of the watchlists.

    \b
    Example:
      diary bp choose 2
    """
    from diary.core.checklists import best_picture
    from diary.core.picks import choose, open_round

    with context.session(write=True) as db:
        round_ = open_round(db, best_picture(db), pick)
        group = [p for p in (round_.proposed_by, round_.chosen_by) if p is not None]
        choose(db, round_, number, list({p.id: p for p in group}.values()))
    say(_chosen_line(round_, group))


@app.command("picks")
def bp_picks(
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, metavar="N", help="Only the latest N rounds."
    ),
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List the rounds of Pick Three, Choose One, latest first.

    \b
    Example:
      diary bp picks --limit 5
    """
    from diary.core.checklists import best_picture
    from diary.core.picks import history
    from diary.render.bp_picks import round_dict, rounds_table

    with context.session() as db:
        rounds = history(db, best_picture(db), limit)
    if json_:
        emit_json([round_dict(r) for r in rounds])
    elif rounds:
        show(rounds_table(rounds))
    else:
        say("No picks yet: start one with `diary bp pick`.")


def _ask(round_: "Round", lines: list[str]) -> int | None:
    import questionary

    chooser = round_.chosen_by.name if round_.chosen_by else "you"
    choices = [questionary.Choice(line, value=n) for n, line in enumerate(lines, start=1)]
    choices.append(questionary.Choice("Decide later", value=0))
    answer = questionary.select(f"Which one, {chooser}?", choices=choices).ask()
    return answer or None


def _chosen_line(round_: "Round", group: "list[Person]") -> str:
    from diary.core.films import label

    assert round_.chosen is not None
    names = ", ".join(p.name for p in group)
    return f"Chosen: {label(round_.chosen.film)}; it is next on the watchlist of {names}."


@app.command("add-ceremony")
def bp_add_ceremony(
    file: str = typer.Argument(..., metavar="FILE", help="CSV with title, year and winner."),
    ceremony: int | None = typer.Option(
        None, "--ceremony", "-c", metavar="N", help="The ceremony's number (default: the next)."
    ),
    label: str | None = typer.Option(
        None, "--label", metavar="TEXT", help="How the ceremony is named (default: the year)."
    ),
) -> None:
    """Add next season's nominees to Best Picture, or update them (the winner, late additions).

    The file has a row per nominee with the columns title, year, winner (✓, x, yes or 1;
    blank until the night) and optionally imdb. Run it again once the winner is known: it
    marks the winner and adds nothing twice. Nothing is removed, so no tick is lost.

    \b
    Example:
      diary bp add-ceremony nominees-2026.csv
      diary bp add-ceremony nominees-2026.csv --ceremony 99
    """
    from pathlib import Path

    from diary.core.bestpicture import add_ceremony
    from diary.importers.ceremony_csv import read_ceremony

    nominees = read_ceremony(Path(file))
    with context.session(write=True) as db:
        change = add_ceremony(db, nominees, ceremony, label)
    verb = "Added" if change.created else "Updated"
    say(
        f"{verb} ceremony {change.number} ({change.label}): {len(change.added)} nominees added, "
        f"{len(change.unchanged)} already there."
    )
    if change.films_created:
        say(f"New films: {', '.join(change.films_created)}.")
    if change.winner:
        say(f"Winner: {change.winner}.")


@app.command("export")
def bp_export(
    file: str = typer.Argument(..., metavar="FILE", help="FILE.csv or FILE.xlsx."),
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Columns for this person (repeat; default: everyone)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Write The Spreadsheet: a row per nomination, with seen, rating and comment per person.

    Columns: Ceremony, Year, Film, Winner, Covered, then "NAME seen", "NAME rating" and
    "NAME comment" per person, and IMDb. CSV ticks are ✓ or blank; XLSX ticks are TRUE or
    FALSE. Text that looks like a formula is kept as text.

    \b
    Example:
      diary bp export spreadsheet.xlsx
      diary bp export spreadsheet.csv --by Ellen --by Tyler --force
    """
    from pathlib import Path

    from diary.core.checklists import best_picture
    from diary.core.errors import InvalidInput
    from diary.core.spreadsheet import export_rows
    from diary.render.spreadsheet import to_csv, to_xlsx
    from diary.store.files import check_target, write_atomic

    target = Path(file)
    kind = target.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise InvalidInput(f"cannot write {target.name!r}: name it .csv or .xlsx")
    check_target(target, force)
    with context.session() as db:
        who = people(db, by, everyone=True)
        checklist = best_picture(db)
        rows = export_rows(db, checklist, who)
    content = to_csv(rows, who) if kind == ".csv" else to_xlsx(rows, who, checklist.name)
    write_atomic(target, content, force=force)
    names = ", ".join(p.name for p in who) or "nobody"
    say(f"Wrote {len(rows)} nominations for {names} to {target}.")


@app.command("import")
def bp_import(
    file: str = typer.Argument(..., metavar="FILE", help="The sheet, saved as CSV."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change and which rows match nothing."
    ),
) -> None:
    """Read The Spreadsheet back in: ticks, ratings and comments for every person named.

    Columns are found by name: the film (title/film/name), year, ceremony, IMDb, and per
    person "NAME" or "NAME seen", "NAME rating", "NAME comment". Rows are matched by IMDb id,
    else title and year (one off is fine); rows that match no nominee are listed, never
    guessed. Blank cells remove nothing; importing twice changes nothing.

    \b
    Example:
      diary bp import our-sheet.csv --dry-run
      diary bp import our-sheet.csv
    """
    from pathlib import Path

    from diary.core.checklists import best_picture
    from diary.core.people import list_people
    from diary.core.spreadsheet import apply_import, plan_import
    from diary.importers.spreadsheet import read_spreadsheet
    from diary.render.bp_sheet import plan_lines

    with context.session(write=not dry_run) as db:
        everyone = list_people(db)
        lines, columns = read_spreadsheet(Path(file), [p.name for p in everyone])
        named = [p for p in everyone if p.name in columns.people]
        plan = plan_import(db, best_picture(db), lines, named)
        if not dry_run:
            apply_import(db, plan)
    for line in plan_lines(plan, columns.ignored, dry_run):
        say(line)
