"""The film a review's title names: the forms newspapers, magazines and blogs use.

"Movie review: Her", "Movie Review: Her, Directed by Spike Jonze", "Review: Her",
"Review: ‘Her,’ a Love Story …", "Her review – …", "'Her' review", "Her – Movie Review",
"Her (Film review)", "Her ★★★½" and "Her (2013) review" all name Her; a title that names
no film ("Movie review") names none, and the film is then asked for.
"""

import re

_QUOTES = "‘'\"“’”"
_QUOTED = r"[‘'\"“](?P<film>.+?),?[’'\"”](?=[\s,.:;!?]|$)"  # ‘Ender’s Game’ is one title
_TITLE_FILM = (
    # "'Her' review: …", "‘Her’ film review"
    re.compile(rf"^{_QUOTED}\s+(?:(?:film|movie)\s+)?review\b", re.I),
    # "Review: ‘Her,’ a love story…", "Movie review: 'Her'"
    re.compile(rf"^(?:(?:film|movie)\s+)?review\s*[:–—|-]\s*{_QUOTED}", re.I),
    # "Movie review: Her", "Movie Review: Her, Directed by Spike Jonze", "Review: Her"
    re.compile(
        r"^(?:(?:film|movie)\s+)?review\s*[:–—|-]\s*(?P<film>.+?)"
        r"(?:,\s*directed\s+by\b.*|\s+[–—|-]\s+.*)?$",
        re.I,
    ),
    # "Her (Film review)"
    re.compile(r"^(?P<film>.+?)\s*\((?:film|movie)\s+review\)$", re.I),
    # "Her – Movie Review", "Her | Film review"
    re.compile(r"^(?P<film>.+?)\s*[–—|:-]\s*(?:film|movie)\s+review$", re.I),
    # "Her ★★★½" (a review page's title with the rating after the film)
    re.compile(r"^(?P<film>.+?)\s+[★½]+$"),
    # "Her review – a love story", "Her (2013) review", "Her movie review"
    re.compile(r"^(?P<film>[^:–—|]+?)\s+(?:(?:film|movie)\s+)?review\b", re.I),
)
_NOT_FILMS = {"movie", "film", "a", "our", "my", "the", "quick", "mini", "short", "new"}


def film_in_title(title: str) -> str | None:
    """The film a review's title names: 'Movie review: Her' and 'Her review' name Her."""
    for pattern in _TITLE_FILM:
        match = pattern.match(title.strip())
        if match:
            film = match["film"].strip(" -–—:|").strip(_QUOTES).strip()
            dated = re.match(r"^.+?\(\d{4}\)", film)  # "Her (2013), One of the Best …"
            film = dated.group() if dated else film
            if film and film.lower() not in _NOT_FILMS:
                return film
    return None
