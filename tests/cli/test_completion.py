"""Shell completion: command names and options, people, film titles and post section keys."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from diary.cli.main import app
from tests.conftest import ROOT, Cli


def bash_candidates(line: str) -> list[str]:
    """What `diary` offers bash for the last word of `line` (in-process, as bash asks it:
    the words joined by newlines, a quoted word kept whole)."""
    words = re.findall(r"'[^']*'?|\S+", line) + ([""] if line.endswith(" ") else [])
    env = {
        "_DIARY_COMPLETE": "complete_bash",
        "COMP_WORDS": "\n".join(words),
        "COMP_CWORD": str(len(words) - 1),
    }
    result = CliRunner().invoke(app, [], env=env, prog_name="diary")
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line]


def zsh_candidates(line: str) -> str:
    env = {"_DIARY_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line}
    result = CliRunner().invoke(app, [], env=env, prog_name="diary")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_command_names_come_from_the_command_tree() -> None:
    bp = get_command(app).commands["bp"]  # type: ignore[attr-defined]
    assert bash_candidates("diary bp ") == list(bp.commands)
    assert "tick" in bash_candidates("diary bp ")
    assert bash_candidates("diary bp ti") == ["tick"]
    assert bash_candidates("diary wat") == ["watchlist"]


def test_options_are_completed() -> None:
    assert bash_candidates("diary log --rat") == ["--rating"]
    assert "--json" in bash_candidates("diary list --")


def test_people_by_name(cli: Cli, hosts: None) -> None:
    assert bash_candidates("diary log her --by e") == ["Ellen"]
    assert bash_candidates("diary log her --with ") == ["Ellen", "Tyler"]
    assert bash_candidates("diary log her --with Tyler=") == []
    assert bash_candidates("diary people default T") == ["Tyler"]
    assert bash_candidates("diary watchlist list --by ") == ["Ellen", "Tyler"]
    # a new person's name is not one of the existing ones
    assert bash_candidates("diary people add ") == []


def test_film_titles_from_the_diary(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Paddington 2", "--year", "2017", "--date", "2025-01-05")
    assert bash_candidates("diary log padd") == ["Paddington\\ 2"]
    # matched on the title key too: a leading article is not needed
    assert bash_candidates("diary log godf") == [
        "The\\ Godfather",
        "The\\ Godfather\\ Part\\ II",
        "The\\ Godfather,\\ Part\\ III",
    ]
    # a title films share comes with each year
    cli.ok("film", "add", "Little Women", "--year", "1994")
    assert bash_candidates("diary comment add 'little wom") == [
        "Little\\ Women\\ \\(1933\\)",
        "Little\\ Women\\ \\(1994\\)",
        "Little\\ Women\\ \\(2019\\)",
    ]
    assert bash_candidates("diary log schindler") == ["Schindler\\'s\\ List"]
    # zsh and fish quote what they insert themselves
    assert "\"Schindler''s List\"" in zsh_candidates("diary log schindler")


def test_section_keys_of_the_post_on_the_line(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Her", "--year", "2013", "--number", "3")
    cli.ok("post", "new", "--format", "ask-the-authors", "--number", "4")
    from diary.core.posts.formats import find_format

    keys = [section.key for section in find_format(None).sections]
    assert bash_candidates("diary post say 3 ") == keys
    assert bash_candidates("diary post say 3 pl") == [k for k in keys if k.startswith("pl")]
    assert "plots" in bash_candidates("diary post write 3 pl")
    # another post, another format: only its own sections
    assert bash_candidates("diary post say 4 ") == ["intro", "questions", "credits", "footnotes"]
    assert bash_candidates("diary post ask 4 'Why?' --section q") == ["questions"]
    # no such post: the keys the formats use
    assert {"previews", "questions"} <= set(bash_candidates("diary post say 99 "))


def test_no_database_offers_nothing_and_creates_none(tmp_path: Path) -> None:
    missing = tmp_path / "elsewhere.db"
    assert bash_candidates(f"diary --db {missing} log her --by ") == []
    assert bash_candidates(f"diary --db {missing} log h") == []
    assert not missing.exists()
    # command names need no database at all
    assert "log" in bash_candidates(f"diary --db {missing} l")


@pytest.fixture
def diary_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds a `diary` that runs this checkout."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "diary"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m diary "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


BASH_SESSION = """
set -e
diary --show-completion > "$SCRIPT"
source "$SCRIPT"
complete -p diary
ask() {  # ask <index of the word to complete> <words...>
    COMP_CWORD=$1; shift
    COMP_WORDS=("$@")
    COMP_LINE="$*"
    _diary_completion diary
    printf '%s|' "${COMPREPLY[@]}"
    echo
}
ask 2 diary bp ""
ask 2 diary log padd
ask 2 diary log schindl
eval "typed=(${COMPREPLY[0]})"
echo "${#typed[@]}:${typed[0]}"
"""


def test_bash_sources_the_script_and_completes(
    cli: Cli, hosts: None, diary_on_path: dict[str, str], tmp_path: Path
) -> None:
    cli.ok("log", "Paddington 2", "--year", "2017", "--date", "2025-01-05")
    env = dict(diary_on_path, SCRIPT=str(tmp_path / "diary-completion.bash"))
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", BASH_SESSION],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    registered, bp, padd, schindler, typed = result.stdout.splitlines()
    assert registered == "complete -o default -F _diary_completion diary"
    bp_commands = get_command(app).commands["bp"].commands  # type: ignore[attr-defined]
    assert bp.rstrip("|").split("|") == list(bp_commands)
    assert padd == "Paddington\\ 2|"
    assert schindler == "Schindler\\'s\\ List|"
    # what bash inserts is one word, the title as typed in full
    assert typed == "1:Schindler's List"


def test_install_completion_for_bash(diary_on_path: dict[str, str], tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", "diary --install-completion"],
        capture_output=True,
        text=True,
        env=dict(diary_on_path, HOME=str(home), SHELL="/bin/bash"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    script = home / ".bash_completions" / "diary.sh"
    assert "complete -o default -F _diary_completion diary" in script.read_text()
    assert f"source '{script}'" in (home / ".bashrc").read_text()
