"""Counts in messages agree with their number."""

import pytest

from diary.base.words import counted


@pytest.mark.parametrize(
    ("count", "plural", "said"),
    [
        (0, "rows", "0 rows"),
        (1, "rows", "1 row"),
        (2, "rows", "2 rows"),
        (1, "watchlist entries", "1 watchlist entry"),
        (3, "watchlist entries", "3 watchlist entries"),
        (1, "Spreadsheet comments", "1 Spreadsheet comment"),
        (1, "external ids", "1 external id"),
        (1, "fun facts", "1 fun fact"),
        (1, "aliases", "1 alias"),
        (1, "files", "1 file"),
    ],
)
def test_counted(count: int, plural: str, said: str) -> None:
    assert counted(count, plural) == said
