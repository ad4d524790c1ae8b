"""`post draft`: a walk through the empty sections, saving each answer as it comes."""

import json
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from diary.cli import context, post_draft
from tests.conftest import Cli
from tests.render.post_support import formats_dir  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


class ScriptedAsker:
    """Answers prompts from a script; None is what questionary returns on Ctrl-C."""

    def __init__(self, answers: list[Any]) -> None:
        self.answers = deque(answers)
        self.prompts: list[str] = []

    def _next(self, message: str) -> Any:
        self.prompts.append(message)
        return self.answers.popleft()

    def text(self, message: str, multiline: bool = False) -> str | None:
        return self._next(message)

    def select(self, message: str, choices: list[str]) -> str | None:
        answer = self._next(message)
        assert answer is None or answer in choices
        return answer

    def checkbox(self, message: str, choices: list[tuple[str, int]]) -> list[int] | None:
        return self._next(message)


def test_draft_walks_the_empty_sections_and_keeps_answers_on_ctrl_c(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    asker = ScriptedAsker(
        [
            "I knew the music.", "",  # Previews: Ellen, Tyler
            "A shark, a town.", "IMDb", "Amity gets ready.\n\nTyler: Gulp.",  # Plots
            "",  # Intermission
            "Bruce is a shark.", "",  # Wiki-Wiki-Whaaat?
            "Best Snack", "Chum", "Pot roast", "", "Pot roast", "Thanks.",  # NomNomNomz
            "", None,  # Fill In The Blank: Ellen skips, then Ctrl-C
        ]
    )  # fmt: skip
    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(post_draft, "asker", lambda: asker)
    result = cli("post", "draft", "1")
    assert result.exit_code == 130  # cancelled, as at any other question
    assert "Stopped; everything answered so far is saved." in result.stderr
    assert not asker.answers
    assert asker.prompts[0].startswith("Previews — Our expectations")
    data = json.loads(cli.ok("post", "show", "1", "--json").stdout)
    sections = {s["key"]: s for s in data["sections"]}
    assert [(p["speaker"], p["text"]) for p in sections["previews"]["pieces"]] == [
        ("Ellen", "I knew the music.")
    ]
    plots = sections["plots"]
    assert (plots["body"], plots["source"]) == ("A shark, a town.", "IMDb")
    assert [(p["text"], p["remarks"][0]["text"]) for p in plots["pieces"]] == [
        ("Amity gets ready.", "Gulp.")
    ]
    assert sections["intermission"]["body"] is None
    assert [p["text"] for p in sections["wiki"]["pieces"]] == ["Bruce is a shark."]
    award = sections["nomnomnomz"]["awards"][0]
    assert (award["category"], award["nominees"], award["winner"], award["note"]) == (
        "Best Snack", ["Chum", "Pot roast"], "Pot roast", "Thanks.",
    )  # fmt: skip
    assert sections["blank"]["pieces"] == []


def test_draft_needs_a_terminal(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    result = cli("post", "draft", "1")
    assert result.exit_code == 1
    assert "post draft asks questions at a terminal" in result.stderr


def test_a_pre_filled_short_plot_still_asks_for_the_long_version(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "write", "1", "plots", "--short", "A shark, a town.", "--source", "IMDb")
    status = json.loads(cli.ok("post", "status", "1", "--json").stdout)
    plots = next(s for s in status["sections"] if s["key"] == "plots")
    assert (plots["filled"], plots["missing"]) == (True, "long version")
    assert "no long version yet" in cli.ok("post", "status", "1").stdout
    asker = ScriptedAsker(["", "", "Amity gets ready.\n\nTyler: Gulp.", None])
    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(post_draft, "asker", lambda: asker)
    assert cli("post", "draft", "1").exit_code == 130
    assert asker.prompts[2].startswith("Plots & Feelings — ")
    assert asker.prompts[2].endswith("The long version (Name: lines become remarks)")
    data = json.loads(cli.ok("post", "show", "1", "--json").stdout)
    plots = next(s for s in data["sections"] if s["key"] == "plots")
    assert (plots["body"], plots["source"]) == ("A shark, a town.", "IMDb")
    assert [p["text"] for p in plots["pieces"]] == ["Amity gets ready."]
    status = json.loads(cli.ok("post", "status", "1", "--json").stdout)
    assert next(s for s in status["sections"] if s["key"] == "plots")["missing"] is None


def test_draft_counts_one_section_in_the_singular_and_none_as_nothing_to_fill(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("post", "new", "--format", "ask-the-authors")
    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(post_draft, "asker", lambda: ScriptedAsker([None]))
    one = cli("post", "draft", "1")
    assert one.exit_code == 130
    assert one.stderr.startswith("1 section to fill; an empty answer skips one.\n"), one
    cli.ok("post", "ask", "1", "Popcorn or candy?")
    monkeypatch.setattr(post_draft, "asker", lambda: ScriptedAsker([]))
    none = cli.ok("post", "draft", "1")
    assert none.stderr == "Nothing to fill: `diary post show 1` shows the post.\n", none
