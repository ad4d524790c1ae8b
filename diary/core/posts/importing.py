"""A published post brought into the diary: started from its format, then filled from a
whole-post document (see diary.core.posts.whole), marked published and its film covered."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from diary.base.errors import InvalidInput
from diary.core.posts.document import PostDoc, load_post
from diary.core.posts.formats import Format
from diary.core.posts.lifecycle import PostChanges, update_post
from diary.core.posts.prefill import start_post
from diary.core.posts.whole_apply import save_document
from diary.store.models import Film, Post


@dataclass
class Imported:
    post: Post
    doc: PostDoc
    changes: list[str]
    published: list[str]


def import_post(
    session: Session,
    fmt: Format,
    film: Film | None,
    number: int | None,
    document: Callable[[PostDoc], str],
    published_on: date | None,
    next_film: Film | None = None,
) -> Imported:
    """A new post of `fmt` holding what `document` says, published (today unless given).

    `document` is given the post as started (its sections as the format makes them) and
    returns the whole-post document to fill it with. The film its teaser announces is
    `next_film`, else the one the document names, else none: a post of the past does not
    announce what is next on today's watchlist."""
    post = start_post(session, fmt, film, number, None, None).post
    post.next_film_id = None
    text = document(load_post(session, post))
    if not document_sections(text)[1].strip():
        raise InvalidInput("the file holds no post sections: nothing to import")
    saved = save_document(session, post, text)
    if next_film is not None:
        post.next_film_id = next_film.id
        session.add(post)
    changes = PostChanges(publish_on=published_on)
    if post.status != "published":
        changes.status = "published"
    published = update_post(session, post, changes) if changes.status or published_on else []
    return Imported(post, load_post(session, post), saved.changes, published)


def document_sections(text: str) -> tuple[dict[str, str], str]:
    """A whole document's own fields (film, number…) and the rest, its sections."""
    from diary.core.posts.whole import HEADER

    lines = text.replace("\r\n", "\n").split("\n")
    start = next((n for n, line in enumerate(lines) if HEADER.match(line)), len(lines))
    fields: dict[str, str] = {}
    for line in lines[:start]:
        if ":" in line and not line.startswith("#"):
            name, value = line.split(":", 1)
            if value.strip():
                fields[name.strip()] = value.strip()
    return fields, "\n".join(lines[start:])
