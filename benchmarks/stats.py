"""Time `diary stats`, `diary stats bp` and `diary chart` on a diary of 100,000 viewings.

Run by hand: `python -m benchmarks.stats [--viewings N] [--runs N]`. The diary is the one
benchmarks.bp_progress builds (three people, 5,000 films besides the nominees, one viewing in
twenty of a nominee, 300 hand ticks), plus tags on a tenth of the viewings, a place on a
fifth and runtimes for half the films. Each figure is the median of whole
`python -m diary …` runs taken in turns with the floor `python -c "import sqlmodel"` and with
the chart library's own import; the section of docs/performance.md is rewritten.
"""

import argparse
import os
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.bp_progress import build
from benchmarks.common import diary_argv, environment, stamp, write_section
from benchmarks.diary_commands import measure

SECTION = "Stats and charts"
WHERE_THE_TIME_GOES = (
    "Where the time goes: `diary stats` loads only its own command module, neither the table "
    "models nor the ORM (its figures are plain SQL read through the session) nor, piped, "
    "rich; so on an empty diary it costs what the floor does, and on this one almost all of "
    "its time above the floor is SQLite counting: the films' average ratings (every rating "
    "joined to its viewing's film, about a third), the sets of people at each viewing, and "
    "the viewings per day, per film and per person's rating, each a walk of one index "
    "(schema 8 added the indexes that hold those columns, and the connection keeps 16 MiB of "
    "pages for them). The widest disagreements read the viewings only until five share the "
    "widest gap possible. A year reads only its own viewings through the date index. `stats "
    "bp` loads the table models (its progress is the checklists' own query, now driven from "
    "the nominees' viewings) and draws its text without rich when piped. A chart counts only "
    "what it draws; the rest of its time is matplotlib drawing."
)
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
    started = os.getloadavg()[0]
    floor = 'floor: `python -c "import sqlmodel"`'
    library = 'the chart library\'s import: `python -c "import matplotlib…"`'
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "diary.db"
        build(db, args.viewings, films=5_000)
        enrich(db)
        env = os.environ | environment(db)
        out = Path(folder)
        commands: dict[str, list[str]] = {
            floor: [sys.executable, "-c", "import sqlmodel"],
            library: [sys.executable, "-c", CHART_LIBRARY],
            "`python -c pass`": [sys.executable, "-c", "pass"],
        }
        for name, argv in {
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
            ),
            "`diary chart viewings-per-month -o F.svg`": (
                "chart",
                "viewings-per-month",
                "-o",
                str(out / "a.svg"),
            ),
            "`diary chart bp-progress -o F.svg`": (
                "chart",
                "bp-progress",
                "-o",
                str(out / "p.svg"),
            ),
            "`diary chart bp-decades -o F.svg`": ("chart", "bp-decades", "-o", str(out / "d.svg")),
            "`diary chart ratings -o F.png`": ("chart", "ratings", "-o", str(out / "r.png")),
            "`diary stats --year 2020 --html F.html`": (
                "stats",
                "--year",
                "2020",
                "--html",
                str(out / "y.html"),
            ),
        }.items():
            writes = "-o" in argv or "--html" in argv
            commands[name] = diary_argv(*argv, *(("--force",) if writes else ()))
        timed = measure(commands, env, args.runs)
        size = db.stat().st_size / 1e6
    base_wall, base_cpu = timed.pop(floor)
    lib_wall, lib_cpu = timed.pop(library)
    bare_wall, bare_cpu = timed.pop("`python -c pass`")
    lib_wall, lib_cpu = lib_wall - bare_wall, lib_cpu - bare_cpu
    lines = [
        stamp() + f" Load average {started:.1f} when started, {os.getloadavg()[0]:.1f} when done.",
        "",
        f"Database: {args.viewings:,} viewings by three people over 25 years ({size:.1f} MB), "
        "5,000 films besides the nominees, tags, places and runtimes, built by "
        "`python -m benchmarks.stats`. Each figure is the median of "
        f"{args.runs} whole runs of `python -m diary …`, taken in turns with the floor; CPU is "
        "user + system time of the process, which a busy machine disturbs less than the wall "
        "clock; the machine was shared with other workers while measuring, so read the "
        "ratios to the floor of the same run rather than the seconds. The figures are "
        "aggregated in SQL (viewings per date, per film, per person, rating and rewatch, per "
        "set of people, ratings per film); Python folds at most a few thousand rows. The "
        "chart library's own import (matplotlib, its "
        f"figure and SVG backend, beyond Python's start-up) takes {lib_wall:.3f} s wall, "
        f"{lib_cpu:.3f} s CPU.",
        "",
        "| Command | Wall s | × floor | CPU s | × floor | Target (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        f"| {floor} | {base_wall:.3f} | 1.00 | {base_cpu:.3f} | 1.00 | |",
    ]
    for name, (wall, cpu) in timed.items():
        target = ""
        if name in ("`diary stats`", "`diary stats bp`"):
            met = "met" if cpu <= 1.5 * base_cpu else "missed"
            target = f"≤ 1.5× ({met})"
        elif name.startswith("`diary chart"):
            limit = 2 * base_cpu + lib_cpu
            target = f"≤ 2× floor + library = {limit:.3f} s ({'met' if cpu <= limit else 'missed'})"
        lines.append(
            f"| {name} | {wall:.3f} | {wall / base_wall:.2f} | {cpu:.3f} | "
            f"{cpu / base_cpu:.2f} | {target} |"
        )
    lines += ["", WHERE_THE_TIME_GOES]
    write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
