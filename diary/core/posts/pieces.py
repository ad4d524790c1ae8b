"""Adding to a post piece by piece: lines, prose, plot, facts, questions, films, footnotes.

Every function changes one section (or the post's footnotes) and returns a sentence saying
what changed, for the command to print.
"""

import re
from collections.abc import Sequence

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import Conflict, InvalidInput, NotFound
from diary.core.diary.people import default_person, find_person, list_people, name_key
from diary.core.films.lookup import label
from diary.core.posts.document import MARKER, Piece, SectionDoc, load_post
from diary.core.posts.formats import a_kind
from diary.core.posts.inline import check_links
from diary.core.posts.lifecycle import describe, touch
from diary.core.posts.text import EDITABLE, Parsed, parse_section_text, section_text
from diary.store.models import Film, Person, Post, PostEntry, PostFootnote, PostSection

_FOOTNOTE_KEY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_REMARKABLE = {"plot": "remark", "facts": "remark", "films": "remark", "qa": "answer"}


def speaker_label(session: Session, names: Sequence[str]) -> str:
    """'Ellen & Tyler' from --by Ellen --by Tyler (or --by "Ellen & Tyler"); default: me."""
    parts: list[str] = []
    for name in names:
        if _is_person(session, name):  # a name of its own may hold '&' or ','
            parts.append(name)
        else:
            parts.extend(part for part in re.split(r"\s*[&,]\s*", name) if part.strip())
    if not parts:
        return default_person(session).name
    found: list[str] = []
    for part in parts:
        person = find_person(session, part)
        if person.name not in found:
            found.append(person.name)
    return " & ".join(found)


def _is_person(session: Session, name: str) -> bool:
    found = session.exec(select(Person.id).where(Person.name_key == name_key(name))).first()
    return found is not None


def _clean(text: str) -> str:
    clean = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not clean:
        raise InvalidInput("there is no text to add")
    return clean


def _section_doc(session: Session, post: Post, section: PostSection) -> SectionDoc:
    return next(d for d in load_post(session, post).sections if d.section.id == section.id)


def _next_position(session: Session, section: PostSection) -> int:
    highest = session.exec(
        select(func.max(PostEntry.position)).where(PostEntry.section_id == section.id)
    ).one()
    return int(highest or 0) + 1


def _add(
    session: Session,
    section: PostSection,
    kind: str,
    text: str,
    speaker: str | None = None,
    parent: PostEntry | None = None,
    film: Film | None = None,
) -> PostEntry:
    assert section.id is not None
    check_links(text)
    entry = PostEntry(
        section_id=section.id,
        parent_id=parent.id if parent is not None else None,
        position=_next_position(session, section),
        kind=kind,
        speaker=speaker,
        text=text,
        film_id=film.id if film is not None else None,
    )
    session.add(entry)
    session.flush()
    return entry


_MAIN = {"plot": "paragraph", "facts": "fact", "films": "film", "qa": "question"}


def target_piece(doc: SectionDoc, on: str | None) -> Piece | None:
    """The piece `on` names (its number, or a film in a film list), else the last one.

    In a plot, facts, film or Q&A section only its paragraphs, facts, films or questions
    take remarks; elsewhere any piece can be named.
    """
    main = _MAIN.get(doc.section.kind)
    candidates = [p for p in doc.pieces if main is None or p.entry.kind == main]
    if on is None:
        return candidates[-1] if candidates else None
    wanted = on.strip()
    if wanted.isdigit():
        piece = doc.piece(int(wanted))
        if piece is None:
            raise NotFound(
                f"{doc.section.heading} has no piece {wanted} (it has {len(doc.pieces)})"
            )
        if piece not in candidates:
            raise InvalidInput(f"piece {wanted} of {doc.section.heading} is not a {main}")
        return piece
    from diary.base.titles import split_year
    from diary.core.films.matcher import same_title

    title, year = split_year(wanted)
    matches = [
        p
        for p in candidates
        if p.film is not None
        and same_title(p.film.title, title)
        and (year is None or p.film.year == year)
    ]
    if len(matches) != 1:
        raise NotFound(f"{doc.section.heading} has no single piece {on!r}: give its number")
    return matches[0]


