"""Time `diary --help`, `diary log` and `diary list --limit 50` on a diary of 100,000 viewings.

Run by hand: `python -m benchmarks.diary_commands [--viewings N] [--runs N]`. It builds the
database once (the schema through the program itself, the rows by bulk SQL), then runs the
floor `python -c "import sqlmodel"` and each command in interleaved rounds, so a machine
that slows down slows all of them alike, and reports the median wall-clock and CPU
(user + system) time of each, and the ratio to the floor. It rewrites its section of
docs/performance.md.
"""

import argparse
import compileall
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import ROOT, TODAY, diary_argv, environment, run_diary, stamp, write_section

SECTION = "The diary: --help, log, list"
PEOPLE = ("Ellen", "Tyler", "Biscuit")
TAGS = ("bp", "cinema", "plane", "rewatch-night", "library")

HEAVY_PROBE = """
import sys
from diary.cli.main import main
sys.argv = ["diary", "--help"]
try:
    main()
except SystemExit:
    pass
print("HEAVY:" + ",".join(m for m in ("sqlmodel", "sqlalchemy") if m in sys.modules))
"""


def build(db: Path, viewings: int, films: int = 5_000, seed: int = 7) -> None:
    """A diary of `viewings` entries over `films` made-up films, 1-3 people each."""
    for name in PEOPLE:
        run_diary(environment(db), "people", "add", name)
    rng = random.Random(seed)
    created = "2025-01-01 00:00:00"
    connection = sqlite3.connect(db)
    with connection:
        first_film = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM film").fetchone()[0]
        connection.executemany(
            "INSERT INTO film (id, title, year, title_key, created_at) VALUES (?, ?, ?, ?, ?)",
            (
                (first_film + i, f"Bench Picture {i}", 1930 + i % 95, f"bench picture {i}", created)
                for i in range(films)
            ),
        )
        people = [row[0] for row in connection.execute("SELECT id FROM person ORDER BY id")]
        start = date(2000, 1, 1)
        span = (date.fromisoformat(TODAY) - start).days
        first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM viewing").fetchone()[0]
        rows, parts, tags = [], [], []
        for n in range(viewings):
            viewing_id = first + n
            watched = start + timedelta(days=rng.randrange(span))
            rows.append(
                (viewing_id, first_film + rng.randrange(films), watched.isoformat(), created)
            )
            for person in rng.sample(people, rng.randint(1, len(people))):
                parts.append((viewing_id, person, rng.randint(1, 10), rng.random() < 0.2))
            if rng.random() < 0.3:
                tags.append((viewing_id, rng.choice(TAGS)))
        connection.executemany(
            "INSERT INTO viewing (id, film_id, watched_on, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?4)",
            rows,
        )
        connection.executemany(
            "INSERT INTO viewing_person (viewing_id, person_id, rating, liked, rewatch) "
            "VALUES (?, ?, ?, ?, 0)",
            parts,
        )
        connection.executemany("INSERT INTO viewing_tag (viewing_id, tag) VALUES (?, ?)", tags)
    connection.execute("ANALYZE")
    connection.close()


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one whole run; fails loudly if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(
        list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    process.stderr.close()
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{errors}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) of each command, run in interleaved rounds after one warm-up round."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_number in range(runs + 1):
        for name, argv in commands.items():
            result = run_once(argv, env)
            if round_number:
                samples[name].append(result)
    return {
        name: (statistics.median(w for w, _ in found), statistics.median(c for _, c in found))
        for name, found in samples.items()
    }


