"""The notion of "today", injectable so that tests and scripts are exact.

`DIARY_TODAY=2025-02-01` fixes the date for every command in a process.
"""

import os
from datetime import UTC, date, datetime


def today() -> date:
    fixed = os.environ.get("DIARY_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return date.today()


def now() -> datetime:
    """The current moment in UTC, to the second (stable in exports)."""
    fixed = os.environ.get("DIARY_TODAY")
    if fixed:
        return datetime.combine(date.fromisoformat(fixed), datetime.min.time(), UTC)
    return datetime.now(UTC).replace(microsecond=0)
