"""Questions answered at a real pseudo-terminal: Ctrl-C or Esc cancels the whole command with
nothing written, Enter at a destructive question keeps everything, and the first person is a
host. Few processes, short timeouts: each spawn costs a start-up."""

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TODAY, Cli
from tests.store.helpers import rows, snapshot

pexpect = pytest.importorskip("pexpect")


def spawn(db: Path, *args: str) -> "pexpect.spawn":
    env = {k: v for k, v in os.environ.items() if k != "DIARY_NO_PROMPT"}
    env.update(DIARY_DB=str(db), DIARY_TODAY=TODAY, NO_COLOR="1", TERM="xterm")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return pexpect.spawn(
        sys.executable,
        ["-m", "diary", *args],
        env=env,
        cwd=str(ROOT),
        timeout=15,
        encoding="utf-8",
        dimensions=(24, 120),
    )


def finished(child: "pexpect.spawn") -> int:
    child.expect(pexpect.EOF)
    child.close()
    status: int = child.exitstatus
    return status


def test_ctrl_c_at_the_film_menu_cancels_the_log(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("log", "Little Women", "--year", "1994", "--date", "2024-01-01")
    cli.ok("log", "Little Women", "--year", "2019", "--date", "2024-01-02")
    before = snapshot(env_setup)
    child = spawn(env_setup, "log", "Little Women", "--rating", "4")
    child.expect("Which 'Little Women'")
    child.sendcontrol("c")
    child.expect("Cancelled; nothing was written.")
    assert finished(child) == 130
    assert snapshot(env_setup) == before  # not a second menu, not the first choice logged


def test_enter_at_delete_keeps_the_entry_and_esc_cancels(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    before = snapshot(env_setup)
    child = spawn(env_setup, "delete", "1")
    child.expect(r"Delete entry 1 \(Jaws \(1975\)\)\?")
    child.expect(r"\(y/N\)")  # No is the default
    child.sendline("")
    child.expect("Nothing deleted.")
    assert finished(child) == 0
    child = spawn(env_setup, "delete", "1")
    child.expect(r"\(y/N\)")
    child.send("\x1b")
    child.expect("Cancelled; nothing was written.")
    assert finished(child) == 130
    assert snapshot(env_setup) == before


def test_the_first_person_is_asked_for_and_is_a_host(env_setup: Path) -> None:
    child = spawn(env_setup, "log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    child.expect(r"What is your name\? \(you will be a host\)")
    child.sendline("Ellen")
    child.expect("Added Ellen as a host")
    assert finished(child) == 0
    assert rows(env_setup, "SELECT name, role, is_default FROM person") == [("Ellen", "host", 1)]
    assert rows(env_setup, "SELECT count(*) FROM viewing") == [(1,)]
