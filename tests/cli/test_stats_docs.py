"""docs/stats.md keeps its promises: its pictures are current, every chart is shown, and
every figure of the JSON is documented."""

import json
import re
from html import unescape

from diary.devtools import statsdocs
from diary.render.charts import KINDS
from tests.conftest import ROOT, Cli
from tests.stats_support import build_sample

DOC = ROOT / "docs" / "stats.md"


def test_the_pictures_are_current() -> None:
    drawn = statsdocs.pictures()
    assert sorted(drawn) == sorted(f"{kind}.svg" for kind in KINDS)
    for name, data in drawn.items():
        path = statsdocs.IMAGES / name
        assert path.exists() and path.read_bytes() == data, (
            f"{path} is out of date: run `python -m diary.devtools.statsdocs`"
        )


def test_every_chart_is_shown_with_its_alt_text() -> None:
    text = DOC.read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"### `{kind}`" in text
        shown = re.search(rf"!\[([^\]]+)\]\(images/stats/{kind}\.svg\)", text)
        assert shown is not None, kind
        svg = (statsdocs.IMAGES / f"{kind}.svg").read_text(encoding="utf-8")
        desc = re.search(r'<desc id="chart-desc">([^<]*)</desc>', svg)
        assert desc is not None, kind
        # the page's alt text is the picture's own (or its beginning)
        assert unescape(desc.group(1)).startswith(shown.group(1).rstrip(".")), kind


def test_every_json_figure_is_documented(cli: Cli) -> None:
    build_sample()
    text = DOC.read_text(encoding="utf-8")
    for args in (["stats"], ["stats", "bp"]):
        data = json.loads(cli.ok(*args, "--json").stdout)
        for key in data:
            assert f"`{key}`" in text, f"docs/stats.md does not describe {key!r}"
