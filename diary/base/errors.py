"""The one family of errors the program reports to users as a single line."""

from collections.abc import Sequence
from typing import Any


class DiaryError(Exception):
    """An error with a message meant for the user; the CLI prints it and exits 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(DiaryError):
    """A value typed by the user that cannot be understood (a date, a rating...)."""


class NotFound(DiaryError):
    """Something named by the user does not exist."""


class Ambiguous(DiaryError):
    """A name matches several things; the message lists the candidates."""

    def __init__(self, message: str, candidates: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


class Conflict(DiaryError):
    """The change would clash with what is already stored."""


class StorageError(DiaryError):
    """The database cannot be opened, read or written."""


LARGEST_NUMBER = 2**63 - 1  # what a database integer holds, on every engine


def number_too_large() -> InvalidInput:
    """An id, year, limit or priority typed with more digits than a database number holds."""
    return InvalidInput(
        f"a number given is too large (the most a database number holds is {LARGEST_NUMBER})"
    )
