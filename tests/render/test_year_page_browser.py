"""The year-in-review page in a real headless Chromium: it loads with no console message
and draws something (its screenshot is not blank).

Chromium comes from the distribution's packages (.ci/run installs it when it is missing);
without it these tests are skipped, saying so.
"""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import Cli
from tests.stats_support import build_sample

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="chromium is not installed (.ci/run installs Debian's package)"
)


@dataclass
class Loaded:
    console: list[str]  # what the page said on the console
    screenshot: Image.Image


def load(page: Path, tmp_path: Path) -> Loaded:
    assert BROWSER is not None
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [
            BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.exists(), result.stderr
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return Loaded(console, Image.open(shot).convert("RGB"))


def colours(image: Image.Image) -> int:
    return len(image.getcolors(maxcolors=1 << 20) or [])


def test_the_year_page_loads_cleanly_and_is_not_blank(cli: Cli, tmp_path: Path) -> None:
    build_sample()
    page = tmp_path / "year.html"
    cli.ok("stats", "--year", "2024", "--html", str(page))
    loaded = load(page, tmp_path)
    assert loaded.console == []
    assert colours(loaded.screenshot) > 50  # text, charts and bars, not one flat colour
    # the charts were decoded and drawn: their blue bars are on screen
    counts = {colour: n for n, colour in loaded.screenshot.getcolors(maxcolors=1 << 20) or []}
    assert counts.get((0, 114, 178), 0) > 500


def test_the_check_notices_a_console_error_and_a_blank_page(tmp_path: Path) -> None:
    noisy = tmp_path / "noisy.html"
    noisy.write_text("<!DOCTYPE html><p>x</p><script>console.error('broken')</script>")
    assert any("broken" in line for line in load(noisy, tmp_path).console)
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>nothing</title>")
    assert colours(load(blank, tmp_path).screenshot) == 1
