"""Importing a generated Letterboxd export, then importing it again (nothing new).

`python -m benchmarks.letterboxd_import` generates exports of N diary rows + N watched rows
for two sizes, imports each into a new database (a real `diary import letterboxd` process),
re-imports it, and writes rows per second (after start-up) and the peak memory of each run to
the "Letterboxd import" section of docs/performance.md.
"""

import csv
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import ROOT, diary_argv, stamp, write_section

SIZES = (10_000, 20_000)
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
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(argv: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one run of a command in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *argv], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak)


def run_size(work: Path, size: int) -> dict[str, float]:
    export = work / f"export-{size}"
    write_export(export, size, size)
    db = work / f"diary-{size}.db"
    base = ["--db", str(db)]
    subprocess.run(diary_argv(*base, "people", "add", "Ellen"), check=True, capture_output=True)
    startup, _ = measure(diary_argv(*base, "people", "list", "--json"))
    first, first_peak = measure(diary_argv(*base, "import", "letterboxd", str(export)))
    again, again_peak = measure(diary_argv(*base, "import", "letterboxd", str(export)))
    rows = 2 * size
    return {
        "rows": rows,
        "startup": startup,
        "first": first,
        "again": again,
        "first_rate": rows / max(first - startup, 1e-9),
        "again_rate": rows / max(again - startup, 1e-9),
        "first_peak": first_peak / 1024,
        "again_peak": again_peak / 1024,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        results = [run_size(Path(folder), size) for size in SIZES]
    lines = [
        stamp(),
        "",
        "A generated export of N diary rows (30% rewatches, 80% rated, some tags) and N watched",
        "rows, imported into a new database by a real `diary import letterboxd` process, then",
        "imported again (nothing new). Rows per second count both files and leave out start-up",
        "(a `diary people list` on the same database). Peak memory is the process's maximum",
        "resident set.",
        "",
        "| Rows | Import | Rows/s | Peak memory | Re-import | Rows/s | Peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['rows']:,.0f} | {r['first']:.2f} s | {r['first_rate']:,.0f} | "
            f"{r['first_peak']:.0f} MiB | {r['again']:.2f} s | {r['again_rate']:,.0f} | "
            f"{r['again_peak']:.0f} MiB |"
        )
    lines += ["", f"Start-up (`diary people list`): {results[-1]['startup']:.2f} s."]
    write_section("Letterboxd import", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
