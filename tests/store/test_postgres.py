"""A diary on a PostgreSQL server: status, checks, backups, copies between engines, errors,
migrations and several writers at once. Runs with DIARY_TEST_DB=postgresql (scripts/test)."""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from diary.store import migrations
from diary.store.engine import make_engine
from diary.store.location import resolve
from tests.cli.test_concurrency import together
from tests.conftest import Cli
from tests.importers.letterboxd_helpers import FIXTURE
from tests.store.helpers import one_error_line, rows

pytestmark = pytest.mark.postgres_only


def fill(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "Tyler", "--role", "host")
    cli.ok("import", "letterboxd", str(FIXTURE))
    cli.ok("log", "Her", "--date", "2025-01-26", "--rating", "4.5", "--with", "Tyler=4")
    cli.ok("comment", "add", "Her", "a phone call, ✨ and a <b>lake</b>", "--by", "Tyler")
    cli.ok("watchlist", "add", "Parasite", "--by", "Tyler")


def use(monkeypatch: pytest.MonkeyPatch, db: Any) -> None:
    from diary.store import database

    database.reset()
    monkeypatch.setenv("DIARY_DB", str(db) if isinstance(db, Path) else db.url)


def test_status_names_the_engine_the_server_and_the_counts(cli: Cli, env_setup: Any) -> None:
    fill(cli)
    info = json.loads(cli.ok("db", "status", "--json").stdout)
    assert info["engine"] == "postgresql"
    assert str(info["server_version"])[:2].isdigit()
    assert info["schema"] == migrations.latest_version()
    assert info["rows"]["viewing"] == rows(env_setup, "SELECT count(*) FROM viewing")[0][0] > 1
    assert info["rows"]["person"] == 2
    assert "test-secret" not in json.dumps(info) and ":***@" in info["database"]


def test_check_passes_then_finds_a_sequence_left_behind(cli: Cli, env_setup: Any) -> None:
    fill(cli)
    assert cli.ok("db", "check").stdout.strip().endswith(": ok")
    rows(env_setup, "SELECT setval(pg_get_serial_sequence('film', 'id'), 1)")
    failed = cli("db", "check")
    assert failed.exit_code == 1
    assert "sequence: the next film id would be 2" in failed.stderr
    assert "test-secret" not in failed.stderr + failed.stdout


def test_check_finds_a_row_pointing_at_nothing(cli: Cli, env_setup: Any) -> None:
    fill(cli)
    with env_setup.connect() as connection:  # as if written with the checks switched off
        connection.execute("SET session_replication_role = replica")
        connection.execute("DELETE FROM person WHERE name = 'Tyler'")
    failed = cli("db", "check")
    assert failed.exit_code == 1
    assert "foreign key: viewing_person row" in failed.stderr
    assert "points to a missing person" in failed.stderr


