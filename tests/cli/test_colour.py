"""NO_COLOR, FORCE_COLOR and TERM=dumb do what docs/cli.md says (in a real process: the
console reads them once, when it is made)."""

import re

import pytest

from tests.conftest import Cli, run_diary

SGR = re.compile(r"\x1b\[([0-9;]*)m")
BOLD, DIM = 1, 2


def codes(text: str) -> set[int]:
    """Every SGR attribute the text switches on: 1 bold, 2 dim, 30-37/90-97 colours…"""
    return {int(n) for params in SGR.findall(text) for n in params.split(";") if n}


def colours(found: set[int]) -> set[int]:
    return {n for n in found if 30 <= n <= 49 or 90 <= n <= 107}


@pytest.fixture
def post(cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch) -> None:
    cli.ok("post", "new", "Her", "--year", "2013", "--number", "1")
    monkeypatch.delenv("NO_COLOR")  # the autouse fixture's; each test says what it wants


def shown(*args: str, **env: str) -> str:
    result = run_diary(*args, env={"TERM": "xterm-256color", **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_piped_output_is_plain_text(post: None) -> None:
    assert "Intro" in shown("post", "status", "1")
    assert codes(shown("post", "status", "1")) == set()


def test_force_color_colours_even_a_pipe(post: None) -> None:
    found = codes(shown("post", "status", "1", FORCE_COLOR="1"))
    assert BOLD in found and colours(found) != set()


def test_no_color_drops_colour_and_keeps_bold_and_dim(post: None) -> None:
    status = codes(shown("post", "status", "1", FORCE_COLOR="1", NO_COLOR="1"))
    assert BOLD in status and colours(status) == set()
    page = codes(shown("post", "show", "1", FORCE_COLOR="1", NO_COLOR="1"))
    assert {BOLD, DIM} <= page and colours(page) == set()


def test_a_dumb_terminal_gets_plain_text_even_when_forced(post: None) -> None:
    text = shown("post", "status", "1", FORCE_COLOR="1", TERM="dumb")
    assert "Intro" in text and codes(text) == set() and "\x1b" not in text
