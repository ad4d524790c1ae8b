"""The year in review as one standalone HTML page: the figures of `diary stats` and charts.

Nothing is fetched and nothing runs: the charts are SVG pictures embedded as data, the
styles sit in the page, and every text from the diary is escaped. It follows the reader's
light or dark setting; the charts carry their own light card, readable on either.
"""

import base64
from collections.abc import Sequence
from html import escape

from diary.core.stats.bestpicture import BestPictureStats
from diary.core.stats.overview import DiaryStats
from diary.render import charts
from diary.render.chart_draw import draw

STYLE = """
:root { color-scheme: light dark; --ink: #222; --paper: #fdfcf9; --soft: #666; --line: #ddd; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #eee; --paper: #1b1b1d; --soft: #aaa; --line: #444; }
}
body { font: 17px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink);
       background: var(--paper); margin: 0; }
main { max-width: 52em; margin: 2em auto; padding: 0 1em; }
h1, h2 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; }
h2 { margin-top: 2em; border-bottom: 1px solid var(--line); padding-bottom: .2em; }
.figures { display: flex; flex-wrap: wrap; gap: 1em 2.5em; padding: 0; list-style: none; }
.figures strong { display: block; font-size: 2em; font-family: Arial, sans-serif; }
img { max-width: 100%; height: auto; border-radius: 6px; }
table { border-collapse: collapse; margin: .5em 0; }
th, td { text-align: left; padding: .2em .8em .2em 0; border-bottom: 1px solid var(--line); }
td.n { text-align: right; }
.note { color: var(--soft); font-size: .9em; }
""".strip()


def year_page(stats: DiaryStats, bp: BestPictureStats | None) -> str:
    what = "The year" if stats.scope.year is not None else "The diary"
    title = f"{what} in review: {stats.scope.label}"
    parts = [f"<h1>{escape(title)}</h1>", _figures(stats)]
    parts += ["<h2>Month by month</h2>", _picture(charts.viewings_per_month(stats))]
    parts += ["<h2>Ratings</h2>", _picture(charts.ratings(stats)), _people(stats)]
    parts += _lists(stats)
    if bp is not None:
        parts += ["<h2>Best Picture</h2>", _picture(charts.bp_progress(bp))]
        parts += [_picture(charts.bp_decades(bp))]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{STYLE}\n</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(parts) + "\n</main>\n</body>\n</html>\n"
    )


def _picture(chart: charts.Chart) -> str:
    data = base64.b64encode(draw(chart, "svg")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{escape(chart.alt)}">'
        f'<figcaption class="note">{escape(chart.alt)}</figcaption></figure>'
    )


def _figures(stats: DiaryStats) -> str:
    days, films = stats.calendar, stats.films
    shown = [
        (days.viewings, "viewings"),
        (films.distinct, "films"),
        (stats.first_watches, "first watches"),
        (stats.rewatches, "rewatches"),
        (days.streak.days, "days in a row at most"),
        (films.hours, "hours watched"),
    ]
    items = "".join(f"<li><strong>{n}</strong>{escape(what)}</li>" for n, what in shown)
    notes = []
    if days.undated:
        notes.append(f"{days.undated} viewings have no date: they count in the totals only.")
    if films.untimed_films:
        notes.append(f"{films.untimed_films} films have no known runtime, so no hours.")
    note = "".join(f'<p class="note">{escape(n)}</p>' for n in notes)
    return f'<ul class="figures">{items}</ul>{note}'


def _table(headings: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headings)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{escape(str(c))}</td>'
            if isinstance(c, int | float)
            else f"<td>{escape(str(c))}</td>"
            for c in row
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _people(stats: DiaryStats) -> str:
    rows = [
        (p.person.name, p.entries, p.rated, "" if p.average is None else p.average)
        for p in stats.people
    ]
    return _table(["Who", "Entries", "Rated", "Average"], rows)


def _lists(stats: DiaryStats) -> list[str]:
    found: list[str] = []
    if stats.best:
        found += [
            "<h2>Highest rated</h2>",
            _table(
                ["Film", "Average", "Ratings"],
                [(r.film.label, r.average, r.ratings) for r in stats.best],
            ),
        ]
    if stats.worst:
        found += [
            "<h2>Lowest rated</h2>",
            _table(
                ["Film", "Average", "Ratings"],
                [(r.film.label, r.average, r.ratings) for r in stats.worst],
            ),
        ]
    if stats.disagreements:
        rows = [
            (
                d.film.label,
                str(d.watched_on or ""),
                d.spread,
                ", ".join(f"{w} {r:g}" for w, r in d.ratings),
            )
            for d in stats.disagreements
        ]
        found += [
            "<h2>Where we disagreed</h2>",
            _table(["Film", "Date", "Stars apart", "Ratings"], rows),
        ]
    company = [
        (c.person, ", ".join(f"{w} ({n})" for w, n in c.with_whom[:3]))
        for c in stats.company
        if c.with_whom
    ]
    if company:
        found += ["<h2>Who watched with whom</h2>", _table(["Who", "Most often with"], company)]
    for title, pairs in (
        ("Release decades", stats.films.decades),
        ("Tags", stats.tags),
        ("Places", stats.places),
    ):
        if pairs:
            found += [f"<h2>{escape(title)}</h2>", _table(["", "Viewings"], pairs)]
    return found
