"""The connect hook, write transactions, storage errors and where the database is."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from diary.base.errors import StorageError
from diary.store import database, migrations
from diary.store.engine import make_engine, session_scope
from diary.store.location import Location, mask_url, resolve

pytestmark = pytest.mark.sqlite_only  # the connect hook, locks and files of SQLite


@pytest.fixture
def location(tmp_path: Path) -> Location:
    return resolve(str(tmp_path / "diary.db"))


def pragma(session: object, name: str) -> object:
    return session.exec(text(f"PRAGMA {name}")).one()[0]  # type: ignore[attr-defined]


def test_every_connection_gets_the_pragmas(location: Location) -> None:
    engine = database.engine_for(location, write=True)
    # Several connections at once, so the pool cannot hand back one already set up.
    with session_scope(engine, write=False) as first, session_scope(engine, write=True) as second:
        for session in (first, second):
            assert pragma(session, "foreign_keys") == 1
            assert pragma(session, "journal_mode") == "wal"
            assert pragma(session, "busy_timeout") > 0
    database.reset()


def test_foreign_keys_are_enforced(location: Location) -> None:
    engine = database.engine_for(location, write=True)
    with pytest.raises(IntegrityError) as caught:
        with session_scope(engine, write=True) as session:
            session.exec(  # type: ignore[call-overload]
                text(
                    "INSERT INTO viewing (film_id, created_at, updated_at) "
                    "VALUES (987654321, '2025-01-01', '2025-01-01')"
                )
            )
    assert "FOREIGN KEY constraint failed" in str(caught.value)
    database.reset()


def test_a_write_session_takes_the_write_lock_at_once(location: Location) -> None:
    engine = database.engine_for(location, write=True)
    other = sqlite3.connect(location.path, timeout=0, isolation_level=None)  # type: ignore[arg-type]
    try:
        with session_scope(engine, write=True) as session:
            session.exec(text("SELECT count(*) FROM person")).one()  # reads only, so far
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # released at commit
        other.rollback()
        with session_scope(engine, write=False) as session:
            session.exec(text("SELECT count(*) FROM person")).one()
            other.execute("BEGIN IMMEDIATE")  # a read session leaves the write lock free
            other.rollback()
    finally:
        other.close()
        database.reset()


def test_a_failing_block_rolls_back_everything(location: Location) -> None:
    engine = database.engine_for(location, write=True)
    with pytest.raises(RuntimeError), session_scope(engine, write=True) as session:
        session.exec(  # type: ignore[call-overload]
            text(
                "INSERT INTO person (name, name_key, is_default, created_at) "
                "VALUES ('Ann', 'ann', 1, '2025-01-01')"
            )
        )
        raise RuntimeError("half way")
    with session_scope(engine, write=False) as session:
        assert session.exec(text("SELECT count(*) FROM person")).one()[0] == 0
    database.reset()


def test_a_fresh_database_is_built_to_the_latest_version(location: Location) -> None:
    database.engine_for(location, write=False)
    database.reset()
    assert location.path is not None
    with sqlite3.connect(location.path) as connection:
        version = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    connection.close()
    assert version == migrations.latest_version()
    assert migrations.latest_version() == max(m.VERSION for m in migrations.migrations())


def test_current_version_of_empty_ours_and_foreign(tmp_path: Path) -> None:
    empty = make_engine(resolve(str(tmp_path / "empty.db")))
    with empty.connect() as connection:
        assert migrations.current_version(connection) == 0
    empty.dispose()

    foreign_path = tmp_path / "foreign.db"
    with sqlite3.connect(foreign_path) as raw:
        raw.execute("CREATE TABLE recipes (name TEXT)")
    raw.close()
    foreign = make_engine(resolve(str(foreign_path)))
    with foreign.connect() as connection, pytest.raises(StorageError, match="not made by diary"):
        migrations.current_version(connection)
    foreign.dispose()
    with sqlite3.connect(foreign_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # left as it was
    raw.close()


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", "database is busy, try again"),
        ("file is not a database", "is damaged (file is not a database); run `diary db check`"),
        ("database disk image is malformed", "is damaged"),
        ("no such table: nowhere", "database error in"),
    ],
)
def test_storage_failures_become_one_line(location: Location, message: str, expected: str) -> None:
    error = database.translate(sqlite3.OperationalError(message), location)
    assert expected in error.message
    assert "\n" not in error.message


def test_location_from_option_environment_or_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given = resolve(str(tmp_path / "a.db"))
    assert (given.path, given.is_default) == (tmp_path / "a.db", False)
    monkeypatch.delenv("DIARY_DB")
    default = resolve(None)
    assert default.is_default and default.path is not None and default.path.name == "diary.db"
    url = resolve(f"sqlite:///{tmp_path}/b.db")
    assert url.path == tmp_path / "b.db"
    memory = resolve("sqlite:///:memory:")
    assert memory.path is None
    monkeypatch.setenv("DIARY_DB", str(tmp_path / "c.db"))
    assert resolve(None).path == tmp_path / "c.db"
    assert resolve(str(tmp_path / "d.db")).path == tmp_path / "d.db"  # --db wins


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ann:secret@host/db", "postgresql://ann:***@host/db"),
        ("postgresql://ann:p@ss:w@rd@host:5432/db", "postgresql://ann:***@host:5432/db"),
        ("postgresql://ann@host/db", "postgresql://ann@host/db"),
        ("sqlite:////tmp/diary.db", "sqlite:////tmp/diary.db"),
    ],
)
def test_a_password_is_masked(url: str, shown: str) -> None:
    assert mask_url(url) == shown
    assert "secret" not in resolve(url).shown and "w@rd" not in resolve(url).shown


@pytest.mark.parametrize(
    ("setting", "args", "message"),
    [
        (
            {"DIARY_BUSY_TIMEOUT_MS": "ten"},
            ["people", "list"],
            "Error: DIARY_BUSY_TIMEOUT_MS must be a whole number of milliseconds: 'ten'",
        ),
        (
            {"DIARY_TODAY": "2025-13-01"},
            ["people", "add", "Ann"],
            "Error: DIARY_TODAY must be a date, YYYY-MM-DD: '2025-13-01'",
        ),
    ],
    ids=["busy timeout", "today"],
)
def test_a_bad_setting_in_the_environment_is_one_line(
    env_setup: Path, setting: dict[str, str], args: list[str], message: str
) -> None:
    from tests.conftest import run_diary

    result = run_diary(*args, env=setting)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [message]
    assert not env_setup.exists() or sqlite3.connect(env_setup).execute(
        "SELECT count(*) FROM person"
    ).fetchone() == (0,)


def test_the_busy_timeout_comes_from_the_environment(
    location: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIARY_BUSY_TIMEOUT_MS", "1234")
    engine = database.engine_for(location, write=True)
    with session_scope(engine, write=False) as session:
        assert pragma(session, "busy_timeout") == 1234
    database.reset()


def test_an_immediate_busy_answer_is_asked_again_within_the_budget() -> None:
    from sqlalchemy.exc import OperationalError

    from diary.store.engine import retry_busy

    answers = iter(["database is locked", "database is busy", None])

    def attempt() -> str:
        answer = next(answers)
        if answer:
            raise OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError(answer))
        return "written"

    assert retry_busy(attempt, budget_ms=5000) == "written"

    def always_busy() -> str:
        raise OperationalError(
            "BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked")
        )

    with pytest.raises(OperationalError):
        retry_busy(always_busy, budget_ms=200)  # gives up once the budget is spent

    calls = []

    def broken() -> str:
        calls.append(1)
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("no such table: film"))

    with pytest.raises(OperationalError):
        retry_busy(broken, budget_ms=5000)
    assert calls == [1]  # anything but "busy" is never retried
