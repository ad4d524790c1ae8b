"""Charts placed into a post's Markdown, HTML preview or terminal preview.

Before the post is rendered, each chart entry becomes a paragraph holding a marker word
(letters and digits, which escaping leaves alone) at the end of its section; afterwards the
marker is replaced: by a Markdown image of the file written beside the post, by the picture
itself embedded in the HTML preview, or by its alt text in the terminal.
"""

import base64
import re
from dataclasses import dataclass, replace
from html import escape

from diary.core.posts.charts import KIND
from diary.core.posts.document import PostDoc, SectionDoc
from diary.render.chart_draw import draw
from diary.render.charts import Chart


@dataclass
class Placed:
    marker: str
    chart: Chart
    file: str  # the picture's name beside the Markdown

    def svg(self) -> bytes:
        return draw(self.chart, "svg")


def place(doc: PostDoc, charts: list[tuple[int, Chart]], stem: str) -> tuple[PostDoc, list[Placed]]:
    """The post with markers where its charts go; `charts` pairs entry ids with charts."""
    by_entry = dict(charts)
    placed: list[Placed] = []
    sections: list[SectionDoc] = []
    for section in doc.sections:
        markers = []
        for piece in section.pieces:
            chart = by_entry.get(piece.entry.id or 0)
            if piece.entry.kind == KIND and chart is not None:
                n = len(placed) + 1
                placed.append(Placed(f"DIARYCHART{n}MARK", chart, f"{stem}-{n}-{chart.kind}.svg"))
                markers.append(placed[-1].marker)
        if not markers:
            sections.append(section)
            continue
        body = "\n\n".join([section.section.body or "", *markers]).strip()
        sections.append(
            SectionDoc(
                section.section.model_copy(update={"body": body}),
                [p for p in section.pieces if p.entry.kind != KIND],
                section.awards,
            )
        )
    return replace(doc, sections=sections), placed


def markdown_images(markdown: str, placed: list[Placed]) -> str:
    for item in placed:
        alt = re.sub(r"([\\\[\]])", r"\\\1", " ".join(item.chart.alt.split()))
        markdown = markdown.replace(item.marker, f"![{alt}]({item.file})")
    return markdown


def html_images(html: str, placed: list[Placed]) -> str:
    for item in placed:
        data = base64.b64encode(item.svg()).decode("ascii")
        figure = (
            f'<figure><img src="data:image/svg+xml;base64,{data}" '
            f'alt="{escape(item.chart.alt)}" style="max-width:100%;height:auto"></figure>'
        )
        html = html.replace(f"<p>{item.marker}</p>", figure).replace(item.marker, "")
    return html


def terminal_text(markdown: str, placed: list[Placed]) -> str:
    for item in placed:
        markdown = markdown.replace(item.marker, f"(Chart: {item.chart.alt})")
    return markdown
