import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.base.errors import InvalidInput
from diary.core.diary.ratings import as_text, parse_rating, stars


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        ("4.5", 9),
        ("4½", 9),
        ("★★★★½", 9),
        ("9/10", 9),
        ("5", 10),
        ("0.5", 1),
        ("½", 1),
        ("3.0", 6),
        ("★", 2),
        ("4/5", 8),
        (" 2.5 ", 5),
    ],
)
def test_accepted_ratings(text: str, halves: int) -> None:
    assert parse_rating(text) == halves


@pytest.mark.parametrize(
    "text", ["0", "-1", "5.5", "3.7", "NaN", "abc", "", "11/10", "0/10", "★★★★★★", "4.25", "inf"]
)
def test_rejected_ratings(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_rating(text)
    assert "0.5 to 5" in str(caught.value)


@given(st.integers(min_value=1, max_value=10))
def test_every_rating_reads_back_from_its_forms(halves: int) -> None:
    assert parse_rating(as_text(halves)) == halves
    assert parse_rating(stars(halves)) == halves
    assert parse_rating(f"{halves}/10") == halves
