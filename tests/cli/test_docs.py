"""The command reference is generated from --help, and every command's help has an example."""

import pytest

from diary.devtools import clidocs


def test_cli_reference_is_current() -> None:
    current = clidocs.DOC.read_text(encoding="utf-8")
    assert current == clidocs.render(), (
        "docs/cli.md is out of date: run `python -m diary.devtools.clidocs`"
    )


@pytest.mark.parametrize(
    "path", [p for p, _ in clidocs.commands()], ids=lambda p: " ".join(p) or "diary"
)
def test_every_command_has_an_example(path: list[str]) -> None:
    text = clidocs.help_text(path)
    assert "Example" in text, f"`diary {' '.join(path)} --help` has no example"
