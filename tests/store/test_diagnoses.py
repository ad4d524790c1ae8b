"""Storage problems named for what they are: a read-only folder is not damage, a folder is
not a database, and text that is not UTF-8 is damage (its bytes never printed)."""

import sqlite3
import stat
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.store.helpers import run_diary_as, unprivileged_prefix


def test_a_healthy_database_in_a_read_only_folder_is_not_damaged(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    prefix = unprivileged_prefix()
    if prefix is None:
        pytest.skip("cannot drop the permission override here")
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "diary.db"
    cli.ok("--db", str(db), "people", "add", "Ellen")
    cli.ok("--db", str(db), "log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    from diary.store import database

    database.reset()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        checked = run_diary_as(prefix, "--db", str(db), "db", "check")
        status = run_diary_as(prefix, "--db", str(db), "db", "status")
    finally:
        folder.chmod(0o755)
    assert checked.returncode == 0 and checked.stdout == f"{db}: ok\n", checked
    assert status.returncode == 0 and "viewing 1" in status.stdout, status
    assert "damaged" not in checked.stdout + checked.stderr + status.stderr


@pytest.mark.no_database  # the folder takes the database file's name
@pytest.mark.parametrize("args", [["list"], ["people", "add", "Ann"], ["db", "status"]])
def test_a_folder_given_as_the_database_is_named_a_folder(
    cli: Cli, tmp_path: Path, args: list[str]
) -> None:
    folder = tmp_path / "diary.db"
    folder.mkdir()
    result = cli("--db", str(folder), *args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder} is a folder, not a database file; give a file, e.g. "
        f"--db {folder / 'diary.db'}\n"
    )


@pytest.mark.sqlite_only  # a PostgreSQL database in UTF-8 refuses such bytes when they are written
def test_text_that_is_not_utf8_is_damage_and_its_bytes_are_not_printed(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    with sqlite3.connect(env_setup) as connection:
        connection.execute("UPDATE viewing SET place = CAST(x'ff1b5b324a41' AS TEXT)")
    connection.close()
    result = cli("list")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {env_setup} is damaged (text that is not UTF-8); run `diary db check`\n"
    )
