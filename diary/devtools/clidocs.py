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

# Every variable the program reads, and those of its libraries it answers to. A test checks
# both ways against the code: tests/cli/test_reference.py.
ENVIRONMENT: list[tuple[str, str]] = [
    ("DIARY_DB", "The database, as a file path or a database URL; `--db` wins over it. Unset: "
     "`diary.db` in the user data directory (`diary db path` prints where)."),
    ("DIARY_NO_PROMPT", "Any non-empty value: never ask, even at a terminal. Commands behave as "
     "in a script: an ambiguous title is an error listing the candidates, and a confirmation "
     "needs its option (`--yes`, `--choose N`)."),
    ("DIARY_TODAY", "A fixed today, `YYYY-MM-DD`: what `today`, `yesterday` and `last friday` "
     "mean and which dates are in the future. Meant for tests and examples."),
    ("DIARY_BUSY_TIMEOUT_MS", "How long a command waits for another writer's lock, in "
     "milliseconds (default 10000) before it says the database is busy."),
    ("DIARY_FORMATS_DIR", "The folder of your own post formats (default: `formats` in the user "
     "config directory; see `diary post formats`)."),
    ("VISUAL, EDITOR", "The editor `diary post write` opens when no TEXT is given; VISUAL "
     "first."),
    ("NO_COLOR", "Any non-empty value: no colour. Bold and dim text stay, as the "
     "convention allows."),
    ("FORCE_COLOR", "Any non-empty value: colour and bold even when stdout is not a terminal, "
     "e.g. piped into `less -R`. Unset: tables are plain text unless stdout is a terminal."),
    ("TERM", "`dumb` (or `unknown`): plain text, with no colour or bold, even at a terminal "
     "and even with FORCE_COLOR."),
    ("COLUMNS", "The width tables and help are laid out for (otherwise the terminal's)."),
    ("_DIARY_COMPLETE", "Set by the shell completion scripts when the shell asks what may "
     "come next; not for typing."),
]  # fmt: skip

FOOTER = """
## Shell completion

`diary --install-completion` installs completion for the shell it is run from (bash, zsh or
fish; bash's goes to `~/.bash_completions/diary.sh`, sourced from `~/.bashrc`) and takes
effect in the next shell; `diary --show-completion` prints the script instead. The Tab key
then completes command names and options, and the values the diary knows: people after
`--by`, `--with` and the like, film titles where a FILM goes (a title several films share
comes with each year; in bash, `godf` offers *The Godfather*), and a post's section keys where
a SECTION goes.
"""


def documented_variables() -> list[str]:
    return [name for names, _ in ENVIRONMENT for name in names.split(", ")]


def environment() -> str:
    """The environment table and the completion note that end docs/cli.md."""
    rows = "".join(
        f"| {', '.join(f'`{name}`' for name in names.split(', '))} | {text} |\n"
        for names, text in ENVIRONMENT
    )
    return "\n## Environment variables\n\n| Variable | Effect |\n| --- | --- |\n" + rows + FOOTER


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
    parts.append(environment())
    return "".join(parts)


def main() -> None:
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
