from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.core.dates import parse_date
from diary.core.errors import InvalidInput

TODAY = date(2025, 2, 1)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-01-26", date(2025, 1, 26)),
        ("today", TODAY),
        ("Yesterday", date(2025, 1, 31)),
        ("last friday", date(2025, 1, 31)),
        ("last saturday", date(2025, 1, 25)),
        ("sunday", date(2025, 1, 26)),
        ("jan 26", date(2025, 1, 26)),
        ("26 jan 2025", date(2025, 1, 26)),
        ("January 26, 2024", date(2024, 1, 26)),
        ("dec 25", date(2024, 12, 25)),
        ("3 days ago", date(2025, 1, 29)),
    ],
)
def test_accepted_dates(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "1A2B",
        "27.08",
        "2018-10",
        "03/04/2024",
        "11/08/64",
        "2025-02-02",
        "tomorrow",
        "feb 30",
        "2025-13-01",
        "next friday",
        "jan",
        "26",
        "26 jan 25",
    ],
)
def test_rejected_dates(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, TODAY)
    assert "YYYY-MM-DD" in str(caught.value) or "future" in str(caught.value)


@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY))
def test_iso_dates_round_trip(day: date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day


@given(st.text(max_size=20))
def test_any_text_gives_a_past_date_or_an_error(text: str) -> None:
    try:
        result = parse_date(text, TODAY)
    except InvalidInput:
        return
    assert result <= TODAY
