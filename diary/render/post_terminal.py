"""Posts for people at a terminal: tables, an outline with piece numbers, status, preview.

User text always goes in as rich `Text`, never as console markup, so `[bold]` typed into a
post is shown as typed.
"""

import re
from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from diary.core.films.lookup import label
from diary.core.posts.awards import AwardRow
from diary.core.posts.candidates import Candidate
from diary.core.posts.document import MARKER, PostDoc, SectionDoc, post_name
from diary.core.posts.formats import Format
from diary.core.posts.lifecycle import PostRow
from diary.core.posts.quotes import Quotable
from diary.core.posts.status import PostStatus, is_filled
from diary.render.review_text import readable

_REFERENCE = re.compile(r"(?<!\\)\[\^(\d+)\]")
_DEFINITION = re.compile(r"^\[\^(\d+)\]: ", re.MULTILINE)
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def posts_table(rows: Sequence[PostRow]) -> Table:
    table = Table()
    for name in ("No.", "Film", "Title", "Format", "Status", "Publish on", "Filled"):
        table.add_column(name, justify="right" if name in ("No.", "Filled") else "left")
    for row in rows:
        table.add_row(
            str(row.post.number or ""),
            Text(label(row.film) if row.film else "—"),
            Text(row.post.title or ""),
            row.post.format,
            row.post.status,
            row.post.publish_on.isoformat() if row.post.publish_on else "",
            f"{row.filled}/{row.sections}",
        )
    return table


def prefilled_summary(doc: PostDoc) -> str:
    filled = [_filled_label(s) for s in doc.sections if is_filled(s, doc)]
    return "Pre-filled: " + (", ".join(filled) if filled else "nothing yet") + "."


def _filled_label(doc: SectionDoc) -> str:
    pieces = len(doc.pieces)
    if doc.section.kind == "plot" and doc.section.body:
        source = f" via {doc.section.source}" if doc.section.source else ""
        return f"{doc.section.heading} (short version{source})"
    if pieces:
        return f"{doc.section.heading} ({pieces} piece{'s' * (pieces != 1)})"
    return doc.section.heading


def post_outline(doc: PostDoc, numbers: dict[str, int]) -> RenderableType:
    """The post at a glance, its footnote markers numbered as the export numbers them."""
    post = doc.post
    head = Text(_first_upper(post_name(post, doc.film)), style="bold")
    details = [post.format, post.status]
    if post.publish_on:
        details.append(f"publish on {post.publish_on.isoformat()}")
    parts: list[RenderableType] = [head, Text(" · ".join(details), style="dim")]
    if post.title or post.subtitle:
        parts.append(Text(" — ".join(t for t in (post.title, post.subtitle) if t)))
    if doc.next_film is not None:
        parts.append(Text(f"Next film: {label(doc.next_film)}", style="dim"))
    for section in doc.sections:
        parts.append(Text(""))
        parts.append(_section_head(section, doc))
        if section.section.kind == "footnotes":
            parts.extend(_footnote_line(f.key, f.text, numbers) for f in doc.footnotes)
        else:
            parts.extend(_section_lines(section, numbers))
    return Group(*parts)


def _section_head(section: SectionDoc, doc: PostDoc) -> Text:
    head = Text(section.section.heading, style="bold")
    head.append(f"  {section.section.key} · {section.section.kind}", style="dim")
    if not is_filled(section, doc):
        head.append("  (empty)", style="yellow")
    return head


def _footnote_line(key: str, text: str, numbers: Mapping[str, int]) -> Text:
    shown = str(numbers[key]).translate(_SUPERSCRIPT) if key in numbers else "(unused)"
    return Text(f"  {shown} [^{key}] {text}")


def _section_lines(section: SectionDoc, numbers: Mapping[str, int]) -> list[Text]:
    lines = []
    body = section.section.body
    if body:
        prefix = "  short version: " if section.section.kind == "plot" else "  "
        source = f" (via {section.section.source})" if section.section.source else ""
        lines.append(Text(prefix + numbered(" ".join(body.split()), numbers) + source))
    for piece in section.pieces:
        text = numbered(piece.entry.text, numbers)
        lines.append(_spoken(f"  {piece.number}. ", piece.entry.speaker, text))
        lines.extend(
            _spoken("       ↳ ", r.speaker, numbered(r.text, numbers)) for r in piece.remarks
        )
    for award in section.awards:
        lines.append(Text(f"  {numbered(award.award.category, numbers)}", style="italic"))
        for number, name in enumerate(award.nominees, start=1):
            crown = " ★" if award.award.winner_position == number else ""
            lines.append(Text(f"    {number}. {numbered(name, numbers)}{crown}"))
        if award.award.note:
            lines.append(Text(f"    {numbered(' '.join(award.award.note.split()), numbers)}"))
    return lines


