from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.base.errors import InvalidInput
from diary.core.diary.dates import parse_date

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
        ("26 jan 0064", date(64, 1, 26)),
        ("jan 26, 0001", date(1, 1, 26)),
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


# --- every accepted shape gives back exactly the date it names --------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

todays = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))


def month_names(day: date) -> list[str]:
    full = MONTHS[day.month - 1]
    names = [full, full[:3], full[:3] + "."]
    if full == "september":
        names.append("sept")
    return names


def day_forms(day: date) -> list[str]:
    return [str(day.day), f"{day.day:02d}", f"{day.day}{SUFFIX.get(day.day, 'th')}"]


def with_year(day: date) -> list[str]:
    """Every way of writing a whole date that the parser accepts."""
    shapes = [day.isoformat()]
    for month in month_names(day):
        for number in day_forms(day):
            shapes += [
                f"{number} {month} {day.year:04d}",
                f"{month} {number} {day.year:04d}",
                f"{month} {number}, {day.year:04d}",
                f"{number} {month}, {day.year:04d}",
            ]
    return shapes


def without_year(day: date) -> list[str]:
    return [
        f"{number} {month}" if first else f"{month} {number}"
        for month in month_names(day)
        for number in day_forms(day)
        for first in (True, False)
    ]


def scrambled(text: str, data: st.DataObject) -> str:
    """The same words in any letter case, with extra spaces around and between them."""
    upper = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    cased = "".join(c.upper() if u else c for c, u in zip(text, upper, strict=True))
    pad = data.draw(st.sampled_from(["", " ", "  ", "\t"]))
    return pad + cased.replace(" ", data.draw(st.sampled_from([" ", "  "]))) + pad


@given(today=todays, back=st.integers(min_value=0, max_value=800_000), data=st.data())
def test_a_whole_date_in_any_accepted_shape_comes_back_exactly(
    today: date, back: int, data: st.DataObject
) -> None:
    # Back to year 1: a year written with four digits is that year, never a two-digit one.
    day = date.fromordinal(max(today.toordinal() - back, 1))
    text = scrambled(data.draw(st.sampled_from(with_year(day))), data)
    assert parse_date(text, today) == day


@given(today=todays, back=st.integers(min_value=0, max_value=364), data=st.data())
def test_a_date_without_year_is_the_latest_one_not_after_today(
    today: date, back: int, data: st.DataObject
) -> None:
    day = today - timedelta(days=back)
    text = scrambled(data.draw(st.sampled_from(without_year(day))), data)
    assert parse_date(text, today) == day


@given(today=todays, back=st.integers(min_value=1, max_value=7), data=st.data())
def test_a_weekday_is_the_last_one_before_today(
    today: date, back: int, data: st.DataObject
) -> None:
    day = today - timedelta(days=back)
    name = WEEKDAYS[day.weekday()]
    text = scrambled(data.draw(st.sampled_from([name, f"last {name}"])), data)
    assert parse_date(text, today) == day


@given(today=todays, back=st.integers(min_value=0, max_value=9_999), data=st.data())
def test_relative_words_count_back_from_today(today: date, back: int, data: st.DataObject) -> None:
    day = today - timedelta(days=back)
    shapes = [f"{back} days ago"] + (["today"] if back == 0 else [])
    shapes += ["1 day ago", "yesterday"] if back == 1 else []
    assert parse_date(scrambled(data.draw(st.sampled_from(shapes)), data), today) == day


@given(today=todays, ahead=st.integers(min_value=1, max_value=3_000), data=st.data())
def test_a_future_date_is_refused_in_every_shape(
    today: date, ahead: int, data: st.DataObject
) -> None:
    day = today + timedelta(days=ahead)
    with pytest.raises(InvalidInput, match="future"):
        parse_date(data.draw(st.sampled_from(with_year(day))), today)


@given(today=todays, text=st.text(max_size=30))
def test_any_text_is_a_date_it_names_or_an_error_saying_what_is_accepted(
    today: date, text: str
) -> None:
    try:
        result = parse_date(text, today)
    except InvalidInput as error:
        assert "YYYY-MM-DD" in str(error) or "future" in str(error)
        return
    assert result <= today