def help_imports_database_libraries() -> str:
    result = subprocess.run(
        [sys.executable, "-c", HEAVY_PROBE], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return result.stdout.strip().splitlines()[-1].removeprefix("HEAVY:")


LOG = ["log", "Bench Picture 42", "--rating", "4", "--date", "2025-01-26"]
LIST = ["list", "--limit", "50"]
# The same commands with the start-up pause of the garbage collector undone, to show its share.
COLLECTOR_ON = (
    "import gc, runpy, sys; gc.disable = lambda: None; sys.argv = ['diary', *sys.argv[1:]]; "
    "runpy.run_module('diary', run_name='__main__')"
)
COMMANDS = {
    "floor": [sys.executable, "-c", "import sqlmodel"],
    "help": diary_argv("--help"),
    "log": diary_argv(*LOG),
    "list": diary_argv(*LIST),
    "log, collector on": [sys.executable, "-c", COLLECTOR_ON, *LOG],
    "list, collector on": [sys.executable, "-c", COLLECTOR_ON, *LIST],
}
SHOWN = {
    "help": "`diary --help`",
    "log": "`diary log FILM --rating 4 --date 2025-01-26`",
    "list": "`diary list --limit 50`",
    "log, collector on": "the same `log`, garbage collector not paused at start-up",
    "list, collector on": "the same `list`, garbage collector not paused at start-up",
}
TARGETS = {"log": 1.3, "list": 1.5}


WHERE_THE_TIME_GOES = """
Where the time goes, beyond the floor (found with `python -X importtime` and cProfile):
defining the ORM tables of `diary/store/models.py` (pydantic models and SQLAlchemy mappings,
roughly a fifth of the floor on its own), typer's parsing, the first query (mapper
configuration and statement compilation), and for `list` rich building and printing the
table. What was cut to get here: the schema check is one query and imports no migration
module; rich, rapidfuzz, dateutil and questionary stay unloaded on the happy path of `log`;
table cells are plain `Text`, which rich renders without parsing markup; and the cyclic
garbage collector is paused while start-up builds its long-lived objects, then resumed
with them frozen (compare the last two rows). `--help` loads typer and the command modules
only. Closing the connections at exit adds a checkpoint of the write-ahead log to `log`:
the database file is always complete on its own.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--viewings", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    # Measure what an installed program runs: its modules already compiled to bytecode.
    compileall.compile_dir(ROOT / "diary", quiet=1)
    with tempfile.TemporaryDirectory(prefix="diary-bench-") as folder:
        db = Path(folder) / "diary.db"
        print(f"building a diary of {args.viewings:,} viewings…", file=sys.stderr)
        build(db, args.viewings)
        size = db.stat().st_size
        print("timing…", file=sys.stderr)
        load = os.getloadavg()[0]
        timings = measure(COMMANDS, os.environ | environment(db), args.runs)
        load_after = os.getloadavg()[0]
    heavy = help_imports_database_libraries()
    report(args.viewings, size, args.runs, timings, heavy, (load, load_after))


def report(
    viewings: int,
    size: int,
    runs: int,
    timings: dict[str, tuple[float, float]],
    heavy: str,
    load: tuple[float, float],
) -> None:
    floor_wall, floor_cpu = timings["floor"]
    lines = [
        stamp() + f" Load average {load[0]:.1f} when started, {load[1]:.1f} when done.",
        "",
        f"A diary of {viewings:,} viewings ({size / 1e6:.1f} MB) over 5,000 films plus the "
        "Best Picture nominees, three people. Each figure is the median of "
        f"{runs} whole runs of `python -m diary …`, interleaved with runs of the floor; "
        "CPU is user + system time of the process, which a busy machine disturbs less than "
        "the wall clock.",
        "",
        "| Command | Wall s | × floor | CPU s | × floor | Target |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        f'| floor: `python -c "import sqlmodel"` | {floor_wall:.3f} | 1.00 | {floor_cpu:.3f} '
        "| 1.00 | |",
    ]
    for name in SHOWN:
        wall, cpu = timings[name]
        if name == "help":
            target = "imports no sqlmodel/sqlalchemy: " + (
                "met" if not heavy else f"missed ({heavy})"
            )
        elif name in TARGETS:
            ratio = max(wall / floor_wall, cpu / floor_cpu)
            verdict = "met" if ratio <= TARGETS[name] else "missed"
            target = f"≤ {TARGETS[name]}× ({verdict})"
        else:
            target = "(for comparison)"
        lines.append(
            f"| {SHOWN[name]} | {wall:.3f} | {wall / floor_wall:.2f} | {cpu:.3f} "
            f"| {cpu / floor_cpu:.2f} | {target} |"
        )
    lines += ["", *WHERE_THE_TIME_GOES.strip().splitlines()]
    body = "\n".join(lines)
    write_section(SECTION, body)
    print(body)


if __name__ == "__main__":
    main()
