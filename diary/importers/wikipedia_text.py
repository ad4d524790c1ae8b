"""A Wikipedia article saved as plain text: a title line, the lead, then `== Section ==` parts.

What follows the reference sections (the trailing lists of links and addresses) is dropped.
"""

import re

from diary.importers.wikipedia import SKIPPED, Article, Section

HEADING = re.compile(r"^(?P<marks>={2,6})\s*(?P<text>[^=].*?)\s*(?P=marks)\s*$")


def looks_like(text: str) -> bool:
    """Wikipedia plain text has `== Heading ==` lines."""
    return sum(1 for line in text.splitlines() if HEADING.match(line.strip())) >= 2


def parse(text: str) -> Article:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[0].strip():
        lines.pop(0)
    title = ""
    if lines and _is_title_line(lines[0]):
        title = " ".join(lines.pop(0).split())
    lead: list[str] = []
    sections: list[Section] = []
    parents: dict[int, str] = {}
    skipping = False
    for line in lines:
        stripped = line.strip()
        heading = HEADING.match(stripped)
        if heading:
            level = len(heading["marks"])
            name = " ".join(heading["text"].split())
            parent = next((parents[lv] for lv in range(level - 1, 1, -1) if lv in parents), None)
            parents = {lv: h for lv, h in parents.items() if lv < level} | {level: name}
            sections.append(Section(name, level, parent))
            if level == 2:
                skipping = name.lower() in SKIPPED
            continue
        if not stripped or skipping:
            continue
        if sections:
            sections[-1].paragraphs.append(stripped)
        else:
            lead.append(stripped)
    return Article(title=title, lead=lead, sections=sections)


def _is_title_line(line: str) -> bool:
    words = line.split()
    if not words or len(words) > 15 or HEADING.match(line.strip()):
        return False
    return not re.search(r"\s(?:is|was)\s(?:an?|the)\s", line)