def _spoken(prefix: str, speaker: str | None, text: str) -> Text:
    line = Text(prefix)
    if speaker:
        line.append(f"{speaker}: ", style="bold")
    line.append(" ".join(text.split()))
    return line


def status_view(status: PostStatus) -> RenderableType:
    table = Table(title=None)
    for name in ("Section", "Key", "Kind", "Status", "Words"):
        table.add_column(name, justify="right" if name == "Words" else "left")
    for s in status.sections:
        state = Text("filled", style="green") if s.filled else Text("empty", style="yellow")
        if s.filled and s.missing:
            state = Text(f"no {s.missing} yet", style="yellow")
        table.add_row(Text(s.heading), s.key, s.kind, state, str(s.words))
    filled = sum(1 for s in status.sections if s.filled)
    parts: list[RenderableType] = [
        Text(_first_upper(post_name(status.doc.post, status.doc.film)), style="bold"),
        table,
        Text(f"{filled} of {len(status.sections)} sections filled, {status.words} words."),
    ]
    if status.speakers:
        speakers = Table()
        speakers.add_column("Speaker")
        speakers.add_column("Words", justify="right")
        for name, count in status.speakers.items():
            speakers.add_row(Text(name), str(count))
        parts.append(speakers)
    for key in status.unknown_markers:
        parts.append(Text(f"[^{key}] is used but names no footnote.", style="yellow"))
    for key in status.unused_footnotes:
        parts.append(Text(f"Footnote [^{key}] is never used.", style="yellow"))
    return Group(*parts)


def formats_table(formats: Sequence[Format]) -> Table:
    table = Table()
    for name in ("Name", "Title", "Sections", "Where"):
        table.add_column(name)
    for fmt in formats:
        table.add_row(
            fmt.name,
            Text(fmt.title),
            Text(" › ".join(s.heading if "{" not in s.heading else s.key for s in fmt.sections)),
            "built in" if fmt.builtin else Text(str(fmt.path)),
        )
    return table


def candidates_table(found: Sequence[Candidate]) -> Table:
    table = Table()
    for name in ("No.", "Fact", "From", "Added"):
        table.add_column(name, justify="right" if name == "No." else "left")
    for candidate in found:
        fact = candidate.fact
        where = f"{fact.source}, {fact.detail}" if fact.detail else fact.source
        table.add_row(str(candidate.number), Text(fact.value), Text(where), "✓" * candidate.used)
    return table


def quotables_table(found: Sequence[Quotable]) -> Table:
    table = Table()
    for name in ("No.", "Score", "Critic or viewer", "Publication", "Quote", "Quoted"):
        table.add_column(name, justify="right" if name in ("No.", "Score") else "left")
    for item in found:
        review = item.review
        table.add_row(
            str(item.number),
            "" if review.score is None else str(review.score),
            Text(review.critic or ""),
            Text(review.publication or ""),
            readable(review.excerpt or review.title or "—", limit=240),
            "✓" * item.used,
        )
    return table


def awards_table(
    rows: Sequence[AwardRow], numbers: Mapping[int | None, Mapping[str, int]] | None = None
) -> Table:
    """The awards; `numbers` (by post id) shows footnote markers as that post's export does."""
    table = Table()
    for name in ("Post", "Film", "Theme", "Category", "Winner"):
        table.add_column(name, justify="right" if name == "Post" else "left")
    for row in rows:
        known = (numbers or {}).get(row.post.id, {})
        table.add_row(
            str(row.post.number or ""),
            Text(label(row.film) if row.film else row.post.title or ""),
            Text(row.award.theme),
            Text(numbered(row.award.category, known)),
            Text(numbered(row.winner, known) or "—"),
        )
    return table


def numbered(text: str | None, numbers: Mapping[str, int]) -> str:
    """`text` with each footnote marker shown as the export numbers it (a superscript)."""
    return MARKER.sub(
        lambda m: str(numbers[m[1]]).translate(_SUPERSCRIPT) if m[1] in numbers else m[0],
        text or "",
    )


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def preview(markdown: str) -> RenderableType:
    """The exported Markdown rendered by rich, footnote numbers as superscripts."""
    shown = _DEFINITION.sub(lambda m: m[1].translate(_SUPERSCRIPT) + " ", markdown)
    shown = _REFERENCE.sub(lambda m: m[1].translate(_SUPERSCRIPT), shown)
    return Markdown(shown)
