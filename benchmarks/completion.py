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
# What bash asks for: the words so far (a quoted title is one word) and how it is shown.
ASKED = {
    "commands": (["diary", "bp", ""], "`diary bp ` (command names)"),
    "options": (["diary", "log", "--ra"], "`diary log --ra` (options)"),
    "people": (["diary", "log", "her", "--by", ""], "`diary log her --by ` (people)"),
    "titles": (["diary", "log", "'bench picture 12"], "`diary log 'bench picture 12` (titles)"),
}


def asking(words: list[str]) -> dict[str, str]:
    """The variables bash's completion function sets: the words, joined by newlines."""
    return {
        "_DIARY_COMPLETE": "complete_bash",
        "COMP_WORDS": "\n".join(words),
        "COMP_CWORD": str(len(words) - 1),
    }


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
                name: ["env", *(f"{k}={v}" for k, v in asking(words).items()), *diary_argv()]
                for name, (words, _) in ASKED.items()
            },
        }
        timings = measure(commands, base, args.runs)
        load_after = os.getloadavg()[0]
    floor_wall, floor_cpu = timings["floor"]
    help_cpu = timings["help"][1]
    lines = [
        stamp() + f" Load average {load:.1f} when started, {load_after:.1f} when done.",
        "",
        f"A diary of {args.films:,} films plus the Best Picture nominees, three people. Each "
        f"figure is the median of {args.runs} whole runs, interleaved; CPU is user + system "
        "time, which a busy machine disturbs less than the wall clock. Completing command "
        "names and options imports no database library (typer's parsing of the words so far "
        "loads pydantic, which `--help` skips); people and titles open the database "
        "read-only.",
        "",
        "| What bash asks | Wall s | CPU s | CPU × `--help` | CPU × floor |",
        "| --- | ---: | ---: | ---: | ---: |",
        f'| floor: `python -c "import sqlmodel"` | {floor_wall:.3f} | {floor_cpu:.3f} '
        f"| {floor_cpu / help_cpu:.2f} | 1.00 |",
    ]
    for name, shown in [("help", "`diary --help`")] + [(n, s) for n, (_, s) in ASKED.items()]:
        wall, cpu = timings[name]
        lines.append(
            f"| {shown} | {wall:.3f} | {cpu:.3f} | {cpu / help_cpu:.2f} | {cpu / floor_cpu:.2f} |"
        )
    body = "\n".join(lines)
    write_section(SECTION, body)
    print(body)


if __name__ == "__main__":
    main()
