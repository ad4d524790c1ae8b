"""What the help and docs/cli.md name is real: every command and every environment variable,
checked both ways against the program."""

import ast
import re
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.main import get_command

from diary.cli import context
from diary.cli.main import app
from diary.devtools import clidocs
from tests.conftest import ROOT

# A `diary …` command line in help: an example line, or a command quoted in backticks.
QUOTED = re.compile(r"`(diary(?: [^`]*)?)`")
# Variables the program answers to through its libraries rather than reading them itself:
# rich (colour, width; tests/cli/test_colour.py) and the completion scripts.
READ_BY_LIBRARIES = {"NO_COLOR", "FORCE_COLOR", "TERM", "COLUMNS"}


def all_help() -> list[tuple[list[str], str]]:
    """Each command's help and its parameters' help, as written (not wrapped for a screen)."""
    found = []
    for path, command in clidocs.commands():
        params = getattr(command, "params", [])
        texts = [getattr(command, "help", None)] + [getattr(p, "help", None) for p in params]
        found.append((path, "\n".join(text for text in texts if text)))
    return found


def named_lines(text: str) -> list[str]:
    examples = [line.strip() for line in text.splitlines() if line.strip().startswith("diary ")]
    return examples + QUOTED.findall(text)


def missing_command(line: str) -> str | None:
    """The first word of a `diary …` line that should be a command and is not, if any."""
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    node: Any = get_command(app)
    words = words[1:]
    while words and hasattr(node, "commands"):
        word = words.pop(0)
        if word.startswith("-"):
            option = next((p for p in node.params if word.split("=")[0] in p.opts), None)
            if option is None:
                return word
            if not option.is_flag and "=" not in word and words:
                words.pop(0)
            continue
        if word not in node.commands:
            return word
        node = node.commands[word]
    return None


def test_every_command_the_help_names_exists() -> None:
    wrong = [
        f"`diary {' '.join(path)} --help` names {line!r}: no command {word!r}"
        for path, text in all_help()
        for line in named_lines(text)
        if (word := missing_command(line)) is not None
    ]
    assert wrong == []


def test_a_group_summary_that_lists_commands_lists_only_commands() -> None:
    """'Films: add, show, list, alias, delete, and facts…': once a group's one-line summary
    names one of its commands, every single word in that list must be one."""
    wrong = []
    for path, command in clidocs.commands():
        commands = getattr(command, "commands", None)
        help_text = getattr(command, "help", None) or ""
        if not path or not commands or ":" not in help_text.splitlines()[0]:
            continue
        listed = help_text.splitlines()[0].split(":", 1)[1].rstrip(".").split(",")
        words = [item.strip().removeprefix("and ") for item in listed]
        single = [word for word in words if re.fullmatch(r"[a-z][a-z-]*", word)]
        if any(word in commands for word in single):
            wrong += [f"diary {' '.join(path)}: {w}" for w in single if w not in commands]
    assert wrong == []


def test_the_checks_above_can_fail() -> None:
    assert missing_command("diary film find her") == "find"
    assert missing_command("diary --db x.db film add Her") is None
    assert missing_command("diary --nope log") == "--nope"
    assert named_lines("run `diary db upgrade` first\n  diary log her") == [
        "diary log her",
        "diary db upgrade",
    ]


def test_every_command_is_in_the_reference() -> None:
    reference = clidocs.DOC.read_text(encoding="utf-8")
    absent = [
        " ".join(path)
        for path, _ in clidocs.commands()
        if f"## `{' '.join(['diary', *path])}`\n" not in reference
    ]
    assert absent == []


def variables_read(source: str) -> set[str]:
    """Names passed to os.environ.get / os.getenv / os.environ[...] / `in os.environ`, with a
    module-level string constant followed to its value."""
    tree = ast.parse(source)
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }

    def is_environ(node: ast.AST) -> bool:
        return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
            isinstance(node, ast.Name) and node.id == "environ"
        )

    def name_of(node: ast.AST) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name) and node.id in constants:
            return constants[node.id]
        return f"<cannot tell: {ast.unparse(node)}>"

    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            reads_environ = node.func.attr == "get" and is_environ(node.func.value)
            if reads_environ or node.func.attr == "getenv":
                found.add(name_of(node.args[0]))
        elif isinstance(node, ast.Subscript) and is_environ(node.value):
            if isinstance(node.ctx, ast.Load):
                found.add(name_of(node.slice))
        elif isinstance(node, ast.Compare) and any(is_environ(c) for c in node.comparators):
            found.add(name_of(node.left))
    return found


def program_variables() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "diary").rglob("*.py"):
        found |= variables_read(path.read_text(encoding="utf-8"))
    return found


def test_every_variable_the_program_reads_is_documented() -> None:
    read = program_variables()
    assert {"DIARY_DB", "DIARY_NO_PROMPT", "EDITOR"} <= read  # the scan finds them
    assert sorted(read - set(clidocs.documented_variables())) == []


def test_every_documented_variable_is_one_the_program_answers_to() -> None:
    answered = program_variables() | READ_BY_LIBRARIES
    assert sorted(set(clidocs.documented_variables()) - answered) == []


def test_the_variable_scan_can_fail() -> None:
    source = 'import os\nKEY = "B"\nos.environ.get("A")\nos.getenv(KEY)\n"C" in os.environ\n'
    source += 'os.environ["D"]\nos.environ["E"] = "1"\nos.environ.get(f"X{1}")\n'
    assert variables_read(source) == {"A", "B", "C", "D", "<cannot tell: f'X{1}'>"}


def test_no_prompt_holds_even_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(sys, "stdout", Terminal())
    monkeypatch.delenv("DIARY_NO_PROMPT")
    assert context.interactive()
    monkeypatch.setenv("DIARY_NO_PROMPT", "1")
    assert not context.interactive()


def test_the_reference_documents_completion_and_every_variable() -> None:
    reference = clidocs.DOC.read_text(encoding="utf-8")
    for name in clidocs.documented_variables():
        assert f"`{name}`" in reference.split("## Environment variables", 1)[1]
    assert "--install-completion" in reference and "--show-completion" in reference


def test_readme_names_the_distribution_licence_and_both_install_routes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`film-diary`" in readme and "MIT" in readme and "(LICENSE)" in readme
    assert "pipx install ." in readme and "pip install ." in readme
    assert Path(ROOT / "LICENSE").is_file()
