"""The charts' structure (series, labels, counts, alt text) and their determinism.

Drawn from the hand-counted sample diary; the SVG is read for the gids every bar, line and
cell carries, never compared pixel by pixel.
"""

import re
from collections.abc import Iterator

import pytest
from sqlmodel import Session

from diary.core.diary.people import list_people
from diary.core.stats.bestpicture import bp_stats
from diary.core.stats.overview import diary_stats
from diary.core.stats.scope import make_scope
from diary.render import charts
from diary.render.chart_draw import draw
from tests.stats_support import build_sample, reading


@pytest.fixture
def db() -> Iterator[Session]:
    build_sample()
    with reading() as session:
        yield session


def year(db: Session, value: int | None = 2024) -> charts.DiaryStats:
    return diary_stats(db, make_scope(value, None, None, list_people(db), False))


def bars(svg: str, series: int) -> int:
    return len(re.findall(rf'<g id="s{series}-\d+"', svg))


def texts(svg: str) -> list[str]:
    """The SVG's text elements, in drawing order (the title first, then the x labels…)."""
    return re.findall(r"<text [^>]*>([^<]*)</text>", svg)


def test_viewings_per_month(db: Session) -> None:
    chart = charts.viewings_per_month(year(db))
    assert chart.categories[:3] == ["Jan", "Feb", "Mar"] and len(chart.categories) == 12
    assert [s.name for s in chart.series] == ["Viewings"]
    assert chart.series[0].values == [3, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert "busiest month was Jan 2024 with 3" in chart.alt
    svg = draw(chart, "svg").decode()
    assert bars(svg, 0) == 12 and bars(svg, 1) == 0
    assert texts(svg)[:12] == chart.categories
    assert "Films watched per month, 2024" in texts(svg)


def test_months_across_years_name_the_year_and_the_undated(db: Session) -> None:
    chart = charts.viewings_per_month(year(db, None))
    assert chart.categories[0] == "Dec 2023" and chart.categories[-1] == "Jan 2025"
    assert "1 viewings without a date are not shown" in chart.alt


def test_ratings_leave_out_a_person_with_none(db: Session) -> None:
    chart = charts.ratings(year(db))
    assert chart.categories == ["0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    assert [s.name for s in chart.series] == ["Ellen", "Tyler"]
    assert chart.series[1].values == [0, 0, 0, 0, 0, 1, 0, 2, 0, 1]
    assert "No ratings from Biscuit." in chart.alt
    svg = draw(chart, "svg").decode()
    assert bars(svg, 0) == 10 and bars(svg, 1) == 10 and bars(svg, 2) == 0
    assert texts(svg)[-2:] == ["Ellen", "Tyler"]  # the legend


def test_bp_progress_lines(db: Session) -> None:
    chart = charts.bp_progress(bp_stats(db, list_people(db)))
    lines = {s.name: s for s in chart.series}
    assert lines["Ellen"].xs == [
        "2023-12-31",
        "2024-01-05",
        "2024-01-06",
        "2024-03-16",
        "2024-07-04",
    ]
    assert lines["Ellen"].values == [1, 2, 3, 4, 4]
    # Biscuit's line starts at what was seen without a date (one hand tick)
    assert lines["Biscuit"].xs[0] == "2023-12-31" and lines["Biscuit"].values == [1, 2, 3]
    assert "Ellen 4 of 621" in chart.alt and "Tyler 1, Biscuit 1" in chart.alt
    svg = draw(chart, "svg").decode()
    assert all(f'<g id="s{i}"' in svg for i in range(3))


def test_bp_decades_strip(db: Session) -> None:
    chart = charts.bp_decades(bp_stats(db, list_people(db)))
    assert len(chart.categories) == 98 and chart.categories[0] == "1"
    ellen = chart.series[0]
    assert ellen.name == "Ellen" and sum(1 for v in ellen.values if v) == 4
    svg = draw(chart, "svg").decode()
    assert all(bars(svg, i) == 98 for i in range(3))


def test_the_same_data_gives_the_same_file(db: Session) -> None:
    chart = charts.ratings(year(db))
    assert draw(chart, "svg") == draw(chart, "svg")
    png = draw(chart, "png")
    assert png == draw(chart, "png") and png.startswith(b"\x89PNG")
    assert b"Description" in png  # the alt text travels with the picture
    svg = draw(chart, "svg").decode()
    assert 'role="img"' in svg and '<title id="chart-title">Ratings, 2024</title>' in svg
    assert "<dc:date>" not in svg


def test_an_empty_year_still_draws(db: Session) -> None:
    stats = year(db, 2020)
    assert "no dated viewings" in charts.viewings_per_month(stats).alt
    assert charts.ratings(stats).series == [] and "no ratings" in charts.ratings(stats).alt
    assert draw(charts.ratings(stats), "svg").startswith(b"<?xml")


def test_years_of_months_are_labelled_a_whole_year_apart() -> None:
    months = [f"{m} {y}" for y in range(2000, 2025) for m in charts.MONTHS]
    chart = charts.Chart(
        "viewings-per-month", "bars", "Months", "alt", months, [charts.Series("V", [1.0] * 300)]
    )
    svg = draw(chart, "svg").decode()
    labels = [t for t in texts(svg) if t[:3] in charts.MONTHS]
    assert bars(svg, 0) == 300
    assert 2 <= len(labels) <= 24 and {label[:3] for label in labels} == {"Jan"}
