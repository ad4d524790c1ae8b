"""`diary checklist`: named lists of films (Best Picture is the built-in one)."""

import typer

from diary.base.words import counted, dropped_controls
from diary.cli import context
from diary.cli.bp import SEEN_BY, TICK_COLUMNS, UNSEEN_BY
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing, say

HELP = """Named lists of films to work through; Best Picture is the built-in one.

Import a list from a CSV file (title, year, group) or a Letterboxd list export, then tick it
off by logging films. `bp` names the Best Picture list.

\b
Example:
  diary checklist list
  diary checklist import top-100.csv --name "Top 100"
  diary checklist show bp --unseen-by Ellen
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("list")
def checklist_list(
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Count what this person has seen (default: everyone)."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the checklists with their size and how much of each everyone has seen.

    \b
    Example:
      diary checklist list --by Ellen
    """
    from diary.core.checklists.imported import overview
    from diary.render.checklists import overview_dict, overview_table

    with context.session() as db:
        who = context.people(db, by, everyone=True)
        rows = overview(db, [p.id for p in who if p.id is not None])
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=lambda row: overview_dict(row, who),
        table=lambda rows: overview_table(rows, who),
        empty=None,
    )


@app.command("show")
def checklist_show(
    name: str = typer.Argument(
        ..., metavar="LIST", help="The list's name or slug; bp for Best Picture."
    ),
    by: list[str] = TICK_COLUMNS,
    seen_by: list[str] = SEEN_BY,
    unseen_by: list[str] = UNSEEN_BY,
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """Show a checklist's films with a tick column per person.

    \b
    Example:
      diary checklist show "Top 100" --unseen-by Tyler
      diary checklist show bp --json
    """
    from diary.core.checklists.entries import Filters, entries
    from diary.core.checklists.lists import find_checklist
    from diary.render.bp import entries_table, entry_dict

    with context.session() as db:
        checklist = find_checklist(db, name)
        who = context.people(db, by, everyone=True)
        filters = Filters(
            seen_by=[context.person(db, n) for n in seen_by],
            unseen_by=[context.person(db, n) for n in unseen_by],
        )
        rows = entries(db, checklist, who, filters)
    builtin = checklist.kind == "builtin"
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=lambda row: entry_dict(row, who, "ceremony" if builtin else "group"),
        table=lambda rows: entries_table(rows, who, "Ceremony" if builtin else "Group"),
        empty=f"No films of {checklist.name} match.",
    )


@app.command("import")
def checklist_import(
    file: str = typer.Argument(..., metavar="FILE", help="A CSV list or a Letterboxd list export."),
    name: str | None = typer.Option(
        None, "--name", metavar="TEXT", help="The list's name (default: from the file)."
    ),
) -> None:
    """Import a list of films as a checklist; importing it again adds only what is new.

    A simple CSV has the columns title and year, and optionally group and position. A
    Letterboxd list export (its preamble, then Position, Name, Year, URL, Description) keeps
    the list's name and address. Films are matched to the diary by title and year; rows that
    match nothing and have no year are reported, never guessed.

    \b
    Example:
      diary checklist import top-100.csv --name "Top 100"
      diary checklist import letterboxd-list.csv
    """
    from pathlib import Path

    from diary.core.checklists.imported import import_list
    from diary.importers.checklist_csv import read_list

    films = read_list(Path(file), name)
    with context.session(write=True) as db:
        result = import_list(db, films)
    verb = "Created" if result.created else "Updated"
    say(
        f"{verb} the list {result.checklist.name!r} ({result.checklist.slug}): "
        f"{counted(result.added, 'films')} added, {result.present} already there."
    )
    if result.films_created:
        say(f"New films in the diary: {len(result.films_created)}.")
    if films.cleaned:
        say(dropped_controls(films.cleaned))
    for _, problem in result.unmatched:
        say(f"  skipped {problem}")
