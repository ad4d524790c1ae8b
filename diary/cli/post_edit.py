"""`diary post edit`: the whole post in `$VISUAL`/`$EDITOR` as one document, saved back.

A document that does not read opens again with the error at the top as a comment; saving it
unchanged (or quitting without saving) gives up, and the text is kept in a file whose name is
printed, so nothing typed is lost.
"""

import os
from pathlib import Path

import typer

from diary.cli import context
from diary.cli.output import say

POST = typer.Argument(..., metavar="POST", help="The post: its number or its film.")
_HELP = [
    "Edit the post and save; quit without saving to change nothing.",
    "Sections start with '=== Heading [key] ==='; their fields (tagline:, lead-in:, short:,",
    "source:) sit right under it; then a blank line and the text. 'Name: text' is a line by",
    "Name; '[^key]: text' defines a footnote. Lines starting with '#' up here are ignored.",
]


def post_edit(post: str = POST) -> None:
    """Open the whole post in $VISUAL or $EDITOR as one document and save what you change.

    The document holds the post's fields (title, status, publish on…), then every section
    under a line '=== Heading [key] ===' with its tagline and lead-in, speaker lines
    (Ellen: …), remarks, facts, awards (award:, nominee:, winner:) and footnote definitions
    ([^key]: text). Saving prints what changed. A document that does not read opens again
    with the error at the top; nothing you typed is lost. See docs/posts.md.

    \b
    Example:
      diary post edit 12
      EDITOR=nano diary post edit her
    """
    import tempfile

    from diary.base.errors import Conflict, InvalidInput
    from diary.core.posts.document import load_post
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.whole import post_document
    from diary.core.posts.whole_apply import save_document

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        raise InvalidInput("$VISUAL and $EDITOR are not set: say which editor to use")
    with context.session() as db:
        found = resolve_post(db, post)
        doc = load_post(db, found)
        original = post_document(doc)
        name = doc.name
    handle, name_of_file = tempfile.mkstemp(prefix="diary-post-", suffix=".txt")
    os.close(handle)
    path = Path(name_of_file)
    shown = post_document(doc, [name, *_HELP])
    keep = False
    try:
        while True:
            path.write_text(shown, encoding="utf-8")
            try:
                _run(editor, path)
            except InvalidInput:
                keep = shown != post_document(doc, [name, *_HELP])
                if keep:
                    say(f"Nothing saved; your text is kept in {path}.")
                raise
            edited = path.read_text(encoding="utf-8")
            if edited == shown:
                if shown != post_document(doc, [name, *_HELP]):
                    keep = True
                    say(f"Nothing saved; your text is kept in {path}.")
                    raise typer.Exit(1)
                say("No change.")
                return
            try:
                with context.session(write=True) as db:
                    found = resolve_post(db, post)
                    if post_document(load_post(db, found)) != original:
                        raise Conflict(f"{name} changed while you were editing")
                    saved = save_document(db, found, edited)
            except Conflict:
                keep = True
                path.write_text(edited, encoding="utf-8")
                say(f"Nothing saved; your text is kept in {path}.")
                raise
            except InvalidInput as exc:
                shown = _with_error(edited, exc.message)
                continue
            for line in saved.changes or ["No change."]:
                say(line)
            return
    finally:
        if not keep:
            path.unlink(missing_ok=True)


def _with_error(text: str, message: str) -> str:
    """`text` with its leading comments replaced by the error and the help."""
    lines = text.split("\n")
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    top = [f"# Error: {message}", "# Fix it and save again, or save unchanged to give up.", ""]
    return "\n".join(top + [f"# {h}" for h in _HELP] + lines)


def _run(editor: str, path: Path) -> None:
    import shlex
    import subprocess

    from diary.base.errors import InvalidInput

    try:
        finished = subprocess.run([*shlex.split(editor), str(path)], check=False)
    except OSError as exc:
        raise InvalidInput(f"the editor failed: cannot run {editor!r}: {exc.strerror}") from exc
    if finished.returncode != 0:
        raise InvalidInput(f"the editor failed: {editor!r} exited with {finished.returncode}")


def post_wording(
    post: str = POST,
    section: str = typer.Argument(..., metavar="SECTION", help="The section: key or heading."),
    tagline: str | None = typer.Option(
        None, "--tagline", metavar="TEXT", help="Its tagline ('' removes it)."
    ),
    lead_in: str | None = typer.Option(
        None, "--lead-in", metavar="TEXT", help="The sentence before its pieces."
    ),
    label: list[str] = typer.Option(
        [], "--label", metavar="NAME=TEXT", help="One of the format's labels, worded anew."
    ),
) -> None:
    """Word one section of this post its own way, leaving the format as it is.

    Labels are the fixed words around pieces: a plot's short, via and long; an award's
    category, nominees and winner; a Q&A's question and asked_by. NAME= with no text goes
    back to the format's wording. The same can be written in `diary post edit`.

    \b
    Example:
      diary post wording 12 nomnomnomz --label "winner=And the Oscar goes to …"
      diary post wording 12 plots --tagline "Self-explanatory, mostly." --label "long=Long Version"
    """
    from diary.base.errors import InvalidInput
    from diary.core.posts.lifecycle import find_section, resolve_post, touch
    from diary.core.posts.wording import set_wording

    labels: dict[str, str] = {}
    for given in label:
        name, equals, text = given.partition("=")
        if not equals or not name.strip():
            raise InvalidInput(f"--label takes NAME=TEXT, not {given!r}")
        labels[name.strip()] = text
    with context.session(write=True) as db:
        found = resolve_post(db, post)
        target = find_section(db, found, section)
        said = set_wording(target, tagline, lead_in, labels)
        db.add(target)
        touch(db, found)
        heading = target.heading
    say(f"{heading}: {', '.join(said)}.")


def register(app: typer.Typer) -> None:
    app.command("edit")(post_edit)
    app.command("wording")(post_wording)
