"""What every benchmark shares: timing whole commands, the machine, and the results file.

Benchmarks run by hand (`python -m benchmarks.NAME`) and rewrite their own section of
docs/performance.md; they are never part of the test suite.
"""

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "performance.md"
TODAY = "2025-02-01"  # the day every benchmark's diary believes it is


def machine() -> str:
    """One line naming the machine: CPU, cores, OS and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def run_seconds(
    argv: Sequence[str], env: dict[str, str] | None = None, stdin: str | None = None
) -> float:
    """Wall-clock seconds of one run of a whole command; fails loudly if it fails."""
    full_env = dict(os.environ) | (env or {})
    started = time.perf_counter()
    result = subprocess.run(
        list(argv), env=full_env, input=stdin, capture_output=True, text=True, cwd=ROOT
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stderr}")
    return elapsed


def median_seconds(
    argv: Sequence[str], runs: int = 7, env: dict[str, str] | None = None, warmup: int = 1
) -> float:
    for _ in range(warmup):
        run_seconds(argv, env)
    return statistics.median(run_seconds(argv, env) for _ in range(runs))


def diary_argv(*args: str) -> list[str]:
    return [sys.executable, "-m", "diary", *args]


def environment(db: Path, **extra: str) -> dict[str, str]:
    """The variables a benchmark runs diary with: its database, a fixed today, no prompts."""
    return {
        "DIARY_DB": str(db),
        "DIARY_TODAY": TODAY,
        "DIARY_NO_PROMPT": "1",
        "NO_COLOR": "1",
        **extra,
    }


def run_diary(env: dict[str, str], *args: str) -> str:
    """Run `diary ARGS` with `env` (over this process's); its stdout, or stop with its error."""
    result = subprocess.run(diary_argv(*args), env=os.environ | env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"diary {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def floor_seconds(runs: int = 7) -> float:
    """The floor every command is measured against: `python -c "import sqlmodel"`."""
    return median_seconds([sys.executable, "-c", "import sqlmodel"], runs)


def write_section(title: str, body: str) -> None:
    """Replace (or add) the `## title` section of docs/performance.md."""
    heading = f"## {title}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Performance\n"
    lines = text.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line == heading), None)
    new = [heading, "", *body.strip("\n").split("\n")]
    if start is None:
        lines += ["", *new]
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        lines[start:end] = [*new, ""]
    RESULTS.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def stamp() -> str:
    return f"Measured {date.today().isoformat()} on {machine()}."
