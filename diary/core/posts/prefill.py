"""Starting a post: copy its format's sections and fill in what the database already knows.

That is the film's year and facts (director, stars, a one-line plot and its source), each
host's Spreadsheet comment and rating, the next film (the latest pick, else the top of the
watchlists) and the format's boilerplate. Hosts are the people with role "host", or the
default person when nobody has that role.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from diary.base.errors import InvalidInput
from diary.base.words import counted
from diary.core.checklists.lists import BUILTIN as BEST_PICTURE
from diary.core.diary.people import default_person
from diary.core.diary.ratings import stars
from diary.core.films.lookup import label
from diary.core.posts.document import MARKER
from diary.core.posts.formats import Format, SectionSpec
from diary.core.posts.lifecycle import create_post
from diary.store.models import (
    Checklist,
    ChecklistGroup,
    ChecklistItem,
    Comment,
    Film,
    FilmFact,
    FilmRating,
    Person,
    Pick,
    Post,
    PostEntry,
    PostSection,
    Viewing,
    ViewingPerson,
    WatchlistEntry,
)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])")


@dataclass
class Started:
    post: Post
    notes: list[str] = field(default_factory=list)


def start_post(
    session: Session,
    fmt: Format,
    film: Film | None,
    number: int | None = None,
    title: str | None = None,
    ceremony: int | None = None,
) -> Started:
    people = hosts(session)
    context: dict[str, Any] = {
        "film": film_context(session, film) if film else None,
        "next_film": None,
        "hosts": [p.name for p in people],
        "pet": pet_name(session),
        "ceremony": None,
    }
    nominees: list[Film] = []
    if any("nominees" in s.prefill for s in fmt.sections):
        context["ceremony"], nominees = season(session, ceremony)
    elif ceremony is not None:
        raise InvalidInput(
            f"--ceremony is for a format that lists a season's nominees; {fmt.title} lists none"
        )
    upcoming = next_film(session, film)
    context["next_film"] = film_context(session, upcoming) if upcoming else None
    context["number"] = number
    rendered_title = title or _render(fmt.post_title, context, f"{fmt.path}: post_title")
    post = create_post(session, fmt, film, number, rendered_title or None)
    post.next_film_id = upcoming.id if upcoming is not None else None
    context["number"] = post.number
    started = Started(post)
    for position, spec in enumerate(fmt.sections, start=1):
        _add_section(session, post, spec, position, context, people, nominees, fmt)
    if "nominees" in {p for s in fmt.sections for p in s.prefill} and not nominees:
        started.notes.append("No Best Picture ceremony to take nominees from; add films yourself.")
    if film is not None:
        count = len(fun_facts(session, film))
        if count:
            started.notes.append(
                f"{counted(count, 'fun facts')} from imported pages "
                f"{'is' if count == 1 else 'are'} waiting: "
                f"`diary post candidates {post.number}`."
            )
    return started


def _add_section(
    session: Session,
    post: Post,
    spec: SectionSpec,
    position: int,
    context: dict[str, Any],
    people: list[Person],
    nominees: list[Film],
    fmt: Format,
) -> None:
    where = f"{fmt.path}, section {spec.key}"
    assert post.id is not None
    section = PostSection(
        post_id=post.id,
        key=spec.key,
        position=position,
        kind=spec.kind,
        heading=_render(spec.heading, context, where) or spec.key,
        tagline=_render(spec.tagline, context, where) or None,
        body=_render(spec.body, context, where) or None,
    )
    film = context["film"]
    if "short_plot" in spec.prefill and film and film["short_plot"]:
        section.body = _no_markers(film["short_plot"])
        section.source = film["short_plot_source"]
    session.add(section)
    session.flush()
    entries = 0

    def add(kind: str, text: str, speaker: str | None = None, **extra: Any) -> PostEntry:
        nonlocal entries
        entries += 1
        assert section.id is not None
        entry = PostEntry(
            section_id=section.id, position=entries, kind=kind, speaker=speaker, text=text, **extra
        )
        session.add(entry)
        session.flush()
        return entry

    if "comments" in spec.prefill and film:
        for person, line in _comment_lines(session, spec, people, post.film_id, context, where):
            add("line", line, person.name)
    if "nominees" in spec.prefill:
        for nominee in nominees:
            parent = add("film", label(nominee), film_id=nominee.id)
            for person, line in _comment_lines(session, spec, people, nominee.id, context, where):
                add("remark", line, person.name, parent_id=parent.id)


def _comment_lines(
    session: Session,
    spec: SectionSpec,
    people: list[Person],
    film_id: int | None,
    context: dict[str, Any],
    where: str,
) -> list[tuple[Person, str]]:
    lines = []
    for person in people:
        comment = session.exec(
            select(Comment.text).where(Comment.film_id == film_id, Comment.person_id == person.id)
        ).first()
        rating = stars(rating_of(session, person, film_id))
        if not comment and not rating:
            continue
        values = context | {"comment": comment, "rating": rating, "person": person.name}
        text = _render(spec.line, values, where) if spec.line else _no_markers(comment or rating)
        if text:
            lines.append((person, text))
    return lines


def hosts(session: Session) -> list[Person]:
    found = list(session.exec(select(Person).where(Person.role == "host").order_by(col(Person.id))))
    if found:
        return found
    if session.exec(select(Person.id).limit(1)).first() is None:
        return []
    return [default_person(session)]


def pet_name(session: Session) -> str | None:
    return session.exec(
        select(Person.name).where(Person.role == "pet").order_by(col(Person.id))
    ).first()


def rating_of(session: Session, person: Person, film_id: int | None) -> int | None:
    """The person's latest rating of the film: from their diary, else a standalone rating."""
    latest = session.exec(
        select(ViewingPerson.rating)
        .join(Viewing, col(Viewing.id) == col(ViewingPerson.viewing_id))
        .where(
            Viewing.film_id == film_id,
            ViewingPerson.person_id == person.id,
            col(ViewingPerson.rating).is_not(None),
        )
        .order_by(col(Viewing.watched_on).desc().nulls_last(), col(Viewing.id).desc())
    ).first()
    if latest is not None:
        return latest
    return session.exec(
        select(FilmRating.rating).where(
            FilmRating.film_id == film_id, FilmRating.person_id == person.id
        )
    ).first()


