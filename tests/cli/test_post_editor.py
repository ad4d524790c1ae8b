"""`post write` with no text opens $EDITOR on the section as text and reads it back."""

import json
import stat
from pathlib import Path

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import Cli
from tests.render.post_support import formats_dir  # noqa: F401  (a fixture)

# The editor: keeps what it was given in SEEN, then replaces it with the contents of NEW
# (or leaves it alone when NEW does not exist).
EDITOR = """#!/bin/sh
cp "$1" "{seen}"
if [ -f "{new}" ]; then cp "{new}" "$1"; fi
"""


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    seen, new = tmp_path / "seen.md", tmp_path / "new.md"
    script = tmp_path / "editor.sh"
    script.write_text(EDITOR.format(seen=seen, new=new), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    return seen, new


def plots(cli: Cli) -> list[tuple[str, list[tuple[str, str]]]]:
    data = json.loads(cli.ok("post", "show", "1", "--json").stdout)
    found = next(s for s in data["sections"] if s["key"] == "plots")
    return [(p["text"], [(r["speaker"], r["text"]) for r in p["remarks"]]) for p in found["pieces"]]


def test_the_editor_gets_the_section_and_its_edit_is_saved(
    cli: Cli, hosts: None, editor: tuple[Path, Path]
) -> None:
    seen, new = editor
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "write", "1", "plots", "Amity gets ready for summer.")
    cli.ok("post", "say", "1", "plots", "--by", "Tyler", "That opening!\n\nStill scary.")
    new.write_text(
        "Amity gets ready for summer.\n\nTyler: That opening!\n\n    Still scary.\n\n"
        "Brody wants the beaches closed.\n\nEllen: He is right.\n",
        encoding="utf-8",
    )
    written = cli.ok("post", "write", "1", "plots")
    assert "Plots & Feelings: now 2 pieces and 2 remarks." in written.stderr
    assert seen.read_text(encoding="utf-8") == (
        "Amity gets ready for summer.\n\nTyler: That opening!\n\n    Still scary.\n"
    )
    assert plots(cli) == [
        ("Amity gets ready for summer.", [("Tyler", "That opening!\n\nStill scary.")]),
        ("Brody wants the beaches closed.", [("Ellen", "He is right.")]),
    ]


def test_prose_opens_as_it_is(cli: Cli, hosts: None, editor: tuple[Path, Path]) -> None:
    seen, new = editor
    cli.ok("post", "new", "Jaws", "--year", "1975")
    new.write_text("Fins™: swim faster.\n\nNow in blue.\n", encoding="utf-8")
    cli.ok("post", "write", "1", "intermission")
    assert seen.read_text(encoding="utf-8") == "\n"
    data = json.loads(cli.ok("post", "show", "1", "--json").stdout)
    body = next(s for s in data["sections"] if s["key"] == "intermission")["body"]
    assert body == "Fins™: swim faster.\n\nNow in blue."


def test_an_untouched_edit_changes_nothing(
    cli: Cli, hosts: None, editor: tuple[Path, Path], env_setup: Path
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "write", "1", "plots", "Amity gets ready for summer.\n\nTyler: Yes.")
    before = snapshot(env_setup)
    result = cli.ok("post", "write", "1", "plots")
    assert "No change." in result.stderr
    assert snapshot(env_setup) == before


def test_without_an_editor_or_text_it_says_what_to_do(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    cli.ok("post", "new", "Jaws", "--year", "1975")
    result = cli("post", "write", "1", "plots")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no text given and $EDITOR is not set: give TEXT, --file FILE or -\n"
    )


def test_a_failing_editor_saves_nothing(
    cli: Cli, hosts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env_setup: Path
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    monkeypatch.setenv("EDITOR", "false")
    before = snapshot(env_setup)
    result = cli("post", "write", "1", "intermission")
    assert result.exit_code == 1 and result.stderr.startswith("Error: the editor failed")
    assert snapshot(env_setup) == before


def test_names_holding_an_ampersand_or_a_colon_stay_one_speaker(
    cli: Cli, hosts: None, editor: tuple[Path, Path]
) -> None:
    seen, new = editor
    cli.ok("people", "add", "Tom & Jerry", "--role", "host")
    cli.ok("people", "add", "Dr: Who", "--role", "guest")
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "say", "1", "blank", "--by", "Tom & Jerry", "We agree.")
    cli.ok("post", "say", "1", "blank", "--by", "Tom & Jerry", "--by", "Ellen", "All three.")
    cli.ok("post", "say", "1", "blank", "--by", "Ellen, Dr: Who", "Two of us.")
    cli.ok("post", "say", "1", "blank", "--by", "Dr: Who", "Time: now.")
    new.write_text(
        "Tom & Jerry: We concur.\n\nTom & Jerry & Ellen: All three.\n\n"
        "Ellen & Dr: Who: Two of us.\n\nDr: Who: Time: now.\n\nTyler & Dr: Who: Late.\n",
        encoding="utf-8",
    )
    cli.ok("post", "write", "1", "blank")
    assert seen.read_text(encoding="utf-8").startswith("Tom & Jerry: We agree.\n\n")
    data = json.loads(cli.ok("post", "show", "1", "--json").stdout)
    blank = next(s for s in data["sections"] if s["key"] == "blank")
    assert [(p["speaker"], p["text"]) for p in blank["pieces"]] == [
        ("Tom & Jerry", "We concur."),
        ("Tom & Jerry & Ellen", "All three."),
        ("Ellen & Dr: Who", "Two of us."),
        ("Dr: Who", "Time: now."),
        ("Tyler & Dr: Who", "Late."),
    ]
    exported = cli.ok("post", "export", "1", "-o", "-").stdout
    assert "**Tom & Jerry & Ellen:** All three.\n\n**Ellen & Dr: Who:** Two of us." in exported


def test_footnotes_can_be_defined_inline_in_a_file(cli: Cli, hosts: None, tmp_path: Path) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    text = tmp_path / "plots.txt"
    text.write_text(
        "Amity gets ready for summer.[^tide]\n\n[^tide]: High tide was at noon.\n\n"
        "Tyler: That opening![^fin]\n\n[^fin]: Only a fin, at first.\n",
        encoding="utf-8",
    )
    said = cli.ok("post", "write", "1", "plots", "--file", str(text)).stderr
    assert "Plots & Feelings: now 1 piece and 1 remark; footnotes [^tide], [^fin] set." in said
    assert "names no footnote" not in said
    markdown = cli.ok("post", "export", "1").stdout
    assert "Amity gets ready for summer.[^1]" in markdown and "That opening\\![^2]" in markdown
    assert "[^1]: High tide was at noon.\n\n[^2]: Only a fin, at first." in markdown
