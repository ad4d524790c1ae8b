"""Notes a command says only once its transaction has committed.

A film made by typing its title, a first person added at the first-run question: the user is
told of them after the commit, never for work that was rolled back.
"""

from sqlmodel import Session

_KEY = "diary.after_commit"


def note_after_commit(session: Session, note: str) -> None:
    session.info.setdefault(_KEY, []).append(note)


def notes_after_commit(session: Session) -> list[str]:
    """The notes of the session, in the order they were made; each is given once."""
    notes: list[str] = session.info.pop(_KEY, [])
    return notes