def next_film(session: Session, current: Film | None) -> Film | None:
    """The latest pick's chosen film, else the highest-priority film on any watchlist."""
    exclude = current.id if current is not None else None
    picks = (
        select(Film)
        .join(Pick, col(Pick.chosen_film_id) == col(Film.id))
        .order_by(col(Pick.created_at).desc(), col(Pick.id).desc())
    )
    watchlists = (
        select(Film)
        .join(WatchlistEntry, col(WatchlistEntry.film_id) == col(Film.id))
        .order_by(
            col(WatchlistEntry.priority).desc(),
            col(WatchlistEntry.added_at),
            col(WatchlistEntry.id),
        )
    )
    if exclude is not None:
        picks = picks.where(col(Film.id) != exclude)
        watchlists = watchlists.where(col(Film.id) != exclude)
    return session.exec(picks).first() or session.exec(watchlists).first()


def facts(session: Session, film: Film, kind: str) -> list[FilmFact]:
    return list(
        session.exec(
            select(FilmFact)
            .where(FilmFact.film_id == film.id, FilmFact.kind == kind)
            .order_by(col(FilmFact.source), col(FilmFact.position), col(FilmFact.id))
        )
    )


def fun_facts(session: Session, film: Film) -> list[FilmFact]:
    """The Wiki-Wiki-Whaaat? candidates: fun facts from imported pages, in article order."""
    return facts(session, film, "fun_fact")


def short_plot(session: Session, film: Film) -> tuple[str, str] | None:
    """A one-line plot and where it comes from."""
    for kind in ("short_plot", "description"):
        for fact in facts(session, film, kind):
            if fact.value.strip():
                return " ".join(fact.value.split()), fact.source
    for fact in facts(session, film, "synopsis"):
        text = " ".join(fact.value.split())
        if text:
            return _SENTENCE_END.split(text, maxsplit=1)[0], fact.source
    return None


def film_context(session: Session, film: Film) -> dict[str, Any]:
    def values(kind: str) -> list[str]:
        seen: dict[str, None] = {}
        for fact in facts(session, film, kind):
            seen.setdefault(" ".join(fact.value.split()), None)
        return [v for v in seen if v]

    directors, plot = values("director"), short_plot(session, film)
    return {
        "title": film.title,
        "year": film.year,
        "label": label(film),
        "director": " and ".join(directors) or None,
        "stars": values("star")[:3],
        "runtime": next(iter(values("runtime")), None),
        "release_date": next(iter(values("release_date")), None),
        "short_plot": plot[0] if plot else None,
        "short_plot_source": plot[1] if plot else None,
    }


def season(session: Session, number: int | None) -> tuple[dict[str, Any] | None, list[Film]]:
    """A Best Picture ceremony (the latest, or number N) and its nominees in list order."""
    query = (
        select(ChecklistGroup)
        .join(Checklist, col(Checklist.id) == col(ChecklistGroup.checklist_id))
        .where(Checklist.slug == BEST_PICTURE)
    )
    if number is not None:
        query = query.where(ChecklistGroup.number == number)
    group = session.exec(
        query.order_by(col(ChecklistGroup.number).desc(), col(ChecklistGroup.position).desc())
    ).first()
    if group is None:
        if number is not None:
            raise InvalidInput(f"no ceremony {number} on the Best Picture list")
        return None, []
    films = list(
        session.exec(
            select(Film)
            .join(ChecklistItem, col(ChecklistItem.film_id) == col(Film.id))
            .where(ChecklistItem.group_id == group.id)
            .order_by(col(ChecklistItem.position), col(ChecklistItem.id))
        )
    )
    return {"number": group.number, "label": group.label}, films


def _render(source: str | None, values: dict[str, Any], where: str) -> str:
    if not source:
        return ""
    from jinja2 import ChainableUndefined, TemplateError
    from jinja2.sandbox import SandboxedEnvironment

    environment = SandboxedEnvironment(
        undefined=ChainableUndefined, autoescape=False, finalize=_no_markers
    )
    try:
        return environment.from_string(source).render(values).strip()
    except TemplateError as exc:
        raise InvalidInput(f"{where}: {exc}") from exc


def _no_markers(value: Any) -> Any:
    """A value put into a template (a title, a comment) never becomes a footnote reference."""
    return MARKER.sub(lambda m: "\\" + m[0], value) if isinstance(value, str) else value
