"""Finding the files of a Letterboxd export: a zip, its unpacked folder, or one CSV file.

Each file is opened as UTF-8 text (a byte-order mark is dropped) while counting the bytes
read, so a progress bar can follow the import. Files that are never imported are listed with
the reason: profile.csv is never even opened (it holds the member's e-mail address), and the
deleted/ and orphaned/ folders hold entries the member removed.

A hostile archive is refused before anything is parsed: files to import larger in all than
`Limits.total` once unpacked, a line longer than `Limits.line` (checked as bytes arrive, so
memory stays bounded), or a name that climbs out of the export (`../`, an absolute path).
"""

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from diary.base.errors import InvalidInput, NotFound
from diary.core.letterboxd.records import Progress

# File names inside an export and what they hold.
EXPORT_NAMES = {
    "diary.csv": "diary",
    "reviews.csv": "reviews",
    "ratings.csv": "ratings",
    "watched.csv": "watched",
    "watchlist.csv": "watchlist",
    "likes/films.csv": "likes",
}
SKIPPED_FOLDERS = ("deleted", "orphaned")
PRIVATE = "profile.csv"
# Files written by `diary export letterboxd` (Letterboxd's import format).
_OWN_EXPORT = re.compile(r"^(?P<what>diary|watchlist)-\d+\.csv$")

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much an export may hold: all files to import together, and one line, in bytes."""

    total: int = 500 * MB
    line: int = 1 * MB


class TooLong(InvalidInput):
    """A line longer than the limit: the import is refused."""


@dataclass
class ExportFile:
    """One CSV file of the export; `kind` is what its name says it holds (None: unknown)."""

    name: str
    size: int
    opener: Callable[[], IO[bytes]]
    kind: str | None = None
    limits: Limits = field(default_factory=Limits)

    @contextmanager
    def text(self, progress: Progress | None = None) -> Iterator[IO[str]]:
        """The file as text; `progress` is told how many bytes each read consumed."""
        counting = _Counting(self.opener(), progress, self.name, self.limits.line)
        with io.TextIOWrapper(
            io.BufferedReader(counting, 1 << 16), encoding="utf-8-sig", newline=""
        ) as handle:
            yield handle


@dataclass
class Export:
    label: str
    files: list[ExportFile]
    not_imported: list[str] = field(default_factory=list)
    single: bool = False
    _closers: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for closer in self._closers:
            closer()


class _Counting(io.RawIOBase):
    """A byte stream that reports how much has been read and refuses an overlong line."""

    def __init__(self, raw: IO[bytes], progress: Progress | None, name: str, line: int) -> None:
        self._raw = raw
        self._progress = progress
        self._name = name
        self._limit = line
        self._run = 0  # bytes since the last line end
        self._lines = 1

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        count = len(data)
        buffer[:count] = data
        self._check(data)
        if count and self._progress is not None:
            self._progress(count)
        return count

    def _check(self, data: bytes) -> None:
        last = data.rfind(b"\n")
        if last < 0:
            self._run += len(data)
        else:
            self._lines += data.count(b"\n")
            self._run = len(data) - last - 1
        if self._run > self._limit:
            raise TooLong(
                f"{self._name} line {self._lines} is longer than {sized(self._limit)}, the "
                "longest line diary reads; raise the limit with --max-line KB"
            )

    def close(self) -> None:
        self._raw.close()
        super().close()


def sized(count: int) -> str:
    """Bytes in the unit the options take: '1024 KB', '500 MB'."""
    return f"{count / MB:.4g} MB" if count >= MB else f"{count // 1024} KB"


def open_export(path: Path, limits: Limits | None = None) -> Export:
    """The export at `path`, its files sorted by name; raises for a missing or unreadable path
    and for an export over the limits."""
    limits = limits or Limits()
    if not path.exists():
        raise NotFound(f"no such file or folder: {path}")
    if path.is_dir():
        export = _from_names(str(path), _folder_entries(path))
    elif zipfile.is_zipfile(path):
        export = _from_zip(path)
    elif path.suffix.lower() == ".zip":
        raise InvalidInput(f"{path} is not a readable zip file")
    else:
        size = path.stat().st_size
        single = ExportFile(path.name, size, lambda: open(path, "rb"), _kind_from_name(path.name))
        export = Export(str(path), [single], single=True)
    total = sum(file.size for file in export.files)
    if total > limits.total:
        export.close()
        raise InvalidInput(
            f"{path} holds {sized(total)} to import once unpacked, over the limit of "
            f"{sized(limits.total)}; raise it with --max-size MB"
        )
    for file in export.files:
        file.limits = limits
    return export


def _folder_entries(root: Path) -> dict[str, tuple[int, Callable[[], IO[bytes]]]]:
    entries: dict[str, tuple[int, Callable[[], IO[bytes]]]] = {}
    for file in sorted(root.rglob("*")):
        if file.is_file():
            entries[file.relative_to(root).as_posix()] = (
                file.stat().st_size,
                lambda file=file: open(file, "rb"),  # type: ignore[misc]
            )
    return entries


def _from_zip(path: Path) -> Export:
    try:
        archive = zipfile.ZipFile(path)
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise InvalidInput(f"{path} is not a readable zip file ({exc})") from exc
    unsafe = next((info.filename for info in infos if _climbs_out(info.filename)), None)
    if unsafe is not None:
        archive.close()
        cut = unsafe if len(unsafe) <= 60 else unsafe[:59] + "…"
        raise InvalidInput(f"{path} holds a file named {cut!r}, outside the export")
    entries = {
        info.filename: (info.file_size, lambda info=info: archive.open(info)) for info in infos
    }
    export = _from_names(str(path), entries)  # type: ignore[arg-type]
    export._closers.append(archive.close)
    return export


def _climbs_out(name: str) -> bool:
    """A name that would land outside the folder it is unpacked in."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or (len(name) > 1 and name[1] == ":")


