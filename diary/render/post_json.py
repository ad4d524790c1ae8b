"""Posts, their status, formats, fun-fact candidates and awards as JSON-ready dicts."""

from typing import Any

from diary.core.posts.awards import AwardRow
from diary.core.posts.candidates import Candidate
from diary.core.posts.document import Piece, PostDoc, SectionDoc
from diary.core.posts.formats import Format
from diary.core.posts.lifecycle import PostRow
from diary.core.posts.quotes import Quotable
from diary.core.posts.status import PostStatus
from diary.core.posts.wording import own_labels
from diary.render.diary import film_dict
from diary.store.models import Film, Post, PostEntry


def _post_fields(post: Post, film: Film | None) -> dict[str, Any]:
    return {
        "number": post.number,
        "film": film_dict(film) if film is not None else None,
        "format": post.format,
        "title": post.title,
        "subtitle": post.subtitle,
        "status": post.status,
        "publish_on": post.publish_on.isoformat() if post.publish_on else None,
    }


def post_row_dict(row: PostRow) -> dict[str, Any]:
    return _post_fields(row.post, row.film) | {"sections": row.sections, "filled": row.filled}


def _entry(entry: PostEntry) -> dict[str, Any]:
    return {"kind": entry.kind, "speaker": entry.speaker, "text": entry.text}


def _piece(piece: Piece) -> dict[str, Any]:
    found = {"number": piece.number} | _entry(piece.entry)
    if piece.film is not None:
        found["film"] = film_dict(piece.film)
    found["remarks"] = [_entry(r) for r in piece.remarks]
    return found


def _section(doc: SectionDoc) -> dict[str, Any]:
    section = doc.section
    return {
        "key": section.key,
        "kind": section.kind,
        "heading": section.heading,
        "tagline": section.tagline,
        "body": section.body,
        "source": section.source,
        "long_source": section.long_source,
        "labels": own_labels(section),
        "pieces": [_piece(p) for p in doc.pieces],
        "awards": [
            {
                "theme": a.award.theme,
                "category": a.award.category,
                "nominees": a.nominees,
                "winner": a.winner,
                "announced": a.award.announced,
                "note": a.award.note,
            }
            for a in doc.awards
        ],
    }


def post_dict(doc: PostDoc) -> dict[str, Any]:
    upcoming = doc.next_film
    return _post_fields(doc.post, doc.film) | {
        "next_film": film_dict(upcoming) if upcoming is not None else None,
        "sections": [_section(s) for s in doc.sections],
        "footnotes": [{"key": f.key, "text": f.text} for f in doc.footnotes],
    }


def status_dict(status: PostStatus) -> dict[str, Any]:
    return _post_fields(status.doc.post, status.doc.film) | {
        "words": status.words,
        "sections": [
            {
                "key": s.key,
                "heading": s.heading,
                "kind": s.kind,
                "filled": s.filled,
                "words": s.words,
                "pieces": s.pieces,
                "missing": s.missing,
            }
            for s in status.sections
        ],
        "speakers": status.speakers,
        "unused_footnotes": status.unused_footnotes,
        "unknown_markers": status.unknown_markers,
    }


def format_dict(fmt: Format) -> dict[str, Any]:
    return {
        "name": fmt.name,
        "title": fmt.title,
        "description": fmt.description,
        "builtin": fmt.builtin,
        "path": str(fmt.path),
        "template": fmt.template,
        "sections": [{"key": s.key, "kind": s.kind, "heading": s.heading} for s in fmt.sections],
    }


def candidate_dict(candidate: Candidate) -> dict[str, Any]:
    fact = candidate.fact
    return {
        "number": candidate.number,
        "text": fact.value,
        "section": fact.detail,
        "source": fact.source,
        "used": candidate.used,
    }


def quotable_dict(item: Quotable) -> dict[str, Any]:
    review = item.review
    return {
        "number": item.number,
        "score": review.score,
        "critic": review.critic,
        "publication": review.publication,
        "date": review.published_on.isoformat() if review.published_on else None,
        "source": review.source,
        "quote": item.quote,
        "used": item.used,
    }


def award_dict(row: AwardRow) -> dict[str, Any]:
    return {
        "theme": row.award.theme,
        "category": row.award.category,
        "winner": row.winner,
        "note": row.award.note,
        "nominees": row.nominees,
        "post": row.post.number,
        "film": film_dict(row.film) if row.film is not None else None,
        "status": row.post.status,
        "publish_on": row.post.publish_on.isoformat() if row.post.publish_on else None,
    }
