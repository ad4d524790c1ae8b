"""Film facts for people and scripts: what an imported page gave, and `film show`'s detail."""

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from diary.base.echo import echo, escape_controls
from diary.base.words import counted
from diary.core.diary.ratings import as_number, stars
from diary.core.films.details import FilmDetails, Nomination
from diary.core.films.facts import Changes, ImportResult
from diary.core.films.findings import Fact, Findings
from diary.core.films.lookup import label
from diary.render.diary import film_dict
from diary.render.review_text import readable
from diary.store.models import FilmFact, FilmReview, FilmScore

PAGE_KINDS = {"wikipedia": "Wikipedia article", "metacritic": "Metacritic page", "review": "Review"}
LABELS = {
    "director": "Directed by",
    "star": "Starring",
    "runtime": "Runtime",
    "release_date": "Released",
    "genre": "Genre",
    "content_rating": "Rated",
    "budget": "Budget",
    "box_office": "Box office",
    "short_plot": "Short plot",
    "description": "Description",
    "synopsis": "Synopsis",
    "fun_fact": "Fun facts",
    "section": "Sections",
}
METRICS = {
    "metascore": "Metascore",
    "user_score": "User score",
    "tomatometer": "Tomatometer",
    "rt_average": "RT average",
    "cinemascore": "CinemaScore",
}
_LISTED = ("director", "star", "genre")


def plain(text: str) -> Text:
    """Text shown as it is: brackets in a title or an excerpt are never rich markup, and a
    control character from a page is shown escaped, never sent to the terminal."""
    return Text(escape_controls(text, keep_lines=True))


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _value(kind: str, values: Sequence[tuple[str, str | None]], full: bool) -> str:
    if kind in _LISTED:
        return ", ".join(value for value, _ in values)
    if kind == "runtime":
        return "; ".join(f"{value} minutes" for value, _ in values)
    if kind == "synopsis":
        text = values[0][0]
        return text if full else _clip(text.split("\n\n")[0], 300)
    if kind == "fun_fact":
        per_section = Counter(detail or "?" for _, detail in values)
        sections = ", ".join(f"{k} {n}" for k, n in per_section.items())
        return f"{counted(len(values), 'candidates')} ({sections})"
    if kind == "section":
        tops = [v for v, d in values if d is None]
        more = ", …" if len(tops) > 10 else ""
        return f"{len(values)} ({', '.join(tops[:10])}{more})"
    return "; ".join(f"{value} ({detail})" if detail else value for value, detail in values)


# --- what an import found and changed ------------------------------------------------------


def found_table(findings: Findings) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    grouped: dict[str, list[Fact]] = defaultdict(list)
    for fact in findings.facts:
        grouped[fact.kind].append(fact)
    for kind, facts in grouped.items():
        name = LABELS.get(kind, kind.replace("_", " ").capitalize())
        table.add_row(name, plain(_value(kind, [(f.value, f.detail) for f in facts], False)))
    if findings.scores:
        table.add_row(
            "Scores",
            plain(
                "; ".join(
                    f"{METRICS.get(s.metric, s.metric)} {_quoted(s)}" for s in findings.scores
                )
            ),
        )
    if findings.reviews:
        table.add_row("Reviews", plain(_reviews_line(findings)))
    return table


def _quoted(score: Any) -> str:
    return f"{score.value} ({score.count})" if score.count else score.value


def _reviews_line(findings: Findings) -> str:
    if findings.kind == "review":
        review = findings.reviews[0]
        said = [review.critic, review.publication]
        said.append(review.published_on.isoformat() if review.published_on else None)
        said.append(f"{review.score}/100" if review.score is not None else None)
        who = " · ".join(x for x in said if x)
        return f"{review.title or 'untitled'}" + (f" — {who}" if who else "")
    count = len(findings.reviews)
    return f"{count} critic review{'s' * (count != 1)}"


def heading(result: ImportResult) -> Text:
    kind = PAGE_KINDS.get(result.findings.kind, result.findings.kind)
    named = f" '{echo(result.findings.page_title)}'" if result.findings.page_title else ""
    return plain(f"{kind}{named} → {label(result.film)} (film {result.film.id})")


def _counts(what: str, changes: Changes) -> str | None:
    parts = [
        f"{number} {verb}"
        for number, verb in (
            (changes.added, "added"),
            (changes.changed, "changed"),
            (changes.removed, "removed"),
        )
        if number
    ]
    return f"{what} {', '.join(parts)}" if parts else None


