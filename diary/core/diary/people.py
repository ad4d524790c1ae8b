"""People who watch and write: hosts, guests, pets. One of them is the default "me"."""

from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import Conflict, InvalidInput, NotFound
from diary.store.models import Person

ROLES = ("host", "guest", "pet")


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def add_person(session: Session, name: str, role: str | None = None) -> Person:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("a person needs a name")
    if "=" in clean:
        raise InvalidInput(
            "a name cannot hold '=': it separates a name from a rating in --with NAME=RATING"
        )
    _check_role(role)
    existing = session.exec(select(Person).where(Person.name_key == name_key(clean))).first()
    if existing is not None:
        raise Conflict(f"{existing.name} is already here")
    first = session.exec(select(Person.id).limit(1)).first() is None
    person = Person(
        name=clean, name_key=name_key(clean), role=role, is_default=first, created_at=clock.now()
    )
    session.add(person)
    session.flush()
    return person


def _check_role(role: str | None) -> None:
    if role is not None and role not in ROLES:
        raise InvalidInput(f"unknown role {role!r}: use one of {', '.join(ROLES)}")


def set_role(session: Session, name: str, role: str) -> Person:
    _check_role(role)
    person = find_person(session, name)
    person.role = role
    session.add(person)
    session.flush()
    return person


def list_people(session: Session) -> list[Person]:
    return list(session.exec(select(Person).order_by(col(Person.id))))


def watchers(session: Session) -> list[Person]:
    """Everyone who watches: every person but the pets (hosts, guests and those with no role).
    Checklists count these by default; a pet counts only when named with --by."""
    return [p for p in list_people(session) if p.role != "pet"]


def find_person(session: Session, name: str) -> Person:
    person = session.exec(select(Person).where(Person.name_key == name_key(name))).first()
    if person is not None:
        return person
    known = [p.name for p in list_people(session)]
    if not known:
        raise NotFound(
            f"unknown person {name!r}: nobody is here yet; add one with `diary people add NAME`"
        )
    raise NotFound(f"unknown person {name!r}: known are {', '.join(known)}")


def default_person(session: Session) -> Person:
    person = session.exec(select(Person).where(Person.is_default)).first()
    if person is None:
        person = session.exec(select(Person).order_by(col(Person.id))).first()
    if person is None:
        raise NotFound("nobody is here yet: add yourself with `diary people add NAME`")
    return person


def resolve_person(session: Session, name: str | None) -> Person:
    """The named person, or the default one when no name is given."""
    return default_person(session) if name is None else find_person(session, name)


def set_default(session: Session, name: str) -> Person:
    person = find_person(session, name)
    for other in session.exec(select(Person).where(Person.is_default)):
        other.is_default = False
        session.add(other)
    person.is_default = True
    session.add(person)
    session.flush()
    return person


def has_people(session: Session) -> bool:
    return session.exec(select(Person.id).limit(1)).first() is not None
