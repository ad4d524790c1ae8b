"""Where the database is: --db, then DIARY_DB, then the user's data directory.

Kept free of heavy imports so that `diary db path` and `--help` stay instant.
"""

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_NAME = "diary.db"


@dataclass(frozen=True)
class Location:
    url: str
    path: Path | None  # the SQLite file, when the database is one
    is_default: bool

    @property
    def shown(self) -> str:
        """How the location is printed: a path, or the URL with any password hidden."""
        if self.path is not None:
            return str(self.path)
        return mask_url(self.url)


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("diary", appauthor=False) / DEFAULT_NAME


def resolve(db: str | None) -> Location:
    value = db or os.environ.get("DIARY_DB") or None
    if value is None:
        path = default_path()
        return Location(url=f"sqlite:///{path}", path=path, is_default=True)
    if "://" in value:
        return Location(url=value, path=_sqlite_path(value), is_default=False)
    path = Path(value).expanduser().absolute()
    return Location(url=f"sqlite:///{path}", path=path, is_default=False)


def _sqlite_path(url: str) -> Path | None:
    prefix = "sqlite:///"
    if url.startswith(prefix) and len(url) > len(prefix):
        rest = url[len(prefix) :].split("?", 1)[0]
        return Path(rest).absolute() if rest != ":memory:" else None
    return None


def mask_url(url: str) -> str:
    """postgresql://ann:secret@host/db -> postgresql://ann:***@host/db."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    hidden = f"{user}:***" if ":" in credentials else user
    return f"{scheme}://{hidden}{at}{host}"
