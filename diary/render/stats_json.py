"""`diary stats --json` and `diary stats bp --json`: every figure as a JSON-ready dict.

The shapes are documented in docs/stats.md; ratings are in stars (4.5), dates ISO.
"""

from typing import TYPE_CHECKING, Any

from diary.core.diary.ratings import as_text

if TYPE_CHECKING:  # each shape loads only the figures it holds
    from diary.core.stats.bestpicture import BestPictureStats
    from diary.core.stats.overview import DiaryStats
    from diary.core.stats.ratings import RatedFilm


def stats_dict(stats: "DiaryStats") -> dict[str, Any]:
    scope, days, films = stats.scope, stats.calendar, stats.films
    return {
        "period": {
            "label": scope.label,
            "year": scope.year,
            "from": scope.start.isoformat() if scope.start else None,
            "to": scope.end.isoformat() if scope.end else None,
        },
        "people": [p.name for p in scope.people],
        "viewings": days.viewings,
        "undated": days.undated,
        "films": films.distinct,
        "first_watches": stats.first_watches,
        "rewatches": stats.rewatches,
        "months": [{"month": m, "viewings": n} for m, n in days.months],
        "weekdays": [{"weekday": d, "viewings": n} for d, n in days.weekdays],
        "streak": {
            "days": days.streak.days,
            "from": days.streak.start.isoformat() if days.streak.start else None,
            "to": days.streak.end.isoformat() if days.streak.end else None,
        },
        "busiest_day": (
            {"date": days.busiest_day[0].isoformat(), "viewings": days.busiest_day[1]}
            if days.busiest_day
            else None
        ),
        "ratings": [
            {
                "person": p.person.name,
                "entries": p.entries,
                "first_watches": p.first_watches,
                "rewatches": p.rewatches,
                "rated": p.rated,
                "average": p.average,
                "histogram": {as_text(h): n for h, n in sorted(p.histogram.items())},
            }
            for p in stats.people
        ],
        "decades": [{"decade": d, "viewings": n} for d, n in films.decades],
        "tags": [{"tag": t, "viewings": n} for t, n in stats.tags],
        "places": [{"place": p, "viewings": n} for p, n in stats.places],
        "company": [
            {"person": c.person, "with": [{"person": w, "viewings": n} for w, n in c.with_whom]}
            for c in stats.company
        ],
        "hours": {
            "hours": films.hours,
            "minutes": films.minutes,
            "viewings_with_runtime": films.timed_viewings,
            "films_without_runtime": films.untimed_films,
        },
        "highest_rated": [_rated(r) for r in stats.best],
        "lowest_rated": [_rated(r) for r in stats.worst],
        "disagreements": [
            {
                "film": d.film.label,
                "title": d.film.title,
                "year": d.film.year,
                "date": d.watched_on.isoformat() if d.watched_on else None,
                "spread": d.spread,
                "ratings": [{"person": who, "rating": r} for who, r in d.ratings],
            }
            for d in stats.disagreements
        ],
    }


def _rated(found: "RatedFilm") -> dict[str, Any]:
    film = found.film
    return {
        "film": film.label,
        "title": film.title,
        "year": film.year,
        "average": found.average,
        "ratings": found.ratings,
    }


def bp_stats_dict(stats: "BestPictureStats") -> dict[str, Any]:
    from diary.render.bp_progress import progress_dict

    found = stats.progress
    people = found.people
    return {
        "people": [p.name for p in people],
        "progress": progress_dict(found),
        "over_time": [
            {
                "person": line.person.name,
                "undated": line.undated,
                "seen": line.seen,
                "points": [{"date": d.isoformat(), "seen": n} for d, n in line.points],
            }
            for line in stats.timelines
        ],
        "left_by_decade": [
            {
                "decade": part.label,
                "total": part.all.total,
                "left": {p.name: part.all.total - part.all.seen.get(p.id or 0, 0) for p in people},
                "left_by_all": part.all.neither,
            }
            for part in found.decades
        ],
        "seen_by_everyone": [{"title": t, "year": y} for t, y in stats.everyone],
    }