def say(
    session: Session, post: Post, section: PostSection, speaker: str, text: str, on: str | None
) -> str:
    """A speaker line, or a remark/answer on a piece of the section."""
    clean = _clean(text)
    kind = section.kind
    if kind == "speakers":
        if on is not None:
            raise InvalidInput(f"{section.heading} holds lines, not pieces to remark on")
        entry = _add(session, section, "line", clean, speaker)
        said = f"added {speaker}'s line"
    elif kind in _REMARKABLE:
        doc = _section_doc(session, post, section)
        piece = target_piece(doc, on)
        if piece is None and kind != "plot":
            first = {"facts": "a fact", "films": "a film", "qa": "a question"}[kind]
            raise InvalidInput(f"{section.heading} needs {first} before anyone can answer it")
        if piece is None:
            entry = _add(session, section, "line", clean, speaker)
            said = f"added {speaker}'s remark"
        else:
            entry = _add(session, section, _REMARKABLE[kind], clean, speaker, piece.entry)
            what = "answer to" if kind == "qa" else "remark on"
            said = f"added {speaker}'s {what} piece {piece.number}"
    else:
        hint = "diary post write" if kind in EDITABLE else "its own command"
        raise InvalidInput(f"{section.heading} is {a_kind(kind)}: use `{hint}`")
    touch(session, post)
    return f"{section.heading}: {said}{_words(entry.text)}."


def _require_editable(section: PostSection) -> None:
    if section.kind not in EDITABLE:
        command = {"award": "post award", "films": "post film"}.get(section.kind, "post footnote")
        raise InvalidInput(f"{section.heading} is {a_kind(section.kind)}: use `diary {command}`")


def current_text(session: Session, post: Post, section: PostSection) -> str:
    """The section as text, the way `write` reads it back (what $EDITOR opens)."""
    _require_editable(section)
    return section_text(_section_doc(session, post, section))


def write(session: Session, post: Post, section: PostSection, text: str, append: bool) -> str:
    """Replace (or add to) what the section says: its prose, or its pieces as text."""
    kind = section.kind
    _require_editable(section)
    clean, notes = _definitions(text.replace("\r\n", "\n").replace("\r", "\n").strip())
    for key, note in notes.items():
        set_footnote(session, post, note, key)
    if append and not clean:
        raise InvalidInput("there is no text to add")
    if EDITABLE[kind] == "body":
        check_links(clean)
        if append and section.body and clean:
            clean = section.body.rstrip() + "\n\n" + clean
        section.body = clean or None
        session.add(section)
        said = "cleared" if not clean else ("paragraph added" if append else "written")
        touch(session, post)
        return f"{section.heading}: {said}{_words(clean)}{_footnotes_said(notes)}."
    people = {name_key(p.name): p.name for p in list_people(session)}
    parsed = parse_section_text(kind, clean, people)
    if not append:
        _delete_entries(session, section)
    elif parsed and parsed[0].kind not in ("line", EDITABLE[kind]):
        raise InvalidInput("appended text must start with a new piece")
    for piece in parsed:
        entry = _add(session, section, piece.kind, piece.text, piece.speaker)
        for remark in piece.remarks:
            _add(session, section, remark.kind, remark.text, remark.speaker, entry)
    touch(session, post)
    said = f"{'added' if append else 'now'} {_count(parsed)}"
    return f"{section.heading}: {said}{_footnotes_said(notes)}."


def _definitions(text: str) -> tuple[str, dict[str, str]]:
    """`text` without its footnote definitions (`[^key]: text` paragraphs), and those."""
    from diary.core.posts.whole import DEFINITION

    kept: list[str] = []
    notes: dict[str, str] = {}
    for block in re.split(r"\n[ \t]*\n", text):
        found = DEFINITION.match(block.strip())
        if found and found["text"].strip():
            notes[found["key"]] = " ".join(found["text"].split())
        else:
            kept.append(block)
    return "\n\n".join(kept).strip(), notes


def _footnotes_said(notes: dict[str, str]) -> str:
    if not notes:
        return ""
    return f"; footnote{'s' * (len(notes) != 1)} {', '.join(f'[^{k}]' for k in notes)} set"


def _delete_entries(session: Session, section: PostSection) -> None:
    """Every entry of the section, remarks included, in one statement."""
    session.flush()
    session.execute(delete(PostEntry).where(col(PostEntry.section_id) == section.id))
    session.expire_all()


def _count(parsed: list[Parsed]) -> str:
    remarks = sum(len(p.remarks) for p in parsed)
    pieces = f"{len(parsed)} piece{'s' * (len(parsed) != 1)}"
    return pieces + (f" and {remarks} remark{'s' * (remarks != 1)}" if remarks else "")


