"""Storing what a saved page says about a film: its facts, scores and reviews.

The same page (by digest) imported twice for a film changes nothing. A newer page from the
same source replaces that source's facts of each kind the page states, keeps the kinds it
does not mention, and updates that source's scores; another source's facts and scores are
never touched, so where Wikipedia and Metacritic disagree both are kept.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.echo import echo
from diary.base.errors import Ambiguous, NotFound
from diary.base.titles import display, title_key
from diary.core.films.findings import Fact, Findings, Review, Score
from diary.core.films.lookup import add_film, films_with_key, label
from diary.core.films.matcher import Candidate, closest
from diary.store.models import Film, FilmFact, FilmPage, FilmReview, FilmScore


@dataclass
class Changes:
    added: int = 0
    changed: int = 0
    removed: int = 0

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass
class ImportResult:
    film: Film
    page: FilmPage
    findings: Findings
    created_film: bool = False
    already_imported: bool = False
    facts: Changes = field(default_factory=Changes)
    scores: Changes = field(default_factory=Changes)
    reviews: Changes = field(default_factory=Changes)
    notes: list[str] = field(default_factory=list)  # e.g. a score that moved: "91 → 92"

    @property
    def changed_anything(self) -> bool:
        return self.facts.any or self.scores.any or self.reviews.any


def import_page(
    session: Session, findings: Findings, digest: str, film: Film | None = None
) -> ImportResult:
    """Store the page's findings on `film` (or the film the page names, created if new)."""
    created = False
    notes: list[str] = []
    if film is None:
        film, created, note = film_for(session, findings)
        notes += [note] if note else []
    elif (note := _other_film(session, findings, film)) is not None:
        notes.append(note)
    assert film.id is not None
    seen = session.exec(
        select(FilmPage).where(
            FilmPage.film_id == film.id, FilmPage.kind == findings.kind, FilmPage.digest == digest
        )
    ).first()
    if seen is not None:
        return ImportResult(film, seen, findings, already_imported=True)
    page = FilmPage(
        film_id=film.id,
        kind=findings.kind,
        digest=digest,
        title=findings.page_title,
        url=findings.url,
        imported_at=clock.now(),
    )
    session.add(page)
    result = ImportResult(film, page, findings, created_film=created, notes=notes)
    _store_facts(session, film.id, findings.source, findings.facts, result.facts)
    _store_scores(session, film.id, findings.source, findings.scores, result)
    _store_reviews(session, film.id, findings.source, findings.reviews, result.reviews)
    session.flush()
    return result


def film_for(session: Session, findings: Findings) -> tuple[Film, bool, str | None]:
    """The film a page is about: (film, created, a note when the year was off by one)."""
    if not findings.title:
        raise NotFound("the page does not say which film it is about; give --film FILM")
    key = title_key(findings.title)
    named = display(echo(findings.title), findings.year)
    candidates = films_with_key(session, key, findings.year)
    note = None
    if not candidates and findings.year is not None:
        # the matcher's year rule, every film of the title counting as a candidate
        same = [f for f in films_with_key(session, key, None) if f.year is not None]
        near = closest(findings.year, [Candidate(f, (f.year or 0,), True) for f in same]).items
        if len(near) == 1:
            note = f"The page says {findings.year}; using {label(near[0])}."
        candidates = near
    if len(candidates) == 1:
        return candidates[0], False, note
    if len(candidates) > 1:
        names = ", ".join(label(f) for f in candidates)
        raise Ambiguous(f"the page is about '{named}', which could be {names}; give --film")
    if findings.year is None:
        raise NotFound(
            f"no film called '{echo(findings.title)}' here and the page gives no year; "
            "add it with `diary film add` or give --film"
        )
    return add_film(session, findings.title, findings.year), True, None


