"""What an export of a post will hold, decided before anything is written.

The format (or none, when it is gone), the sections shown (empty ones are left out, the
footnotes section always stays), the template and the folders it is looked up in, and what
the person is told about it. Renderers turn a plan into Markdown or a terminal view and
decide nothing about the post themselves.
"""

from dataclasses import dataclass, field
from pathlib import Path

from diary.base.errors import NotFound
from diary.core.posts.document import PostDoc, SectionDoc
from diary.core.posts.formats import DEFAULT_TEMPLATE, Format, find_format, shipped_dir
from diary.core.posts.status import is_filled, post_status


@dataclass
class ExportPlan:
    doc: PostDoc
    format: Format | None
    shown: list[SectionDoc]
    template: str
    template_folders: list[Path]
    notes: list[str] = field(default_factory=list)  # said before the export's own notes
    unknown_markers: list[str] = field(default_factory=list)


def export_plan(doc: PostDoc) -> ExportPlan:
    """The plan for exporting `doc` as it stands."""
    notes: list[str] = []
    try:
        fmt: Format | None = find_format(doc.post.format)
    except NotFound:
        fmt = None
        notes.append(f"format {doc.post.format!r} is gone; used the default template")
    shown = [s for s in doc.sections if s.section.kind == "footnotes" or is_filled(s, doc)]
    left_out = [s.section.heading for s in doc.sections if s not in shown]
    if left_out:
        notes.append(f"left out empty sections: {', '.join(left_out)}")
    folders = ([fmt.path.parent] if fmt is not None else []) + [shipped_dir()]
    template = fmt.template if fmt is not None else DEFAULT_TEMPLATE
    unknown = list(post_status(doc).unknown_markers)
    return ExportPlan(doc, fmt, shown, template, folders, notes, unknown)
