"""A Wikipedia film article, however it was saved, read for the facts a post can use.

The plain-text and HTML readers both produce an `Article`; `read_article` turns it into
findings: title and year (from the first sentence), directors, stars, runtime, budget, box
office, release date, genre, the lead as the synopsis and its "The film follows…" sentence
as the short plot, the section tree, candidate fun facts and the Rotten Tomatoes /
Metacritic / CinemaScore figures the article quotes.
"""

import re
from dataclasses import dataclass, field

from diary.base.echo import echo
from diary.core.films.findings import Fact, Findings, NotAPage, number
from diary.importers import prose

SOURCE = "Wikipedia"

# Sections whose content is link lists and references, not prose about the film.
SKIPPED = frozenset(
    "see also|references|external links|notes|further reading|bibliography|sources|"
    "citations|footnotes|works cited".split("|")
)

# Fun facts come from these parts of the article; a heading maps to the first that matches.
_CATEGORIES = (
    ("Casting", ("casting",)),
    ("Filming", ("filming", "shooting", "photography", "locations")),
    ("Soundtrack", ("soundtrack", "music", "score")),
    ("Accolades", ("accolade", "award", "honors", "honours")),
    ("Reception", ("reception", "critical", "response", "box office", "review")),
    ("Production", ("production", "development", "writing", "design", "effects", "pre-prod")),
)

_FILM_SENTENCE = re.compile(
    r"\b(?:is|was)\s+(?:an?|the)\s+(?P<words>[^.]*?)\b(?:film|movie|motion picture)\b"
    r"(?!\s+(?:director|producer|critic|actor|actress|editor|studio|festival|series|franchise|"
    r"company|composer|award|scholar|historian|distributor|maker|star))",
    re.IGNORECASE,
)
_PLOT = re.compile(
    r"(?:The (?:film|movie|story|plot)|It) (?:follows|tells|centers|centres|concerns|depicts|"
    r"revolves|is about|chronicles|focuses)\b"
)
_YEAR = re.compile(r"\b(18[89]\d|19\d\d|20\d\d)\b")
_DISAMBIGUATION = re.compile(r"\s*\((?:[^()]*\s)?film\)\s*$", re.IGNORECASE)
_MONEY = r"(?P<money>(?:US)?[$£€¥₹]\s?\d[\d,.]*(?:\s?(?:million|billion))?)"
_QUALIFIER = (
    r"(?P<qual>(?:over|more than|about|approximately|around|nearly|almost|roughly|"
    r"an estimated|a total of|under|less than|just over|just under)\s+)?"
)
_BUDGET = (
    re.compile(r"\bbudget (?:of|was|is)\s+" + _QUALIFIER + _MONEY, re.IGNORECASE),
    re.compile(_QUALIFIER + _MONEY + r"(?:\s+production)?\s+budget", re.IGNORECASE),
)
_GROSS = (
    re.compile(r"\bgrossed\s+" + _QUALIFIER + _MONEY + r"(?P<where>\s+worldwide)?", re.I),
    re.compile(r"\bworldwide gross of\s+" + _QUALIFIER + _MONEY, re.IGNORECASE),
    re.compile(r"\bbox office (?:gross|total|take) of\s+" + _QUALIFIER + _MONEY, re.I),
)
_RUNTIME = (
    re.compile(
        r"\b(?:running time|runtime|run time)\s+(?:of|is|was)\s+(?:about\s+)?(\d{2,3})"
        r"\s+minutes",
        re.IGNORECASE,
    ),
    re.compile(r"\b(\d{2,3})-minute\s+(?:film|feature|movie|running time)", re.IGNORECASE),
)


@dataclass
class Section:
    heading: str
    level: int  # 2 for `== X ==`, 3 for `=== X ===`…
    parent: str | None = None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str
    lead: list[str]
    sections: list[Section]
    infobox: dict[str, list[str]] = field(default_factory=dict)  # "directed by" -> names
    url: str | None = None


def film_title(page_title: str) -> str:
    """'Her (film)' -> 'Her'; 'Little Women (2019 film)' -> 'Little Women'."""
    return _DISAMBIGUATION.sub("", page_title).strip()


