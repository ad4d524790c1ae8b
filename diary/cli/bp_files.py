"""`diary bp add-ceremony`, `export` and `import`: the list's files and The Spreadsheet."""

import typer

from diary.base.words import counted, dropped_controls
from diary.cli import context
from diary.cli.output import say


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

    from diary.core.checklists.bestpicture import add_ceremony
    from diary.importers.ceremony_csv import read_ceremony

    nominees, cleaned = read_ceremony(Path(file))
    with context.session(write=True) as db:
        change = add_ceremony(db, nominees, ceremony, label)
    verb = "Added" if change.created else "Updated"
    say(
        f"{verb} ceremony {change.number} ({change.label}): "
        f"{counted(len(change.added), 'nominees')} added, {len(change.unchanged)} already there."
    )
    if change.films_created:
        say(f"New films: {', '.join(change.films_created)}.")
    if change.winner:
        say(f"Winner: {change.winner}.")
    if cleaned:
        say(dropped_controls(cleaned))


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

    from diary.base.errors import InvalidInput
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.spreadsheet import export_rows
    from diary.render.spreadsheet import to_csv, to_xlsx
    from diary.store.files import check_target, write_atomic

    target = Path(file)
    kind = target.suffix.lower()
    if kind not in (".csv", ".xlsx"):
        raise InvalidInput(f"cannot write {target.name!r}: name it .csv or .xlsx")
    check_target(target, force)
    with context.session() as db:
        who = context.people(db, by, everyone=True)
        checklist = best_picture(db)
        rows = export_rows(db, checklist, who)
    content = to_csv(rows, who) if kind == ".csv" else to_xlsx(rows, who, checklist.name)
    write_atomic(target, content, force=force)
    names = ", ".join(p.name for p in who) or "nobody"
    say(f"Wrote {counted(len(rows), 'nominations')} for {names} to {target}.")


def bp_import(
    file: str = typer.Argument(..., metavar="FILE", help="The sheet: CSV, or an XLSX workbook."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Show what would change and which rows match nothing."
    ),
) -> None:
    """Read The Spreadsheet back in: ticks, ratings and comments for every person named.

    The sheet is a CSV file or an XLSX workbook (its first worksheet). Columns are found by
    name: the film (title/film/name), year, ceremony, IMDb, and per person "NAME" or "NAME
    seen", "NAME rating", "NAME comment", and Covered (films the newsletter covered). Rows are
    matched by IMDb id, else title and year (one off is fine); rows that match no nominee are
    listed, never guessed. Blank cells remove nothing; importing twice changes nothing.

    \b
    Example:
      diary bp import our-sheet.csv --dry-run
      diary bp import spreadsheet.xlsx
    """
    from pathlib import Path

    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.spreadsheet import apply_import, plan_import
    from diary.core.diary.people import list_people
    from diary.importers.spreadsheet import read_spreadsheet
    from diary.render.bp_sheet import plan_lines

    with context.session(write=not dry_run) as db:
        everyone = list_people(db)
        lines, columns = read_spreadsheet(Path(file), [p.name for p in everyone])
        named = [p for p in everyone if p.name in columns.people]
        plan = plan_import(db, best_picture(db), lines, named)
        if not dry_run:
            apply_import(db, plan)
    for line in plan_lines(plan, columns.ignored, dry_run, columns.cleaned):
        say(line)


def register(app: typer.Typer) -> None:
    app.command("add-ceremony")(bp_add_ceremony)
    app.command("export")(bp_export)
    app.command("import")(bp_import)
