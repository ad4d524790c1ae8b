"""Newsletter posts: start one from a format, find it by number or film, change, list, delete.

POST, as people type it, is a post's number or its film; SECTION is a section's short key or
its heading, case-insensitive ("plots", "Plots & Feelings"), or an unambiguous start of one.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import Ambiguous, Conflict, InvalidInput, NotFound
from diary.base.titles import title_key
from diary.core.checklists.lists import mark_covered
from diary.core.diary.dates import parse_date
from diary.core.films.details import best_picture_nominations
from diary.core.films.lookup import find_films, label
from diary.core.posts.document import load_post, post_name
from diary.core.posts.formats import Format, a_kind
from diary.core.posts.status import is_filled
from diary.store.models import Film, Post, PostSection

STATUSES = ("draft", "ready", "published")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass
class PostRow:
    post: Post
    film: Film | None
    sections: int
    filled: int


def describe(session: Session, post: Post) -> str:
    film = session.get(Film, post.film_id) if post.film_id is not None else None
    return post_name(post, film)


def resolve_post(session: Session, text: str) -> Post:
    """The post numbered `text`, else the one post about the film `text` names."""
    wanted = text.strip()
    if not wanted:
        raise InvalidInput("name a post by its number or its film")
    if wanted.isdigit():
        found = session.exec(select(Post).where(Post.number == int(wanted))).first()
        if found is not None:
            return found
    films = {f.id: f for f in find_films(session, wanted)}
    posts = list(
        session.exec(
            select(Post).where(col(Post.film_id).in_(list(films))).order_by(col(Post.number))
        )
    )
    if len(posts) == 1:
        return posts[0]
    if posts:
        names = ", ".join(post_name(p, films.get(p.film_id)) for p in posts)
        raise Ambiguous(f"{wanted!r} matches {len(posts)} posts: {names}; use the number", posts)
    numbers = [str(n) for n in session.exec(select(Post.number).order_by(col(Post.number))) if n]
    hint = f" (posts: {', '.join(numbers)})" if numbers else " (there are no posts yet)"
    raise NotFound(f"no post {wanted!r}{hint}")


def find_section(session: Session, post: Post, text: str) -> PostSection:
    sections = list(
        session.exec(
            select(PostSection)
            .where(PostSection.post_id == post.id)
            .order_by(col(PostSection.position))
        )
    )
    wanted = text.strip().casefold()
    wanted_key = title_key(text)
    for test in (
        lambda s: s.key == wanted,
        lambda s: s.heading.casefold() == wanted,
        lambda s: bool(wanted_key) and title_key(s.heading) == wanted_key,
    ):
        exact = [s for s in sections if test(s)]
        if len(exact) == 1:
            return exact[0]
    starts = [
        s
        for s in sections
        if wanted
        and (
            s.key.startswith(wanted) or (wanted_key and title_key(s.heading).startswith(wanted_key))
        )
    ]
    if len(starts) == 1:
        return starts[0]
    known = ", ".join(f"{s.key} ({s.heading})" for s in sections)
    if len(starts) > 1:
        names = ", ".join(s.key for s in starts)
        raise Ambiguous(f"section {text!r} could be {names}; sections are {known}", starts)
    raise NotFound(f"no section {text!r} in this post; sections are {known}")


def sections_of_kind(session: Session, post: Post, kind: str) -> list[PostSection]:
    return list(
        session.exec(
            select(PostSection)
            .where(PostSection.post_id == post.id, PostSection.kind == kind)
            .order_by(col(PostSection.position))
        )
    )


def section_for(session: Session, post: Post, kind: str, text: str | None) -> PostSection:
    """The section SECTION names, or the post's only section of `kind` when none is named."""
    if text is not None:
        section = find_section(session, post, text)
        if section.kind != kind:
            raise InvalidInput(f"{section.heading} is {a_kind(section.kind)}, not {kind}")
        return section
    found = sections_of_kind(session, post, kind)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFound(f"this post's format has no {kind} section")
    names = ", ".join(s.key for s in found)
    raise Ambiguous(f"this post has several {kind} sections ({names}); add --section", found)


def next_number(session: Session) -> int:
    highest = session.exec(select(func.max(Post.number))).one()
    return int(highest or 0) + 1


def create_post(
    session: Session, fmt: Format, film: Film | None, number: int | None, title: str | None
) -> Post:
    """A post row for `fmt` (sections are added by the caller)."""
    if film is None and fmt.needs_film:
        raise InvalidInput(f"a {fmt.title} post is about a film: name one")
    if number is None:
        number = next_number(session)
    elif number < 1:
        raise InvalidInput("a post number is 1 or more")
    taken = session.exec(select(Post).where(Post.number == number)).first()
    if taken is not None:
        raise Conflict(f"post {number} already exists; choose another --number")
    now = clock.now()
    post = Post(
        number=number,
        film_id=film.id if film is not None else None,
        format=fmt.name,
        title=title,
        created_at=now,
        updated_at=now,
    )
    session.add(post)
    session.flush()
    return post


