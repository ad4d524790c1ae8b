"""The example installment: built only with CLI commands, it exports the committed Markdown,
and running it again on the same database changes nothing."""

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.cli.script_runner import run_script
from tests.conftest import ROOT
from tests.render.post_support import structure
from tests.store.helpers import snapshot

SCRIPT = ROOT / "examples" / "jaws-installment.sh"
EXPECTED = ROOT / "examples" / "jaws-installment.md"


def run_example(
    formats: Path, temp: Path, *db: Path, own: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The script, with `own` as the person's own diary (DIARY_DB) that it must leave alone."""
    env: dict[str, str | None] = {"DIARY_FORMATS_DIR": str(formats), "TMPDIR": str(temp)}
    env["DIARY_DB"] = str(own) if own is not None else None
    return run_script(SCRIPT, env, args=tuple(map(str, db)))


def untouched(db: Path) -> object:
    """What must stay as it is: a SQLite diary that is not there (None), or a server's rows."""
    if isinstance(db, Path):
        return db.read_bytes() if db.exists() else None
    return snapshot(db)


@pytest.mark.no_database  # the person's own diary must not even be created
def test_the_example_builds_the_committed_installment_and_can_run_again(
    env_setup: Path, tmp_path: Path
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    before = untouched(env_setup)
    first = run_example(tmp_path / "formats", temp, own=env_setup)
    assert first.returncode == 0, first.stderr
    # Its own database in a new temporary folder, said first and last; the own diary untouched.
    made = next(temp.glob("diary-example.*/diary.db"))
    said = first.stderr.splitlines()
    assert said[0] == f"Example diary: {made}"
    assert said[-1] == f"Example diary: {made} (see it with: diary --db {made} list)"
    assert untouched(env_setup) == before
    expected = EXPECTED.read_text(encoding="utf-8")
    assert first.stdout == expected
    found = structure(expected)
    assert [h for _, h in found.headings][:3] == ["Jaws", "Previews", "Plots & Feelings"]
    assert len(found.footnotes) == 2 and found.footnote_refs == [1, 2]
    second = run_example(tmp_path / "formats", temp, made)
    assert second.returncode == 0, second.stderr
    assert second.stdout == expected
    with sqlite3.connect(made) as connection:  # the example's own SQLite file
        assert connection.execute("SELECT count(*) FROM viewing").fetchone() == (1,)
        assert connection.execute("SELECT number, status FROM post").fetchall() == [(75, "ready")]
        people = connection.execute("SELECT name, role FROM person ORDER BY id").fetchall()
    assert people == [("Ellen", "host"), ("Tyler", "host"), ("Waffles", "pet")]


@pytest.mark.no_database
def test_the_installment_written_as_one_document_exports_as_committed(
    env_setup: Path, tmp_path: Path
) -> None:
    script = ROOT / "examples" / "casablanca-installment.sh"
    # the example makes a database of its own
    env: dict[str, str | None] = {"DIARY_FORMATS_DIR": str(tmp_path / "formats"), "DIARY_DB": None}
    before = untouched(env_setup)
    done = run_script(script, env)
    assert done.returncode == 0, done.stderr
    expected = (ROOT / "examples" / "casablanca-installment.md").read_text(encoding="utf-8")
    assert done.stdout == expected
    assert "Oscar NomNomNomz: 1 award." in done.stderr
    found = structure(expected)
    assert found.footnote_refs == [1, 2] and len(found.footnotes) == 2
    assert {"em_open", "strong_open", "s_open", "link_open"} <= found.inline_types
    assert untouched(env_setup) == before  # the diary the tests point at was never touched
