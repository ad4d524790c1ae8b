"""Our own export's files are read in two passes, dated rows then bare ones; a file with no
bare row is read once, and the progress still ends at its total."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from diary.core.diary.people import add_person
from diary.core.letterboxd.importing import import_letterboxd
from diary.importers.letterboxd import open_source
from diary.store.database import open_session
from diary.store.location import resolve
from tests.importers.test_letterboxd_core import Recorder

HEADER = "Title,Year,WatchedDate,Rating\n"


@pytest.fixture
def session() -> Iterator[Session]:
    with open_session(resolve(None), write=True) as opened:
        yield opened


@pytest.mark.parametrize(
    ("lines", "dated", "undated", "ratings"),
    [
        ("Jaws,1975,2024-02-20,4\nHer,2013,2024-03-01,\n", 2, 0, 0),
        ("Jaws,1975,2024-02-20,4\nHer,2013,,4.5\nJaws,1975,,\n", 1, 1, 1),
        ("Her,2013,,4.5\n", 0, 1, 1),
        ("Jaws,1975,2024-02-20,4\nHer,2013,not a date,\n", 1, 0, 0),
    ],
)
def test_every_row_is_handled_and_progress_ends_at_its_total(
    session: Session, tmp_path: Path, lines: str, dated: int, undated: int, ratings: int
) -> None:
    person = add_person(session, "Ellen")
    export = tmp_path / "export"
    export.mkdir()
    (export / "diary-001.csv").write_text(HEADER + lines)
    recorder = Recorder()
    summary = import_letterboxd(session, open_source(export)[0], person, recorder)
    counts = summary.counts
    assert counts["diary entries"].added == dated
    assert counts["watched, no date"].added == undated
    assert counts["ratings"].added == ratings
    assert recorder.total == 2 * (export / "diary-001.csv").stat().st_size
    assert recorder.done == recorder.total
    assert len(summary.problems) == lines.count("not a date")
