"""Exported files follow the umask like `cp`; database backups stay private."""

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Cli


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_follow_the_umask_and_backups_stay_private(
    cli: Cli, hosts: None, tmp_path: Path, umask: None
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    cli.ok("export", "json", str(tmp_path / "dump.json"))
    cli.ok("bp", "export", str(tmp_path / "sheet.csv"))
    cli.ok("db", "backup", str(tmp_path / "copy.db"))
    assert mode(tmp_path / "dump.json") == 0o644
    assert mode(tmp_path / "sheet.csv") == 0o644
    assert mode(tmp_path / "copy.db") == 0o600
    os.umask(0o077)
    cli.ok("bp", "export", str(tmp_path / "private.csv"))
    assert mode(tmp_path / "private.csv") == 0o600


def test_a_replaced_file_keeps_its_mode(cli: Cli, hosts: None, tmp_path: Path, umask: None) -> None:
    target = tmp_path / "sheet.csv"
    target.write_text("old")
    target.chmod(0o664)
    cli.ok("bp", "export", str(target), "--force")
    assert mode(target) == 0o664 and target.read_text() != "old"
