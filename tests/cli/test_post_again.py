"""`post new FILM` on a film that already has a post: named, and another only when asked."""

from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.store.helpers import snapshot


def test_a_second_post_on_a_film_needs_again(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    before = snapshot(env_setup)
    refused = cli("post", "new", "jaws")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: Jaws (1975) already has post 12 (Jaws (1975)): pass --again to start another\n"
    )
    assert snapshot(env_setup) == before
    cli.ok("post", "show", "Jaws")  # still one post: not ambiguous
    again = cli.ok("post", "new", "Jaws", "--again")
    assert "Started post 13 (Jaws (1975))" in again.stderr


@pytest.mark.parametrize(("answer", "posts"), [(False, 1), (True, 2)])
def test_at_a_terminal_the_question_names_the_posts_and_defaults_to_no(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch, answer: bool, posts: int
) -> None:
    import questionary

    from diary.cli import context

    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    asked: list[tuple[str, bool]] = []

    class Confirm:
        def __init__(self, message: str, default: bool = True) -> None:
            asked.append((message, default))

        def unsafe_ask(self) -> bool:
            return answer

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "confirm", Confirm)
    said = cli.ok("post", "new", "Jaws").stderr
    assert asked == [("Jaws (1975) already has post 12 (Jaws (1975)). Start another?", False)]
    assert ("No post started." in said) != answer
    assert cli.ok("post", "list", "--json").stdout.count('"number"') == posts
