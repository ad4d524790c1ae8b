"""`diary db`: where the database is, its health, backups and upgrades."""

from enum import StrEnum
from pathlib import Path

import typer

from diary.base.words import counted
from diary.cli import context
from diary.cli.output import emit_json, say

HELP = """The database: path, status, check, backup, upgrade, copy.

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
    """Show the engine, schema version, size and row counts (and the server's version).

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
    """Check the database's integrity and its foreign keys; exit 1 if anything is wrong.

    On a server: the schema version, rows pointing at missing rows, and id sequences.

    \b
    Example:
      diary db check
    """
    from diary.base.errors import StorageError
    from diary.store.maintenance import check

    report = check(context.location())
    if report.ok:
        print(f"{report.path}: ok")
        return
    for problem in report.problems:
        say(f"{report.path}: {problem}")
    raise StorageError(f"{report.path} failed its check ({len(report.problems)} problem(s))")


class ServerBackup(StrEnum):
    json = "json"
    sql = "sql"
    custom = "custom"


@app.command("backup")
def db_backup(
    file: Path | None = typer.Argument(
        None, metavar="FILE", help="Where to write the copy (default: beside the database)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace FILE if it exists."),
    form: ServerBackup | None = typer.Option(
        None,
        "--format",
        help="On a server: json, sql or custom (pg_restore's archive); sql and custom need "
        "pg_dump. Default: custom when pg_dump is on PATH (sql for FILE.sql, json for "
        "FILE.json), else json.",
    ),
) -> None:
    """Write a consistent copy of the database, even while it is in use.

    A SQLite diary is copied as a SQLite file. A diary on a server is dumped by pg_dump when
    it is on PATH (restore it with pg_restore, or psql for --format sql), otherwise written
    as a JSON dump (restore it with `diary --db NEW import json FILE`, or `diary db copy`).
    The copy is readable by its owner only.

    \b
    Example:
      diary db backup ~/diary-2025-01-26.db
      diary --db postgresql://ann@nas.local/diary db backup ~/diary-2025-01-26.dump
    """
    from diary.base import clock
    from diary.base.errors import InvalidInput
    from diary.store.backup import backup_file

    location = context.location()
    if location.path is None:
        _backup_server(file, force, form)
        return
    if form is not None:
        raise InvalidInput(
            "--format is for a diary on a server; a SQLite diary is backed up as a SQLite file "
            "(for JSON: diary export json FILE)"
        )
    if file is None:
        stamp = clock.now().strftime("%Y%m%dT%H%M%S")
        file = location.path.with_name(f"{location.path.stem}-backup-{stamp}.db")
        copy = 1
        while file.exists():  # two backups within a second: never over the first
            copy += 1
            file = location.path.with_name(f"{location.path.stem}-backup-{stamp}-{copy}.db")
    written = backup_file(location.path, file.expanduser().absolute(), force)
    say(f"Backed up {location.path} to {written}.")


def _backup_server(file: Path | None, force: bool, form: ServerBackup | None) -> None:
    from diary.base import clock
    from diary.base.errors import InvalidInput
    from diary.core.diary.dump import Written, dump_text
    from diary.store.backup import pg_dump_file, pg_dump_program
    from diary.store.files import check_target, write_pieces

    if file is None:
        stamp = clock.now().strftime("%Y%m%dT%H%M%S")
        raise InvalidInput(
            "a diary on a server has no folder to back up beside; name the file, "
            f"e.g. diary db backup diary-{stamp}.dump"
        )
    target = file.expanduser().absolute()
    check_target(target, force)
    program = pg_dump_program()
    if form is None:
        by_name = {".json": ServerBackup.json, ".sql": ServerBackup.sql}
        form = by_name.get(target.suffix.lower(), ServerBackup.custom) if program else None
    elif form is not ServerBackup.json and program is None:
        raise InvalidInput(
            f"--format {form.value} needs pg_dump, which is not on PATH; install PostgreSQL's "
            "client tools, or use --format json"
        )
    location = context.location()
    if form is None or form is ServerBackup.json:
        written = Written()
        with context.session() as db:
            write_pieces(target, dump_text(db, written), force=force, private=True)
        why = " (pg_dump is not on PATH)" if form is None else ""
        say(f"Backed up {location.shown} ({written.rows} rows) to {target} as a JSON dump{why}.")
        return
    with context.session():  # the same one-line errors as any command, before pg_dump runs
        pass
    pg_dump_file(str(program), location.url, target, form.value, force)
    kind = "plain SQL (restore with psql)" if form is ServerBackup.sql else "pg_restore's format"
    say(f"Backed up {location.shown} to {target} with pg_dump, in {kind}.")


@app.command("copy")
def db_copy(
    source: str = typer.Argument(..., metavar="SRC", help="The diary to copy: a path or a URL."),
    target: str = typer.Argument(
        ..., metavar="DST", help="Where to: a path or a URL of a new, empty database."
    ),
) -> None:
    """Copy a whole diary to another database, on either engine, losslessly.

    DST must be new or empty (a fresh install's rows are replaced); every row keeps its id,
    so `diary export json` of both sides is identical. SQLite to PostgreSQL starts sharing;
    PostgreSQL to SQLite takes a copy home.

    \b
    Example:
      diary db copy ~/diary.db postgresql://ann:secret@nas.local/diary
      diary db copy postgresql://ann@nas.local/diary ~/diary-copy.db
    """
    import tempfile
    from pathlib import Path

    from diary.base.errors import InvalidInput
    from diary.core.diary.dump import Written, dump_text
    from diary.core.diary.dump_reader import restore_file
    from diary.store.database import open_session
    from diary.store.files import write_pieces
    from diary.store.location import resolve

    source_at, target_at = resolve(source), resolve(target)
    if source_at.url == target_at.url:
        raise InvalidInput(f"{source_at.shown} is both SRC and DST; name another database")
    with tempfile.TemporaryDirectory() as folder:  # streamed through a file: flat in memory
        between = Path(folder) / "copy.json"
        with open_session(source_at, write=False, notify=say) as db:
            write_pieces(between, dump_text(db, Written()))
        with open_session(target_at, write=True, notify=say) as db:
            restored = restore_file(db, between, source_at.shown)
    say(
        f"Copied {counted(restored.rows, 'rows')} in {counted(restored.tables, 'tables')} "
        f"from {source_at.shown} to {target_at.shown}."
    )


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
