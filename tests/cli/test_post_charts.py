"""`diary post chart`: a chart in a post, written beside the exported Markdown and shown
in the HTML preview."""

import re
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.dbaccess import connect
from tests.stats_support import build_sample


@pytest.fixture
def post(cli: Cli) -> str:
    build_sample()
    cli.ok("post", "new", "Parasite")
    return "1"


def entries(db: Path) -> list[tuple[str, str]]:
    with connect(db) as connection:
        return connection.execute("SELECT kind, text FROM post_entry ORDER BY id").fetchall()


def test_export_writes_the_picture_beside_the_markdown(
    cli: Cli, post: str, tmp_path: Path, env_setup: Path
) -> None:
    added = cli.ok("post", "chart", post, "ratings", "--year", "2024")
    assert added.stderr.strip() == "Intermission: added the ratings 2024 chart."
    assert ("chart", "ratings 2024") in entries(env_setup)
    target = tmp_path / "out" / "parasite.md"
    target.parent.mkdir()
    result = cli.ok("post", "export", post, "-o", str(target))
    assert "parasite-1-ratings.svg" in result.stderr
    markdown = target.read_text(encoding="utf-8")
    image = re.search(r"^!\[([^\]]+)\]\(parasite-1-ratings\.svg\)$", markdown, re.M)
    assert image is not None
    assert image.group(1).startswith("Bar chart of ratings from half a star to five stars, 2024")
    assert "## Intermission" in markdown  # the section is shown for its chart
    picture = (target.parent / "parasite-1-ratings.svg").read_text(encoding="utf-8")
    assert "Ellen rated 5 times, 3.8 on average" in picture
    assert "DIARYCHART" not in markdown
    first = markdown
    again = cli.ok("post", "export", post, "-o", str(target), "--force")
    assert target.read_text(encoding="utf-8") == first and again.exit_code == 0
    refused = cli("post", "export", post, "-o", str(target))
    assert refused.exit_code == 1 and "already exists" in refused.stderr


def test_preview_html_shows_the_chart_inline(cli: Cli, post: str, tmp_path: Path) -> None:
    cli.ok("post", "chart", post, "bp-progress", "--section", "intro")
    page = tmp_path / "preview.html"
    cli.ok("post", "preview", post, "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert html.count('<img src="data:image/svg+xml;base64,') == 1
    assert 'alt="Line chart of Best Picture nominees seen over time' in html
    assert "DIARYCHART" not in html
    terminal = cli.ok("post", "preview", post).stdout
    assert "(Chart: Line chart of Best Picture nominees" in terminal
    to_stdout = cli.ok("post", "export", post)
    assert (
        "export with -o FILE" in to_stdout.stderr
        and "](chart-1-bp-progress.svg)" in to_stdout.stdout
    )


def test_a_wrong_chart_or_section_changes_nothing(cli: Cli, post: str, env_setup: Path) -> None:
    before = entries(env_setup)
    unknown = cli("post", "chart", post, "pie")
    assert unknown.exit_code == 1 and "unknown chart 'pie'" in unknown.stderr
    plot = cli("post", "chart", post, "ratings", "--section", "plots")
    assert plot.exit_code == 1 and "cannot hold a chart" in plot.stderr
    assert entries(env_setup) == before


def test_clear_removes_a_chart_like_any_piece(cli: Cli, post: str, env_setup: Path) -> None:
    cli.ok("post", "chart", post, "ratings")
    assert "![" in cli.ok("post", "export", post).stdout
    cli.ok("post", "clear", post, "intermission", "--piece", "1")
    assert ("chart", "ratings") not in entries(env_setup)
    assert "![" not in cli.ok("post", "export", post).stdout
