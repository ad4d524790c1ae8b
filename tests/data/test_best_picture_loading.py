"""Migration 5 loads the Best Picture checklist into new databases and reuses films in old ones."""

import sqlite3
from pathlib import Path

import pytest

from diary.base.titles import title_key
from diary.store import migrations
from diary.store.engine import make_engine
from diary.store.location import resolve

pytestmark = pytest.mark.sqlite_only  # loads SQLite files it makes itself


def build(path: Path, stop: int | None = None) -> None:
    """A database migrated fully, or only up to version `stop`."""
    engine = make_engine(resolve(str(path)))
    if stop is None:
        migrations.upgrade(engine, "test")
    else:
        with engine.begin() as connection:
            migrations.ensure_version_table(connection)
            for module in migrations.migrations():
                if module.VERSION > stop:
                    break
                module.upgrade(connection)
                connection.exec_driver_sql(
                    f"INSERT INTO schema_version (version) VALUES ({module.VERSION})"
                )
    engine.dispose()


def query(path: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


def one(path: Path, sql: str, *args: object) -> object:
    return query(path, sql, *args)[0][0]


def test_a_new_database_holds_the_whole_checklist(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    build(db)
    assert query(db, "SELECT slug, name, kind FROM checklist") == [
        ("best-picture", "Best Picture", "builtin")
    ]
    assert one(db, "SELECT count(*) FROM checklist_group") == 98
    assert one(db, "SELECT count(*) FROM checklist_item") == 621
    assert one(db, "SELECT count(*) FROM film") == 621
    assert one(db, "SELECT count(*) FROM film_external_id WHERE source = 'imdb'") == 621
    per_group = query(
        db,
        "SELECT g.number, g.label, sum(i.winner), count(*) FROM checklist_group g "
        "JOIN checklist_item i ON i.group_id = g.id GROUP BY g.id ORDER BY g.number",
    )
    assert [row[0] for row in per_group] == list(range(1, 99))
    assert all(row[2] == 1 for row in per_group)
    assert per_group[0][1] == "1927/28" and per_group[-1][1] == "2025"
    winner = query(
        db,
        "SELECT f.title, f.year, e.value FROM checklist_item i JOIN film f ON f.id = i.film_id "
        "JOIN checklist_group g ON g.id = i.group_id "
        "JOIN film_external_id e ON e.film_id = f.id WHERE g.number = 1 AND i.winner",
    )
    assert winner == [("Wings", 1928, "tt0018578")]


def test_stored_title_keys_are_the_programs_own(tmp_path: Path) -> None:
    db = tmp_path / "keys.db"
    build(db)
    for title, key in query(db, "SELECT title, title_key FROM film"):
        assert key == title_key(title)
    for alias, key in query(db, "SELECT alias, alias_key FROM film_alias"):
        assert key == title_key(alias)


def test_alias_spellings_with_their_kind(tmp_path: Path) -> None:
    db = tmp_path / "aliases.db"
    build(db)
    rows = query(
        db,
        "SELECT f.title, f.year, a.alias, a.kind FROM film_alias a JOIN film f ON f.id = a.film_id",
    )
    assert ("Sunset Blvd.", 1950, "Sunset Boulevard", "abbreviation") in rows
    assert ("Les Miserables", 1935, "Les Misérables", "accents") in rows
    assert ("CODA", 2021, "Coda", "capitals") in rows
    assert (
        "Precious: Based on the Novel 'Push' by Sapphire",
        2009,
        "Precious",
        "short title",
    ) in rows
    assert (
        "Once upon a Time...in Hollywood",
        2019,
        "Once Upon a Time… in Hollywood",
        "punctuation",
    ) in rows


def test_an_older_database_keeps_its_films_and_gains_the_list(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    build(db, stop=3)
    with sqlite3.connect(db) as connection:
        connection.executescript(
            """
            INSERT INTO person (id, name, name_key, is_default, created_at)
                VALUES (1, 'Ellen', 'ellen', 1, '2025-01-01 00:00:00');
            INSERT INTO film (id, title, year, title_key, created_at) VALUES
                (1, 'Her', 2013, 'her', '2025-01-01 00:00:00'),
                (2, 'Sunset Boulevard', 1950, 'sunset boulevard', '2025-01-01 00:00:00'),
                (3, 'Wings', 1927, 'wings', '2025-01-01 00:00:00'),
                (4, 'Little Women', 1994, 'little women', '2025-01-01 00:00:00'),
                (5, 'Parasite (Gisaengchung)', 2019, 'parasite gisaengchung',
                    '2025-01-01 00:00:00');
            INSERT INTO film_external_id (film_id, source, value) VALUES (5, 'imdb', 'tt6751668');
            INSERT INTO viewing (id, film_id, watched_on, created_at, updated_at)
                VALUES (1, 3, '2024-05-01', '2025-01-01 00:00:00', '2025-01-01 00:00:00');
            INSERT INTO viewing_person (viewing_id, person_id, rating, liked, rewatch)
                VALUES (1, 1, 8, 0, 0);
            """
        )
    build(db)

    def listed(film_id: int) -> list[tuple]:
        return query(
            db,
            "SELECT i.listed_title, i.listed_year FROM checklist_item i WHERE i.film_id = ?",
            film_id,
        )

    assert listed(1) == [("Her", 2013)]
    assert listed(2) == [("Sunset Blvd.", 1950)]
    assert listed(3) == [("Wings", 1928)]  # a year apart, and the only candidate
    assert listed(4) == []  # a remake never stands in for a nominee
    assert listed(5) == [("Parasite", 2019)]  # found by its IMDb id
    assert one(db, "SELECT count(*) FROM film") == 621 + 1
    assert one(db, "SELECT count(*) FROM checklist_item") == 621
    assert query(db, "SELECT title, year FROM film WHERE id <= 5 ORDER BY id") == [
        ("Her", 2013),
        ("Sunset Boulevard", 1950),
        ("Wings", 1927),
        ("Little Women", 1994),
        ("Parasite (Gisaengchung)", 2019),
    ]
    assert query(db, "SELECT count(*) FROM film WHERE title_key = 'little women'") == [(3,)]
    assert one(db, "SELECT count(*) FROM film_external_id WHERE value = 'tt6751668'") == 1
    academy = "SELECT film_id, alias FROM film_alias WHERE kind = 'academy spelling'"
    assert sorted(query(db, academy)) == [(2, "Sunset Blvd."), (5, "Parasite")]
