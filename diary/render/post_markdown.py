"""A post as ready-to-paste Markdown, through the Jinja2 template of its format.

The template sees only escaped text (see diary.render.markdown): it decides the structure,
and nothing a person typed can add to it. Footnote references are numbered after rendering,
in the order they appear, so any template order numbers them correctly.
"""

from dataclasses import dataclass, field
from typing import Any

from diary.base.errors import InvalidInput
from diary.core.posts.document import Piece, PostDoc, SectionDoc
from diary.core.posts.formats import Format, SectionSpec
from diary.core.posts.plan import ExportPlan
from diary.core.posts.wording import own_labels
from diary.render.inline import writer_inline, writer_paragraphs
from diary.render.markdown import (
    FOOTNOTES_HERE,
    escape_inline,
    footnote_keys,
    number_footnotes,
    reference_order,
)
from diary.store.models import Film, PostSection


@dataclass
class Exported:
    markdown: str
    title: str  # as plain text
    notes: list[str] = field(default_factory=list)


def post_markdown(plan: ExportPlan) -> Exported:
    """The post's Markdown and anything worth telling the person who exported it."""
    doc = plan.doc
    notes = list(plan.notes)
    markdown, unused = number_footnotes(
        _rendered(plan),
        {f.key: f.text for f in doc.footnotes},
        lambda text: writer_inline(text, ()),
    )
    for key in plan.unknown_markers:
        notes.append(f"[^{key}] names no footnote of this post; it was left as text")
    for key in unused:
        notes.append(f"footnote [^{key}] is never referred to; it was left out")
    return Exported(markdown, title_of(doc), notes)


def footnote_numbers(plan: ExportPlan) -> dict[str, int]:
    """The number each footnote key gets in the export (footnotes no text uses have none)."""
    order = reference_order(_rendered(plan))
    return {key: n for n, key in enumerate(order, start=1)}


def _rendered(plan: ExportPlan) -> str:
    """The template's output, references not yet numbered."""
    keys = footnote_keys(f.key for f in plan.doc.footnotes)
    return _render(plan, view(plan.doc, plan.format, keys, plan.shown))


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
            "film": escape_inline(_film_label(doc.film)) or None,
            "next_film": escape_inline(_film_label(doc.next_film)) or None,
            "status": post.status,
            "publish_on": post.publish_on.isoformat() if post.publish_on else None,
        },
        "sections": [_section(s, fmt, keys) for s in sections],
        "footnotes": FOOTNOTES_HERE,
    }


def title_of(doc: PostDoc) -> str:
    """The post's title, else its film's, else 'Post N'."""
    return doc.post.title or (doc.film.title if doc.film else "") or f"Post {doc.post.number}"


def _film_label(film: Film | None) -> str | None:
    if film is None:
        return None
    from diary.core.films.lookup import label

    return label(film)


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
                "winner": _inline(a.announced, keys) or None,
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


def _render(plan: ExportPlan, values: dict[str, Any]) -> str:
    from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(
        loader=FileSystemLoader([str(f) for f in plan.template_folders]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    try:
        return environment.get_template(plan.template).render(values)
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or plan.template
        line = getattr(exc, "lineno", None)
        at = f", line {line}" if line else ""
        raise InvalidInput(f"template {where}{at}: {exc.message or exc}") from exc