def test_copy_to_sqlite_and_back_is_lossless(
    cli: Cli, env_setup: Any, pg_server: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    cli.ok("export", "json", str(tmp_path / "server.json"))
    home = tmp_path / "home.db"
    copied = cli.ok("db", "copy", env_setup.url, str(home))
    assert "test-secret" not in copied.stderr and f"to {home}" in copied.stderr
    other = pg_server.empty_database()
    try:
        cli.ok("db", "copy", str(home), other.url)
        use(monkeypatch, home)
        cli.ok("export", "json", str(tmp_path / "home.json"))
        use(monkeypatch, other)
        cli.ok("export", "json", str(tmp_path / "again.json"))
        first = (tmp_path / "server.json").read_text()
        assert (tmp_path / "home.json").read_text() == first
        assert (tmp_path / "again.json").read_text() == first
        # The copy's ids go on from the highest copied id, so new rows can be written.
        logged = cli.ok("log", "Aftersun", "--year", "2022", "--date", "2025-01-30")
        assert "Logged Aftersun (2022)" in logged.stderr
        assert cli.ok("db", "check").stdout.strip().endswith(": ok")
    finally:
        use(monkeypatch, env_setup)
        other.drop()


def test_copy_into_a_diary_that_holds_data_is_refused(
    cli: Cli, env_setup: Any, tmp_path: Path
) -> None:
    fill(cli)
    home = tmp_path / "home.db"
    cli.ok("--db", str(home), "people", "add", "Ann")
    failed = cli("db", "copy", env_setup.url, str(home))
    assert failed.exit_code == 1
    assert "already holds data" in one_error_line(failed.stderr)


def test_backup_on_a_server_is_a_json_dump_that_restores(
    cli: Cli, env_setup: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    backup = tmp_path / "backup.json"
    said = cli.ok("db", "backup", str(backup))
    assert "test-secret" not in said.stderr
    cli.ok("export", "json", str(tmp_path / "live.json"))
    assert backup.read_text() == (tmp_path / "live.json").read_text()
    assert cli("db", "backup", str(backup)).exit_code == 1  # never over a file without --force
    use(monkeypatch, tmp_path / "restored.db")
    cli.ok("import", "json", str(backup))
    cli.ok("export", "json", str(tmp_path / "restored.json"))
    assert (tmp_path / "restored.json").read_text() == backup.read_text()
    use(monkeypatch, env_setup)


@pytest.mark.parametrize(
    "name, restore",
    [
        ("diary.dump", ["pg_restore", "--exit-on-error", "--dbname"]),
        ("diary.sql", ["psql", "--quiet", "--set=ON_ERROR_STOP=1", "--file=BACKUP"]),
    ],
)
def test_backup_with_pg_dump_restores_with_the_servers_own_tools(
    cli: Cli,
    env_setup: Any,
    pg_server: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    restore: list[str],
) -> None:
    import os
    import stat
    import subprocess

    from tests.pgserver import binary, plain

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not on PATH")
    fill(cli)
    backup = tmp_path / name
    said = cli.ok("db", "backup", str(backup))
    assert "with pg_dump" in said.stderr and "test-secret" not in said.stderr
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert backup.read_bytes().startswith(b"PGDMP") == (name == "diary.dump")
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left beside it
    cli.ok("export", "json", str(tmp_path / "live.json"))
    other = pg_server.empty_database()
    try:
        tool = [binary(restore[0]), *(a.replace("BACKUP", str(backup)) for a in restore[1:])]
        command = [*tool, plain(other.url)] + ([str(backup)] if name == "diary.dump" else [])
        env = dict(os.environ, PGOPTIONS="--client-min-messages=warning")
        subprocess.run(command, check=True, env=env, capture_output=True)
        use(monkeypatch, other)
        cli.ok("export", "json", str(tmp_path / "restored.json"))
        assert (tmp_path / "restored.json").read_text() == (tmp_path / "live.json").read_text()
        assert cli.ok("db", "check").stdout.strip().endswith(": ok")
    finally:
        use(monkeypatch, env_setup)
        other.drop()


def test_backup_without_pg_dump_is_a_json_dump_and_asking_for_sql_is_one_line(
    cli: Cli, env_setup: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(cli)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    backup = tmp_path / "diary.dump"
    said = cli.ok("db", "backup", str(backup))
    assert "as a JSON dump (pg_dump is not on PATH)" in said.stderr
    assert backup.stat().st_mode & 0o777 == 0o600  # the whole diary: its owner's only
    cli.ok("export", "json", str(tmp_path / "live.json"))
    assert backup.read_text() == (tmp_path / "live.json").read_text()
    failed = cli("db", "backup", str(tmp_path / "diary.sql"), "--format", "sql")
    assert failed.exit_code == 1
    assert one_error_line(failed.stderr) == (
        "Error: --format sql needs pg_dump, which is not on PATH; install PostgreSQL's client "
        "tools, or use --format json"
    )
    assert not (tmp_path / "diary.sql").exists()


def test_a_failing_pg_dump_is_one_line_and_leaves_no_file(
    cli: Cli, env_setup: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "pg_dump"  # an older pg_dump meeting a newer server, as pg_dump words it
    fake.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in --file=*) echo half > "${a#--file=}";; esac; done\n'
        'echo "pg_dump: error: aborting because of server version mismatch" >&2\n'
        'echo "pg_dump: detail: server version: 17.2; pg_dump version: 15.18" >&2\n'
        "exit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    out = tmp_path / "out"
    out.mkdir()
    failed = cli("db", "backup", str(out / "diary.dump"))
    assert failed.exit_code == 1
    line = one_error_line(failed.stderr)
    assert line.startswith("Error: pg_dump could not back up postgresql+psycopg://diary_test:***@")
    assert line.endswith(
        ": aborting because of server version mismatch (--format json backs up without pg_dump)"
    )
    assert list(out.iterdir()) == []


def _url(env_setup: Any, *, password: str | None = None, port: int | None = None) -> str:
    from sqlalchemy.engine import make_url

    url = make_url(env_setup.url)
    if password is not None:
        url = url.set(password=password)
    if port is not None:
        url = url.set(port=port)
    return url.render_as_string(hide_password=False)


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"password": "wrong-pa55"}, "the server refused the password for user diary_test"),
        ({"port": 1}, "nothing answers on port 1 (is the server running"),
        ({"database": "no_such_diary"}, "the server has no database no_such_diary"),
    ],
    ids=["password", "port", "database"],
)
def test_connection_failures_name_the_cause(
    cli: Cli, env_setup: Any, change: dict[str, Any], expected: str
) -> None:
    if "database" in change:
        url = env_setup.url.rsplit("/", 1)[0] + "/" + change["database"]
    else:
        url = _url(env_setup, **change)
    for args in (["list"], ["log", "Her"], ["db", "status"], ["db", "check"]):
        failed = cli("--db", url, *args)
        assert failed.exit_code == 1, failed
        line = one_error_line(failed.stderr)
        assert expected in line
        assert "test-secret" not in line and "wrong-pa55" not in line


