"""What the shell may offer at the Tab key: people, film titles and a post's section keys.

Read-only lookups by prefix. A title is matched on its title key as well as on its letters, so
`godf` offers "The Godfather"; a title two films share is offered with each year.
"""

from collections import Counter

from sqlmodel import Session, col, or_, select

from diary.base.errors import DiaryError
from diary.base.titles import display, title_key
from diary.core.posts import formats
from diary.store.models import Film, Person, PostSection

# More than a terminal can usefully show; typing a letter or two narrows it.
LIMIT = 200


def people_starting(session: Session, text: str) -> list[str]:
    """Names of the people whose name begins with `text` (any case), in the order added."""
    wanted = " ".join(text.split()).casefold()
    names = session.exec(select(Person.name).order_by(col(Person.id)))
    return [name for name in names if name.casefold().startswith(wanted)]


def titles_starting(session: Session, text: str, limit: int = LIMIT) -> list[str]:
    """Titles of the films that begin with `text`: 'Her', or 'Little Women (1994)' and
    'Little Women (2019)' when a title is shared. Sorted, at most `limit` of them."""
    key, letters = title_key(text), text.strip().casefold()
    query = select(Film.title, Film.year).where(
        or_(
            col(Film.title_key).startswith(key, autoescape=True),
            col(Film.title).istartswith(letters, autoescape=True),
        )
    )
    films = sorted(set(session.exec(query)), key=lambda f: (f[0].casefold(), f[1] or 0))
    shared = Counter(title for title, _ in films)
    offered = [display(title, year) if shared[title] > 1 else title for title, year in films]
    return list(dict.fromkeys(offered))[:limit]


def section_keys(session: Session, post: str | None, text: str) -> list[str]:
    """The section keys of the post named `post`, in order; without a post that can be
    found, the keys the post formats use. Only keys beginning with `text`."""
    keys: list[str] = []
    if post:
        from diary.core.posts.lifecycle import resolve_post

        try:
            found = resolve_post(session, post)
        except DiaryError:
            found = None
        if found is not None:
            keys = list(
                session.exec(
                    select(PostSection.key)
                    .where(PostSection.post_id == found.id)
                    .order_by(col(PostSection.position))
                )
            )
    if not keys:
        usable, _ = formats.all_formats()
        keys = [section.key for fmt in usable for section in fmt.sections]
    wanted = text.strip().casefold()
    return [key for key in dict.fromkeys(keys) if key.casefold().startswith(wanted)]