def list_posts(session: Session, status: str | None = None) -> list[PostRow]:
    if status is not None and status not in STATUSES:
        raise InvalidInput(f"unknown status {status!r}: use {', '.join(STATUSES)}")
    query = select(Post).order_by(col(Post.number), col(Post.id))
    if status is not None:
        query = query.where(Post.status == status)
    rows = []
    for post in session.exec(query).all():
        doc = load_post(session, post)
        filled = sum(1 for s in doc.sections if is_filled(s, doc))
        rows.append(PostRow(post, doc.film, len(doc.sections), filled))
    return rows


def delete_post(session: Session, post: Post) -> None:
    session.delete(post)
    session.flush()


def parse_publish_date(text: str, today: date) -> date:
    """A publish date may be ahead: YYYY-MM-DD, today, tomorrow, (next) tuesday, or a past date."""
    cleaned = " ".join(text.strip().lower().split())
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            raise InvalidInput(f"not a date: {text!r}") from None
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    weekday = re.fullmatch(r"(?:next\s+)?(\w+)", cleaned)
    if weekday and weekday[1] in _WEEKDAYS:
        ahead = (_WEEKDAYS.index(weekday[1]) - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    try:
        return parse_date(text, today)
    except InvalidInput:
        raise InvalidInput(
            f"not a publish date: {text!r}: use YYYY-MM-DD, today, tomorrow or 'next tuesday'"
        ) from None


@dataclass
class PostChanges:
    title: str | None = None
    subtitle: str | None = None
    status: str | None = None
    publish_on: date | None = None
    number: int | None = None
    clear_publish_on: bool = False  # `--publish-on ""`


def update_post(session: Session, post: Post, changes: PostChanges) -> list[str]:
    """Apply the changes; return what changed, in words. Publishing marks the film covered."""
    said: list[str] = []
    if changes.number is not None and changes.number != post.number:
        if changes.number < 1:
            raise InvalidInput("a post number is 1 or more")
        if session.exec(select(Post).where(Post.number == changes.number)).first():
            raise Conflict(f"post {changes.number} already exists")
        said.append(f"number {post.number} → {changes.number}")
        post.number = changes.number
    for name in ("title", "subtitle"):
        value = getattr(changes, name)
        if value is not None:
            clean = " ".join(value.split()) or None
            setattr(post, name, clean)
            said.append(f"{name} → {clean!r}" if clean else f"{name} removed")
    if changes.publish_on is not None:
        post.publish_on = changes.publish_on
        said.append(f"publish on {changes.publish_on.isoformat()}")
    elif changes.clear_publish_on:
        staying = (changes.status or post.status).strip().lower() == "published"
        if post.status == "published" and staying:
            raise InvalidInput("a published post keeps its publish date; give another date")
        said.append("publish date removed" if post.publish_on else "no publish date to remove")
        post.publish_on = None
    if changes.status is not None:
        said.extend(_set_status(session, post, changes.status))
    if not said:
        raise InvalidInput("nothing to change: give --title, --subtitle, --status or --publish-on")
    post.updated_at = clock.now()
    session.add(post)
    session.flush()
    return said


def _set_status(session: Session, post: Post, status: str) -> list[str]:
    wanted = status.strip().lower()
    if wanted not in STATUSES:
        raise InvalidInput(f"unknown status {status!r}: use {', '.join(STATUSES)}")
    said = [f"status {post.status} → {wanted}"]
    post.status = wanted
    if wanted == "published":
        if post.publish_on is None:
            post.publish_on = clock.today()
            said.append(f"published on {post.publish_on.isoformat()}")
        film = session.get(Film, post.film_id) if post.film_id is not None else None
        if film is not None and mark_covered(
            session, film, post.publish_on, note=f"post {post.number}"
        ):
            off_list = not best_picture_nominations(session, film.id or 0)
            where = " (not a Best Picture nominee: no Spreadsheet row)" if off_list else ""
            said.append(f"{label(film)} marked covered" + (where or " on the Spreadsheet"))
    return said


def touch(session: Session, post: Post) -> None:
    post.updated_at = clock.now()
    session.add(post)


def posts_about(session: Session, film: Film) -> list[str]:
    """The names of the posts already about the film ('post 12 (Jaws (1975))'), by number."""
    found = session.exec(
        select(Post).where(Post.film_id == film.id).order_by(col(Post.number), col(Post.id))
    )
    return [post_name(post, film) for post in found]
