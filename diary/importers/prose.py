"""Reading running text: tidying it, cutting it into sentences, and spotting people's names."""

import re
from datetime import date, datetime

_CITATION = re.compile(r"\[(?:\d+|[a-z]|note \d+|citation needed|\w+ \d+)\]", re.IGNORECASE)
# "the 21st century.The film": a sentence glued to the next one where a footnote was dropped.
_GLUED = re.compile(r"(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z0-9][.!?][\"”])(?=[A-Z][a-z])")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(‘]?[A-Z0-9])")
_ABBREVIATIONS = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "St.",
    "Jr.",
    "Sr.",
    "vs.",
    "No.",
    "Bros.",
    "Co.",
    "Inc.",
    "Ltd.",
    "Mt.",
    "Lt.",
    "Col.",
    "Gen.",
    "Capt.",
    "Sgt.",
    "Prof.",
    "Rev.",
    "approx.",
    "c.",
    "ca.",
    "e.g.",
    "i.e.",
    "U.S.",
    "U.K.",
)
PARTICLES = frozenset(
    "de van von der den da di del della dos das du la le bin ibn al el y ter ten".split()
)
_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV"})
_TOKEN = re.compile(r"[^\s,;:()\[\]]+|[,;:()\[\]]")


def clean(text: str) -> str:
    """One line of text: no footnote markers, no runs of spaces, sentences unglued."""
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = _CITATION.sub("", text)
    text = _GLUED.sub(" ", text)
    text = " ".join(text.split())
    text = re.sub(r"([(\[“‘])\s+", r"\1", text)  # '( TIFF )' from '(<a>TIFF</a>)'
    text = re.sub(r"\s+(['’]s\b)", r"\1", text)  # '<i>Her</i>'s'
    return re.sub(r"\s+([,.;:!?)\]%”])", r"\1", text)


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, with common abbreviations and initials kept whole."""
    text = clean(paragraph)
    if not text:
        return []
    return [piece.strip() for piece in _split(text) if piece.strip()]


def _split(text: str) -> list[str]:
    found: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].rstrip('"”’)')
        last_word = before.rsplit(" ", 1)[-1] if before else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.)+", last_word):
            continue
        found.append(text[start : match.start()] + match.group(0).rstrip())
        start = match.end()
    found.append(text[start:])
    return found


def _is_name_word(token: str) -> bool:
    stripped = token.rstrip(".")
    if not stripped:
        return False
    if token in _SUFFIXES:
        return True
    first = stripped[0]
    if not first.isupper():
        return False
    return all(ch.isalpha() or ch in "'’-." for ch in token)


def names_at(text: str, start: int = 0, limit: int = 12) -> list[str]:
    """People's names listed from `start`: 'Amy Adams, Rooney Mara, and Chris Pratt.' -> 3 names.

    A name is a run of capitalised words (with particles such as 'van' or 'de' inside it);
    names are separated by commas and 'and'; anything else ends the list.
    """
    tokens = _TOKEN.findall(text[start:])
    names: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(tokens) and len(names) < limit:
        token = tokens[index]
        ends_sentence = token.endswith(".") and not _keeps_period(token)
        word = token.rstrip(".") if ends_sentence else token
        if word.endswith(("'s", "’s")):
            if current or _is_name_word(word[:-2]):
                current.append(word[:-2])
            break
        if _is_name_word(word) or (current and word in PARTICLES):
            current.append(word)
            if ends_sentence:
                break
            index += 1
            continue
        if token in {",", "and", "&"} and current:
            names.append(" ".join(current))
            current = []
            index += 1
            if index < len(tokens) and tokens[index] == "and":
                index += 1
            continue
        break
    if current:
        names.append(" ".join(current))
    return _shared_surnames([name for name in (_trim(n) for n in names) if name])


def _shared_surnames(names: list[str]) -> list[str]:
    """'Joel and Ethan Coen' names two Coens."""
    for index in range(len(names) - 1):
        if " " not in names[index] and " " in names[index + 1]:
            names[index] += " " + names[index + 1].rsplit(" ", 1)[1]
    return names


def _keeps_period(token: str) -> bool:
    return token in _SUFFIXES or bool(re.fullmatch(r"(?:[A-Z]\.)+", token))


def _trim(name: str) -> str:
    parts = name.split()
    while parts and parts[-1] in PARTICLES:
        parts.pop()
    return " ".join(parts)


def looks_like_person(text: str) -> bool:
    """'Joaquin Phoenix' yes; 'stylized in lowercase', 'WB', '2010' no."""
    parts = text.split()
    if not 2 <= len(parts) <= 5:
        return False
    if not (_is_name_word(parts[0]) and _is_name_word(parts[-1])):
        return False
    return all(_is_name_word(p) or p in PARTICLES for p in parts)


_DATE_FORMATS = (
    "%Y-%m-%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
)
MONTH_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d{1,2},\s+\d{4}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\s+\d{4}\b"
)


def page_date(text: str | None) -> date | None:
    """A date as pages print it ('Dec 18, 2013', '18 December 2013', '2013-12-18T…')."""
    if not text:
        return None
    value = re.sub(r"\bSept\b", "Sep", " ".join(text.split()))
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        value = value[:10]
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date()
        except ValueError:
            continue
    return None
