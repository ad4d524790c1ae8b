"""`diary db`: where the database is, its health, backups and upgrades."""

from pathlib import Path

import typer

from diary.cli import context
from diary.cli.output import emit_json, say

HELP = """The database: path, status, check, backup, upgrade.

\b
Example:
  diary db status
  diary db backup ~/diary-copy.db
"""

app = typer.Typer(no_args_is_help=True, help=HELP)


@app.command("path")
def db_path() -> None:
    """Print where the database is (a password in a URL is hidden).

    \b
    Example:
      diary db path
    """
    print(context.location().shown)


@app.command("status")
def db_status(json_: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show the schema version, size and row counts.

    \b
    Example:
      diary db status
    """
    from diary.store.maintenance import status

    info = status(context.location())
    if json_:
        emit_json(info)
        return
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        print(f"{key}: {value}")


@app.command("check")
def db_check() -> None:
    """Check the file's integrity and its foreign keys; exit 1 if anything is wrong.

    \b
    Example:
      diary db check
    """
    from diary.core.errors import StorageError
    from diary.store.maintenance import check

    report = check(context.location())
    if report.ok:
        print(f"{report.path}: ok")
        return
    for problem in report.problems:
        say(f"{report.path}: {problem}")
    raise StorageError(f"{report.path} failed its check ({len(report.problems)} problem(s))")


@app.command("backup")
def db_backup(
    file: Path | None = typer.Argument(
        None, metavar="FILE", help="Where to write the copy (default: beside the database)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
) -> None:
    """Write a consistent copy of the database, even while it is in use.

    \b
    Example:
      diary db backup ~/diary-2025-01-26.db
    """
    from diary.core import clock
    from diary.core.errors import StorageError
    from diary.store.backup import backup_file

    location = context.location()
    if location.path is None:
        raise StorageError(f"{location.shown} is not a SQLite file; back it up with its own tools")
    if file is None:
        stamp = clock.now().strftime("%Y%m%dT%H%M%S")
        file = location.path.with_name(f"{location.path.stem}-backup-{stamp}.db")
        copy = 1
        while file.exists():  # two backups within a second: never over the first
            copy += 1
            file = location.path.with_name(f"{location.path.stem}-backup-{stamp}-{copy}.db")
    written = backup_file(location.path, file.expanduser().absolute(), force)
    say(f"Backed up {location.path} to {written}.")


@app.command("upgrade")
def db_upgrade() -> None:
    """Bring an older database up to this program's schema (after a backup).

    \b
    Example:
      diary db upgrade
    """
    from diary.store import migrations

    with context.session(write=True):
        pass
    say(f"{context.location().shown} is at schema version {migrations.latest_version()}.")
