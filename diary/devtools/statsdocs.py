"""Draw the pictures of docs/stats.md from the sample diary: `python -m diary.devtools.statsdocs`.

A test draws them again and fails when the files in docs/images/stats differ.
"""

import os
import tempfile
from pathlib import Path

from diary.devtools.sample_diary import TODAY

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images" / "stats"
YEAR = 2024


def pictures() -> dict[str, bytes]:
    """File name -> SVG bytes of every chart kind, drawn from a fresh sample diary."""
    from diary.core.diary.people import list_people
    from diary.core.stats.bestpicture import bp_stats
    from diary.core.stats.overview import diary_stats
    from diary.core.stats.scope import make_scope
    from diary.devtools.sample_diary import build
    from diary.render import charts
    from diary.render.chart_draw import draw
    from diary.store import database
    from diary.store.location import resolve

    with tempfile.TemporaryDirectory() as folder:
        where = resolve(str(Path(folder) / "sample.db"))
        try:
            with database.open_session(where, True) as session:
                build(session)
            with database.open_session(where, False) as session:
                people = list_people(session)
                year = diary_stats(session, make_scope(YEAR, None, None, people, False))
                bp = bp_stats(session, people)
        finally:
            database.reset()
    drawn = {
        "viewings-per-month": charts.viewings_per_month(year),
        "ratings": charts.ratings(year),
        "bp-progress": charts.bp_progress(bp),
        "bp-decades": charts.bp_decades(bp),
    }
    return {f"{kind}.svg": draw(chart, "svg") for kind, chart in drawn.items()}


def main() -> None:
    os.environ["DIARY_TODAY"] = TODAY
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, data in pictures().items():
        (IMAGES / name).write_bytes(data)
        print(f"wrote {IMAGES / name}")


if __name__ == "__main__":
    main()