def shown_name(name: str) -> str:
    """A file name as a message shows it: as it is when plain, else escaped and cut short."""
    if name.isprintable() and len(name) <= 60:
        return name
    return repr(name if len(name) <= 60 else name[:59] + "…")


def _from_names(label: str, entries: dict[str, tuple[int, Callable[[], IO[bytes]]]]) -> Export:
    names = _strip_common_folder(list(entries))
    files: list[ExportFile] = []
    not_imported: list[str] = []
    skipped_folders: dict[str, int] = {}
    for original, name in sorted(zip(entries, names, strict=True), key=lambda pair: pair[1]):
        size, opener = entries[original]
        top = name.split("/", 1)[0]
        if "/" in name and top in SKIPPED_FOLDERS:
            skipped_folders[top] = skipped_folders.get(top, 0) + 1
        elif name == PRIVATE:
            not_imported.append(f"{PRIVATE}: not read (it holds your e-mail address)")
        elif not name.lower().endswith(".csv"):
            continue
        elif (kind := _kind_from_name(name)) is not None:
            files.append(ExportFile(name, size, opener, kind))
        else:
            not_imported.append(f"{shown_name(name)}: not imported (diary has no place for it)")
    for folder, count in sorted(skipped_folders.items()):
        plural = "file" if count == 1 else "files"
        not_imported.append(f"{folder}/: skipped ({count} {plural} of removed entries)")
    if not files:
        raise InvalidInput(
            f"{label} holds no Letterboxd export files "
            "(diary.csv, reviews.csv, ratings.csv, watched.csv, watchlist.csv, lists/…)"
        )
    return Export(label, files, not_imported)


def _strip_common_folder(names: list[str]) -> list[str]:
    """An export zipped with its folder: 'letterboxd-x/diary.csv' is read as 'diary.csv'."""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        top = tops.pop()
        if top not in SKIPPED_FOLDERS and top not in ("lists", "likes"):
            return [name.split("/", 1)[1] for name in names]
    return names


def _kind_from_name(name: str) -> str | None:
    lowered = name.lower()
    if lowered in EXPORT_NAMES:
        return EXPORT_NAMES[lowered]
    if lowered.startswith("lists/"):
        return "list"
    base = lowered.rsplit("/", 1)[-1]
    if match := _OWN_EXPORT.match(base):
        return "import-watchlist" if match["what"] == "watchlist" else "import-diary"
    return None
