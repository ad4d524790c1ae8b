"""Time shell completion against `diary --help`: command names, options, people and titles.

Run by hand: `python -m benchmarks.completion [--films N] [--runs N]`. It builds a diary of
N made-up films (plus the Best Picture nominees) and three people, then asks `diary` what
bash would ask at the Tab key, in interleaved rounds with `diary --help` and the floor
`python -c "import sqlmodel"`, and reports medians. It rewrites its section of
docs/performance.md.
"""

import argparse
import compileall
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.common import ROOT, diary_argv, environment, stamp, write_section
from benchmarks.diary_commands import build, measure

SECTION = "Shell completion"
# What bash asks for: the words so far, and which one is being completed.
ASKED = {
    "commands": ("diary bp ", "`diary bp ` (command names)"),
    "options": ("diary log --ra", "`diary log --ra` (options)"),
    "people": ("diary log her --by ", "`diary log her --by ` (people)"),
    "titles": ("diary log bench picture 12", "`diary log bench picture 12` (titles)"),
}


def asking(line: str) -> dict[str, str]:
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    return {"_DIARY_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(cword)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--films", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "diary", quiet=1)
    with tempfile.TemporaryDirectory(prefix="diary-bench-") as folder:
        db = Path(folder) / "diary.db"
        print(f"building a diary of {args.films:,} films…", file=sys.stderr)
        build(db, viewings=1_000, films=args.films)
        base = os.environ | environment(db)
        load = os.getloadavg()[0]
        # measure() runs every command with one environment: completion's goes in the argv.
        commands = {
            "floor": [sys.executable, "-c", "import sqlmodel"],
            "help": diary_argv("--help"),
            **{
                name: ["env", *(f"{k}={v}" for k, v in asking(line).items()), *diary_argv()]
                for name, (line, _) in ASKED.items()
            },
        }
        timings = measure(commands, base, args.runs)
        load_after = os.getloadavg()[0]
    floor_wall, floor_cpu = timings["floor"]
    help_wall, help_cpu = timings["help"]
    lines = [
        stamp() + f" Load average {load:.1f} when started, {load_after:.1f} when done.",
        "",
        f"A diary of {args.films:,} films plus the Best Picture nominees, three people. Each "
        f"figure is the median of {args.runs} whole runs, interleaved; CPU is user + system "
        "time. Completing command names and options imports no database library, so it "
        "should cost what `--help` costs; people and titles open the database read-only.",
        "",
        "| What bash asks | Wall s | × `--help` | CPU s | × floor |",
        "| --- | ---: | ---: | ---: | ---: |",
        f'| floor: `python -c "import sqlmodel"` | {floor_wall:.3f} | | {floor_cpu:.3f} | 1.00 |',
        f"| `diary --help` | {help_wall:.3f} | 1.00 | {help_cpu:.3f} | "
        f"{help_cpu / floor_cpu:.2f} |",
    ]
    for name, (_, shown) in ASKED.items():
        wall, cpu = timings[name]
        lines.append(
            f"| {shown} | {wall:.3f} | {wall / help_wall:.2f} | {cpu:.3f} | {cpu / floor_cpu:.2f} |"
        )
    body = "\n".join(lines)
    write_section(SECTION, body)
    print(body)


if __name__ == "__main__":
    main()
