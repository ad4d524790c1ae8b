"""`diary post export|preview`: the finished post as Markdown, in the terminal, or as HTML."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import say
from diary.cli.post_pieces import POST

if TYPE_CHECKING:
    from diary.render.post_markdown import Exported


def post_export(
    post: str = POST,
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout ('-': stdout).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Export the post as ready-to-paste Markdown.

    H2 headings with italic taglines, speaker names in bold, footnotes numbered [^1], [^2]…
    in order of first use. Everything typed shows literally: no text can add a heading, a
    list, a link or HTML. The same post always exports the same bytes.

    \b
    Example:
      diary post export 12
      diary post export jaws -o jaws.md --force
    """
    from diary.store.files import check_target, write_atomic

    output = None if _is_stdout(output) else output
    if output is not None:
        check_target(output, force)
    exported = _exported(post)
    for note in exported.notes:
        say(f"Note: {note}")
    if output is None:
        print(exported.markdown, end="")
        return
    write_atomic(output, exported.markdown, force=force)
    say(f"Wrote {output} ({len(exported.markdown.split())} words).")


def post_preview(
    post: str = POST,
    html: Path | None = typer.Option(
        None,
        "--html",
        metavar="FILE",
        help="Write a standalone HTML page to FILE instead ('-': stdout).",
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Read the post as readers will: rendered in the terminal, or as an HTML page.

    The HTML page is standalone and inert (no scripts, no raw HTML from the text, no
    javascript: links), ready to open in a browser or paste into a newsletter editor.

    \b
    Example:
      diary post preview 12
      diary post preview 12 --html jaws.html
    """
    from diary.store.files import check_target, write_atomic

    if html is not None and not _is_stdout(html):
        check_target(html, force)
    exported = _exported(post)
    for note in exported.notes:
        say(f"Note: {note}")
    if html is None:
        from diary.cli.output import show
        from diary.render.post_terminal import preview

        show(preview(exported.markdown))
        return
    from diary.render.html import html_page

    page = html_page(exported.markdown, exported.title)
    if _is_stdout(html):
        print(page, end="")
        return
    write_atomic(html, page, force=force)
    say(f"Wrote {html}.")


def _is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def _exported(post: str) -> "Exported":
    from diary.core.post_document import load_post
    from diary.core.posts import resolve_post
    from diary.render.post_markdown import post_markdown

    with context.session() as db:
        doc = load_post(db, resolve_post(db, post))
    return post_markdown(doc)


def register(app: typer.Typer) -> None:
    app.command("export")(post_export)
    app.command("preview")(post_preview)
