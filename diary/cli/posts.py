"""`diary post`: newsletter posts: draft piece by piece, export ready-to-paste Markdown.

This module holds the commands about whole posts; the pieces (post_pieces), the outputs
(post_output) and the guided draft (post_draft) register onto the same group.
"""

import typer

from diary.cli import (
    context,
    post_charts,
    post_draft,
    post_edit,
    post_import,
    post_lists,
    post_output,
    post_pieces,
    post_quotes,
)
from diary.cli.output import JSON_OPTION, JSONL_OPTION, emit_json, listing, say, show

HELP = """Newsletter posts: draft piece by piece, export ready-to-paste Markdown.

POST is a post's number or its film; SECTION is a section's short key or its heading,
case-insensitive (plots, "Plots & Feelings").

\b
Example:
  diary post new "Jaws" --number 12
  diary post say 12 previews --by Ellen "I expected a monster movie."
  diary post status 12
  diary post export 12 -o jaws.md
"""

app = typer.Typer(no_args_is_help=True, help=HELP)
POST = typer.Argument(..., metavar="POST", help="The post: its number or its film.")


@app.command("new")
def post_new(
    film: str | None = typer.Argument(
        None, metavar="FILM", help="The film the post is about (not needed by special formats)."
    ),
    year: int | None = typer.Option(
        None, "--year", "-y", metavar="YEAR", help="The film's year (adds the film if new)."
    ),
    format_: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help="The post's format (default: newsletter)."
    ),
    number: int | None = typer.Option(
        None, "--number", "-n", metavar="N", help="The post's number (default: the next one)."
    ),
    title: str | None = typer.Option(None, "--title", metavar="TEXT", help="The post's title."),
    ceremony: int | None = typer.Option(
        None, "--ceremony", metavar="N", help="Whose nominees an Oscars preview lists."
    ),
    again: bool = typer.Option(
        False, "--again", help="Start another post on a film that already has one."
    ),
) -> None:
    """Start a post and fill in what the diary already knows.

    A film that already has a post gets another only with --again (or a yes at the
    terminal, where the question defaults to No); the existing posts are named.

    Sections come from the format. Pre-filled: the film's year and facts, each host's
    Spreadsheet comment and rating in Previews, the next film (latest pick, else the top of
    the watchlists) in the Post-Credits Scene, and the format's boilerplate.

    \b
    Example:
      diary post new "Jaws" --number 12
      diary post new --format oscars-preview --ceremony 97
      diary post new --format ask-the-authors
    """
    from diary.core.posts.document import load_post
    from diary.core.posts.formats import find_format
    from diary.core.posts.prefill import start_post
    from diary.render.post_terminal import prefilled_summary

    context.choose_film_first(film, year)
    if film is not None and not again and not _another_post_wanted(film, year):
        say("No post started.")
        return
    with context.session(write=True) as db:
        fmt = find_format(format_)
        chosen = context.film(db, film, year, create=True) if film else None
        started = start_post(db, fmt, chosen, number, title, ceremony)
        doc = load_post(db, started.post)
    say(f"Started {doc.name} in the {fmt.title} format.")
    say(prefilled_summary(doc))
    for note in started.notes:
        say(note)


def _another_post_wanted(film: str, year: int | None) -> bool:
    """True when the film has no post yet, or the person at the terminal wants another;
    asked before the write transaction, so the question never holds the lock."""
    from diary.base.errors import Conflict, NotFound
    from diary.core.films.lookup import label
    from diary.core.posts.lifecycle import posts_about

    try:
        with context.session() as db:
            found = context.film(db, film, year)
            existing = posts_about(db, found)
    except NotFound:
        return True  # a film new to the diary has no posts
    if not existing:
        return True
    already = f"{label(found)} already has {', '.join(existing)}"
    if not context.interactive():
        raise Conflict(f"{already}: pass --again to start another")
    from diary.cli.asking import confirm_destructive

    return confirm_destructive(f"{already}. Start another?")


