"""What a value in a dump may be beyond its column's type: held to the rules typed input
meets, so `import json` cannot bring in what `diary log` would refuse."""

from typing import Any

from diary.base.words import CONTROL
from diary.core.diary.people import ROLES

RATED = {("viewing_person", "rating"), ("film_rating", "rating")}  # half-stars 1-10
ROLE = ("person", "role")


def check_value(table: str, column: str, value: Any) -> str:
    """Why the value cannot be restored, or '' when it can (its type is checked apart)."""
    if value is None or isinstance(value, bool):
        return ""
    if (table, column) in RATED and not (isinstance(value, int) and 1 <= value <= 10):
        return "a rating is 1 to 10 half-stars"
    if (table, column) == ROLE and value not in ROLES:
        return f"a role is one of {', '.join(ROLES)}"
    if (column == "year" or column.endswith("_year")) and isinstance(value, int):
        if not 1 <= value <= 9999:
            return "a year has four digits"
    if isinstance(value, str) and CONTROL.search(value):
        return "text cannot hold control characters"
    return ""
