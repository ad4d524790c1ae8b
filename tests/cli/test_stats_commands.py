"""`diary stats`, `diary stats bp` and `diary chart` through the real command line."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli
from tests.stats_support import build_sample


@pytest.fixture
def sample() -> None:
    build_sample()


def test_stats_json_for_a_year(cli: Cli, sample: None) -> None:
    data = json.loads(cli.ok("stats", "--year", "2024", "--json").stdout)
    assert data["period"] == {
        "label": "2024",
        "year": 2024,
        "from": "2024-01-01",
        "to": "2024-12-31",
    }
    assert (data["viewings"], data["films"], data["undated"]) == (6, 4, 0)
    assert (data["first_watches"], data["rewatches"]) == (9, 2)
    assert [m["viewings"] for m in data["months"]] == [3, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert data["streak"] == {"days": 3, "from": "2024-01-05", "to": "2024-01-07"}
    assert data["busiest_day"] == {"date": "2024-01-05", "viewings": 1}  # the earliest of ties
    ratings = {r["person"]: r for r in data["ratings"]}
    assert ratings["Ellen"]["average"] == 3.8 and ratings["Ellen"]["histogram"]["4.5"] == 1
    assert ratings["Biscuit"]["rated"] == 0 and ratings["Biscuit"]["average"] is None
    assert data["hours"] == {
        "hours": 8.3,
        "minutes": 500,
        "viewings_with_runtime": 4,
        "films_without_runtime": 2,
    }
    assert data["highest_rated"][0] == {
        "film": "Her (2013)",
        "title": "Her",
        "year": 2013,
        "average": 4.17,
        "ratings": 3,
    }
    assert data["disagreements"][0]["ratings"] == [
        {"person": "Tyler", "rating": 5.0},
        {"person": "Ellen", "rating": 2.0},
    ]
    assert data["tags"] == [{"tag": "bp", "viewings": 2}, {"tag": "summer", "viewings": 2}]


def test_stats_in_the_terminal(cli: Cli, sample: None) -> None:
    out = cli.ok("stats", "--year", "2024").stdout
    assert "6 viewings of 4 films: 9 first watches, 2 rewatches" in out
    assert "Longest streak: 3 days in a row (2024-01-05 to 2024-01-07)" in out
    assert "Hours watched: 8.3 (2 films with no known runtime)" in out
    assert "Biscuit: 2 entries, no ratings" in out
    assert "3 stars apart: Parasite (2019) on 2024-03-16 (Tyler 5, Ellen 2)" in out
    assert "\x1b[" not in out  # plain when not at a terminal


def test_stats_all_time_counts_the_undated_viewing(cli: Cli, sample: None) -> None:
    data = json.loads(cli.ok("stats", "--json").stdout)
    assert (data["viewings"], data["undated"]) == (9, 1)
    assert sum(m["viewings"] for m in data["months"]) == 8
    assert "1 without a date" in cli.ok("stats").stdout


def test_an_empty_year(cli: Cli, sample: None) -> None:
    data = json.loads(cli.ok("stats", "--year", "2020", "--json").stdout)
    assert data["viewings"] == 0 and len(data["months"]) == 12
    assert data["streak"]["days"] == 0 and data["highest_rated"] == []
    assert "0 viewings of 0 films" in cli.ok("stats", "--year", "2020").stdout


def test_stats_on_a_new_diary(cli: Cli) -> None:
    data = json.loads(cli.ok("stats", "--json").stdout)
    assert data["viewings"] == 0 and data["people"] == [] and data["months"] == []


def test_stats_by_a_person(cli: Cli, sample: None) -> None:
    data = json.loads(cli.ok("stats", "--year", "2024", "--by", "tyler", "--json").stdout)
    assert data["people"] == ["Tyler"] and data["viewings"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2024", "--from", "2024-01-01"], "not both"),
        (["--year", "1492"], "no diary year 1492"),
        (["--from", "2024-05-01", "--to", "2024-01-01"], "is after"),
        (["--from", "2024-13-01"], "not a date"),
        (["--by", "Nobody"], "unknown person 'Nobody'"),
    ],
)
def test_bad_input_is_one_line(cli: Cli, sample: None, args: list[str], message: str) -> None:
    result = cli("stats", *args)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_stats_bp(cli: Cli, sample: None) -> None:
    data = json.loads(cli.ok("stats", "bp", "--json").stdout)
    assert data["people"] == ["Ellen", "Tyler", "Biscuit"]
    over = {line["person"]: line for line in data["over_time"]}
    assert over["Ellen"]["points"][0] == {"date": "2023-12-31", "seen": 1}
    assert (over["Tyler"]["undated"], over["Tyler"]["seen"]) == (1, 4)
    assert data["seen_by_everyone"] == [
        {"title": "Jaws", "year": 1975},
        {"title": "Her", "year": 2013},
    ]
    assert data["progress"]["winners"]["seen"] == {"Ellen": 2, "Tyler": 2, "Biscuit": 0}
    forties = next(d for d in data["left_by_decade"] if d["decade"] == "1940s")
    assert forties["left"]["Ellen"] == forties["total"] - 1
    out = cli.ok("stats", "bp").stdout
    assert "Seen by everyone (2): Jaws (1975), Her (2013)" in out
    assert "Tyler: 4 of 621" in out and "(1 without a date)" in out


def test_chart_writes_svg_with_alt_text(cli: Cli, sample: None, tmp_path: Path) -> None:
    target = tmp_path / "months.svg"
    result = cli.ok("chart", "viewings-per-month", "--year", "2024", "-o", str(target))
    assert "Alt text: Bar chart of films watched per month, 2024" in result.stderr
    svg = target.read_text(encoding="utf-8")
    assert '<desc id="chart-desc">Bar chart of films watched per month, 2024' in svg
    assert len(re.findall(r'<g id="s0-\d+"', svg)) == 12  # a bar per month


def test_best_picture_charts_say_they_cover_all_time(
    cli: Cli, sample: None, tmp_path: Path
) -> None:
    result = cli.ok("chart", "bp-decades", "--year", "2024", "-o", str(tmp_path / "d.svg"))
    assert "cover all time" in result.stderr
    assert (
        "cover all time" not in cli.ok("chart", "bp-decades", "-o", str(tmp_path / "e.svg")).stderr
    )


def test_chart_png_and_refusals(cli: Cli, sample: None, tmp_path: Path) -> None:
    target = tmp_path / "ratings.png"
    cli.ok("chart", "ratings", "-o", str(target))
    assert target.read_bytes().startswith(b"\x89PNG")
    again = cli("chart", "ratings", "-o", str(target))
    assert again.exit_code == 1 and "already exists" in again.stderr
    unknown = cli("chart", "pie", "-o", str(tmp_path / "x.svg"))
    assert unknown.exit_code == 1 and "unknown chart 'pie'" in unknown.stderr
    wrong = cli("chart", "ratings", "-o", str(tmp_path / "x.gif"))
    assert wrong.exit_code == 1 and "end it in .svg or .png" in wrong.stderr
    assert not (tmp_path / "x.svg").exists() and not (tmp_path / "x.gif").exists()


def test_year_page(cli: Cli, sample: None, tmp_path: Path) -> None:
    page = tmp_path / "year.html"
    cli.ok("stats", "--year", "2024", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert "<title>The year in review: 2024</title>" in html
    assert html.count('<img src="data:image/svg+xml;base64,') == 4
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "Parasite (2019)" in html
    assert "@media (prefers-color-scheme: dark)" in html
    refused = cli("stats", "--html", str(page))
    assert refused.exit_code == 1 and "already exists" in refused.stderr
    whole = tmp_path / "all.html"
    cli.ok("stats", "--html", str(whole))
    assert "<title>The diary in review: all time</title>" in whole.read_text(encoding="utf-8")


def test_stats_bp_by_ceremony(cli: Cli, sample: None) -> None:
    out = cli.ok("stats", "bp", "--ceremonies").stdout
    assert "Ceremony" in out and "1927/28" in out
    assert "Ceremony" not in cli.ok("stats", "bp").stdout


def test_only_charts_load_the_chart_library(tmp_path: Path) -> None:
    """`diary stats`, `stats bp` and `list` never import matplotlib; `diary chart` does."""
    picture = str(tmp_path / "r.svg")
    probe = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from diary.cli.main import app\n"
        "for args in (['stats'], ['stats', 'bp', '--json'], ['list']):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0, args\n"
        "print('stats', 'matplotlib' in sys.modules)\n"
        f"assert CliRunner().invoke(app, ['chart', 'ratings', '-o', {picture!r}]).exit_code == 0\n"
        "print('chart', 'matplotlib' in sys.modules)\n"
    )
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stdout.split() == ["stats", "False", "chart", "True"], result.stderr


def test_the_ten_most_used_tags(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")
    tags = [f"t{n:02d}" for n in range(12)]
    cli.ok("log", "Her", "--year", "2013", "--date", "2024-05-01", *[f"--tag={t}" for t in tags])
    cli.ok("log", "Her", "--year", "2013", "--date", "2024-05-02", "--tag", "t11")
    data = json.loads(cli.ok("stats", "--json").stdout)
    assert [t["tag"] for t in data["tags"]] == ["t11", *tags[:9]]
    assert data["tags"][0]["viewings"] == 2


@pytest.mark.parametrize(
    ("args", "unloaded", "seen"),
    [
        (["stats", "--year", "2024"], "diary.store.models rich.console", "weekday\nMonday    0"),
        (["stats", "bp"], "rich.console", "\nEllen    ──"),
    ],
)
def test_piped_stats_is_plain_text_drawn_without_rich(
    sample: None, args: list[str], unloaded: str, seen: str
) -> None:
    """Piped, `diary stats` (and `stats bp`) write their lines as text, without rich (nor,
    for `stats`, the table models); at a terminal (here: colour forced) rich draws the same
    lines with coloured bars."""
    probe = (
        "import sys\n"
        "from diary.cli.main import main\n"
        f"sys.argv = ['diary', *{args!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(*(m for m in {unloaded.split()!r} if m in sys.modules), file=sys.stderr)\n"
    )
    env = os.environ | {"PYTHONPATH": str(ROOT), "COLUMNS": "70"}
    env.pop("FORCE_COLOR", None)
    env.pop("TTY_COMPATIBLE", None)
    piped = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert piped.stderr.strip() == "" and "\x1b[" not in piped.stdout
    assert seen in piped.stdout
    coloured = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=env | {"FORCE_COLOR": "1"},
        timeout=120,
    )
    assert "rich.console" in coloured.stderr and "\x1b[" in coloured.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == piped.stdout
