"""Importing a generated Letterboxd export, then importing it again (nothing new).

`python -m benchmarks.letterboxd_import` generates exports of N diary rows + N watched rows
for several sizes, imports each into a new database (a real `diary import letterboxd`
process), re-imports it, and writes rows per second (after start-up) and the peak memory of
the runs to the "Letterboxd import" section of docs/performance.md.
"""

import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import ROOT, diary_argv, stamp, write_section

SIZES = (10_000, 20_000, 40_000)
_WORDS = (
    "night summer river long road house blue last city winter dark small secret garden "
    "the return letters stranger fire island paper morning wild quiet"
).split()


def write_export(folder: Path, diary_rows: int, watched_rows: int, seed: int = 1) -> None:
    """A Letterboxd export with diary.csv (rewatches, ratings, tags) and watched.csv."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    films = []
    for number in range(max(diary_rows, watched_rows)):
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 3))).title()
        title = f"{words} {number}" if number % 7 else f'{words}, "Part" {number}'
        films.append((title, 1920 + number % 105, f"https://boxd.it/f{number:x}"))
    distinct = int(diary_rows * 0.7)
    with open(folder / "diary.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(FILM_HEADER + ["Rating", "Rewatch", "Tags", "Watched Date"])
        for number in range(diary_rows):
            title, year, _ = films[number if number < distinct else rng.randrange(distinct)]
            year_seen = 2010 + number * 15 // diary_rows
            day = f"{year_seen}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            rating = "" if rng.random() < 0.2 else str(rng.randint(1, 10) / 2).removesuffix(".0")
            tags = "" if rng.random() < 0.7 else "cinema, friends"
            rewatch = "Yes" if number >= distinct else ""
            out.writerow(
                [day, title, year, f"https://boxd.it/e{number:x}", rating, rewatch, tags, day]
            )
    with open(folder / "watched.csv", "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(FILM_HEADER)
        for title, year, link in films[:watched_rows]:
            out.writerow(["2024-01-01", title, year, link])


FILM_HEADER = ["Date", "Name", "Year", "Letterboxd URI"]

_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - started
if done.returncode:
    sys.exit(done.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""
RUNS = 3
# The same import with the checklist step (films_seen, told every film seen) left out, to show
# the import's own memory apart from that step's.
_WITHOUT_CHECKLISTS = """
import sys
import diary.core.letterboxd.importing as job
job.films_seen = lambda session, person, film_ids: []
from diary.cli.main import main
sys.argv = ["diary", *sys.argv[1:]]
main()
"""


def measure(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident memory (KiB) of one run of a command."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    wall, cpu, peak = done.stdout.split()
    return float(wall), float(cpu), int(peak)


def median_of(runs: list[tuple[float, float, int]]) -> tuple[float, float, float]:
    """Median wall and CPU seconds, and the largest peak memory in MiB, of several runs."""
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        max(r[2] for r in runs) / 1024,
    )


def run_size(work: Path, size: int) -> dict[str, float]:
    export = work / f"export-{size}"
    write_export(export, size, size)
    empty = work / f"empty-{size}.db"
    subprocess.run(
        diary_argv("--db", str(empty), "people", "add", "Ellen"), check=True, capture_output=True
    )
    start = median_of(
        [measure(diary_argv("--db", str(empty), "people", "list")) for _ in range(RUNS)]
    )
    firsts = []
    for run in range(RUNS):
        db = work / f"diary-{size}-{run}.db"
        shutil.copy(empty, db)
        firsts.append(measure(diary_argv("--db", str(db), "import", "letterboxd", str(export))))
    again = [
        measure(diary_argv("--db", str(db), "import", "letterboxd", str(export)))
        for _ in range(RUNS)
    ]
    alone = work / f"alone-{size}.db"
    shutil.copy(empty, alone)
    own = measure(
        [sys.executable, "-c", _WITHOUT_CHECKLISTS, "--db", str(alone)]
        + ["import", "letterboxd", str(export)]
    )
    first = median_of(firsts)
    second = median_of(again)
    rows = 2 * size
    return {
        "rows": rows,
        "startup": start[0],
        "startup_cpu": start[1],
        "first": first[0],
        "first_rate": rows / max(first[0] - start[0], 1e-9),
        "first_cpu_rate": rows / max(first[1] - start[1], 1e-9),
        "first_peak": first[2],
        "own_peak": own[2] / 1024,
        "again": second[0],
        "again_rate": rows / max(second[0] - start[0], 1e-9),
        "again_cpu_rate": rows / max(second[1] - start[1], 1e-9),
        "again_peak": second[2],
    }


def main() -> None:
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        results = [run_size(Path(folder), size) for size in SIZES]
    lines = [
        stamp() + f" Load average when started: {load:.1f}.",
        "",
        "A generated export of N diary rows (30% rewatches, 80% rated, some tags) and N watched",
        "rows is imported into a new database by a real `diary import letterboxd` process, then",
        "imported again (nothing new). Times are medians of 3 runs. Rows/s count both files and",
        "leave out start-up (`diary people list` on the same database), by wall-clock time and by",
        "the process's CPU time (less affected by the machine's other work). Peak memory is",
        "the process's maximum resident set. An import that adds viewings ends by telling the",
        "checklists, once, every film the person has seen; that step's memory grows with the",
        "number of films, so the import's own peak is also shown, measured with the step left",
        "out. A re-import adds nothing and skips the step.",
        "",
        "| Rows (diary + watched) | Import | Rows/s (wall) | Rows/s (CPU) | Peak memory "
        "| Without checklists | Re-import | Rows/s (wall) | Rows/s (CPU) | Peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,.0f} | {r['first']:.2f} s | {r['first_rate']:,.0f} | "
            f"{r['first_cpu_rate']:,.0f} | {r['first_peak']:.0f} MiB | {r['own_peak']:.0f} MiB | "
            f"{r['again']:.2f} s | "
            f"{r['again_rate']:,.0f} | {r['again_cpu_rate']:,.0f} | {r['again_peak']:.0f} MiB |"
        )
    lines += [
        "",
        f"Start-up (`diary people list`): {results[-1]['startup']:.2f} s wall, "
        f"{results[-1]['startup_cpu']:.2f} s CPU.",
    ]
    write_section("Letterboxd import", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
