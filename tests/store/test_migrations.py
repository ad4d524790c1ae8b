"""The migrations end exactly where the models are, upgrade with every row kept, and fail safely."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

import diary.store.models  # noqa: F401  (registers every table)
from diary.base.errors import StorageError
from diary.store import migrations
from diary.store.engine import make_engine
from diary.store.location import resolve

pytestmark = pytest.mark.sqlite_only  # upgrades of SQLite files (test_postgres.py: a server)


def _foreign_keys(engine: Any, table: str) -> list[tuple[Any, ...]]:
    """As SQLite itself reads them: a key added with ALTER TABLE keeps its ON DELETE here,
    where SQLAlchemy's reflection reads it only from a table's own FOREIGN KEY clauses."""
    keys: dict[int, list[Any]] = {}
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")').all()
    for key, _seq, referred, column, to, _update, on_delete, _match in sorted(rows):
        found = keys.setdefault(key, [[], referred, [], on_delete])
        found[0].append(column)
        found[2].append(to)
    return sorted((tuple(c), r, tuple(t), d) for c, r, t, d in keys.values())


def describe(url: str) -> dict[str, Any]:
    engine = create_engine(url)
    inspector = inspect(engine)
    schema: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        schema[table] = {
            "columns": sorted(
                (c["name"], str(c["type"]), bool(c["nullable"]), bool(c.get("primary_key")))
                for c in inspector.get_columns(table)
            ),
            "pk": sorted(inspector.get_pk_constraint(table)["constrained_columns"]),
            "fks": _foreign_keys(engine, table),
            "indexes": sorted(
                (tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table)
            ),
            "unique": sorted(
                tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)
            ),
        }
    engine.dispose()
    return schema


def test_migrations_build_the_models_schema(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.db"
    engine = make_engine(resolve(str(migrated)))
    applied = migrations.upgrade(engine, "test")
    engine.dispose()
    assert applied == [m.VERSION for m in migrations.migrations()]

    fresh = tmp_path / "models.db"
    fresh_engine = create_engine(f"sqlite:///{fresh}")
    SQLModel.metadata.create_all(fresh_engine)
    fresh_engine.dispose()

    assert describe(f"sqlite:///{migrated}") == describe(f"sqlite:///{fresh}")


def test_every_version_upgrades_keeping_rows(tmp_path: Path) -> None:
    """A database stopped at each earlier version, with data, upgrades with the data intact."""
    modules = migrations.migrations()
    for stop in modules[:-1]:
        path = tmp_path / f"v{stop.VERSION}.db"
        engine = make_engine(resolve(str(path)))
        with engine.begin() as connection:
            migrations.ensure_version_table(connection)
            for module in modules:
                if module.VERSION > stop.VERSION:
                    break
                module.upgrade(connection)
                connection.exec_driver_sql(
                    f"INSERT INTO schema_version (version) VALUES ({module.VERSION})"
                )
            connection.exec_driver_sql(
                "INSERT INTO person (id, name, name_key, is_default, created_at) "
                "VALUES (1, 'Ellen', 'ellen', 1, '2025-01-01 00:00:00')"
            )
            connection.exec_driver_sql(
                "INSERT INTO film (id, title, year, title_key, created_at) "
                "VALUES (900001, 'Her', 2013, 'her', '2025-01-01 00:00:00')"
            )
        backups: list[int] = []
        applied = migrations.upgrade(engine, str(path), backup=backups.append)
        engine.dispose()
        assert applied == [m.VERSION for m in modules if m.VERSION > stop.VERSION]
        assert backups == [stop.VERSION]
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT name FROM person").fetchall() == [("Ellen",)]
            assert connection.execute("SELECT title FROM film WHERE id = 900001").fetchall() == [
                ("Her",)
            ]


def test_a_newer_database_is_refused_with_both_versions(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    engine = make_engine(resolve(str(path)))
    migrations.upgrade(engine, "test")
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO schema_version (version) VALUES (999)")
    with pytest.raises(StorageError) as caught:
        migrations.upgrade(engine, str(path))
    engine.dispose()
    assert "999" in str(caught.value) and str(migrations.latest_version()) in str(caught.value)


def test_a_failed_migration_rolls_back_completely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "failing.db"
    engine = make_engine(resolve(str(path)))
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
    engine.dispose()
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        columns = {r[1] for r in connection.execute("PRAGMA table_info(film)")}
        version = connection.execute("SELECT max(version) FROM schema_version").fetchone()[0]
    assert "half_done" not in tables
    assert "extra" not in columns
    assert version == first.VERSION
