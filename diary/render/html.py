"""A post's Markdown as one standalone, inert HTML page for pasting into a newsletter editor.

markdown-it-py renders it with raw HTML switched off (any `<script>` or `<img onerror>` that
reached the Markdown shows as text) and its link validation on (no `javascript:`, `vbscript:`,
`file:` or `data:` links). The page carries its own small stylesheet and nothing else: no
scripts, no external resources.
"""

from html import escape

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

STYLE = """
body { font: 17px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fdfcf9; }
article { max-width: 40em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.25; }
h2 { margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: .2em; }
.footnotes { font-size: .9em; color: #444; }
""".strip()


def parser() -> MarkdownIt:
    """CommonMark with GFM tables and strikethrough and footnotes; raw HTML is text."""
    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
        .use(footnote_plugin)
        .enable(["table", "strikethrough"])
    )


def html_fragment(markdown: str) -> str:
    return str(parser().render(markdown))


def html_page(markdown: str, title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        f"<body>\n<article>\n{html_fragment(markdown)}</article>\n</body>\n</html>\n"
    )
