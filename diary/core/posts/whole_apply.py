"""A whole-post document saved into a post: only what changed is written, and said.

Every text is checked first (links, footnote keys, award nominees), so a document that cannot
be saved changes nothing; the command runs all of this in one transaction.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from diary.base import clock
from diary.base.errors import InvalidInput
from diary.core.diary.people import list_people, name_key
from diary.core.films.lookup import label, resolve_film
from diary.core.posts.awards import set_award
from diary.core.posts.document import PostDoc, SectionDoc, load_post
from diary.core.posts.inline import check_links
from diary.core.posts.lifecycle import PostChanges, parse_publish_date, touch, update_post
from diary.core.posts.pieces import _add, _delete_entries
from diary.core.posts.text import Parsed
from diary.core.posts.whole import AwardText, SectionText, WholePost, parse_document
from diary.core.posts.wording import own_labels, set_own_labels
from diary.store.models import Post, PostEntry, PostFootnote


@dataclass
class Saved:
    changes: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def people_names(session: Session) -> dict[str, str]:
    return {name_key(p.name): p.name for p in list_people(session)}


def read_document(session: Session, post: Post, text: str) -> WholePost:
    doc = load_post(session, post)
    kinds = {s.section.key: s.section.kind for s in doc.sections}
    return parse_document(text, kinds, people_names(session))


def save_document(session: Session, post: Post, text: str) -> Saved:
    """Parse `text` and bring the post in line with it; the changes, in words."""
    whole = read_document(session, post, text)
    doc = load_post(session, post)
    changes = _post_fields(session, doc, whole)
    by_key = {s.section.key: s for s in doc.sections}
    for section in whole.sections:
        changes.extend(_section(session, post, by_key[section.key], section))
    changes.extend(_footnotes(session, doc, whole.footnotes))
    if changes:
        touch(session, post)
    return Saved(changes)


def _post_fields(session: Session, doc: PostDoc, whole: WholePost) -> list[str]:
    post, fields = doc.post, whole.fields
    wanted_format = fields.get("format")
    if wanted_format is not None and wanted_format != post.format:
        raise InvalidInput(f"the format of a post cannot change (it is {post.format})")
    changes = PostChanges()
    for name in ("title", "subtitle"):
        if name in fields and (fields[name] or None) != getattr(post, name):
            setattr(changes, name, fields[name] or "")
    number = fields.get("number")
    if number is not None:
        if not number.isdigit():
            raise InvalidInput(f"number: {number!r} is not a post number")
        if int(number) != post.number:
            changes.number = int(number)
    if "publish on" in fields:
        wanted = fields["publish on"]
        when = parse_publish_date(wanted, clock.today()) if wanted else None
        if when != post.publish_on:
            changes.publish_on = when
            changes.clear_publish_on = when is None
    status = fields.get("status")
    if status is not None and status.strip().lower() != post.status:
        changes.status = status
    said: list[str] = []
    film_text = fields.get("film")
    if film_text and (doc.film is None or film_text != label(doc.film)):
        film = resolve_film(session, film_text)
        post.film_id = film.id
        said.append(f"film → {label(film)}")
    if "next film" in fields:
        said.extend(_next_film(session, doc, fields["next film"]))
    if any(v is not None and v is not False for v in vars(changes).values()):
        said.extend(update_post(session, post, changes))
    return [f"Post: {', '.join(said)}."] if said else []


def _next_film(session: Session, doc: PostDoc, wanted: str | None) -> list[str]:
    """The film the teaser announces, as the document names it (empty: none)."""
    now = label(doc.next_film) if doc.next_film is not None else None
    if (wanted or None) == now:
        return []
    film = resolve_film(session, wanted) if wanted else None
    doc.post.next_film_id = film.id if film is not None else None
    session.add(doc.post)
    return [f"next film → {label(film)}" if film is not None else "no next film"]


def _section(session: Session, post: Post, doc: SectionDoc, wanted: SectionText) -> list[str]:
    section = doc.section
    said: list[str] = []
    heading = " ".join(wanted.heading.split())
    if heading and heading != section.heading:
        said.append(f"heading was {section.heading!r}")
        section.heading = heading
    labels = {n[6:]: v or "" for n, v in wanted.fields.items() if n.startswith("label ")}
    if {k: v for k, v in labels.items() if v} != own_labels(section):
        set_own_labels(section, labels)
        said.append("wording changed")
    for name, column in (
        ("tagline", "tagline"),
        ("source", "source"),
        ("long source", "long_source"),
    ):
        if name in _fields_of(section.kind) and wanted.fields.get(name) != getattr(section, column):
            setattr(section, column, wanted.fields.get(name))
            said.append(f"{name} changed")
    body = _body(section.kind, wanted)
    for text in (body, *wanted.fields.values()):
        check_links(text)
    if body != (section.body or None):
        section.body = body
        said.append(_body_word(section.kind) + " changed")
    session.add(section)
    if section.kind in ("speakers", "plot", "facts", "qa") and _entries(doc) != _parsed(
        wanted.pieces
    ):
        _replace_pieces(session, doc, wanted.pieces)
        said.append(_count(len(doc.pieces), len(wanted.pieces)))
    if section.kind == "films" and _entries(doc) != _films(wanted.films):
        _replace_films(session, doc, wanted.films)
        said.append(_count(len(doc.pieces), len(wanted.films)))
    if section.kind == "award" and _awards(doc) != [
        _award_tuple(a, section) for a in wanted.awards
    ]:
        _replace_awards(session, post, doc, wanted.awards)
        count = len(wanted.awards)
        said.append(f"{count} award{'s' * (count != 1)}")
    session.flush()
    return [f"{section.heading}: {', '.join(said)}."] if said else []


def _fields_of(kind: str) -> Sequence[str]:
    from diary.core.posts.whole import SECTION_FIELDS

    return SECTION_FIELDS.get(kind, ())


def _body(kind: str, wanted: SectionText) -> str | None:
    from diary.core.posts.text import EDITABLE

    if EDITABLE.get(kind) == "body":
        return wanted.body
    if kind == "plot":
        return wanted.fields.get("short")
    if kind == "footnotes":
        return None
    return wanted.fields.get("lead-in")


def _body_word(kind: str) -> str:
    return {"plot": "short version", "intro": "text", "prose": "text"}.get(
        kind, "text" if kind == "boilerplate" else "lead-in"
    )


def _entries(doc: SectionDoc) -> list[tuple[str, str | None, str, list[tuple[str | None, str]]]]:
    return [
        (p.entry.kind, p.entry.speaker, p.entry.text, [(r.speaker, r.text) for r in p.remarks])
        for p in doc.pieces
    ]


def _parsed(
    pieces: list[Parsed],
) -> list[tuple[str, str | None, str, list[tuple[str | None, str]]]]:
    return [(p.kind, p.speaker, p.text, [(r.speaker, r.text) for r in p.remarks]) for p in pieces]


def _films(
    films: list[tuple[str, list[Parsed]]],
) -> list[tuple[str, str | None, str, list[tuple[str | None, str]]]]:
    return [("film", None, text, [(r.speaker, r.text) for r in remarks]) for text, remarks in films]


def _count(before: int, after: int) -> str:
    return "pieces changed" if before == after else f"pieces {before} → {after}"


def _replace_pieces(session: Session, doc: SectionDoc, pieces: list[Parsed]) -> None:
    _delete_entries(session, doc.section)
    for piece in pieces:
        entry = _add(session, doc.section, piece.kind, piece.text, piece.speaker)
        for remark in piece.remarks:
            _add(session, doc.section, remark.kind, remark.text, remark.speaker, entry)


def _replace_films(
    session: Session, doc: SectionDoc, films: list[tuple[str, list[Parsed]]]
) -> None:
    found = {p.entry.text: p.film for p in doc.pieces}
    resolved = [
        (found.get(text) or resolve_film(session, text), remarks) for text, remarks in films
    ]
    _delete_entries(session, doc.section)
    for film, remarks in resolved:
        entry: PostEntry = _add(session, doc.section, "film", label(film), film=film)
        for remark in remarks:
            _add(session, doc.section, "remark", remark.text, remark.speaker, entry)


_Given = tuple[str, str, list[str], int | None, str | None, str | None]


def _awards(doc: SectionDoc) -> list[_Given]:
    return [
        (
            a.award.theme,
            a.award.category,
            a.nominees,
            a.award.winner_position,
            a.award.note,
            a.award.announced,
        )
        for a in doc.awards
    ]


def _award_tuple(award: AwardText, section: object) -> _Given:
    heading = getattr(section, "heading", "")
    winner = award.nominees[award.winner - 1] if award.winner else None
    announced = award.announced if award.announced != winner else None
    return (
        award.theme or heading,
        award.category,
        award.nominees,
        award.winner,
        award.note,
        announced,
    )


def _replace_awards(session: Session, post: Post, doc: SectionDoc, awards: list[AwardText]) -> None:
    for old in doc.awards:
        session.delete(old.award)
    session.flush()
    for award in awards:
        set_award(
            session,
            post,
            doc.section,
            award.category,
            award.nominees,
            award.winner,
            award.note,
            award.theme,
            award.announced,
        )


def _footnotes(session: Session, doc: PostDoc, wanted: dict[str, str]) -> list[str]:
    existing = {f.key: f for f in doc.footnotes}
    added = [k for k in wanted if k not in existing]
    changed = [k for k in wanted if k in existing and existing[k].text != wanted[k]]
    removed = [k for k in existing if k not in wanted]
    for text in wanted.values():
        check_links(text)
    for key in removed:
        session.delete(existing[key])
    for key in changed:
        existing[key].text = wanted[key]
        session.add(existing[key])
    for key in added:
        assert doc.post.id is not None
        session.add(
            PostFootnote(post_id=doc.post.id, key=key, text=wanted[key], created_at=clock.now())
        )
    session.flush()
    parts = [
        f"{word} {', '.join(f'[^{k}]' for k in keys)}"
        for word, keys in (("added", added), ("changed", changed), ("removed", removed))
        if keys
    ]
    return [f"Footnotes: {'; '.join(parts)}."] if parts else []
