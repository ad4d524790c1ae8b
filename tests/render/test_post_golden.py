"""Golden files: each shipped format exports exactly the Markdown committed in tests/golden.

After an intended change of a format or template, rewrite them with
`DIARY_UPDATE_GOLDEN=1 python -m pytest tests/render/test_post_golden.py` and review the diff.
"""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


def newsletter(cli: Cli) -> str:
    cli.ok("people", "add", "Waffles", "--role", "pet")
    cli.ok("comment", "add", "Network", "--year", "1976", "--by", "Tyler", "shouty, in a good way")
    cli.ok("log", "Network", "--date", "2025-01-25", "--rating", "4", "--with", "Tyler=4.5")
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--priority", "3")
    cli.ok("post", "new", "Network", "--number", "9")
    cli.ok("post", "set", "9", "--subtitle", "Mad as hell, and so were we")
    cli.ok("post", "say", "9", "previews", "--by", "Ellen", "I only knew the window scene.")
    cli.ok("post", "write", "9", "plots", "--short", "A news anchor snaps on air.",
           "--source", "our own words")  # fmt: skip
    marker = cli.ok("post", "footnote", "9", "Ratings, of course.").stdout.strip()
    cli.ok("post", "write", "9", "plots",
           f"A network is losing viewers.{marker}\n\nEllen: Relatable.\n\n"
           "Its anchor announces he will quit, loudly.")  # fmt: skip
    cli.ok("post", "say", "9", "plots", "--by", "Tyler", f"The numbers go up.{marker}")
    cli.ok("post", "write", "9", "intermission", "Tired of the news? Try our news.")
    cli.ok("post", "fact", "9", "It won four Academy Awards.")
    cli.ok("post", "say", "9", "wiki", "--by", "Ellen", "Four!")
    nominees = ["--nominee", "Cold coffee", "--nominee", "A boardroom sandwich"]
    cli.ok("post", "award", "9", "--category", "Best Snack on a Set", *nominees,
           "--winner", "2", "--note", "Nobody ate it.")  # fmt: skip
    cli.ok("post", "say", "9", "blank", "--by", "Ellen", "--by", "Tyler", "Earned, and then some.")
    cli.ok("post", "write", "9", "pet", "I barked at the television. It did not bark back.")
    return "9"


def oscars_preview(cli: Cli) -> str:
    cli.ok("comment", "add", "Anora", "--year", "2024", "--by", "Ellen", "chaotic and warm")
    cli.ok("comment", "add", "Wicked", "--year", "2024", "--by", "Tyler", "defies gravity")
    cli.ok("post", "new", "--format", "oscars-preview", "--ceremony", "97", "--number", "10")
    cli.ok("post", "say", "10", "nominees", "--by", "Tyler", "--on", "Anora", "Also: loud.")
    cli.ok("post", "say", "10", "predictions", "--by", "Ellen", "Anora, by a nose.")
    cli.ok("post", "say", "10", "predictions", "--by", "Tyler", "Conclave, quietly.")
    return "10"


def ask_the_authors(cli: Cli) -> str:
    cli.ok("post", "new", "--format", "ask-the-authors", "--number", "11")
    cli.ok("post", "ask", "11", "How do you choose the next film?", "--from", "a reader in Leeds")
    cli.ok("post", "say", "11", "questions", "--by", "Ellen", "One of us offers three.")
    cli.ok("post", "say", "11", "questions", "--by", "Tyler", "The other picks one.")
    cli.ok("post", "ask", "11", "Favourite snack?")
    cli.ok("post", "say", "11", "questions", "--by", "Ellen & Tyler", "Popcorn, obviously.")
    return "11"


BUILDERS: dict[str, Callable[[Cli], str]] = {
    "newsletter": newsletter,
    "oscars-preview": oscars_preview,
    "ask-the-authors": ask_the_authors,
}


@pytest.mark.parametrize("name", list(BUILDERS))
def test_each_shipped_format_exports_its_golden_file(cli: Cli, hosts: None, name: str) -> None:
    number = BUILDERS[name](cli)
    exported = cli.ok("post", "export", number).stdout
    golden = GOLDEN / f"post-{name}.md"
    if os.environ.get("DIARY_UPDATE_GOLDEN"):
        golden.write_text(exported, encoding="utf-8")
    assert exported == golden.read_text(encoding="utf-8")
    found = structure(exported)
    assert found.headings[0][0] == 1 and all(level in (2, 3) for level, _ in found.headings[1:])
    assert found.inline_types <= {
        "text", "strong_open", "strong_close", "em_open", "em_close", "footnote_ref",
    }  # fmt: skip
