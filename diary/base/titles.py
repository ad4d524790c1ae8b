"""How typed titles are compared: case, accents, leading articles and punctuation ignored."""

import re
import unicodedata
from functools import lru_cache

_LEADING_ARTICLES = ("the ", "a ", "an ")
_YEAR_SUFFIX = re.compile(r"^(?P<title>.*\S)\s*\((?P<year>\d{4})\)\s*$")
_NOT_WORD = re.compile(r"[^\w\s]+")


@lru_cache(maxsize=1 << 14)  # importers ask again for the same titles; bounded, so flat
def title_key(title: str) -> str:
    """The form titles are matched on: 'Les Misérables' -> 'les miserables', 'The Her' -> 'her'."""
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.casefold().replace("&", " and ").replace("…", " ")
    plain = _NOT_WORD.sub(" ", plain.replace("'", "").replace("’", ""))
    plain = " ".join(plain.split())
    for article in _LEADING_ARTICLES:
        if plain.startswith(article) and len(plain) > len(article):
            plain = plain[len(article) :]
            break
    return plain


def split_year(text: str) -> tuple[str, int | None]:
    """'Her (2013)' -> ('Her', 2013); 'Her' -> ('Her', None)."""
    match = _YEAR_SUFFIX.match(text)
    if match:
        return match["title"], int(match["year"])
    return text.strip(), None


def display(title: str, year: int | None) -> str:
    return f"{title} ({year})" if year else title
