"""Time `diary bp progress` on a diary of 10,000 viewings by three people.

Run by hand: `python -m benchmarks.bp_progress [--viewings N] [--runs N]`. It builds the
database once (schema and the Best Picture list through the program itself, rows by bulk
SQL), measures each command as the median of whole `python -m diary …` runs, compares it
with the floor `python -c "import sqlmodel"`, and rewrites its section of docs/performance.md.
"""

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import (
    TODAY,
    diary_argv,
    environment,
    run_diary,
    run_seconds,
    stamp,
    write_section,
)

SECTION = "Best Picture progress"
PEOPLE = ("Ellen", "Tyler", "Biscuit")
TARGET = 1.5


def build(db: Path, viewings: int, films: int = 3_000, seed: int = 11) -> None:
    """`viewings` diary entries, one in twenty of a nominee, each with one to three people."""
    for name in PEOPLE:
        run_diary(environment(db), "people", "add", name)
    rng = random.Random(seed)
    made = "2025-01-01 00:00:00"
    connection = sqlite3.connect(db)
    with connection:
        first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM film").fetchone()[0]
        connection.executemany(
            "INSERT INTO film (id, title, year, title_key, created_at) VALUES (?, ?, ?, ?, ?)",
            (
                (first + i, f"Other Film {i}", 1950 + i % 75, f"other film {i}", made)
                for i in range(films)
            ),
        )
        nominees = [r[0] for r in connection.execute("SELECT film_id FROM checklist_item")]
        others = list(range(first, first + films))
        people = [r[0] for r in connection.execute("SELECT id FROM person ORDER BY id")]
        start = date(2000, 1, 1)
        span = (date.fromisoformat(TODAY) - start).days
        base = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM viewing").fetchone()[0]
        rows, parts = [], []
        for n in range(viewings):
            film = rng.choice(nominees) if rng.random() < 0.05 else rng.choice(others)
            watched = (start + timedelta(days=rng.randrange(span))).isoformat()
            rows.append((base + n, film, watched, made, made))
            for person in rng.sample(people, rng.choice((1, 1, 2, 3))):
                parts.append((base + n, person, rng.randrange(1, 11), 0, 0))
        connection.executemany(
            "INSERT INTO viewing (id, film_id, watched_on, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        connection.executemany(
            "INSERT INTO viewing_person (viewing_id, person_id, rating, liked, rewatch) "
            "VALUES (?, ?, ?, ?, ?)",
            parts,
        )
        ticks = {(rng.choice(people), rng.choice(nominees)) for _ in range(300)}
        connection.executemany(
            "INSERT OR IGNORE INTO film_tick (person_id, film_id, ticked_at, source) "
            "VALUES (?, ?, ?, 'by hand')",
            [(person, film, made) for person, film in ticks],
        )
    connection.execute("VACUUM")
    connection.close()


def interleaved(
    commands: dict[str, tuple[str, ...]], env: dict[str, str], runs: int
) -> tuple[float, dict[str, float]]:
    """Medians of the floor and of each command, run in turns so that a busy machine slows
    them alike (one warm-up round first)."""
    floor_argv = [sys.executable, "-c", "import sqlmodel"]
    floors: list[float] = []
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        floor = run_seconds(floor_argv)
        measured = {name: run_seconds(diary_argv(*argv), env) for name, argv in commands.items()}
        if round_:
            floors.append(floor)
            for name, seconds in measured.items():
                times[name].append(seconds)
    return statistics.median(floors), {n: statistics.median(t) for n, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--viewings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "diary.db"
        build(db, args.viewings)
        summary = run_diary(environment(db), "bp", "progress", "--summary").strip()
        env = environment(db)
        commands = {
            "`diary bp progress`": ("bp", "progress"),
            "`diary bp progress --ceremonies`": ("bp", "progress", "--ceremonies"),
            "`diary bp progress --json`": ("bp", "progress", "--json"),
            "`diary bp list --unseen-by Ellen --decade 1970s`": (
                "bp",
                "list",
                "--unseen-by",
                "Ellen",
                "--decade",
                "1970s",
            ),
        }
        floor, timed = interleaved(commands, env, args.runs)
        size = db.stat().st_size / 1e6
    lines = [
        stamp(),
        "",
        f"Database: {args.viewings:,} viewings by three people ({size:.1f} MB), one in twenty "
        "of a nominee, plus 300 hand ticks, built by `python -m benchmarks.bp_progress`. "
        f"Each figure is the median of {args.runs} whole runs of `python -m diary …`, taken "
        "in turns with the floor. "
        "Progress is counted by one SQL query (who has seen each nominee, then per ceremony and "
        "decade); Python only adds up the ~100 rows it returns.",
        "",
        f"Its summary line: {summary}",
        "",
        "| Command | Seconds | × floor | Target |",
        "| --- | ---: | ---: | --- |",
        f'| floor: `python -c "import sqlmodel"` | {floor:.3f} | 1.00 | |',
    ]
    for name, seconds in timed.items():
        ratio = seconds / floor
        target = ""
        if name == "`diary bp progress`":
            target = f"≤ {TARGET}× ({'met' if ratio <= TARGET else 'missed'})"
        lines.append(f"| {name} | {seconds:.3f} | {ratio:.2f} | {target} |")
    write_section(SECTION, "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
