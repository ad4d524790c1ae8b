"""Parse the dates people type: ISO, today, yesterday, last friday, jan 26, 26 jan 2025.

Only whole, unambiguous dates are accepted, and never one in the future. Each accepted shape
is matched explicitly first; python-dateutil (never in fuzzy mode) then reads the month names.
"""

import re
from datetime import date, timedelta

from diary.base.errors import InvalidInput

ACCEPTED = "use YYYY-MM-DD, 'today', 'yesterday', 'last friday', 'jan 26' or '26 jan 2025'"

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_MONTH_DAY = re.compile(rf"^(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?$")
_DAY_MONTH = re.compile(rf"^(?P<d>{_DAY})\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEKDAY = re.compile(rf"^(?:last\s+)?(?P<w>{'|'.join(_WEEKDAYS)})$")
_DAYS_AGO = re.compile(r"^(?P<n>\d{1,4})\s+days?\s+ago$")


def parse_date(text: str, today: date) -> date:
    """Return the date `text` names, relative to `today`, or raise InvalidInput."""
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise InvalidInput(f"empty date: {ACCEPTED}")
    result = _parse(cleaned, today)
    if result is None:
        raise InvalidInput(f"not a date: {text!r}: {ACCEPTED}")
    if result > today:
        raise InvalidInput(
            f"{result.isoformat()} is in the future; diary entries are for films seen"
        )
    return result


def _parse(cleaned: str, today: date) -> date | None:
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)  # said to be in the future, not "not a date"
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if _ISO.match(cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            return None
    if match := _WEEKDAY.match(cleaned):
        wanted = _WEEKDAYS.index(match["w"])
        back = (today.weekday() - wanted) % 7 or 7
        return today - timedelta(days=back)
    if match := _DAYS_AGO.match(cleaned):
        return today - timedelta(days=int(match["n"]))
    match = _MONTH_DAY.match(cleaned) or _DAY_MONTH.match(cleaned)
    if match is None:
        return None
    return _month_and_day(match["m"], match["d"], match["y"], today)


def _month_and_day(month: str, day: str, year: str | None, today: date) -> date | None:
    if year is not None:
        return _calendar_date(day, month, int(year))
    # Without a year, the latest such day not after today: "dec 25" typed in November is
    # last Christmas, and "feb 29" typed in 2025 is the one in 2024.
    for candidate_year in (today.year, today.year - 1):
        found = _calendar_date(day, month, candidate_year)
        if found is not None and found <= today:
            return found
    return None


def _calendar_date(day: str, month: str, year: int) -> date | None:
    from dateutil import parser

    # dateutil reads only the month's name: given a year below 100 it would take it for a
    # two-digit one ("0064" -> 2064), so the year and day are put together here.
    try:
        month_number = parser.parse(f"1 {month.rstrip('.')} 2000", fuzzy=False).month
        return date(year, month_number, int(re.sub(r"\D", "", day)))
    except (ValueError, OverflowError):
        return None
