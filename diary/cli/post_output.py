"""`diary post export|preview`: the finished post as Markdown, in the terminal, or as HTML."""

from pathlib import Path

import typer

from diary.cli.output import say
from diary.cli.post_pieces import POST


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
    from diary.cli.post_charts import charted
    from diary.render.post_charts import markdown_images

    exported, charts = charted(post, output.stem if output is not None else "chart")
    for note in exported.notes:
        say(f"Note: {note}")
    markdown = markdown_images(exported.markdown, charts)
    if output is None:
        if charts:
            say("Note: the post has charts; export with -o FILE to write their pictures")
        print(markdown, end="")
        return
    for chart in charts:
        check_target(output.parent / chart.file, force)
    for chart in charts:  # the pictures first: the Markdown never refers to a missing one
        write_atomic(output.parent / chart.file, chart.svg(), force=force)
    write_atomic(output, markdown, force=force)
    say(f"Wrote {output} ({len(markdown.split())} words).")
    if charts:
        say(f"Wrote {', '.join(c.file for c in charts)} beside it.")


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
    from diary.cli.post_charts import charted
    from diary.render.post_charts import html_images, terminal_text

    exported, charts = charted(post, "chart")
    for note in exported.notes:
        say(f"Note: {note}")
    if html is None:
        from diary.cli.output import show
        from diary.render.post_terminal import preview

        show(preview(terminal_text(exported.markdown, charts)))
        return
    from diary.render.html import html_page

    page = html_images(html_page(exported.markdown, exported.title), charts)
    if _is_stdout(html):
        print(page, end="")
        return
    write_atomic(html, page, force=force)
    say(f"Wrote {html}.")


def _is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def register(app: typer.Typer) -> None:
    app.command("export")(post_export)
    app.command("preview")(post_preview)
