"""The storage faults of RELIABILITY.md that belong to the diary, through the real command line.

Each fault ends in one `Error: …` line, exit 1, and a database that is exactly as it was.
"""

import hashlib
import json
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from diary.store import database, migrations
from diary.store.engine import make_engine
from diary.store.location import resolve
from tests.conftest import Cli, run_diary
from tests.store.helpers import (
    integrity,
    one_error_line,
    rows,
    run_diary_as,
    schema_version,
    snapshot,
    unprivileged_prefix,
)

pytestmark = pytest.mark.sqlite_only  # the file itself: locks, modes, journal, backups


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def diary_db(cli: Cli, hosts: None, env_setup: Path) -> Path:
    """A database with people, two films, a viewing, a watchlist entry and a comment, closed."""
    cli.ok("log", "Her", "--date", "2025-01-26", "--rating", "4.5", "--with", "Tyler=4")
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--by", "Tyler")
    cli.ok("comment", "add", "Her", "--by", "Tyler", "a love story with an operating system")
    database.reset()  # close every connection: the write-ahead log is folded into the file
    assert not Path(f"{env_setup}-wal").exists()
    return env_setup


# --- path, status, check, backup ---------------------------------------------------------


def test_path_status_and_check(cli: Cli, diary_db: Path) -> None:
    assert cli.ok("db", "path").stdout.strip() == str(diary_db)
    status = json.loads(cli.ok("db", "status", "--json").stdout)
    assert status["database"] == str(diary_db)
    assert status["schema"] == status["program_schema"] == migrations.latest_version()
    assert status["journal_mode"] == "wal"
    assert status["rows"]["person"] == 2 and status["rows"]["viewing"] == 1
    assert status["rows"]["watchlist_entry"] == 1 and status["rows"]["comment"] == 1
    assert cli.ok("db", "check").stdout.strip() == f"{diary_db}: ok"