def read_article(article: Article) -> Findings:
    lead = [prose.clean(p) for p in article.lead if prose.clean(p)]
    first = prose.sentences(lead[0])[0] if lead else ""
    described = _FILM_SENTENCE.search(first)
    if described is None:
        shown = f"'{echo(article.title)}'" if article.title else "this article"
        raise NotAPage(
            f"{shown} is a Wikipedia article but not about a film: its first sentence "
            "does not call it one"
        )
    found = Findings("wikipedia", SOURCE, page_title=article.title, url=article.url)
    found.title = film_title(article.title) if article.title else _subject(first)
    years = _YEAR.findall(described.group("words"))
    found.year = int(years[0]) if years else _infobox_year(article)
    lead_text = " ".join(lead)
    _people(found, article, lead_text)
    _figures(found, article, lead_text)
    _genre(found, described.group("words"))
    found.add("synopsis", "\n\n".join(lead))
    found.add("short_plot", next((s for s in prose.sentences(lead_text) if _PLOT.match(s)), None))
    _sections(found, article)
    _fun_facts(found, article)
    _scores(found, article)
    return found


def _subject(sentence: str) -> str:
    """The title when the text has no title line: the words before ' is a' / ' ('."""
    head = re.split(r"\s+\(|\s+(?:is|was)\s+(?:an?|the)\s", sentence, maxsplit=1)[0]
    return head.strip()


def _infobox_year(article: Article) -> int | None:
    for value in article.infobox.get("release dates", []) + article.infobox.get("release date", []):
        years = _YEAR.findall(value)
        if years:
            return int(years[0])
    return None


def _people(found: Findings, article: Article, lead: str) -> None:
    directors = article.infobox.get("directed by") or _directors_in(lead)
    for name in directors:
        found.add("director", name)
    stars = article.infobox.get("starring") or _stars_in(lead)
    for name in stars:
        if name not in directors:
            found.add("star", name)


def _directors_in(text: str) -> list[str]:
    for match in re.finditer(r"\b[Dd]irected\b[^.;]{0,60}?\bby\s+", text):
        names = prose.names_at(text, match.end())
        if names:
            return names
    return []


def _stars_in(text: str) -> list[str]:
    """Actors named in the lead, in order: 'Theodore (Joaquin Phoenix)', 'also stars X, Y'."""
    spotted: list[tuple[int, str]] = []
    for match in re.finditer(r"\b[A-Z][\w'’.-]*\s+\(([^()]{3,60})\)", text):
        if prose.looks_like_person(match.group(1)):
            spotted.append((match.start(1), match.group(1).strip()))
    starring = r"\b(?:stars|starring|starred|co-stars|co-starring|features|featuring)\s+"
    for match in re.finditer(starring, text):
        for offset, name in enumerate(prose.names_at(text, match.end())):
            spotted.append((match.end() + offset, name))
    seen: dict[str, None] = {}
    for _position, name in sorted(spotted):
        seen.setdefault(name, None)
    return list(seen)


def _figures(found: Findings, article: Article, lead: str) -> None:
    paragraphs = [p for s in article.sections for p in s.paragraphs]
    body = " ".join(p for p in paragraphs if re.search(r"minute|budget|gross|box office", p, re.I))
    runtime = _first_line(article.infobox.get("running time"))
    minutes = re.search(r"(\d{2,3})\s*(?:minutes|min)", runtime or "")
    if minutes is None:
        minutes = next((m for p in _RUNTIME if (m := p.search(lead) or p.search(body))), None)
    if minutes is not None:
        found.add("runtime", minutes.group(1), "minutes")
    budget = _first_line(article.infobox.get("budget"))
    found.add("budget", budget or _money(_BUDGET, lead, body)[0])
    gross = _first_line(article.infobox.get("box office"))
    value, where = (gross, None) if gross else _money(_GROSS, lead, body)
    found.add("box_office", value, where)
    released = article.infobox.get("release dates") or article.infobox.get("release date")
    if released:
        placed = re.fullmatch(r"(?P<date>.+?)\s*\((?P<where>[^()]+)\)", released[0])
        if placed:
            found.add("release_date", placed["date"], placed["where"])
        else:
            found.add("release_date", released[0])
    else:
        for sentence in prose.sentences(lead):
            if re.search(r"\b(?:released|premiered|release)\b", sentence):
                date = prose.MONTH_DATE.search(sentence)
                if date:
                    kind = "premiere" if "premiere" in sentence else "release"
                    found.add("release_date", date.group(0), kind)
                    break