@app.command("list")
def post_list(
    status: str | None = typer.Option(
        None, "--status", metavar="STATUS", help="Only posts in this status."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List posts with their film, status and how many sections are filled.

    \b
    Example:
      diary post list --status draft
    """
    from diary.core.posts.lifecycle import list_posts
    from diary.render.post_json import post_row_dict
    from diary.render.post_terminal import posts_table

    with context.session() as db:
        rows = list_posts(db, status)
    listing(
        rows,
        json_=json_,
        jsonl=jsonl,
        as_dict=post_row_dict,
        table=posts_table,
        empty="No posts yet: start one with `diary post new FILM`.",
    )


@app.command("show")
def post_show(
    post: str = POST,
    json_: bool = typer.Option(False, "--json", help="Print the whole post as JSON."),
) -> None:
    """Show a post section by section, with the numbers `--on` and `clear` use.

    \b
    Example:
      diary post show 12
      diary post show jaws --json
    """
    from diary.core.posts.document import load_post
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.plan import export_plan
    from diary.render.post_json import post_dict
    from diary.render.post_markdown import footnote_numbers
    from diary.render.post_terminal import post_outline

    with context.session() as db:
        doc = load_post(db, resolve_post(db, post))
    if json_:
        emit_json(post_dict(doc))
    else:
        show(post_outline(doc, footnote_numbers(export_plan(doc))))


@app.command("status")
def post_status_cmd(
    post: str = POST,
    json_: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """What is filled and what is still empty, with words per section and per speaker.

    \b
    Example:
      diary post status 12
    """
    from diary.core.posts.document import load_post
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.status import post_status
    from diary.render.post_json import status_dict
    from diary.render.post_terminal import status_view

    with context.session() as db:
        status = post_status(load_post(db, resolve_post(db, post)))
    if json_:
        emit_json(status_dict(status))
    else:
        show(status_view(status))


@app.command("set")
def post_set(
    post: str = POST,
    title: str | None = typer.Option(None, "--title", metavar="TEXT", help="The title."),
    subtitle: str | None = typer.Option(
        None, "--subtitle", metavar="TEXT", help="The subtitle ('' removes it)."
    ),
    status: str | None = typer.Option(
        None, "--status", metavar="STATUS", help="draft, ready or published."
    ),
    publish_on: str | None = typer.Option(
        None,
        "--publish-on",
        metavar="DATE",
        help="2025-02-04, tomorrow, 'next tuesday'; '' removes it.",
    ),
    number: int | None = typer.Option(None, "--number", metavar="N", help="Renumber the post."),
) -> None:
    """Change a post's title, subtitle, status, publish date or number.

    Publishing (--status published) marks the film covered on the Spreadsheet.

    \b
    Example:
      diary post set 12 --subtitle "Nobody goes in the water"
      diary post set 12 --status published --publish-on 2025-02-04
    """
    from diary.base import clock
    from diary.core.posts.lifecycle import PostChanges, describe, parse_publish_date, resolve_post
    from diary.core.posts.lifecycle import update_post as update

    changes = PostChanges(
        title=title,
        subtitle=subtitle,
        status=status,
        publish_on=(
            parse_publish_date(publish_on, clock.today())
            if publish_on and publish_on.strip()
            else None
        ),
        number=number,
        clear_publish_on=publish_on is not None and not publish_on.strip(),
    )
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        said = update(db, found, changes)
        name = describe(db, found)
    say(f"{name[0].upper()}{name[1:]}: {'; '.join(said)}.")


@app.command("delete")
def post_delete(
    post: str = POST,
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
) -> None:
    """Delete a post with all its sections, awards and footnotes.

    \b
    Example:
      diary post delete 12 --yes
    """
    from diary.base.errors import InvalidInput
    from diary.core.posts.lifecycle import delete_post, describe, resolve_post

    if not yes:  # ask before the write transaction: never hold the lock while asking
        with context.session() as db:
            name = describe(db, resolve_post(db, post))
        if not context.interactive():
            raise InvalidInput(f"deleting {name} needs --yes when not at a terminal")
        from diary.cli.asking import confirm_destructive

        if not confirm_destructive(f"Delete {name}?"):
            say("Nothing deleted.")
            return
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        name = describe(db, found)
        delete_post(db, found)
    say(f"Deleted {name}.")


@app.command("formats")
def post_formats(json_: bool = JSON_OPTION, jsonl: bool = JSONL_OPTION) -> None:
    """List post formats: the shipped ones and yours.

    Yours live in the folder shown (DIARY_FORMATS_DIR overrides it): copy a shipped .toml
    there under a new name, then rename, reorder or add sections; a file with a shipped
    format's name replaces it.

    \b
    Example:
      diary post formats
      diary post formats --json
    """
    from diary.core.posts.formats import all_formats, user_dir
    from diary.render.post_json import format_dict
    from diary.render.post_terminal import formats_table

    found, problems = all_formats()
    listing(
        found,
        json_=json_,
        jsonl=jsonl,
        as_dict=format_dict,
        table=formats_table,
        empty=None,
    )
    if not (json_ or jsonl):
        say(f"Your formats folder: {user_dir()}")
    for problem in problems:
        say(f"Warning: format {problem.name} cannot be used: {problem.message}")


post_pieces.register(app)
post_lists.register(app)
post_quotes.register(app)
post_output.register(app)
post_draft.register(app)
post_charts.register(app)
post_edit.register(app)
post_import.register(app)