def _other_film(session: Session, findings: Findings, film: Film) -> str | None:
    """A note when the page names another film than the one --film chose (kept as asked)."""
    if not findings.title:
        return None
    same_title = film in films_with_key(session, title_key(findings.title), None)
    near_year = findings.year is None or film.year is None or abs(film.year - findings.year) <= 1
    if same_title and near_year:
        return None
    named = display(echo(findings.title), findings.year)
    return f"Note: the page is about '{named}'; stored on {label(film)} as --film says."


def _store_facts(
    session: Session, film_id: int, source: str, facts: list[Fact], changes: Changes
) -> None:
    from sqlalchemy import insert

    by_kind: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_kind[fact.kind].append(fact)
    old_rows = session.exec(
        select(FilmFact)
        .where(FilmFact.film_id == film_id, FilmFact.source == source)
        .order_by(col(FilmFact.kind), col(FilmFact.position))
    )
    old: dict[str, list[FilmFact]] = defaultdict(list)
    for existing in old_rows:
        old[existing.kind].append(existing)
    fresh: list[dict[str, Any]] = []
    for kind, new in by_kind.items():
        kept = old[kind]
        for position, fact in enumerate(new):
            row = kept[position] if position < len(kept) else None
            if row is None:
                fresh.append(
                    {
                        "film_id": film_id,
                        "source": source,
                        "kind": kind,
                        "position": position,
                        "value": fact.value,
                        "detail": fact.detail,
                    }
                )
            elif (row.value, row.detail, row.position) != (fact.value, fact.detail, position):
                row.value, row.detail, row.position = fact.value, fact.detail, position
                session.add(row)
                changes.changed += 1
        for row in kept[len(new) :]:
            session.delete(row)
            changes.removed += 1
    session.flush()
    if fresh:  # one statement for many rows: a long article has hundreds of facts
        session.exec(insert(FilmFact), params=fresh)
        changes.added += len(fresh)


def _store_scores(
    session: Session, film_id: int, source: str, scores: list[Score], result: ImportResult
) -> None:
    for score in scores:
        row = session.exec(
            select(FilmScore).where(
                FilmScore.film_id == film_id,
                FilmScore.source == source,
                FilmScore.metric == score.metric,
            )
        ).first()
        if row is None:
            session.add(
                FilmScore(
                    film_id=film_id,
                    source=source,
                    metric=score.metric,
                    value=score.value,
                    count=score.count,
                    recorded_at=clock.now(),
                )
            )
            result.scores.added += 1
        elif (row.value, row.count) != (score.value, score.count):
            moved = f"{echo(row.value)} → {echo(score.value)}"
            result.notes.append(f"{score.metric} ({source}): {moved}")
            row.value, row.count, row.recorded_at = score.value, score.count, clock.now()
            session.add(row)
            result.scores.changed += 1


def review_digest(source: str, review: Review) -> str:
    """A review's identity across re-imports: source and address, else outlet, critic, title.

    The excerpt identifies a review only when nothing else does: a page may quote more of it.
    """
    if review.url:
        identity = f"{source}\n{review.url.strip().lower()}"
    else:
        parts = [review.publication, review.critic, review.title]
        if not any(parts):
            parts.append(review.excerpt)
        identity = "\n".join([source, *((p or "").strip().lower() for p in parts)])
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def _store_reviews(
    session: Session, film_id: int, source: str, reviews: list[Review], changes: Changes
) -> None:
    for review in reviews:
        digest = review_digest(source, review)
        row = session.exec(
            select(FilmReview).where(FilmReview.film_id == film_id, FilmReview.digest == digest)
        ).first()
        values: dict[str, Any] = {
            "publication": review.publication,
            "critic": review.critic,
            "score": review.score,
            "published_on": review.published_on,
            "title": review.title,
            "excerpt": review.excerpt,
            "text": review.text,
            "url": review.url,
        }
        if row is None:
            session.add(FilmReview(film_id=film_id, source=source, digest=digest, **values))
            session.flush()
            changes.added += 1
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
            changes.changed += 1
