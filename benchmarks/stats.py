"""Time `diary stats`, `diary stats bp` and `diary chart` on a diary of 100,000 viewings.

Run by hand: `python -m benchmarks.stats [--viewings N] [--runs N]`. The diary is the one
benchmarks.bp_progress builds (three people, 5,000 films besides the nominees, one viewing in
twenty of a nominee, 300 hand ticks), plus tags on a tenth of the viewings, a place on a
fifth and runtimes for half the films. Each figure is the median of whole
`python -m diary …` runs taken in turns with the floor `python -c "import sqlmodel"` and with
the chart library's own import; the section of docs/performance.md is rewritten.
"""

import argparse
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.bp_progress import build, interleaved
from benchmarks.common import environment, median_seconds, stamp, write_section

SECTION = "Stats and charts"
CHART_LIBRARY = (
    "import matplotlib; from matplotlib.figure import Figure; "
    "from matplotlib.backends.backend_svg import FigureCanvasSVG"
)


def enrich(db: Path, seed: int = 14) -> None:
    """Tags, places and runtimes, so every figure of `diary stats` has work to do."""
    rng = random.Random(seed)
    connection = sqlite3.connect(db)
    with connection:
        viewings = [r[0] for r in connection.execute("SELECT id FROM viewing")]
        tags = ("cinema", "bp", "rewatch-night", "festival", "plane")
        connection.executemany(
            "INSERT OR IGNORE INTO viewing_tag (viewing_id, tag) VALUES (?, ?)",
            [(v, rng.choice(tags)) for v in viewings if rng.random() < 0.1],
        )
        places = ("home", "the Rio", "on a plane", "DVD from the library")
        connection.executemany(
            "UPDATE viewing SET place = ? WHERE id = ?",
            [(rng.choice(places), v) for v in viewings if rng.random() < 0.2],
        )
        films = [r[0] for r in connection.execute("SELECT id FROM film")]
        connection.executemany(
            "INSERT INTO film_fact (film_id, source, kind, position, value, detail) "
            "VALUES (?, 'Wikipedia', 'runtime', 0, ?, 'minutes')",
            [(f, str(rng.randrange(80, 200))) for f in films if rng.random() < 0.5],
        )
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--viewings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "diary.db"
        build(db, args.viewings, films=5_000)
        enrich(db)
        env = environment(db)
        out = Path(folder)
        commands = {
            "`diary stats`": ("stats",),
            "`diary stats --year 2020`": ("stats", "--year", "2020"),
            "`diary stats --json`": ("stats", "--json"),
            "`diary stats bp`": ("stats", "bp"),
            "`diary chart viewings-per-month --year 2020 -o F.svg`": (
                "chart",
                "viewings-per-month",
                "--year",
                "2020",
                "-o",
                str(out / "m.svg"),
                "--force",
            ),
            "`diary chart bp-progress -o F.svg`": (
                "chart",
                "bp-progress",
                "-o",
                str(out / "p.svg"),
                "--force",
            ),
            "`diary chart ratings -o F.png`": (
                "chart",
                "ratings",
                "-o",
                str(out / "r.png"),
                "--force",
            ),
            "`diary stats --year 2020 --html F.html`": (
                "stats",
                "--year",
                "2020",
                "--html",
                str(out / "y.html"),
                "--force",
            ),
        }
        floor, timed = interleaved(commands, env, args.runs)
        library = median_seconds([sys.executable, "-c", CHART_LIBRARY], args.runs)
        library -= median_seconds([sys.executable, "-c", "pass"], args.runs)
        size = db.stat().st_size / 1e6
    lines = [
        stamp(),
        "",
        f"Database: {args.viewings:,} viewings by three people over 25 years ({size:.1f} MB), "
        "5,000 films besides the nominees, tags, places and runtimes, built by "
        "`python -m benchmarks.stats`. Each figure is the median of "
        f"{args.runs} whole runs of `python -m diary …`, taken in turns with the floor. "
        "The figures are aggregated in SQL (viewings per date, per person and rating, per "
        "film, per tag…); Python folds at most a few thousand rows. "
        f"The chart library's own import (matplotlib, its figure and SVG backend, beyond "
        f"Python's start-up) takes {library:.3f} s.",
        "",
        "| Command | Seconds | × floor | Target |",
        "| --- | ---: | ---: | --- |",
        f'| floor: `python -c "import sqlmodel"` | {floor:.3f} | 1.00 | |',
    ]
    for name, seconds in timed.items():
        ratio = seconds / floor
        target = ""
        if name in ("`diary stats`", "`diary stats bp`"):
            target = f"≤ 1.5× ({'met' if ratio <= 1.5 else 'missed'})"
        elif name.startswith("`diary chart"):
            limit = 2 * floor + library
            target = (
                f"≤ 2× floor + library = {limit:.3f} s ({'met' if seconds <= limit else 'missed'})"
            )
        lines.append(f"| {name} | {seconds:.3f} | {ratio:.2f} | {target} |")
    write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
