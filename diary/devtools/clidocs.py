"""Generate docs/cli.md from the --help of every command: `python -m diary.devtools.clidocs`."""

import os
import sys
from pathlib import Path

from typer.main import get_command

HEADER = """# Command reference

Generated from `diary --help` and the help of every command by
`python -m diary.devtools.clidocs`; a test fails when this file drifts from the program.
"""

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def commands() -> list[tuple[list[str], object]]:
    """Every (path, command) in the tree, groups before their commands, in registration order."""
    from diary.cli.main import app

    found: list[tuple[list[str], object]] = []

    def walk(path: list[str], command: object) -> None:
        found.append((path, command))
        for name, sub in getattr(command, "commands", {}).items():
            walk([*path, name], sub)

    walk([], get_command(app))
    return found


def help_text(path: list[str]) -> str:
    from typer.testing import CliRunner

    from diary.cli.main import app

    env = {"COLUMNS": "90", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner(env=env).invoke(app, [*path, "--help"], prog_name="diary")
    return result.stdout.rstrip() + "\n"


def render() -> str:
    os.environ["COLUMNS"] = "90"
    parts = [HEADER]
    for path, _ in commands():
        title = " ".join(["diary", *path])
        parts.append(f"\n## `{title}`\n\n```text\n{help_text(path)}```\n")
    return "".join(parts)


def main() -> None:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
