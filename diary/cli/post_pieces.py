"""`diary post say|write|footnote|clear`: a post, piece by piece.

Every command changes one section (or the footnotes) in one transaction and says what changed.
"""

import os
import sys

import typer

from diary.cli import context
from diary.cli.output import say

POST = typer.Argument(..., metavar="POST", help="The post: its number or its film.")
SECTION = typer.Argument(
    ..., metavar="SECTION", help="The section: short key or heading (plots, 'Plots & Feelings')."
)


def post_say(
    post: str = POST,
    section: str = SECTION,
    text: str = typer.Argument(..., metavar="TEXT", help="What they say; '-' reads stdin."),
    by: list[str] = typer.Option(
        [], "--by", metavar="NAME", help="Who says it (default: you); repeat for a joint line."
    ),
    on: str | None = typer.Option(
        None, "--on", metavar="N", help="The piece it remarks on or answers (default: the last)."
    ),
) -> None:
    """Add a speaker line, or a remark on a plot paragraph, fact or film, or an answer.

    Speaker names are printed in bold. Several --by make one joint line ("Ellen & Tyler").

    \b
    Example:
      diary post say 12 previews --by Ellen "I expected a monster movie."
      diary post say 12 wiki --by Tyler "Bruce! Of course." --on 2
      diary post say 14 questions --by Ellen --by Tyler "Both of us, loudly."
    """
    from diary.core.posts.lifecycle import find_section, resolve_post
    from diary.core.posts.pieces import say as add_line
    from diary.core.posts.pieces import speaker_label, unknown_markers

    words = read_text(text)
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        message = add_line(
            db, found, find_section(db, found, section), speaker_label(db, by), words, on
        )
        missing = unknown_markers(db, found, words)
    _tell(message, missing)


def post_write(
    post: str = POST,
    section: str = SECTION,
    text: str | None = typer.Argument(
        None, metavar="TEXT", help="The text; '-' reads stdin; none opens $EDITOR."
    ),
    file: str | None = typer.Option(
        None, "--file", metavar="FILE", help="Read the text from FILE."
    ),
    append: bool = typer.Option(False, "--append", "-a", help="Add to the section, not replace."),
    short: str | None = typer.Option(
        None, "--short", metavar="TEXT", help="A plot's one-line short version."
    ),
    source: str | None = typer.Option(
        None, "--source", metavar="TEXT", help="Where the short version comes from."
    ),
) -> None:
    """Write a section: prose, or its pieces as text (Name: lines, paragraphs, Q: questions).

    Replaces what the section says unless --append. With no TEXT and no --file it opens
    $EDITOR on the section as it is now. In the text, a paragraph starting with a person's
    name and a colon is theirs; an indented paragraph continues the one above.

    \b
    Example:
      diary post write 12 intermission --file ad.txt
      diary post write 12 plots --append "Amity Island gets ready for summer."
      diary post write 12 plots --short "A shark terrorises a beach town." --source IMDb
      diary post write 12 plots
    """
    from diary.base.errors import InvalidInput
    from diary.core.posts.lifecycle import find_section, resolve_post
    from diary.core.posts.pieces import current_text, set_short_plot, unknown_markers
    from diary.core.posts.pieces import write as write_section

    if file is not None and text is not None:
        raise InvalidInput("give the text or --file, not both")
    plot_only = (short is not None or source is not None) and text is None and file is None
    edited_from: str | None = None
    content: str | None = None
    if file is not None:
        content = _read_file(file)
    elif text is not None:
        content = read_text(text)
    elif not plot_only:
        with context.session() as db:
            found = resolve_post(db, post)
            edited_from = current_text(db, found, find_section(db, found, section))
        content = _edit(edited_from)
        if content is None:
            say("No change.")
            return
    if (
        content is not None
        and (file is not None or text == "-")
        and not append
        and not content.strip()
    ):
        where = file or "standard input"
        raise InvalidInput(f"{where} holds no text; `diary post clear` empties a section")
    messages: list[str] = []
    missing: list[str] = []
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = find_section(db, found, section)
        if short is not None or source is not None:
            messages.append(set_short_plot(db, found, target, short, source))
        if edited_from is not None and current_text(db, found, target) != edited_from:
            from diary.base.errors import Conflict

            raise Conflict(f"{target.heading} changed while you were editing; nothing saved")
        if content is not None:
            messages.append(write_section(db, found, target, content, append))
            missing = unknown_markers(db, found, content)
    for message in messages[:-1]:
        say(message)
    _tell(messages[-1], missing)


def post_footnote(
    post: str = POST,
    text: str = typer.Argument(..., metavar="TEXT", help="The footnote's text."),
    key: str | None = typer.Option(
        None, "--key", metavar="KEY", help="Its marker [^KEY] (default: fn1, fn2…); existing: edit."
    ),
) -> None:
    """Add a footnote and print its marker, to put in any text of the post.

    Footnotes are numbered [^1], [^2]… on export, in the order they are first used.

    \b
    Example:
      marker=$(diary post footnote 12 "It was not the last.")
      diary post say 12 plots --by Tyler "A sequel was inevitable.$marker"
      diary post footnote 12 --key bruce "Named after a lawyer."
    """
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.pieces import set_footnote

    with context.session(write=True) as db:
        marker, message = set_footnote(db, resolve_post(db, post), read_text(text), key)
    print(marker)
    say(message)


def post_clear(
    post: str = POST,
    section: str = SECTION,
    piece: int | None = typer.Option(
        None, "--piece", metavar="N", help="Remove only piece N (see `diary post show`)."
    ),
) -> None:
    """Empty a section, or remove one piece of it with its remarks.

    \b
    Example:
      diary post clear 12 intermission
      diary post clear 12 wiki --piece 2
    """
    from diary.core.posts.lifecycle import find_section, resolve_post
    from diary.core.posts.pieces import clear

    with context.session(write=True) as db:
        found = resolve_post(db, post)
        message = clear(db, found, find_section(db, found, section), piece)
    say(message)


def read_text(text: str | None) -> str:
    """TEXT as given, or stdin for '-'."""
    if text == "-":
        from diary.base.words import refuse_control

        return refuse_control(sys.stdin.read(), "text read from stdin")
    return text or ""


def _read_file(path: str) -> str:
    from diary.base.errors import InvalidInput

    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc


def _edit(text: str) -> str | None:
    """Open $VISUAL or $EDITOR on `text`; the edited text, or None when nothing changed."""
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    from diary.base.errors import InvalidInput

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise InvalidInput("no text given and $EDITOR is not set: give TEXT, --file FILE or -")
    with tempfile.TemporaryDirectory(prefix="diary-") as folder:
        path = Path(folder) / "section.md"
        path.write_text(text, encoding="utf-8")
        try:
            finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as exc:
            raise InvalidInput(f"the editor failed: cannot run {editor!r}: {exc.strerror}") from exc
        if finished.returncode != 0:
            raise InvalidInput(f"the editor failed: {editor!r} exited with {finished.returncode}")
        edited = path.read_text(encoding="utf-8")
    from diary.base.words import refuse_control

    refuse_control(edited, "text from the editor")
    if edited.strip() == text.strip():
        return None
    return edited


def _tell(message: str, missing: list[str]) -> None:
    say(message)
    for marker in dict.fromkeys(missing):
        say(f"Note: {marker} names no footnote yet; add it with `diary post footnote`.")


def register(app: typer.Typer) -> None:
    app.command("say")(post_say)
    app.command("write")(post_write)
    app.command("footnote")(post_footnote)
    app.command("clear")(post_clear)
