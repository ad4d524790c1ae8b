"""Ratings as people type them (4.5, 4½, ★★★★½, 9/10), stored exactly as half-stars.

A rating is kept as an integer count of half-stars, 1 to 10, so that nothing drifts.
"""

import re

from diary.base.errors import InvalidInput

ACCEPTED = "use 0.5 to 5 in half steps (4.5, 4½, ★★★★½) or 1/10 to 10/10"

_DECIMAL = re.compile(r"^(?P<whole>\d)(?:(?:\.(?P<frac>\d+))|(?P<half>½))?$")
_OUT_OF = re.compile(r"^(?P<n>\d{1,2}(?:\.\d+)?)\s*/\s*(?P<d>10|5)$")
_STARS = re.compile(r"^(?P<stars>★{0,5})(?P<half>½)?$")


def parse_rating(text: str) -> int:
    """Return the rating in half-stars (1-10) or raise InvalidInput saying what is allowed."""
    cleaned = text.strip().replace(" ", "")
    halves = _halves(cleaned)
    if halves is None or not 1 <= halves <= 10:
        raise InvalidInput(f"not a rating: {text!r}: {ACCEPTED}")
    return halves


def _halves(cleaned: str) -> int | None:
    if cleaned == "½":
        return 1
    if match := _STARS.match(cleaned):
        if match["stars"] or match["half"]:
            return 2 * len(match["stars"]) + (1 if match["half"] else 0)
    if match := _DECIMAL.match(cleaned):
        whole = int(match["whole"])
        if match["half"]:
            return 2 * whole + 1
        frac = (match["frac"] or "0").rstrip("0")
        if frac == "":
            return 2 * whole
        if frac == "5":
            return 2 * whole + 1
        return None
    if match := _OUT_OF.match(cleaned):
        numerator = match["n"]
        if "." in numerator:
            return None
        value = int(numerator)
        return value if match["d"] == "10" else 2 * value
    return None


def stars(halves: int | None) -> str:
    """★★★★½ for 9 half-stars; empty when unrated."""
    if halves is None:
        return ""
    return "★" * (halves // 2) + ("½" if halves % 2 else "")


def as_number(halves: int | None) -> float | None:
    """4.5 for 9 half-stars, the way Letterboxd and JSON write it."""
    if halves is None:
        return None
    return halves / 2


def as_text(halves: int | None) -> str:
    """'4.5' or '4' (no trailing .0), empty when unrated."""
    if halves is None:
        return ""
    return str(halves // 2) if halves % 2 == 0 else f"{halves // 2}.5"
