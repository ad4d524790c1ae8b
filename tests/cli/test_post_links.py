"""Inline Markdown through the commands: links with other schemes are refused when written."""

from pathlib import Path

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


@pytest.mark.parametrize(
    "command",
    [
        ["post", "say", "1", "previews", "--by", "Ellen", "[x](javascript:alert(1))"],
        ["post", "write", "1", "intermission", "see [this](JavaScript:alert(1))"],
        ["post", "write", "1", "plots", "--short", "[x]( data:text/html,hi)"],
        ["post", "fact", "1", "[x](<vbscript:y>)"],
        ["post", "footnote", "1", "[x](file:///etc/passwd)"],
        ["post", "award", "1", "--category", "C", "--nominee", "[n](javascript:x)"],
    ],
)
def test_a_link_with_another_scheme_is_refused_when_written(
    cli: Cli, hosts: None, env_setup: Path, command: list[str]
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    before = snapshot(env_setup)
    refused = cli(*command)
    assert refused.exit_code == 1
    assert refused.stderr.startswith("Error: a link to a ") and refused.stderr.count("\n") == 1
    assert "http, https or mailto" in refused.stderr
    assert snapshot(env_setup) == before


def test_emphasis_and_links_reach_the_export_and_the_preview(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "footnote", "1", "--key", "src", "From *the* [studio](https://example.org).")
    cli.ok(
        "post", "say", "1", "previews", "--by", "Ellen",
        "I knew **the music**[^src](https://example.org/x), ~~not~~ the `film`.",
    )  # fmt: skip
    markdown = cli.ok("post", "export", "1").stdout
    assert (
        "**Ellen:** I knew **the music**[^1]\\(https://example.org/x), ~~not~~ the `film`."
        in markdown
    )
    assert "[^1]: From *the* [studio](https://example.org)." in markdown
    found = structure(markdown)
    assert {"strong_open", "s_open", "code_inline", "em_open", "link_open"} <= found.inline_types
    assert found.footnote_refs == [1]
    page = tmp_path / "p.html"
    cli.ok("post", "preview", "1", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert '<a href="https://example.org">studio</a>' in html
    assert '<a href="https://example.org/x"' not in html
