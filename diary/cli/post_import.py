"""`diary post import`: a published post (a document, or a web page's text or HTML) into a post."""

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import say

if TYPE_CHECKING:
    from sqlmodel import Session

    from diary.core.posts.document import PostDoc
    from diary.importers.post_page import ReadPage
    from diary.store.models import Film


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that nothing of it is kept."""


def post_import(
    file: Path = typer.Argument(..., metavar="FILE", help="The post: a document, text or HTML."),
    film: str | None = typer.Option(
        None, "--film", metavar="FILM", help="The film it is about (default: read from FILE)."
    ),
    format_: str | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT", help="Its format (default: newsletter)."
    ),
    number: int | None = typer.Option(
        None, "--number", "-n", metavar="N", help="Its number (default: the next one)."
    ),
    publish_on: str | None = typer.Option(
        None, "--publish-on", metavar="DATE", help="When it was published (default: today)."
    ),
    next_: str | None = typer.Option(
        None,
        "--next",
        metavar="FILM",
        help="The film its teaser announces, when the post does not name it as a field.",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be made; save nothing."),
) -> None:
    """Bring in a published post: its sections, lines, facts, award and footnotes.

    FILE is a whole-post document (as `post edit` shows it), the Markdown `post export`
    writes, the text of a post copied from the newsletter's web page, or the page saved as
    HTML. The post is marked published and
    its film covered on the Spreadsheet. Text that fits no piece is kept as a paragraph of
    its section and listed. People must be in the diary for their lines to be theirs.

    \b
    Example:
      diary post import her-post.txt --film "Her (2013)" --publish-on 2025-02-04
      diary post import her-post.html --film her --dry-run
      diary post import her-post.txt --film her --next "Rocky (1976)"
    """
    from diary.base import clock
    from diary.base.errors import InvalidInput
    from diary.base.words import CONTROL, dropped_controls
    from diary.core.posts.formats import find_format
    from diary.core.posts.importing import document_sections, import_post
    from diary.core.posts.lifecycle import parse_publish_date
    from diary.core.posts.whole import HEADER
    from diary.core.posts.whole_apply import people_names
    from diary.importers.post_markdown import looks_exported, read_markdown
    from diary.importers.post_page import ReadPage, SectionShape, page_lines, read_page

    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}") from exc
    cleaned = [n for n, line in enumerate(text.split("\n"), start=1) if CONTROL.search(line)]
    text = CONTROL.sub("", text)  # a saved page may carry them from anywhere
    when = parse_publish_date(publish_on, clock.today()) if publish_on else None
    is_document = any(HEADER.match(line) for line in text.splitlines())
    is_markdown = not is_document and looks_exported(text)
    fields = document_sections(text)[0] if is_document else {}
    if is_markdown:
        lines = [text.lstrip().split("\n", 1)[0][2:]]
    else:
        lines = [] if is_document else page_lines(text)
    read: list[ReadPage] = []
    summary: list[str] = []
    try:
        with context.session(write=True) as db:
            fmt = find_format(format_ or fields.get("format"))
            chosen = _film(db, film or fields.get("film"), lines)
            upcoming = context.film(db, next_) if next_ else None
            people = people_names(db)

            def document(doc: "PostDoc") -> str:
                if is_document:
                    return text
                shapes = [SectionShape(s.section.key, s.section.kind, s.section.heading)
                          for s in doc.sections]  # fmt: skip
                if is_markdown:
                    read.append(read_markdown(text, shapes))
                else:
                    read.append(read_page(lines, shapes, people))
                return read[-1].document

            imported = import_post(db, fmt, chosen, number, document, when, upcoming)
            summary = _summary(imported.doc, read[0] if read else None)
            if cleaned:
                summary.append(dropped_controls(cleaned, "lines"))
            if imported.published:
                summary.append(f"Published: {', '.join(imported.published)}.")
            if dry_run:
                raise _DryRun
    except _DryRun:
        say("Dry run: nothing was saved. It would make:")
    for line in summary:
        say(line)


def _film(db: "Session", named: str | None, lines: list[str]) -> "Film | None":
    from diary.base.errors import DiaryError, InvalidInput

    if named:
        return context.film(db, named)
    first = lines[0] if lines else ""
    for candidate in (first.rsplit(":", 1)[-1], first.rsplit(",", 1)[-1]):
        title = candidate.strip().strip(".!?…").strip()
        if title and len(title) < 80:
            try:
                return context.film(db, title)
            except DiaryError:
                continue
    raise InvalidInput("cannot tell which film the post is about: name it with --film")


def _summary(doc: "PostDoc", read: "ReadPage | None") -> list[str]:
    from diary.core.films.lookup import label

    filled = [s for s in doc.sections if s.pieces or s.awards or s.section.body]
    pieces = sum(len(s.pieces) + sum(len(p.remarks) for p in s.pieces) for s in doc.sections)
    awards = [a for s in doc.sections for a in s.awards]
    lines = [
        f"{doc.name[:1].upper()}{doc.name[1:]}: {doc.post.status}, {len(filled)} sections with"
        f" text, {pieces} pieces, {len(awards)} award{'s' * (len(awards) != 1)},"
        f" {len(doc.footnotes)} footnotes."
    ]
    for award in awards:
        won = f"; won by {award.winner}" if award.winner else ""
        lines.append(f"Award: {award.award.category} ({len(award.nominees)} nominees{won}).")
    if doc.next_film is not None:
        lines.append(f"Next film: {label(doc.next_film)}.")
    if read is not None:
        missing = [
            s.section.heading
            for s in doc.sections
            if s.section.key not in read.sections and s.section.kind != "footnotes"
        ]
        if missing:
            lines.append(f"Not found in the page: {', '.join(missing)}.")
        lines.extend(f"Kept as text: {note}" for note in read.unsure)
    return lines


def register(app: typer.Typer) -> None:
    app.command("import")(post_import)
