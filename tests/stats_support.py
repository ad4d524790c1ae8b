"""The hand-counted sample diary (diary.devtools.sample_diary) in the test's own database."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from diary.devtools.sample_diary import build
from diary.store.database import open_session
from diary.store.location import resolve


def build_sample() -> None:
    with open_session(resolve(None), True) as session:
        build(session)


@contextmanager
def reading() -> Iterator[Session]:
    with open_session(resolve(None), False) as session:
        yield session
