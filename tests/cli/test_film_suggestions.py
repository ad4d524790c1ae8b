"""Every command that takes a film suggests the same close titles when it matches nothing."""

import pytest

from tests.conftest import Cli

TYPO = "The Godfather Part 2"
SUGGESTED = "(did you mean The Godfather Part II (1974), The Godfather, Part III (1990)?)"


@pytest.mark.parametrize(
    "args",
    [
        ["log", TYPO],
        ["bp", "tick", TYPO],
        ["bp", "untick", TYPO],
        ["watchlist", "add", TYPO],
        ["comment", "add", TYPO, "a note"],
        ["film", "show", TYPO],
    ],
)
def test_the_same_suggestion_everywhere(cli: Cli, hosts: None, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and SUGGESTED in result.stderr, result
