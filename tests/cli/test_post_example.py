"""The example installment: built only with CLI commands, it exports the committed Markdown,
and running it again on the same database changes nothing."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.dbaccess import connect
from tests.render.post_support import structure

SCRIPT = ROOT / "examples" / "jaws-installment.sh"
EXPECTED = ROOT / "examples" / "jaws-installment.md"


def run_example(db: Path, formats: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        DIARY=f"{sys.executable} -m diary",
        DIARY_DB=str(db),
        DIARY_FORMATS_DIR=str(formats),
        PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    return subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600
    )


def test_the_example_builds_the_committed_installment_and_can_run_again(
    env_setup: Path, tmp_path: Path
) -> None:
    first = run_example(env_setup, tmp_path / "formats")
    assert first.returncode == 0, first.stderr
    expected = EXPECTED.read_text(encoding="utf-8")
    assert first.stdout == expected
    found = structure(expected)
    assert [h for _, h in found.headings][:3] == ["Jaws", "Previews", "Plots & Feelings"]
    assert len(found.footnotes) == 2 and found.footnote_refs == [1, 2]
    second = run_example(env_setup, tmp_path / "formats")
    assert second.returncode == 0, second.stderr
    assert second.stdout == expected
    with connect(env_setup) as connection:
        assert connection.execute("SELECT count(*) FROM viewing").fetchone() == (1,)
        assert connection.execute("SELECT number, status FROM post").fetchall() == [(75, "ready")]
        people = connection.execute("SELECT name, role FROM person ORDER BY id").fetchall()
    assert people == [("Ellen", "host"), ("Tyler", "host"), ("Waffles", "pet")]