def changed_lines(result: ImportResult) -> list[str]:
    """The messages for stderr: what the import did to the database."""
    if result.already_imported:
        when = result.page.imported_at.date().isoformat()
        return [
            f"This page was already imported for {label(result.film)} on {when}; nothing changed."
        ]
    lines = [f"Added the film {label(result.film)}."] if result.created_film else []
    parts = [
        text
        for text in (
            _counts("facts:", result.facts),
            _counts("scores:", result.scores),
            _counts("reviews:", result.reviews),
        )
        if text
    ]
    if parts:
        lines.append(f"Stored on {label(result.film)}: {'; '.join(parts)}.")
    else:
        lines.append(f"Nothing new for {label(result.film)}; the page is recorded as imported.")
    lines += result.notes
    if result.findings.dropped_controls:
        dropped = counted(result.findings.dropped_controls, "lines")
        lines.append(f"Dropped control characters from {dropped} of the page.")
    if result.findings.missing:
        lines.append(
            f"Not read from this page: {', '.join(result.findings.missing)} "
            "(not on the page, or in a layout diary does not know)."
        )
    return lines


def _changes_dict(changes: Changes) -> dict[str, int]:
    return {"added": changes.added, "changed": changes.changed, "removed": changes.removed}


def findings_dict(findings: Findings) -> dict[str, Any]:
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in findings.facts:
        facts[fact.kind].append({"value": fact.value, "detail": fact.detail})
    return {
        "kind": findings.kind,
        "source": findings.source,
        "title": findings.title,
        "year": findings.year,
        "missing": findings.missing,
        "dropped_controls": findings.dropped_controls,
        "facts": dict(facts),
        "scores": [
            {"metric": s.metric, "value": s.value, "count": s.count} for s in findings.scores
        ],
        "reviews": [
            {
                "publication": r.publication,
                "critic": r.critic,
                "score": r.score,
                "date": r.published_on.isoformat() if r.published_on else None,
                "title": r.title,
                "excerpt": r.excerpt,
                "url": r.url,
            }
            for r in findings.reviews
        ],
    }


def import_dict(result: ImportResult) -> dict[str, Any]:
    return {
        "film": film_dict(result.film),
        "created_film": result.created_film,
        "already_imported": result.already_imported,
        "page": {
            "kind": result.page.kind,
            "title": result.page.title,
            "url": result.page.url,
            "digest": result.page.digest,
        },
        "found": findings_dict(result.findings),
        "changes": {
            "facts": _changes_dict(result.facts),
            "scores": _changes_dict(result.scores),
            "reviews": _changes_dict(result.reviews),
        },
        "notes": result.notes,
    }


# --- `film show` ----------------------------------------------------------------------------


def facts_table(facts: Sequence[FilmFact], full: bool) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    table.add_column(style="dim", no_wrap=True)
    grouped: dict[tuple[str, str], list[FilmFact]] = defaultdict(list)
    order = list(LABELS)
    for fact in sorted(facts, key=lambda f: (_rank(order, f.kind), f.kind, f.source, f.position)):
        grouped[(fact.kind, fact.source)].append(fact)
    for (kind, source), rows in grouped.items():
        name = LABELS.get(kind, kind.replace("_", " ").capitalize())
        table.add_row(name, plain(_value(kind, [(f.value, f.detail) for f in rows], full)), source)
        if full and kind == "fun_fact":
            for fact in rows:
                table.add_row("", plain(f"• {fact.value} ({fact.detail})"), "")
        if full and kind == "section":
            for fact in rows:
                table.add_row("", plain(("    " if fact.detail else "") + fact.value), "")
    return table


def _rank(order: list[str], kind: str) -> int:
    return order.index(kind) if kind in order else len(order)


def scores_table(scores: Sequence[FilmScore]) -> Table:
    table = Table(title="Scores")
    table.add_column("Metric")
    table.add_column("Value", justify="right")
    table.add_column("Reviews/votes", justify="right")
    table.add_column("Source")
    table.add_column("Recorded")
    for score in scores:
        table.add_row(
            METRICS.get(score.metric, score.metric),
            plain(score.value),
            str(score.count) if score.count else "",
            plain(score.source),
            score.recorded_at.date().isoformat(),
        )
    return table


