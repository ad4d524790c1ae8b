"""Themed awards: a category, its nominees, one winner and an acceptance note, per post.

A theme ("Oscar NomNomNomz") runs across posts; its all-time winners are one query away.
Giving an award again in the same post and category replaces it, so scripts can re-run.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from diary.base.errors import InvalidInput
from diary.base.titles import title_key
from diary.core.posts.document import MARKER
from diary.core.posts.inline import check_links
from diary.store.models import Award, AwardNominee, Film, Post, PostSection


@dataclass
class AwardRow:
    award: Award
    post: Post
    film: Film | None
    winner: str | None
    nominees: int


def theme_key(theme: str) -> str:
    return title_key(theme) or theme.strip().casefold()


def _category_key(category: str) -> str:
    """Categories match whatever footnote markers they carry: "Best Snack[^1]" is "Best Snack"."""
    return title_key(MARKER.sub(" ", category))


def award_section(
    session: Session, post: Post, section: str | None, theme: str | None
) -> PostSection:
    """The award section named, else the one headed by the theme, else the only one."""
    from diary.core.posts.lifecycle import section_for, sections_of_kind

    if section is None and theme is not None:
        for found in sections_of_kind(session, post, "award"):
            if title_key(found.heading) == title_key(theme):
                return found
    return section_for(session, post, "award", section)


def set_award(
    session: Session,
    post: Post,
    section: PostSection,
    category: str,
    nominees: Sequence[str],
    winner: int | None,
    note: str | None,
    theme: str | None = None,
    announced: str | None = None,
) -> str:
    """Give (or give again) the award for `category` in `section`; say what happened.

    `announced` is the winner as the post words it, when not as nominated."""
    clean_category = " ".join(category.split())
    names = [" ".join(n.split()) for n in nominees]
    if not clean_category:
        raise InvalidInput("an award needs a --category")
    if not names:
        raise InvalidInput("an award needs at least one --nominee")
    if "" in names:
        raise InvalidInput(f"nominee {names.index('') + 1} is empty")
    keys = [n.casefold() for n in names]
    twice = next((n for n, k in zip(names, keys, strict=True) if keys.count(k) > 1), None)
    if twice is not None:
        raise InvalidInput(f"{twice!r} is nominated twice")
    wording = " ".join((announced or "").split()) or None
    for text in (clean_category, *names, note, wording):
        check_links(text)
    if winner is not None and not 1 <= winner <= len(names):
        raise InvalidInput(f"--winner is a nominee's number, 1 to {len(names)}")
    if wording is not None and winner is None:
        raise InvalidInput("--announced words the winner: give --winner too")
    if wording is not None and winner is not None and wording == names[winner - 1]:
        wording = None
    chosen_theme = _theme_as_known(session, " ".join((theme or section.heading).split()), section)
    assert post.id is not None and section.id is not None
    existing = session.exec(
        select(Award).where(Award.section_id == section.id, Award.post_id == post.id)
    ).all()
    same = [a for a in existing if _category_key(a.category) == _category_key(clean_category)]
    for award in same:
        session.delete(award)
    session.flush()
    position = same[0].position if same else max((a.position for a in existing), default=0) + 1
    award = Award(
        post_id=post.id,
        section_id=section.id,
        theme=chosen_theme,
        theme_key=theme_key(chosen_theme),
        category=clean_category,
        winner_position=winner,
        note=(note or "").strip() or None,
        position=position,
        announced=wording,
    )
    session.add(award)
    session.flush()
    assert award.id is not None
    for number, name in enumerate(names, start=1):
        session.add(AwardNominee(award_id=award.id, position=number, name=name))
    session.flush()
    verb = "Replaced" if same else "Added"
    won = f"; the winner is {names[winner - 1]}" if winner is not None else "; no winner yet"
    nominated = f"{len(names)} nominee{'s' * (len(names) != 1)}"
    return f"{section.heading}: {verb} {clean_category} with {nominated}{won}."


def _theme_as_known(session: Session, theme: str, section: PostSection) -> str:
    """A theme spelled as before ("oscar nomnomnomz" is the section's "Oscar NomNomNomz")."""
    key = theme_key(theme)
    if theme_key(section.heading) == key:
        return section.heading
    earlier = session.exec(
        select(Award.theme).where(Award.theme_key == key).order_by(col(Award.id))
    ).first()
    return earlier or theme


def award_history(session: Session, theme: str | None = None) -> list[AwardRow]:
    """Every award given (of one theme), in post order, with its winner."""
    query = (
        select(Award, Post, Film)
        .join(Post, col(Post.id) == col(Award.post_id))
        .join(Film, col(Film.id) == col(Post.film_id), isouter=True)
        .order_by(col(Post.number), col(Award.position), col(Award.id))
    )
    if theme is not None:
        key = theme_key(theme)
        if not key:
            raise InvalidInput("name a theme, e.g. --theme 'Oscar NomNomNomz'")
        query = query.where(Award.theme_key == key)
    found = session.exec(query).all()
    names: dict[int, list[str]] = {}
    ids = [award.id for award, _, _ in found]
    for nominee in session.exec(
        select(AwardNominee)
        .where(col(AwardNominee.award_id).in_(ids))
        .order_by(col(AwardNominee.award_id), col(AwardNominee.position))
    ):
        names.setdefault(nominee.award_id, []).append(nominee.name)
    rows = []
    for award, post, film in found:
        nominees = names.get(award.id or 0, [])
        position = award.winner_position
        winner = nominees[position - 1] if position and position <= len(nominees) else None
        rows.append(AwardRow(award, post, film, winner, len(nominees)))
    return rows


def themes(session: Session) -> list[str]:
    return sorted({a for a in session.exec(select(Award.theme))})