def _first_line(values: list[str] | None) -> str | None:
    return prose.clean(values[0]) if values else None


def _money(patterns: tuple[re.Pattern[str], ...], *texts: str) -> tuple[str | None, str | None]:
    for text in texts:
        for pattern in patterns:
            match = pattern.search(text)
            if match:
                qualifier = (match.group("qual") or "").strip()
                value = f"{qualifier} {match.group('money').rstrip('.,')}".strip()
                return value, "worldwide" if "worldwide" in match.group(0) else None
    return None, None


def _genre(found: Findings, words: str) -> None:
    """'2013 American science-fiction romantic drama' -> 'science-fiction romantic drama'."""
    kept = [w for w in words.split() if w[:1].islower() and not _YEAR.fullmatch(w)]
    found.add("genre", " ".join(kept))


def _sections(found: Findings, article: Article) -> None:
    for section in article.sections:
        found.facts.append(Fact("section", section.heading, section.parent))


def category(path: list[str]) -> str | None:
    """The fun-fact category of a section from its headings, deepest first."""
    for heading in reversed(path):
        lowered = heading.lower()
        for name, keys in _CATEGORIES:
            if any(key in lowered for key in keys):
                return name
    return None


def _fun_facts(found: Findings, article: Article) -> None:
    path: list[str] = []
    for section in article.sections:
        path = path[: max(section.level - 2, 0)] + [section.heading]
        where = category(path)
        if where is None or section.heading.lower() in SKIPPED:
            continue
        for paragraph in section.paragraphs:
            straight, curly = 0, 0  # open quotations that span sentences
            for sentence in prose.sentences(paragraph):
                if not straight % 2 and curly <= 0 and _is_fun(sentence):
                    found.add("fun_fact", sentence, where)
                straight += sentence.count('"')
                curly += sentence.count("“") - sentence.count("”")


_SCORE_SITES = re.compile(r"Rotten Tomatoes|Metacritic|CinemaScore|PostTrak", re.IGNORECASE)


def _is_fun(sentence: str) -> bool:
    words = sentence.split()
    if not 8 <= len(words) <= 60 or sentence.endswith(":") or _SCORE_SITES.search(sentence):
        return False
    if sentence.count('"') % 2 or sentence.count("“") != sentence.count("”"):
        return False  # a piece of a quotation cut at a sentence inside it
    has_number = any(ch.isdigit() for ch in sentence)
    has_name = any(w[:1].isupper() for w in words[1:] if w.strip('"“(')[:1].isalpha())
    return has_number or has_name


def _scores(found: Findings, article: Article) -> None:
    for paragraph in [*article.lead, *(p for s in article.sections for p in s.paragraphs)]:
        for sentence in prose.sentences(paragraph):
            _score_sentence(found, sentence)


def _score_sentence(found: Findings, sentence: str) -> None:
    if "Rotten Tomatoes" in sentence:
        rating = re.search(r"(\d{1,3})%", sentence)
        if rating:
            count = re.search(
                r"(?:based on|from|of)\s+(\d[\d,]*)\s+(?:critics?'?\s+)?(?:reviews|critics)",
                sentence,
            )
            found.score("tomatometer", f"{rating.group(1)}%", number(count and count.group(1)))
        average = re.search(
            r"average (?:rating|score) (?:is |was |of )?(\d+(?:\.\d+)?/10)", sentence
        )
        if average:
            found.score("rt_average", average.group(1))
    if "Metacritic" in sentence:
        metascore = re.search(r"\b(\d{1,3}) out of 100\b", sentence)
        if metascore:
            count = re.search(r"\b(\d[\d,]*)\s+(?:critics|reviews|critic reviews)\b", sentence)
            found.score("metascore", metascore.group(1), number(count and count.group(1)))
    if "CinemaScore" in sentence:
        grade = re.search(r"grade of\s+[\"“]?([A-F][+\-−–]?)(?![\w])[\"”]?", sentence)
        if grade:
            found.score("cinemascore", grade.group(1))
