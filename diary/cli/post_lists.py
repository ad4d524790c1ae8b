"""`diary post fact|candidates|ask|film|award`: the sections that are lists.

Facts (typed, or chosen from the film's imported fun facts), readers' questions, the films of
an Oscars preview, and themed awards with their nominees.
"""

from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, listing, say
from diary.cli.post_pieces import POST, read_text

if TYPE_CHECKING:
    from diary.core.posts.candidates import Candidate


def post_fact(
    post: str = POST,
    text: str | None = typer.Argument(None, metavar="TEXT", help="The fact; '-' reads stdin."),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="The facts section (default: the only one)."
    ),
    candidate: list[int] = typer.Option(
        [], "--candidate", "-c", metavar="N", help="Add fun-fact candidate N; repeatable."
    ),
    pick: bool = typer.Option(False, "--pick", help="Choose among the candidates (terminal)."),
) -> None:
    """Add a fact to Wiki-Wiki-Whaaat?: typed, or chosen from the film's imported fun facts.

    \b
    Example:
      diary post fact 12 "The mechanical shark was nicknamed Bruce."
      diary post candidates 12
      diary post fact 12 --candidate 3 --candidate 5
      diary post fact 12 --pick
    """
    from diary.base.errors import InvalidInput
    from diary.core.posts.candidates import add_candidates, candidates
    from diary.core.posts.lifecycle import resolve_post, section_for
    from diary.core.posts.pieces import add_fact

    if text is None and not candidate and not pick:
        raise InvalidInput("give the fact's TEXT, --candidate N or --pick")
    numbers = list(candidate)
    if pick:  # choose before the write transaction: never hold the lock while asking
        with context.session() as db:
            found = resolve_post(db, post)
            section_for(db, found, "facts", section)
            numbers += _pick(candidates(db, found))
    messages = []
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = section_for(db, found, "facts", section)
        if numbers:
            messages += add_candidates(db, found, target, numbers)
        if text is not None:
            messages.append(add_fact(db, found, target, read_text(text)))
    for message in messages:
        say(message)


def _pick(found: "list[Candidate]") -> list[int]:
    from diary.base.errors import InvalidInput

    if not found:
        raise InvalidInput("no fun facts to choose from: import the film's Wikipedia page first")
    if not context.interactive():
        raise InvalidInput(
            "--pick needs a terminal; use --candidate N (see `diary post candidates`)"
        )
    import questionary

    from diary.cli import asking

    choices = [
        questionary.Choice(c.fact.value, value=c.number, disabled="added" if c.used else None)
        for c in found
    ]
    chosen = asking.checkbox("Which facts go in?", choices)
    return list(chosen or [])


def post_candidates(
    post: str = POST,
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the fun facts imported pages hold about the post's film, numbered for --candidate.

    \b
    Example:
      diary post candidates 12
    """
    from diary.core.posts.candidates import candidates
    from diary.core.posts.lifecycle import resolve_post
    from diary.render.post_json import candidate_dict
    from diary.render.post_terminal import candidates_table

    with context.session() as db:
        chosen = resolve_post(db, post)
        filmless, found = chosen.film_id is None, candidates(db, chosen)
    empty = "No fun facts yet: import the film's Wikipedia page with `diary film import-page`."
    if filmless:
        empty = f"Post {chosen.number} is about no film, so no fun facts wait for it."
    listing(
        found,
        json_=json_,
        jsonl=jsonl,
        as_dict=candidate_dict,
        table=candidates_table,
        empty=empty,
    )


def post_ask(
    post: str = POST,
    text: str = typer.Argument(..., metavar="TEXT", help="The question; '-' reads stdin."),
    asker: str | None = typer.Option(None, "--from", metavar="NAME", help="Who asked it."),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="The Q&A section (default: the only one)."
    ),
) -> None:
    """Add a reader's question to a Q&A section; answer it with `post say`.

    \b
    Example:
      diary post ask 14 "Which nominee would you watch again tonight?" --from "Sam in Leeds"
      diary post say 14 questions --by Ellen --by Tyler "Both of us: Jaws."
    """
    from diary.core.posts.lifecycle import resolve_post, section_for
    from diary.core.posts.pieces import ask

    with context.session(write=True) as db:
        found = resolve_post(db, post)
        message = ask(db, found, section_for(db, found, "qa", section), read_text(text), asker)
    say(message)


def post_film(
    post: str = POST,
    film: str = typer.Argument(..., metavar="FILM", help="The film to add to the list."),
    year: int | None = typer.Option(None, "--year", "-y", metavar="YEAR", help="Its year."),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="The film list (default: the only one)."
    ),
) -> None:
    """Add a film to a film list (an Oscars preview's nominees).

    \b
    Example:
      diary post film 13 "The Brutalist" --year 2024
    """
    from diary.core.posts.lifecycle import resolve_post, section_for
    from diary.core.posts.pieces import add_film

    context.choose_film_first(film, year)
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = section_for(db, found, "films", section)
        message = add_film(db, found, target, context.film(db, film, year, create=True))
    say(message)


def post_award(
    post: str = POST,
    category: str = typer.Option(..., "--category", metavar="TEXT", help="The award's category."),
    nominee: list[str] = typer.Option(
        ..., "--nominee", metavar="TEXT", help="A nominee; repeat for each, in order."
    ),
    winner: int | None = typer.Option(
        None, "--winner", metavar="N", help="The winning nominee's number (1 = the first)."
    ),
    note: str | None = typer.Option(None, "--note", metavar="TEXT", help="The acceptance note."),
    announced: str | None = typer.Option(
        None,
        "--announced",
        metavar="TEXT",
        help="The winner as the post announces it, when not as nominated.",
    ),
    theme: str | None = typer.Option(
        None, "--theme", metavar="TEXT", help="The award's theme (default: the section heading)."
    ),
    section: str | None = typer.Option(
        None, "--section", metavar="SECTION", help="The award section (default: by theme)."
    ),
) -> None:
    """Give a themed award: category, nominees, winner, acceptance note.

    Giving the same category again in the same post replaces it.

    \b
    Example:
      diary post award 12 --theme "Oscar NomNomNomz" \\
        --category "Best Snacktor in a Supporting Role" \\
        --nominee "The pot roast on the pier" --nominee "A bucket of chum" --winner 1 \\
        --note "Accepted by the dock, which will never be the same."
    """
    from diary.core.posts.awards import award_section, set_award
    from diary.core.posts.lifecycle import resolve_post

    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = award_section(db, found, section, theme)
        message = set_award(db, found, target, category, nominee, winner, note, theme, announced)
    say(message)


def register(app: typer.Typer) -> None:
    app.command("fact")(post_fact)
    app.command("candidates")(post_candidates)
    app.command("ask")(post_ask)
    app.command("film")(post_film)
    app.command("award")(post_award)
