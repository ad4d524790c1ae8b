"""What one Letterboxd import carries as it goes: counts, problems, and new viewing rows."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from diary.base import clock
from diary.core.letterboxd.films import FilmResolver
from diary.core.letterboxd.records import Row
from diary.store.bulk import insert_values
from diary.store.models import Person, Viewing, ViewingPerson, ViewingTag

CATEGORIES = (
    "films",
    "diary entries",
    "reviews",
    "watched, no date",
    "ratings",
    "likes",
    "watchlist",
    "lists",
    "list items",
)
SOURCE = "letterboxd"
# The summary's line for each kind of file (where its unreadable rows are counted).
CATEGORY_OF = {
    "diary": "diary entries",
    "import-diary": "diary entries",
    "reviews": "reviews",
    "watched": "watched, no date",
    "ratings": "ratings",
    "likes": "likes",
    "watchlist": "watchlist",
    "import-watchlist": "watchlist",
    "list": "list items",
}
VIEWING_COLUMNS = [
    "id",
    "film_id",
    "watched_on",
    "place",
    "source",
    "source_key",
    "created_at",
    "updated_at",
]
PART_COLUMNS = ["viewing_id", "person_id", "rating", "liked", "rewatch", "review"]
# What changes on a diary entry a newer export can bring, as the summary names them.
CHANGES = ("watched date", "rating", "rewatch", "tags", "review")


@dataclass
class Tally:
    added: int = 0
    present: int = 0
    skipped: int = 0


@dataclass
class ImportSummary:
    person: str
    source: str
    counts: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    files: list[str] = field(default_factory=list)
    not_imported: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    checklist_notes: list[str] = field(default_factory=list)
    watchlist_removed: list[str] = field(default_factory=list)  # films watched since listed
    watchlist_left_out: list[str] = field(default_factory=list)  # rows of films seen since
    changed: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CHANGES})
    gone: dict[str, list[str]] = field(default_factory=dict)  # no longer in the export
    pruned: bool = False  # whether what is gone was removed
    renamed: list[str] = field(default_factory=list)
    year_matches: list[str] = field(default_factory=list)  # nominees taken a year or two off
    possible_matches: list[str] = field(default_factory=list)
    control_removed: int = 0  # values that had control characters taken out
    dry_run: bool = False


@dataclass(slots=True)
class NewViewing:
    film_id: int
    watched_on: date | None
    key: str | None
    logged: date | None = None
    rating: int | None = None
    rewatch: bool = False
    review: str | None = None
    tags: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, row: Row, film_id: int, key: str | None) -> "NewViewing":
        return cls(
            film_id, row.watched_on, key, row.logged, row.rating, row.rewatch, row.review, row.tags
        )


class State:
    def __init__(self, session: Session, person: Person, summary: ImportSummary) -> None:
        assert person.id is not None
        self.session = session
        self.person_id: int = person.id
        self.summary = summary
        self.now = clock.now()
        self.films = FilmResolver(session, self.now)
        top = session.execute(select(func.max(Viewing.id))).scalar()
        self.next_viewing = (top or 0) + 1
        # import-format rows so far of each film and date the person had viewings of
        self.occurrences: dict[tuple[int, date | None], int] = {}
        # the first viewing id of those rows' pass (0: the person had no viewing before it)
        self.unkeyed_before: int | None = None
        self.claimed: set[int] = set()
        # diary.csv entry links seen in this import: their reviews are not entries of their own
        self.entry_keys: set[str] = set()
        self.review_keys: set[str] = set()  # entry links of reviews.csv rows
        self.read: set[tuple[str, int]] = set()  # rows already reported or counted
        self.changed = False  # an entry changed film or date: lists may need ticking
        self.unlinked: dict[str, int] = {}  # rows without an entry link, per file and film
        # films each per-film file of this export holds, for what is no longer there
        self.held: dict[str, set[int]] = {
            "likes": set(),
            "ratings": set(),
            "watchlist": set(),
            "watched": set(),
            "entries": set(),  # films with a diary entry in this export
        }
        self.lists_seen: dict[int, set[int]] = {}  # list checklist id -> its films here

    def tally(self, category: str) -> Tally:
        return self.summary.counts[category]

    def skip(self, category: str, row: Row, reason: str) -> None:
        self.tally(category).skipped += 1
        self.summary.problems.append(f"{row.where}: {reason}; not imported")

    def add_viewings(self, new: list[NewViewing]) -> None:
        """Insert viewings with this person's part in each, in three bulk statements."""
        if not new:
            return
        viewings: list[list[Any]] = []
        parts: list[list[Any]] = []
        tags: list[list[Any]] = []
        person, now, combine, midnight = self.person_id, self.now, datetime.combine, time()
        viewing_id = self.next_viewing
        for item in new:
            # when it was logged; a file that does not say (our own export) has its date
            day = item.logged or item.watched_on
            created = combine(day, midnight, UTC) if day else now
            viewings.append(
                [viewing_id, item.film_id, item.watched_on, None, SOURCE, item.key, created, now]
            )
            parts.append([viewing_id, person, item.rating, False, item.rewatch, item.review])
            tags.extend([viewing_id, tag] for tag in item.tags)
            viewing_id += 1
        self.next_viewing = viewing_id
        insert_values(self.session, Viewing, VIEWING_COLUMNS, viewings)
        insert_values(self.session, ViewingPerson, PART_COLUMNS, parts)
        insert_values(self.session, ViewingTag, ["viewing_id", "tag"], tags)