def reviews_table(reviews: Sequence[FilmReview], full: bool) -> Table:
    shown = list(reviews) if full else list(reviews)[:5]
    title = (
        "Reviews"
        if len(shown) == len(reviews)
        else f"Reviews ({len(shown)} of {len(reviews)}; --full for all)"
    )
    table = Table(title=title)
    table.add_column("Score", justify="right")
    table.add_column("Publication")
    table.add_column("Critic")
    table.add_column("Date", no_wrap=True)
    table.add_column("Excerpt")
    table.add_column("From")
    for review in shown:
        table.add_row(
            "" if review.score is None else str(review.score),
            plain(review.publication or ""),
            plain(review.critic or ""),
            review.published_on.isoformat() if review.published_on else "",
            readable(review.excerpt or review.title or "", 400 if full else 120),
            plain(review.source),
        )
    return table


def film_lines(details: FilmDetails) -> list[RenderableType]:
    """The head of `film show`: the film, its ids and other titles, its nominations."""
    head = Text(label(details.film), style="bold")
    head.append(f"  (film {details.film.id})", style="")
    lines: list[RenderableType] = [head]
    if details.ids:
        lines.append(plain("Ids: " + ", ".join(f"{k} {v}" for k, v in sorted(details.ids.items()))))
    if details.aliases:
        lines.append(plain("Also known as: " + "; ".join(details.aliases)))
    lines += [plain(nomination_line(n)) for n in details.nominations]
    return lines


def comment_lines(details: FilmDetails) -> list[RenderableType]:
    return [
        plain(f"{row.person.name}'s Spreadsheet comment: {row.comment.text}")
        for row in details.comments
    ]


def opinion_lines(details: FilmDetails) -> list[RenderableType]:
    """'Ellen rates it ★★★★½ ♥ (letterboxd, 2024-03-01).' for ratings outside a viewing."""
    lines: list[RenderableType] = []
    for opinion in details.opinions:
        said = [f"rates it {stars(opinion.rating)}"] if opinion.rating else []
        if opinion.liked:
            said.append("likes it ♥")
        origin = ", ".join(
            bit for bit in (opinion.source, opinion.on.isoformat() if opinion.on else None) if bit
        )
        lines.append(
            plain(f"{opinion.person} {' and '.join(said)}" + (f" ({origin})." if origin else "."))
        )
    return lines


def nomination_line(nomination: Nomination) -> str:
    ceremony = (
        f"the {ordinal(nomination.ceremony)} Academy Awards"
        if nomination.ceremony
        else "the Oscars"
    )
    year = f" ({nomination.label} films)" if nomination.label else ""
    outcome = "Won Best Picture" if nomination.winner else "Nominated for Best Picture"
    return f"{outcome} at {ceremony}{year}."


def details_dict(details: FilmDetails) -> dict[str, Any]:
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in details.facts:
        facts[fact.kind].append(
            {
                "value": fact.value,
                "detail": fact.detail,
                "source": fact.source,
                "position": fact.position,
            }
        )
    return {
        "opinions": [
            {
                "person": o.person,
                "rating": as_number(o.rating),
                "liked": o.liked,
                "date": o.on.isoformat() if o.on else None,
                "source": o.source,
            }
            for o in details.opinions
        ],
        "facts": dict(facts),
        "scores": [
            {
                "metric": s.metric,
                "value": s.value,
                "count": s.count,
                "source": s.source,
                "recorded_at": s.recorded_at.isoformat(timespec="seconds"),
            }
            for s in details.scores
        ],
        "reviews": [
            {
                "source": r.source,
                "publication": r.publication,
                "critic": r.critic,
                "score": r.score,
                "date": r.published_on.isoformat() if r.published_on else None,
                "title": r.title,
                "excerpt": r.excerpt,
                "text": r.text,
                "url": r.url,
            }
            for r in details.reviews
        ],
        "pages": [
            {
                "kind": p.kind,
                "title": p.title,
                "url": p.url,
                "imported_at": p.imported_at.isoformat(timespec="seconds"),
            }
            for p in details.pages
        ],
        "best_picture": [
            {
                "ceremony": n.ceremony,
                "label": n.label,
                "winner": n.winner,
                "listed_title": n.listed_title,
            }
            for n in details.nominations
        ],
    }
