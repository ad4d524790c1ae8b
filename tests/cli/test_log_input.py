"""Every "Command-line input" case of RELIABILITY.md, on every diary command that takes it.

Each bad value: exit 1, one `Error:` line on stderr saying what is accepted (or naming the
candidates), no traceback, and every row of the database as it was.
"""

from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.store.helpers import integrity, one_error_line, snapshot

DATES_ACCEPTED = "use YYYY-MM-DD, 'today', 'yesterday', 'last friday', 'jan 26' or '26 jan 2025'"
RATINGS_ACCEPTED = "use 0.5 to 5 in half steps (4.5, 4½, ★★★★½) or 1/10 to 10/10"

BAD_DATES = {
    "": "empty date",
    "1A2B": "not a date: '1A2B'",
    "27.08": "not a date: '27.08'",
    "2018-10": "not a date: '2018-10'",
    "03/04/2024": "not a date: '03/04/2024'",
    "11/08/64": "not a date: '11/08/64'",
}
FUTURE = "2025-02-02"  # the tests' today is 2025-02-01
BAD_RATINGS = ["0", "-1", "5.5", "3.7", "NaN", "abc"]


@pytest.fixture
def diary(cli: Cli, hosts: None, env_setup: Path) -> Path:
    """Two hosts, one entry (id 1) of a film, and two films sharing a title."""
    cli.ok("log", "Her", "--date", "2025-01-26", "--rating", "4", "--with", "Tyler=3")
    cli.ok("film", "add", "The Lantern Keeper", "--year", "2003")
    cli.ok("film", "add", "Lantern Keeper", "--year", "1987")
    return env_setup


def refused(cli: Cli, db: Path, *args: str) -> str:
    """Run a command that must fail; return its one error line, having checked nothing moved."""
    before = snapshot(db)
    result = cli(*args)
    assert result.exit_code == 1, result
    line = one_error_line(result.stderr)
    assert result.stdout == ""
    assert snapshot(db) == before
    assert integrity(db) == ["ok"]
    return line


DATE_COMMANDS = [["log", "Rocky", "--year", "1976", "--date"], ["edit", "1", "--date"]]


@pytest.mark.parametrize("command", DATE_COMMANDS, ids=["log", "edit"])
@pytest.mark.parametrize("text", list(BAD_DATES))
def test_bad_dates(cli: Cli, diary: Path, command: list[str], text: str) -> None:
    line = refused(cli, diary, *command, text)
    assert line == f"Error: {BAD_DATES[text]}: {DATES_ACCEPTED}"


@pytest.mark.parametrize("command", DATE_COMMANDS, ids=["log", "edit"])
def test_a_future_date(cli: Cli, diary: Path, command: list[str]) -> None:
    line = refused(cli, diary, *command, FUTURE)
    assert line == f"Error: {FUTURE} is in the future; diary entries are for films seen"


RATING_COMMANDS = {
    "log": lambda r: ["log", "Rocky", "--year", "1976", "--rating", r],
    "log --with": lambda r: ["log", "Rocky", "--year", "1976", "--with", f"Tyler={r}"],
    "edit": lambda r: ["edit", "1", "--by", "Tyler", "--rating", r],
    "edit --with": lambda r: ["edit", "1", "--with", f"Ann={r}"],
    "list": lambda r: ["list", "--rating-min", r],
}


@pytest.mark.parametrize("command", list(RATING_COMMANDS))
@pytest.mark.parametrize("text", BAD_RATINGS)
def test_bad_ratings(cli: Cli, diary: Path, command: str, text: str) -> None:
    if command == "edit --with":
        cli.ok("people", "add", "Ann")
    line = refused(cli, diary, *RATING_COMMANDS[command](text))
    assert line == f"Error: not a rating: {text!r}: {RATINGS_ACCEPTED}"


@pytest.mark.parametrize("text", ["0.5", "1", "2.5", "4½", "★★★½", "7/10", "10/10"])
def test_half_steps_from_a_half_to_five_are_accepted(cli: Cli, diary: Path, text: str) -> None:
    cli.ok("log", "Rocky", "--year", "1976", "--rating", text)


