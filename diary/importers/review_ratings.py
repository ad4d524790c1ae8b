"""The rating a review gives, as 0–100: stars, "N out of M", "8/10" and letter grades.

Reviews rate films in many ways: `★★★½` (of five), `4/5`, `3.5 out of 4`, `8/10`,
"3 booms out of 5" (a site's own unit), "three stars out of five", or a school grade (`B+`).
All become the 0–100 score Metacritic uses; a letter grade follows Metacritic's own table
(A 100, A− 91, B+ 83 … D− 16, F 0).
"""

import re

_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_WORD = "|".join(_WORDS)
# "3 booms out of 5", "3.5 stars out of 4", "three and a half stars out of five", "4/5"
_OUT_OF = re.compile(
    rf"\b(?P<value>\d+(?:\.\d+)?|{_WORD})(?P<half>\s+and\s+a\s+half|\s*½)?"
    rf"\s*(?:[a-z]+\s+){{0,2}}(?:/|out\s+of)\s*(?P<best>\d+|{_WORD})\b",
    re.IGNORECASE,
)
_SCALES = {4, 5, 10, 20, 100}  # what ratings are out of; "9/11" is not a rating
_GRADES = {
    "A+": 100,
    "A": 100,
    "A-": 91,
    "B+": 83,
    "B": 75,
    "B-": 67,
    "C+": 58,
    "C": 50,
    "C-": 42,
    "D+": 33,
    "D": 25,
    "D-": 16,
    "F": 0,
}
_GRADE = re.compile(r"^([A-DF])\s*([+\-−–]?)$")
_LABEL = re.compile(
    r"^\W*(?:our\s+|my\s+)?(?:rating|grade|score|verdict|stars|mark)\b\s*[:\-–—]?\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_STARS = re.compile(r"^[\s★☆½⯨]+$")
# "5 stars", "3.5 stars", "four and a half stars": of five, on a line of its own
_COUNTED_STARS = re.compile(
    rf"^(?P<value>\d(?:\.\d)?|{_WORD})(?P<half>\s+and\s+a\s+half|\s*½)?\s+stars?\.?$",
    re.IGNORECASE,
)


def rating_score(text: str) -> int | None:
    """'★★★★' / '★★★½' (of 5), '4/5', '3.5 out of 4', '8/10', 'B+' -> 0-100."""
    text = text.strip()
    stars = text.count("★") + (0.5 if "½" in text or "⯨" in text else 0)
    if stars:
        return round(stars * 20) if stars <= 5 else None
    grade = _GRADE.match(text.rstrip("."))
    if grade:
        sign = {"−": "-", "–": "-"}.get(grade.group(2), grade.group(2))
        return _GRADES.get(grade.group(1) + sign)
    counted = _COUNTED_STARS.match(text)
    if counted:
        value = _as_number(counted["value"]) + (0.5 if counted["half"] else 0)
        return round(value * 20) if value <= 5 else None
    match = _OUT_OF.search(text)
    if match is None:
        return None
    value = _as_number(match["value"]) + (0.5 if match["half"] else 0)
    best = _as_number(match["best"])
    if best not in _SCALES or not 0 <= value <= best:
        return None
    return round(value / best * 100)


def _as_number(text: str) -> float:
    return float(_WORDS.get(text.lower(), text)) if text.lower() in _WORDS else float(text)


def labelled(line: str) -> int | None:
    """The rating on a line that says it is one: 'Rating: ★★★½', 'Grade: B+', 'Verdict: 8/10'."""
    match = _LABEL.match(line.strip())
    return rating_score(match["value"]) if match else None


def in_text(head: list[str], paragraphs: list[str]) -> int | None:
    """The rating a review's text gives: a labelled line, a line of stars, or a closing
    'N … out of M' sentence. A bare '8/10' inside a paragraph is not taken: it may be a date."""
    for line in [*head, *paragraphs]:
        score = labelled(line)
        if score is None and _STARS.match(line):
            score = rating_score(line)
        if score is None and len(line.split()) <= 5 and ("/" in line or "star" in line):
            score = rating_score(line)
        if score is not None:
            return score
    for paragraph in reversed(paragraphs[-3:]):
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if re.search(r"\bout\s+of\b", sentence, re.IGNORECASE):
                score = rating_score(sentence)
                if score is not None:
                    return score
    return None
