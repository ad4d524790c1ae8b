"""What a Letterboxd export is to the import: plain records, handed over by whoever read it.

The command opens the export (diary.importers reads the files) and gives core a `Source`:
for each file its kind and a way to read its rows afresh, as a generator, once per pass.
Core never opens a file itself.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

Progress = Callable[[int], None]


@dataclass(slots=True)
class FilmRef:
    """A film as a file names it: title and year, and its ids where the file gives them."""

    title: str
    year: int | None
    link: str | None = None  # the film's Letterboxd link (never a diary entry's)
    imdb: str | None = None
    tmdb: str | None = None


@dataclass(slots=True)
class Row:
    file: str
    number: int
    ref: FilmRef
    logged: date | None = None  # the Date column: when logged, added, rated or liked
    uri: str | None = None  # the diary entry's or review's own link
    watched_on: date | None = None
    rating: int | None = None  # half-stars, 1-10
    rewatch: bool = False
    tags: list[str] = field(default_factory=list)
    review: str | None = None
    position: int | None = None
    note: str | None = None
    cleaned: int = 0  # values that had control characters taken out

    @property
    def where(self) -> str:
        return f"{self.file} row {self.number}"

    @property
    def bare(self) -> bool:
        """A row of the import format that only says "seen" (and maybe a rating)."""
        return self.watched_on is None and not self.review and not self.tags and not self.rewatch


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A row that could not be read: skipped and reported by file and row."""

    file: str
    number: int
    line: int
    reason: str

    @property
    def where(self) -> str:
        return f"{self.file} row {self.number} (line {self.line})"


@dataclass
class ListInfo:
    name: str
    url: str | None
    description: str | None


Rows = Callable[[Progress | None], Iterator[Row | Unreadable]]


@dataclass
class SourceFile:
    """One file to import: its kind, its size in bytes, and its rows read afresh per pass."""

    name: str
    kind: str
    size: int
    rows: Rows
    info: ListInfo | None = None  # a list's name, link and description


@dataclass
class Source:
    """An opened export: the files to import and the files left out, with the reason."""

    label: str
    files: list[SourceFile]
    not_imported: list[str] = field(default_factory=list)
    complete: bool = False  # a whole export (zip or folder), not one file
