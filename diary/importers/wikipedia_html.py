"""A Wikipedia article saved as HTML (from a browser or the REST API) read into an `Article`.

The infobox gives directors, stars, runtime, budget, box office and release dates; the lead
paragraphs and the section headings (old `mw-headline` spans, `mw-heading` wrappers, or
Parsoid `<section>` elements) give the rest. Footnote markers, edit links, navigation boxes
and tables are dropped.
"""

import re

from bs4 import BeautifulSoup, Tag

from diary.importers import html_page, prose
from diary.importers.wikipedia import SKIPPED, Article, Section

_NOISE_TAGS = frozenset({"style", "script", "noscript", "figure", "table"})
_NOISE_CLASSES = frozenset(
    "reference mw-editsection navbox reflist references hatnote shortdescription mw-empty-elt "
    "thumb noprint metadata mw-cite-backlink sistersitebox side-box ambox toc".split()
)
_NOISE_IDS = frozenset({"toc"})
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def looks_like(soup: BeautifulSoup) -> bool:
    """MediaWiki pages name themselves in their generator tag, canonical link or markup."""
    if "MediaWiki" in (html_page.meta(soup, "generator") or ""):
        return True
    for link in (html_page.address(soup), html_page.meta(soup, "og:site_name")):
        if link and ("wikipedia.org/wiki/" in link or link == "Wikipedia"):
            return True
    return soup.select_one(".mw-parser-output, #firstHeading") is not None


def parse(soup: BeautifulSoup) -> Article:
    title = _title(soup)
    url = html_page.address(soup)
    root = _content(soup)
    infobox = _infobox(root)
    html_page.remove(root, _NOISE_TAGS, _NOISE_CLASSES, _NOISE_IDS)
    lead: list[str] = []
    sections: list[Section] = []
    parents: dict[int, str] = {}
    skipping = False
    for element in root.find_all(["p", "ul", "ol", "dl", *_HEADINGS]):
        if element.name in _HEADINGS:
            level = int(element.name[1])
            name = prose.clean(element.get_text(" "))
            if not name:
                continue
            parent = next((parents[lv] for lv in range(level - 1, 1, -1) if lv in parents), None)
            parents = {lv: h for lv, h in parents.items() if lv < level} | {level: name}
            sections.append(Section(name, level, parent))
            if level == 2:
                skipping = name.lower() in SKIPPED
            continue
        if skipping or element.find_parent(["p", "ul", "ol", "dl", "li"]) is not None:
            continue
        pieces = [element.get_text(" ")] if element.name == "p" else _items(element)
        for piece in pieces:
            text = prose.clean(piece)
            if not text:
                continue
            if sections:
                sections[-1].paragraphs.append(text)
            elif element.name == "p":
                lead.append(text)
    return Article(title=title, lead=lead, sections=sections, infobox=infobox, url=url)


def _items(element: Tag) -> list[str]:
    return [li.get_text(" ") for li in element.find_all(["li", "dd"], recursive=False)]


def _title(soup: BeautifulSoup) -> str:
    heading = soup.select_one("#firstHeading, h1")
    if heading is not None and heading.get_text(strip=True):
        return prose.clean(heading.get_text(" "))
    title = html_page.title(soup) or ""
    return prose.clean(re.sub(r"\s+[-–—]\s+Wikipedia\s*$", "", title))


def _content(soup: BeautifulSoup) -> Tag:
    for found in soup.select(".mw-parser-output"):
        if found.find("p", recursive=True) is not None:
            return found
    return soup.select_one("#mw-content-text") or soup.body or soup


def _infobox(root: Tag) -> dict[str, list[str]]:
    """Label -> values: 'directed by' -> ['Spike Jonze'], 'running time' -> ['126 minutes']."""
    box = root.select_one("table.infobox")
    if box is None:
        return {}
    html_page.remove(box, frozenset({"style"}), frozenset({"reference", "noprint"}), frozenset())
    found: dict[str, list[str]] = {}
    for row in box.find_all("tr"):
        label, data = row.find("th"), row.find("td")
        if not isinstance(label, Tag) or not isinstance(data, Tag):
            continue
        key = prose.clean(label.get_text(" ")).lower()
        values = _cell_values(data)
        if key and values:
            found[key] = values
    return found


def _cell_values(cell: Tag) -> list[str]:
    items = cell.find_all("li")
    if items:
        texts = [li.get_text(" ") for li in items]
    else:
        for br in cell.find_all("br"):
            br.replace_with("\n")
        texts = cell.get_text(" ").split("\n")
    return [value for value in (prose.clean(t) for t in texts) if value]
