"""SQLite beside PostgreSQL on the same data: `log`, `list --limit 50`, `bp progress`, and a
Letterboxd import of 20,000 rows, as seconds on each engine and their ratio.

`python -m benchmarks.engines` starts a throwaway PostgreSQL cluster (tests/pgserver.py, so
PostgreSQL's programs must be installed), builds the same diary on both engines by importing
one generated export, times each command as whole `python -m diary` runs (the median of
several), stops the server, and rewrites the "SQLite and PostgreSQL" section of
docs/performance.md.
"""

import os
import sys
import tempfile
from pathlib import Path

from benchmarks.common import (
    diary_argv,
    environment,
    median_seconds,
    run_diary,
    run_seconds,
    stamp,
    write_section,
)
from benchmarks.letterboxd_import import write_export
from tests import pgserver

IMPORT_ROWS = 10_000  # diary rows; as many watched rows again: 20,000 rows in all
RUNS = 7


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory(prefix="diary-engines-") as temp:
        folder = Path(temp)
        export = folder / "export"
        write_export(export, IMPORT_ROWS, IMPORT_ROWS)
        cluster = pgserver.new_folder()
        try:
            url = pgserver.start(cluster)
            rows = measure(url, folder, export, runs)
        finally:
            pgserver.stop(cluster)
    write_section("SQLite and PostgreSQL", report(rows, runs))
    print(report(rows, runs))


def measure(url: str, folder: Path, export: Path, runs: int) -> list[tuple[str, float, float]]:
    targets = {
        "SQLite": str(folder / "diary.db"),
        "PostgreSQL": pgserver.create_database(url, "bench"),
    }
    timings: dict[str, dict[str, float]] = {}
    for engine, db in targets.items():
        env = environment(Path(db)) | {"DIARY_DB": db}
        run_diary(env, "people", "add", "Ellen", "--role", "host")
        run_diary(env, "log", "Her", "--year", "2013")  # the schema, before any timing
        took = {
            "import letterboxd (20,000 rows)": run_seconds(
                diary_argv("import", "letterboxd", str(export)), env
            )
        }
        for name, args in (
            ("log", ["log", "Her", "--year", "2013", "--rating", "4"]),
            ("list --limit 50", ["list", "--limit", "50"]),
            ("bp progress", ["bp", "progress"]),
        ):
            took[name] = median_seconds(diary_argv(*args), runs, env)
        timings[engine] = took
    return [
        (name, timings["SQLite"][name], timings["PostgreSQL"][name]) for name in timings["SQLite"]
    ]


def report(rows: list[tuple[str, float, float]], runs: int) -> str:
    lines = [
        "The same diary on both engines: a generated Letterboxd export of 10,000 diary and",
        "10,000 watched rows imported into each (the import's own time is the first row), then",
        f"each command as a whole `python -m diary` run, the median of {runs}. PostgreSQL is a",
        "local server on the same machine (tests/pgserver.py: no fsync), reached over TCP.",
        "`python -m benchmarks.engines` measures it again.",
        "",
        "| Command | SQLite | PostgreSQL | PostgreSQL / SQLite |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, sqlite, postgres in rows:
        lines.append(f"| `{name}` | {sqlite:.2f} s | {postgres:.2f} s | {postgres / sqlite:.2f} |")
    load = os.getloadavg()[0]
    lines += ["", f"{stamp()} Load average while measuring: {load:.0f}."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
