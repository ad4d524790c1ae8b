"""What a value in a dump may be beyond its column's type: held to the rules typed input
meets, so `import json` cannot bring in what `diary log` would refuse.

`check_value` says why one value is refused. `column_passes` accepts a whole column of a
batch of rows at once, by a few passes the interpreter runs in C (the set of the values'
types, their smallest and largest number, one search of all their text): a batch it accepts
holds no value that `value_check` or `check_value` would refuse; a batch it does not accept
is looked at value by value, which finds the first bad one and says why.
"""

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column

from diary.base.words import CONTROL
from diary.core.diary.dump import column_kind
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
    if _is_year(column) and isinstance(value, int):
        if not 1 <= value <= 9999:
            return "a year has four digits"
    if isinstance(value, str) and CONTROL.search(value):
        return "text cannot hold control characters"
    return ""


def _is_year(column: str) -> bool:
    return column == "year" or column.endswith("_year")


# The types of value each kind of column takes (diary.core.diary.dump.column_kind); a
# base64 object in an "any" column is left to the value-by-value check.
_TYPES: dict[str, set[type]] = {
    "bool": {bool},
    "int": {int},
    "time": {str},
    "date": {str},
    "str": {str},
    "any": {int, float, str, bool},
}
_PARSE: dict[str, Callable[[str], Any]] = {
    "time": datetime.fromisoformat,
    "date": date.fromisoformat,
}


def column_passes(table: str, column: Column[Any]) -> Callable[[Sequence[Any]], bool]:
    """Whether every value of one column of a batch certainly passes (made once per column)."""
    kind = column_kind(column)
    allowed = set(_TYPES[kind]) | ({type(None)} if column.nullable else set())
    parse = _PARSE.get(kind)
    rated = (table, column.name) in RATED
    role = (table, column.name) == ROLE
    year = _is_year(column.name)
    roles = set(ROLES)

    def passes(values: Sequence[Any]) -> bool:
        types = set(map(type, values))
        if not types <= allowed:
            return False
        if str in types:
            texts = values if len(types) == 1 else [v for v in values if type(v) is str]
            if CONTROL.search("".join(texts)):
                return False
            if role and not roles.issuperset(texts):
                return False
            if parse is not None:
                try:
                    for _ in map(parse, set(texts)):
                        pass
                except ValueError:
                    return False
        if rated and not types <= {int, type(None)}:
            return False
        if (rated or year) and int in types:
            numbers = values if len(types) == 1 else [v for v in values if type(v) is int]
            low, high = (1, 10) if rated else (1, 9999)
            if min(numbers) < low or max(numbers) > high:
                return False
        return True

    return passes
