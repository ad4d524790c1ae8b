"""`diary post reviews|quote`: a critic's review imported for the film, quoted in a post."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.render.post_support import structure
from tests.store.helpers import one_error_line, snapshot

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


@pytest.fixture
def lantern_post(cli: Cli, hosts: None) -> None:
    cli.ok("film", "import-page", str(PAGES / "metacritic-lantern-keeper.html"))
    cli.ok("post", "new", "The Lantern Keeper", "--number", "3")


def reviews(cli: Cli) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(cli.ok("post", "reviews", "3", "--json").stdout)
    return found


def test_reviews_are_numbered_best_first_and_one_is_quoted(cli: Cli, lantern_post: None) -> None:
    listed = reviews(cli)
    assert [r["number"] for r in listed] == list(range(1, len(listed) + 1))
    scores = [r["score"] for r in listed if r["score"] is not None]
    assert scores == sorted(scores, reverse=True) and len(listed) >= 2
    second = listed[1]
    said = cli.ok("post", "quote", "3", "2").stderr
    assert said.startswith("Wiki-Wiki-Whaaat?: added fact 1 (")
    assert second["quote"].startswith("“") and f"({second['score']}/100)" in second["quote"]
    assert [r["used"] for r in reviews(cli)][:2] == [False, True]
    again = cli.ok("post", "quote", "3", "2").stderr
    assert again == "Wiki-Wiki-Whaaat?: review 2 is already quoted.\n"
    exported = cli.ok("post", "export", "3").stdout
    critic = ", ".join(p for p in (second["critic"], second["publication"]) if p)
    assert f"— {critic} ({second['score']}/100)" in exported
    assert "Wiki-Wiki-Whaaat?" in [h for _, h in structure(exported).headings]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["3", "99"], "no review 99: choose 1 to "),
        (["3", "0"], "no review 0: choose 1 to "),
        (["3", "1", "--section", "previews"], "Previews is a speakers section, not facts"),
        (["7", "1"], "7"),
    ],
)
def test_a_bad_quote_changes_nothing(
    cli: Cli, lantern_post: None, env_setup: Path, args: list[str], message: str
) -> None:
    before = snapshot(env_setup)
    result = cli("post", "quote", *args)
    assert result.exit_code == 1
    assert message in one_error_line(result.stderr)
    assert snapshot(env_setup) == before


def test_a_post_with_no_reviews_says_where_they_come_from(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("post", "new", "her", "--number", "4")
    assert "No reviews yet" in cli.ok("post", "reviews", "4").stderr
    assert json.loads(cli.ok("post", "reviews", "4", "--json").stdout) == []
    before = snapshot(env_setup)
    refused = cli("post", "quote", "4", "1")
    assert refused.exit_code == 1
    assert "has no reviews for its film" in one_error_line(refused.stderr)
    assert snapshot(env_setup) == before
