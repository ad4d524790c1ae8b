"""A review article copied as plain text: its own lines told apart from the site's chrome.

Text copied from a browser keeps whatever the page showed: a navigation bar (its items
often glued into one word, "HomeNewsSportsMovies"), breadcrumbs, "Skip to main content",
sign-in and sharing links, "Advertisement" between paragraphs, reader comments under the
article and the cookie notice. The rules here drop those lines, cut the text where the
comments begin, and split the rest into a head (title, byline, date, rating lines) and the
paragraphs of the review.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from diary.importers import prose

_GLUED_MENU = re.compile(r"^(?:[A-Z][a-z]+|&|and){3,}$")  # "HomeNewsSportsMovies"
_MENU_SEPARATORS = re.compile(r"\s+[|·•›»/]\s+|\s+>\s+")
_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|menu|search|advertisement|advert|sponsored(?: content)?|"
    r"story continues below(?: advertisement)?|subscribe(?: now)?|sign (?:in|up)|log ?in|"
    r"share(?: this(?: article| story| post)?)?:?|facebook|twitter|email|print|"
    r"(?:facebook|twitter|email|whatsapp|linkedin|pinterest|reddit|x)(?:\s+(?:facebook|twitter|"
    r"email|whatsapp|linkedin|pinterest|reddit|copy link|x))+|"
    r"accept(?: all)?(?: cookies)?|reject(?: all)?|manage (?:cookies|preferences)|"
    r"(?:continue|keep) reading|read more|share button|this review may contain spoilers\.?|"
    r"related(?: stories| articles| posts| reviews| films?| content| reading)?|"
    r"\d+ min(?:ute)? read|sort by \w+|load more|more from .{1,40}|"
    r"(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*)$",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\b(?:cookies?|cookie policy|privacy policy)\b", re.IGNORECASE)
_COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?:?$|"
    r"^leave a (?:reply|comment)$|^join the (?:conversation|discussion)$|"
    r"^\d+ thoughts? on .+$|^what do you think\??$|^add a comment$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:by|review by|reviewed by|words by|written by)\s*:?\s+(?P<who>.+)$", re.IGNORECASE
)
_BY_AT_END = re.compile(r"\bby\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")


@dataclass
class TextArticle:
    head: list[str] = field(default_factory=list)  # title first, then header lines
    paragraphs: list[str] = field(default_factory=list)


def read(text: str) -> TextArticle:
    return _split(article_lines(" ".join(line.split()) for line in text.split("\n")))


def article_lines(lines: Iterable[str]) -> list[str]:
    """The lines of the article: the site's chrome dropped, the reader comments cut off."""
    kept: list[str] = []
    prose_seen = False
    for line in lines:
        if prose_seen and _COMMENTS.match(line):
            break  # reader comments and everything under them
        if line and is_chrome(line):
            continue
        prose_seen = prose_seen or is_prose(line)
        kept.append(line)
    return kept


def is_chrome(line: str) -> bool:
    """A line of the site around the article, not of the article."""
    if _CHROME.match(line) or _GLUED_MENU.match(line):
        return True
    if _COOKIES.search(line) and len(line.split()) <= 40:
        return True
    parts = _MENU_SEPARATORS.split(line)
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
        # "Subscribe | Sign in | e-Edition", "Entertainment › Movies"; a title or byline with
        # a bar in it ("Her review | The Courier") is the article's
        return "review" not in line.lower() and not _BYLINE.match(line)
    return False


def _split(lines: list[str]) -> TextArticle:
    """The head ends at the first line of prose; the rest are the paragraphs."""
    article = TextArticle()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line and article.head and not is_header(line):
            break
        if line:
            article.head.append(line)
        index += 1
    for block in re.split(r"\n\s*\n", "\n".join(lines[index:])):
        pieces = block.splitlines() if _one_per_line(block) else [block]
        article.paragraphs += [" ".join(p.split()) for p in pieces if p.strip()]
    return article


def is_header(line: str) -> bool:
    if _BYLINE.match(line) or date_in(line):
        return True
    return len(line.split()) <= 12 and not line.endswith((".", "!", "?", '"', "”"))


def is_prose(paragraph: str) -> bool:
    return len(paragraph.split()) >= 20 and len(prose.sentences(paragraph)) >= 2


def _one_per_line(block: str) -> bool:
    return all(line.rstrip().endswith((".", "!", "?", '"', "”")) for line in block.splitlines())


def critic_in(line: str) -> str | None:
    """'By Grace Whitlow', 'Posted on May 3, 2024 by Ravi Anand · 4 min read', or a name
    then a date: 'Grace Whitlow December 18, 2013'."""
    byline = _BYLINE.match(line)
    if byline:
        return byline["who"]
    if not date_in(line):
        return None
    at_end = _BY_AT_END.search(line)
    if at_end:
        return at_end["who"]
    first = _DATES.search(line)  # "Matt Critic December 18, 2013"
    before = line[: first.start()].strip(" ·|,-–—") if first else ""
    return before if prose.looks_like_person(before) else None


_DATES = re.compile(
    r"\b\d{4}-\d{2}-\d{2}\b|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|"
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b"
)


def date_in(line: str) -> bool:
    return len(line.split()) <= 16 and any(prose.page_date(m) for m in _dates(line))


def dates_in(line: str) -> list[tuple[bool, str]]:
    """The dates on a header line, each marked True when it is an update's, not the first."""
    found = []
    start = 0
    for match in _DATES.finditer(line):
        before = line[start : match.start()]
        updated = re.search(r"\b(?:updated|modified|edited)\b", before, re.IGNORECASE)
        found.append((bool(updated), match.group()))
        start = match.end()
    return found


def _dates(line: str) -> list[str]:
    return [m.group() for m in _DATES.finditer(line)]