def set_short_plot(
    session: Session, post: Post, section: PostSection, text: str | None, source: str | None
) -> str:
    """Set a plot's one-line version (None keeps it) and its source (None keeps it)."""
    if section.kind != "plot":
        raise InvalidInput(f"{section.heading} is not a plot section; --short is for plots")
    if text is not None:
        check_links(text)
        section.body = " ".join(text.split()) or None
    if source is not None:
        section.source = " ".join(source.split()) or None
    session.add(section)
    touch(session, post)
    where = f" (via {section.source})" if section.source else ""
    if text is None:
        said = f"source set to {section.source}" if section.source else "source cleared"
        later = "" if section.body else "; no short version yet: give it with --short"
        return f"{section.heading}: {said}{later}."
    return f"{section.heading}: short version {'written' if section.body else 'cleared'}{where}."


def add_fact(session: Session, post: Post, section: PostSection, text: str) -> str:
    entry = _add(session, section, "fact", _clean(text))
    touch(session, post)
    number = len(_section_doc(session, post, section).pieces)
    return f"{section.heading}: added fact {number}{_words(entry.text)}."


def ask(session: Session, post: Post, section: PostSection, text: str, asker: str | None) -> str:
    entry = _add(session, section, "question", _clean(text), (asker or "").strip() or None)
    touch(session, post)
    number = len(_section_doc(session, post, section).pieces)
    return f"{section.heading}: added question {number}{_words(entry.text)}."


def add_film(session: Session, post: Post, section: PostSection, film: Film) -> str:
    doc = _section_doc(session, post, section)
    if any(p.film is not None and p.film.id == film.id for p in doc.pieces):
        raise Conflict(f"{label(film)} is already in {section.heading}")
    _add(session, section, "film", label(film), film=film)
    touch(session, post)
    return f"{section.heading}: added {label(film)} as film {len(doc.pieces) + 1}."


def clear(session: Session, post: Post, section: PostSection, piece: int | None) -> str:
    """Empty a section, or take one piece (with its remarks) out of it."""
    doc = _section_doc(session, post, section)
    if piece is not None:
        found = doc.piece(piece)
        if found is None:
            raise NotFound(f"{section.heading} has no piece {piece} (it has {len(doc.pieces)})")
        session.delete(found.entry)
        session.flush()
        touch(session, post)
        count = len(found.remarks)
        remarks = f" and its {count} remark{'s' * (count != 1)}" if count else ""
        return f"{section.heading}: removed piece {piece}{remarks}."
    _delete_entries(session, section)
    for award in doc.awards:
        session.delete(award.award)
    section.body = None
    section.source = None
    session.add(section)
    session.flush()
    touch(session, post)
    return f"{section.heading}: cleared."


def set_footnote(session: Session, post: Post, text: str, key: str | None) -> tuple[str, str]:
    """Add a footnote (or change the text of footnote `key`); returns (marker, message)."""
    clean = " ".join(_clean(text).split())
    check_links(clean)
    assert post.id is not None
    existing = {
        f.key: f for f in session.exec(select(PostFootnote).where(PostFootnote.post_id == post.id))
    }
    if key is not None and not _FOOTNOTE_KEY.match(key):
        raise InvalidInput(f"a footnote key is letters, digits, - or _ (not {key!r})")
    if key is None:
        n = len(existing) + 1
        while f"fn{n}" in existing:
            n += 1
        key = f"fn{n}"
    marker = f"[^{key}]"
    if key in existing:
        existing[key].text = clean
        session.add(existing[key])
        message = f"Footnote {marker} of {describe(session, post)} now reads: {clean}"
    else:
        session.add(PostFootnote(post_id=post.id, key=key, text=clean, created_at=clock.now()))
        message = f"Added footnote {marker} to {describe(session, post)}; put {marker} in the text."
    session.flush()
    touch(session, post)
    return marker, message


def unknown_markers(session: Session, post: Post, text: str) -> list[str]:
    """Footnote markers in `text` that name no footnote of the post (yet)."""
    keys = set(session.exec(select(PostFootnote.key).where(PostFootnote.post_id == post.id)))
    return [f"[^{k}]" for k in MARKER.findall(text) if k not in keys]


def _words(text: str | None) -> str:
    count = len((text or "").split())
    return f" ({count} word{'s' * (count != 1)})" if count else ""