def test_a_stopped_server_is_one_line(cli: Cli) -> None:
    from tests import pgserver

    folder = pgserver.new_folder()
    url = pgserver.start(folder)
    pgserver.stop(folder)
    failed = cli("--db", pgserver.with_database(url, "diary"), "list")
    assert failed.exit_code == 1
    assert "is the server running" in one_error_line(failed.stderr)
    assert pgserver.PASSWORD not in failed.stderr


def test_a_failed_migration_rolls_back_on_the_server(
    pg_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = pg_server.empty_database()
    engine = make_engine(resolve(db.url))
    try:
        first = migrations.migrations()[0]
        monkeypatch.setattr(migrations, "migrations", lambda: [first])
        migrations.upgrade(engine, "test")

        class Broken:
            VERSION = first.VERSION + 1

            @staticmethod
            def upgrade(connection: Any) -> None:
                connection.exec_driver_sql("CREATE TABLE half_done (id INTEGER)")
                connection.exec_driver_sql("ALTER TABLE film ADD COLUMN extra TEXT")
                raise RuntimeError("boom")

        monkeypatch.setattr(migrations, "migrations", lambda: [first, Broken])
        with pytest.raises(RuntimeError):
            migrations.upgrade(engine, "test")
    finally:
        engine.dispose()
    names = {r[0] for r in rows(db, "SELECT table_name FROM information_schema.tables")}
    columns = {
        r[0]
        for r in rows(
            db, "SELECT column_name FROM information_schema.columns WHERE table_name = 'film'"
        )
    }
    assert "half_done" not in names and "extra" not in columns
    assert rows(db, "SELECT max(version) FROM schema_version") == [(first.VERSION,)]
    db.drop()


def test_two_hosts_writing_at_once_lose_no_write(cli: Cli, env_setup: Any, tmp_path: Path) -> None:
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "Tyler", "--role", "host")
    commands: list[list[str]] = [["import", "letterboxd", str(FIXTURE)]]
    for n in range(6):
        commands.append(["log", f"Shared Night {n}", "--year", "2003", "--by", "Ellen"])
        commands.append(["log", f"Shared Night {n}", "--year", "2003", "--by", "Tyler"])
    commands += [["bp", "tick", "Casablanca", "--by", who] for who in ("Ellen", "Tyler")] * 2
    results = together(tmp_path / "go", *commands)
    failed = [(r.args, r.stderr) for r in results if r.returncode != 0]
    assert failed == []
    per_person = rows(
        env_setup,
        "SELECT p.name, count(*) FROM viewing v JOIN viewing_person vp ON vp.viewing_id = v.id "
        "JOIN person p ON p.id = vp.person_id JOIN film f ON f.id = v.film_id "
        "WHERE f.title LIKE 'Shared Night %' GROUP BY p.name ORDER BY p.name",
    )
    assert per_person == [("Ellen", 6), ("Tyler", 6)]
    films = rows(env_setup, "SELECT count(*) FROM film WHERE title LIKE 'Shared Night %'")
    assert films == [(6,)]  # each title made once, whoever got there first
    ticks = rows(
        env_setup,
        "SELECT p.name, count(*) FROM film_tick t JOIN person p ON p.id = t.person_id "
        "JOIN film f ON f.id = t.film_id WHERE f.title = 'Casablanca' GROUP BY p.name "
        "ORDER BY p.name",
    )
    assert ticks == [("Ellen", 1), ("Tyler", 1)]  # never ticked twice
    assert rows(env_setup, "PRAGMA integrity_check") == [("ok",)]
