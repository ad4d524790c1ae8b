"""The notion of "today", injectable so that tests and scripts are exact.

`DIARY_TODAY=2025-02-01` fixes the date for every command in a process.
"""

import os
from datetime import UTC, date, datetime


def today() -> date:
    fixed = _fixed()
    return fixed if fixed is not None else date.today()


def now() -> datetime:
    """The current moment in UTC, to the second (stable in exports)."""
    fixed = _fixed()
    if fixed is not None:
        return datetime.combine(fixed, datetime.min.time(), UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _fixed() -> date | None:
    text = os.environ.get("DIARY_TODAY", "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        from diary.base.errors import InvalidInput

        raise InvalidInput(f"DIARY_TODAY must be a date, YYYY-MM-DD: {text!r}") from None