def test_db_option_overrides_the_environment(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.db"
    assert cli.ok("--db", str(other), "db", "path").stdout.strip() == str(other)
    cli.ok("--db", str(other), "people", "add", "Ann")
    assert rows(other, "SELECT name FROM person") == [("Ann",)]


def test_a_missing_folder_is_refused_not_created(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "diary.db"
    result = cli("--db", str(target), "people", "list")
    assert result.exit_code == 1
    assert f"folder {target.parent} does not exist" in one_error_line(result.stderr)
    assert not target.parent.exists()


def test_backup_is_a_whole_copy_and_never_overwrites(cli: Cli, diary_db: Path) -> None:
    copy = diary_db.with_name("copy.db")
    said = cli.ok("db", "backup", str(copy)).stderr
    assert str(copy) in said
    assert integrity(copy) == ["ok"]
    assert snapshot(copy) == snapshot(diary_db)
    assert rows(copy, "PRAGMA journal_mode") == [("delete",)]  # a single file, nothing beside it

    cli.ok("log", "Rocky", "--date", "2025-01-30")
    refused = cli("db", "backup", str(copy))
    assert refused.exit_code == 1
    assert "already exists; use --force" in one_error_line(refused.stderr)
    assert rows(copy, "SELECT count(*) FROM viewing") == [(1,)]
    cli.ok("db", "backup", str(copy), "--force")
    assert rows(copy, "SELECT count(*) FROM viewing") == [(2,)]
    leftovers = [p.name for p in diary_db.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_backup_without_a_name_goes_beside_the_database(cli: Cli, diary_db: Path) -> None:
    cli.ok("db", "backup")
    made = sorted(diary_db.parent.glob("diary-backup-*.db"))
    assert len(made) == 1 and integrity(made[0]) == ["ok"]


def test_backups_without_a_name_within_one_second_are_both_kept(cli: Cli, diary_db: Path) -> None:
    cli.ok("db", "backup")  # the clock is fixed: both copies get the same stamp
    cli.ok("log", "Rocky", "--date", "2025-01-30")
    cli.ok("db", "backup")
    first, second = (
        diary_db.parent / f"diary-backup-20250201T000000{end}" for end in (".db", "-2.db")
    )
    assert rows(first, "SELECT count(*) FROM viewing") == [(1,)]
    assert rows(second, "SELECT count(*) FROM viewing") == [(2,)]


def test_a_backup_format_for_a_sqlite_diary_is_one_line(cli: Cli, diary_db: Path) -> None:
    target = diary_db.with_name("copy.sql")
    result = cli("db", "backup", str(target), "--format", "sql")
    assert result.exit_code == 1
    assert one_error_line(result.stderr) == (
        "Error: --format is for a diary on a server; a SQLite diary is backed up as a SQLite "
        "file (for JSON: diary export json FILE)"
    )
    assert not target.exists()


def test_backup_into_a_missing_folder_is_one_line(cli: Cli, diary_db: Path) -> None:
    result = cli("db", "backup", str(diary_db.parent / "nowhere" / "copy.db"))
    assert result.exit_code == 1
    assert "does not exist" in one_error_line(result.stderr)


def test_backup_never_replaces_a_folder_even_with_force(cli: Cli, diary_db: Path) -> None:
    folder = diary_db.parent / "copies"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    for extra in ([], ["--force"]):
        result = cli("db", "backup", str(folder), *extra)
        assert result.exit_code == 1
        assert one_error_line(result.stderr) == f"Error: {folder} is a folder; give a file name"
    assert folder.is_dir() and (folder / "keep.txt").read_text() == "mine"


def test_backup_to_a_pipe_is_written_into_it_not_over_it(cli: Cli, diary_db: Path) -> None:
    import os
    import stat

    fifo = diary_db.parent / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    try:
        cli.ok("db", "backup", str(fifo), "--force")
        reader.join(timeout=30)
    finally:
        if reader.is_alive():  # never opened for writing: let the reader go
            with open(fifo, "wb"):
                pass
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    copy = diary_db.parent / "from-the-pipe.db"
    copy.write_bytes(received[0])
    assert integrity(copy) == ["ok"]
    assert snapshot(copy) == snapshot(diary_db)
    assert [p.name for p in diary_db.parent.iterdir() if p.name.endswith(".tmp")] == []


# --- a damaged file ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "garbage"),
    [(0, b"Not SQLite at all"), (16, b"\x00\x03"), (21, b"\xff\xff\xff")],
    ids=["magic string", "page size", "payload fractions"],
)
def test_a_corrupted_header_is_reported_and_writes_refuse(
    cli: Cli, diary_db: Path, offset: int, garbage: bytes
) -> None:
    with diary_db.open("r+b") as handle:
        handle.seek(offset)
        handle.write(garbage)
    damaged = digest(diary_db)

    checked = cli("db", "check")
    assert checked.exit_code == 1
    assert str(diary_db) in checked.stderr
    assert "failed its check" in checked.stderr.strip().splitlines()[-1]

    for args in (["log", "Her"], ["people", "add", "Someone"], ["list"]):
        refused = cli(*args)
        assert refused.exit_code == 1, (args, refused)
        line = one_error_line(refused.stderr)
        assert str(diary_db) in line and "damaged" in line, line
    database.reset()
    assert digest(diary_db) == damaged


def test_a_file_that_is_no_database_is_refused(cli: Cli, tmp_path: Path) -> None:
    stranger = tmp_path / "notes.db"
    stranger.write_text("shopping list: eggs, flour\n" * 100)
    result = cli("--db", str(stranger), "log", "Her")
    assert result.exit_code == 1
    assert "damaged" in one_error_line(result.stderr)
    assert stranger.read_text().startswith("shopping list")


def test_another_programs_database_is_left_alone(cli: Cli, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    before = digest(foreign)
    result = cli("--db", str(foreign), "people", "add", "Ann")
    assert result.exit_code == 1
    assert "not made by diary" in one_error_line(result.stderr)
    database.reset()
    assert digest(foreign) == before


# --- read-only file or folder --------------------------------------------------------------

PREFIX = unprivileged_prefix()
needs_permissions = pytest.mark.skipif(
    PREFIX is None, reason="running as root without setpriv: file modes cannot be enforced"
)


@needs_permissions
def test_a_read_only_file_names_the_file(diary_db: Path) -> None:
    assert PREFIX is not None
    before = snapshot(diary_db)
    diary_db.chmod(0o444)
    try:
        result = run_diary_as(PREFIX, "log", "Her", "--rating", "3")
        assert result.returncode == 1
        line = one_error_line(result.stderr)
        assert str(diary_db) in line and "read-only" in line and "permission denied" in line
        listed = run_diary_as(PREFIX, "list", "--json")  # reading is still fine
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 1
    finally:
        diary_db.chmod(0o644)
    assert snapshot(diary_db) == before and integrity(diary_db) == ["ok"]


@needs_permissions
def test_a_read_only_folder_names_the_folder(diary_db: Path) -> None:
    assert PREFIX is not None
    before = snapshot(diary_db)
    folder = diary_db.parent
    folder.chmod(0o555)
    try:
        for args in (["log", "Her", "--rating", "3"], ["people", "add", "Someone"]):
            result = run_diary_as(PREFIX, *args)
            assert result.returncode == 1
            line = one_error_line(result.stderr)
            assert f"its folder {folder} is read-only" in line, line
    finally:
        folder.chmod(0o755)
    assert snapshot(diary_db) == before and integrity(diary_db) == ["ok"]


# --- schema versions -------------------------------------------------------------------------


def make_old_database(path: Path, version: int) -> None:
    """A database stopped at an earlier schema version, with a person, a film and a viewing."""
    engine = make_engine(resolve(str(path)))
    with engine.begin() as connection:
        migrations.ensure_version_table(connection)
        for module in migrations.migrations():
            if module.VERSION > version:
                break
            module.upgrade(connection)
            connection.exec_driver_sql(
                f"INSERT INTO schema_version (version) VALUES ({module.VERSION})"
            )
        connection.exec_driver_sql(
            "INSERT INTO person (id, name, name_key, is_default, created_at) "
            "VALUES (1, 'Ellen', 'ellen', 1, '2024-06-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO film (id, title, year, title_key, created_at) "
            "VALUES (1, 'Paddington 2', 2017, 'paddington 2', '2024-06-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO viewing (id, film_id, watched_on, created_at, updated_at) "
            "VALUES (1, 1, '2024-06-01', '2024-06-01 00:00:00', '2024-06-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO viewing_person (viewing_id, person_id, rating, liked, rewatch) "
            "VALUES (1, 1, 10, 1, 0)"
        )
    engine.dispose()


READ_ONLY_COMMANDS = [
    ["list"],
    ["show", "1"],
    ["people", "list"],
    ["watchlist", "list"],
    ["comment", "list"],
    ["film", "list"],
]


@pytest.mark.no_database
def test_read_only_commands_never_migrate(cli: Cli, env_setup: Path) -> None:
    first = migrations.migrations()[0].VERSION
    make_old_database(env_setup, first)
    before = digest(env_setup)
    for args in READ_ONLY_COMMANDS:
        result = cli(*args)
        assert result.exit_code == 1, (args, result)
        line = one_error_line(result.stderr)
        assert f"schema version {first}" in line and "diary db upgrade" in line, line
    cli.ok("db", "status")
    cli.ok("db", "check")
    database.reset()
    assert digest(env_setup) == before
    assert list(env_setup.parent.glob("*.bak")) == []


@pytest.mark.no_database
def test_an_upgrade_writes_a_backup_first_and_keeps_every_row(cli: Cli, env_setup: Path) -> None:
    first = migrations.migrations()[0].VERSION
    make_old_database(env_setup, first)
    old = snapshot(env_setup)

    logged = cli.ok("log", "Paddington 2", "--date", "2025-01-20", "--rating", "5")
    backups = list(env_setup.parent.glob("*.bak"))
    assert len(backups) == 1
    assert f"from schema {first} to {migrations.latest_version()}" in logged.stderr
    assert str(backups[0]) in logged.stderr
    # The copy is the database exactly as it was before the upgrade.
    assert schema_version(backups[0]) == first
    assert snapshot(backups[0]) == old and integrity(backups[0]) == ["ok"]

    database.reset()
    assert schema_version(env_setup) == migrations.latest_version()
    entries = json.loads(cli.ok("list", "--json").stdout)
    assert [(e["date"], e["film"]["title"], e["people"][0]["rewatch"]) for e in entries] == [
        ("2025-01-20", "Paddington 2", True),
        ("2024-06-01", "Paddington 2", False),
    ]


@pytest.mark.no_database
def test_upgrade_backups_never_replace_each_other(cli: Cli, env_setup: Path) -> None:
    first = migrations.migrations()[0].VERSION
    make_old_database(env_setup, first)
    pristine = env_setup.read_bytes()
    cli.ok("db", "upgrade")
    database.reset()
    env_setup.write_bytes(pristine)  # the same old database again, upgraded in the same second
    cli.ok("db", "upgrade")
    backups = sorted(env_setup.parent.glob("*.bak"))
    assert len(backups) == 2
    assert all(schema_version(b) == first for b in backups)


def test_a_newer_database_is_refused_with_both_versions(cli: Cli, diary_db: Path) -> None:
    newer = migrations.latest_version() + 7
    with sqlite3.connect(diary_db) as connection:
        connection.execute("INSERT INTO schema_version (version) VALUES (?)", (newer,))
    connection.close()
    before = snapshot(diary_db)
    for args in (["list"], ["log", "Her"], ["db", "upgrade"]):
        result = cli(*args)
        assert result.exit_code == 1
        line = one_error_line(result.stderr)
        assert f"schema version {newer}" in line
        assert f"(version {migrations.latest_version()})" in line
    database.reset()
    assert snapshot(diary_db) == before


# --- foreign keys -------------------------------------------------------------------------------


def test_foreign_keys_hold_through_the_command_line(cli: Cli, diary_db: Path) -> None:
    """Deleting an entry takes its people's parts and tags with it, and nothing else."""
    cli.ok("log", "Her", "--date", "2025-01-31", "--tag", "again")
    viewing = rows(diary_db, "SELECT max(id) FROM viewing")[0][0]
    cli.ok("delete", str(viewing), "--yes")
    assert rows(diary_db, "SELECT count(*) FROM viewing_person WHERE viewing_id = ?", viewing) == [
        (0,)
    ]
    assert rows(diary_db, "SELECT count(*) FROM viewing_tag WHERE viewing_id = ?", viewing) == [
        (0,)
    ]
    assert rows(diary_db, "PRAGMA foreign_key_check") == []
    assert cli.ok("db", "check").exit_code == 0


def test_db_check_reports_a_dangling_reference(cli: Cli, diary_db: Path) -> None:
    connection = sqlite3.connect(diary_db)  # foreign keys are off by default in plain sqlite3
    with connection:
        connection.execute("UPDATE viewing SET film_id = 999999")
    connection.close()
    result = cli("db", "check")
    assert result.exit_code == 1
    assert "foreign key: viewing row" in result.stderr and "film" in result.stderr


# --- a held lock -----------------------------------------------------------------------------


def hold_write_lock(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE person SET role = 'guest' WHERE name = 'Tyler'")
    return connection


def test_a_lock_held_too_long_is_busy_and_leaves_nothing(diary_db: Path) -> None:
    before = snapshot(diary_db)
    holder = hold_write_lock(diary_db)
    try:
        started = time.monotonic()
        result = run_diary(
            "log", "Rocky", "--year", "1976", "--with", "Tyler=3", "--tag", "x",
            env={"DIARY_BUSY_TIMEOUT_MS": "300"},
        )  # fmt: skip
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1
    assert one_error_line(result.stderr) == "Error: database is busy, try again"
    assert waited >= 0.3
    assert snapshot(diary_db) == before and integrity(diary_db) == ["ok"]


def test_a_lock_released_within_the_timeout_is_waited_for(diary_db: Path) -> None:
    holder = hold_write_lock(diary_db)
    release = threading.Timer(0.5, lambda: (holder.commit(), holder.close()))
    release.start()
    try:
        result = run_diary("log", "Rocky", "--year", "1976", env={"DIARY_BUSY_TIMEOUT_MS": "20000"})
    finally:
        release.join()
    assert result.returncode == 0, result.stderr
    assert rows(diary_db, "SELECT count(*) FROM viewing") == [(2,)]
    assert rows(diary_db, "SELECT role FROM person WHERE name = 'Tyler'") == [("guest",)]


# --- secrets ------------------------------------------------------------------------------------

SECRET_URL = "postgresql://ann:s3cret-pa55@db.example.org:5432/diary"


@pytest.mark.parametrize(
    "args",
    [
        ["db", "path"],
        ["db", "status"],
        ["db", "status", "--json"],
        ["db", "check"],
        ["db", "backup", "copy.db"],
        ["db", "upgrade"],
        ["list"],
        ["log", "Her", "--year", "2013"],
        ["people", "add", "Ann"],
    ],
)
def test_a_password_in_the_url_is_never_shown(
    cli: Cli, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIARY_DB", SECRET_URL)
    for given in (["--db", SECRET_URL], []):
        result = cli(*given, *args)
        shown = result.stdout + result.stderr
        assert "s3cret" not in shown and "pa55" not in shown, shown
        assert "ann:***@db.example.org" in shown, shown
        if args != ["db", "path"] and args[:2] != ["db", "status"]:
            assert result.exit_code == 1
            one_error_line(result.stderr)
