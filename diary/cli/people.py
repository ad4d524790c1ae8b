"""`diary people`: who watches and writes."""

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing, say

HELP = """People who watch and write: hosts, guests, pets.

\b
Example:
  diary people add Ellen --role host
  diary people list
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("add")
def people_add(
    name: str = typer.Argument(
        ..., metavar="NAME", help="The person's name as it should appear in posts."
    ),
    role: str | None = typer.Option(None, "--role", metavar="ROLE", help="host, guest or pet."),
) -> None:
    """Add a person; the first one added becomes the default ("me").

    Everyone but a pet watches: hosts, guests and people without a role get a column in
    `bp list`, `bp progress`, `checklist` and the Spreadsheet, and count towards "seen by
    all". A pet (for the pet's corner of a post) counts only when named with --by.

    \b
    Example:
      diary people add Ellen --role host
    """
    from diary.core.diary.people import add_person

    with context.session(write=True) as db:
        person = add_person(db, name, role)
    suffix = " (default)" if person.is_default else ""
    say(f"Added {person.name}{f' as {person.role}' if person.role else ''}{suffix}.")


@app.command("list")
def people_list(json_: bool = JSON_OPTION, jsonl: bool = JSONL_OPTION) -> None:
    """List everyone.

    \b
    Example:
      diary people list --json
    """
    from diary.core.diary.people import list_people
    from diary.render.diary import people_table, person_dict

    with context.session() as db:
        found = list_people(db)
    listing(
        found,
        json_=json_,
        jsonl=jsonl,
        as_dict=person_dict,
        table=people_table,
        empty="Nobody yet: add someone with `diary people add NAME`.",
    )


@app.command("role")
def people_role(
    name: str = typer.Argument(..., metavar="NAME", help="Who."),
    role: str = typer.Argument(..., metavar="ROLE", help="host, guest or pet."),
) -> None:
    """Change someone's role (a pet is not counted in checklists).

    \b
    Example:
      diary people role Basil pet
    """
    from diary.core.diary.people import set_role

    with context.session(write=True) as db:
        person = set_role(db, name, role)
    say(f"{person.name} is now a {person.role}.")


@app.command("default")
def people_default(
    name: str = typer.Argument(..., metavar="NAME", help="Who is 'me' when --by is left out."),
) -> None:
    """Choose the default person.

    \b
    Example:
      diary people default Tyler
    """
    from diary.core.diary.people import set_default

    with context.session(write=True) as db:
        person = set_default(db, name)
    say(f"{person.name} is now the default.")