@pytest.mark.parametrize(
    "args",
    [
        ["log", "Rocky", "--year", "1976", "--by", "Nobody"],
        ["log", "Rocky", "--year", "1976", "--with", "Nobody=4"],
        ["edit", "1", "--by", "Nobody", "--rating", "4"],
        ["edit", "1", "--with", "Nobody"],
        ["list", "--by", "Nobody"],
    ],
    ids=["log --by", "log --with", "edit --by", "edit --with", "list --by"],
)
def test_an_unknown_person_names_who_is_known(cli: Cli, diary: Path, args: list[str]) -> None:
    assert refused(cli, diary, *args) == "Error: unknown person 'Nobody': known are Ellen, Tyler"


@pytest.mark.parametrize(
    "args",
    [
        ["log", "Lanter Keeper"],
        ["edit", "1", "--film", "Lanter Keeper"],
        ["list", "--film", "lanter keeper"],
    ],
    ids=["log", "edit", "list"],
)
def test_an_unknown_film_suggests_the_close_ones(cli: Cli, diary: Path, args: list[str]) -> None:
    line = refused(cli, diary, *args)
    assert "no film called" in line
    assert "(did you mean " in line
    assert "Lantern Keeper (1987)" in line and "The Lantern Keeper (2003)" in line


@pytest.mark.parametrize(
    "args",
    [
        ["log", "lantern keeper"],
        ["edit", "1", "--film", "Lantern Keeper"],
        ["list", "--film", "the lantern keeper"],
    ],
    ids=["log", "edit", "list"],
)
def test_an_ambiguous_title_lists_the_candidates(cli: Cli, diary: Path, args: list[str]) -> None:
    line = refused(cli, diary, *args)
    assert "matches 2 films: Lantern Keeper (1987), The Lantern Keeper (2003)" in line
    assert "add --year to choose" in line


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "99"], "no diary entry with id 99"),
        (["edit", "99", "--rating", "4"], "no diary entry with id 99"),
        (["delete", "99", "--yes"], "no diary entry with id 99"),
        (["edit", "1", "--rating", "4"], "entry 1 has several people (Ellen, Tyler); add --by"),
        (["edit", "1"], "nothing to change: give at least one option"),
        (["edit", "1", "--with", "Tyler"], "Tyler is already on entry 1"),
        (["log", "Her", "--with", "Ellen"], "the same person is named twice"),
        (["list", "--month", "2025-13"], "not a month: '2025-13': use YYYY-MM, e.g. 2025-01"),
        (["list", "--month", "jan"], "not a month: 'jan': use YYYY-MM, e.g. 2025-01"),
        (["list", "--year", "0"], "not a year: 0: use four digits, e.g. 2025"),
        (["delete", "1"], "deleting entry 1 needs --yes when not at a terminal"),
        (
            ["edit", "1", "--by", "Tyler", "--rating", "3", "--no-rating"],
            "give --rating or --no-rating, not both",
        ),
    ],
)
def test_other_bad_diary_input(cli: Cli, diary: Path, args: list[str], message: str) -> None:
    assert refused(cli, diary, *args) == f"Error: {message}"


TOO_BIG = "99999999999999999999"


@pytest.mark.parametrize(
    "args",
    [
        ["show", TOO_BIG],
        ["edit", TOO_BIG, "--rating", "3"],
        ["delete", TOO_BIG, "--yes"],
        ["list", "--limit", TOO_BIG],
        ["watchlist", "add", "Her", "--priority", TOO_BIG],
        ["log", "Her", "--year", TOO_BIG],
    ],
    ids=["show", "edit", "delete", "list", "watchlist", "log"],
)
def test_a_number_too_large_for_the_database_says_so(
    cli: Cli, diary: Path, args: list[str]
) -> None:
    assert refused(cli, diary, *args) == (
        "Error: a number given is too large (the most a database number holds is "
        "9223372036854775807)"
    )
