import pytest

from diary.base.titles import split_year, title_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Her", "her"),
        ("The Godfather", "godfather"),
        ("Les Misérables", "les miserables"),
        ("Once Upon a Time… in Hollywood", "Once upon a Time...in Hollywood"),
        ("Sunset Blvd.", "sunset blvd"),
        ("Marty!", "marty"),
    ],
)
def test_same_key(a: str, b: str) -> None:
    assert title_key(a) == title_key(b)


def test_different_titles_keep_different_keys() -> None:
    assert title_key("Her") != title_key("Hers")
    assert title_key("A") == "a"


def test_split_year() -> None:
    assert split_year("Her (2013)") == ("Her", 2013)
    assert split_year("Her") == ("Her", None)
    assert split_year("1917 (2019)") == ("1917", 2019)
