"""A post as ready-to-paste Markdown, through the Jinja2 template of its format.

The template sees only escaped text (see diary.render.markdown): it decides the structure,
and nothing a person typed can add to it. Footnote references are numbered after rendering,
in the order they appear, so any template order numbers them correctly.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diary.base.errors import InvalidInput, NotFound
from diary.core.posts.document import Piece, PostDoc, SectionDoc
from diary.core.posts.formats import DEFAULT_TEMPLATE, Format, SectionSpec, find_format, shipped_dir
from diary.core.posts.status import is_filled, post_status
from diary.core.posts.wording import own_labels
from diary.render.inline import writer_inline, writer_paragraphs
from diary.render.markdown import (
    FOOTNOTES_HERE,
    escape_inline,
    footnote_keys,
    number_footnotes,
    reference_order,
)
from diary.store.models import PostSection


@dataclass
class Exported:
    markdown: str
    title: str  # as plain text
    notes: list[str] = field(default_factory=list)


def post_markdown(doc: PostDoc) -> Exported:
    """The post's Markdown and anything worth telling the person who exported it."""
    rendered, notes = _rendered(doc)
    markdown, unused = number_footnotes(
        rendered, {f.key: f.text for f in doc.footnotes}, lambda text: writer_inline(text, ())
    )
    status = post_status(doc)
    for key in status.unknown_markers:
        notes.append(f"[^{key}] names no footnote of this post; it was left as text")
    for key in unused:
        notes.append(f"footnote [^{key}] is never referred to; it was left out")
    return Exported(markdown, title_of(doc), notes)


def footnote_numbers(doc: PostDoc) -> dict[str, int]:
    """The number each footnote key gets in the export (footnotes no text uses have none)."""
    order = reference_order(_rendered(doc)[0])
    return {key: n for n, key in enumerate(order, start=1)}


def _rendered(doc: PostDoc) -> tuple[str, list[str]]:
    """The template's output, references not yet numbered, and notes for the person."""
    notes: list[str] = []
    try:
        fmt: Format | None = find_format(doc.post.format)
    except NotFound:
        fmt = None
        notes.append(f"format {doc.post.format!r} is gone; used the default template")
    keys = footnote_keys(f.key for f in doc.footnotes)
    shown = [s for s in doc.sections if s.section.kind == "footnotes" or is_filled(s, doc)]
    left_out = [s.section.heading for s in doc.sections if s not in shown]
    if left_out:
        notes.append(f"left out empty sections: {', '.join(left_out)}")
    return _render(fmt, view(doc, fmt, keys, shown)), notes


def view(
    doc: PostDoc, fmt: Format | None, keys: frozenset[str], sections: list[SectionDoc]
) -> dict[str, Any]:
    """What the template sees: the post and the sections shown, every text already escaped."""
    post = doc.post
    return {
        "post": {
            "number": post.number,
            "title": escape_inline(title_of(doc)),
            "subtitle": escape_inline(post.subtitle) or None,
            "film": escape_inline(_film_label(doc)) or None,
            "status": post.status,
            "publish_on": post.publish_on.isoformat() if post.publish_on else None,
        },
        "sections": [_section(s, fmt, keys) for s in sections],
        "footnotes": FOOTNOTES_HERE,
    }


def title_of(doc: PostDoc) -> str:
    """The post's title, else its film's, else 'Post N'."""
    return doc.post.title or (doc.film.title if doc.film else "") or f"Post {doc.post.number}"


def _film_label(doc: PostDoc) -> str | None:
    if doc.film is None:
        return None
    from diary.core.films.lookup import label

    return label(doc.film)


def _section(doc: SectionDoc, fmt: Format | None, keys: frozenset[str]) -> dict[str, Any]:
    section = doc.section
    spec = fmt.section(section.key) if fmt is not None else None
    is_plot = section.kind == "plot"
    return {
        "key": section.key,
        "kind": section.kind,
        "heading": escape_inline(section.heading),
        "tagline": escape_inline(section.tagline) or None,
        "paragraphs": [] if is_plot else writer_paragraphs(section.body, keys),
        "short": " ".join(writer_paragraphs(section.body, keys)) if is_plot else None,
        "source": escape_inline(section.source) or None,
        "pieces": [_piece(p, keys) for p in doc.pieces],
        "awards": [
            {
                "theme": escape_inline(a.award.theme),
                "category": _inline(a.award.category, keys),
                "nominees": [_inline(n, keys) for n in a.nominees],
                "winner": _inline(a.winner, keys) or None,
                "note": writer_paragraphs(a.award.note, keys),
            }
            for a in doc.awards
        ],
        "long_source": escape_inline(section.long_source) or None,
        "labels": {k: escape_inline(v) for k, v in section_labels(section, spec).items()},
    }


def section_labels(section: PostSection, spec: SectionSpec | None) -> dict[str, str]:
    """The format's labels for the section, with this post's own wording over them."""
    return (dict(spec.labels) if spec else {}) | own_labels(section)


def _inline(text: str | None, keys: frozenset[str]) -> str:
    """One line of a writer's text, its footnote markers kept (an award's category, a nominee)."""
    return writer_inline(text, keys)


def _piece(piece: Piece, keys: frozenset[str]) -> dict[str, Any]:
    entry = piece.entry
    return {
        "kind": entry.kind,
        "number": piece.number,
        "speaker": escape_inline(entry.speaker) or None,
        "paragraphs": writer_paragraphs(entry.text, keys) or [""],
        "film": escape_inline(entry.text) if entry.kind == "film" else None,
        "remarks": [
            {
                "kind": remark.kind,
                "speaker": escape_inline(remark.speaker) or None,
                "paragraphs": writer_paragraphs(remark.text, keys) or [""],
            }
            for remark in piece.remarks
        ],
    }


def _render(fmt: Format | None, values: dict[str, Any]) -> str:
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    folders: list[Path] = [fmt.path.parent] if fmt is not None else []
    folders.append(shipped_dir())
    name = fmt.template if fmt is not None else DEFAULT_TEMPLATE
    environment = SandboxedEnvironment(
        loader=FileSystemLoader([str(f) for f in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    try:
        return environment.get_template(name).render(values)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        at = f", line {line}" if line else ""
        raise InvalidInput(f"template {where}{at}: {exc.message or exc}") from exc
