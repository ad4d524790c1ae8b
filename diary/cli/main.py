"""The `diary` command: global options, the command groups, and the one error exit."""

from typing import Any

import typer
from typer._click.exceptions import BadParameter, UsageError
from typer.core import TyperArgument, TyperGroup

from diary import __version__
from diary.cli import (
    awards,
    bp,
    charts,
    checklists,
    comments,
    database,
    exporting,
    films,
    importing,
    log,
    people,
    posts,
    stats,
    watchlist,
)
from diary.cli.context import state


class DiaryGroup(TyperGroup):
    """Turns every DiaryError (and storage failure) into one line on stderr and exit 1."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from diary.cli.completion import attach

        attach(self)  # the whole command tree exists by now: give values their completers

    def invoke(self, ctx: Any) -> Any:
        from diary.base.errors import DiaryError

        try:
            _refuse_typed_control(ctx)
            return super().invoke(ctx)
        except DiaryError as exc:
            if state.debug:
                raise
            _fail(exc.message)
        except BrokenPipeError:
            _reader_went_away()
        except UsageError as exc:
            if state.debug:
                raise
            _usage(exc)
        except Exception as exc:
            if state.debug or _belongs_to_the_cli(exc):
                raise
            _fail(_unexpected(exc))


def _refuse_typed_control(ctx: Any) -> None:
    """Nothing typed on the command line may hold ESC, BEL, NUL or the like: a title with an
    escape sequence in it would act on the terminal of whoever lists it later."""
    from diary.base.words import refuse_control

    for typed in [*getattr(ctx, "_protected_args", ()), *ctx.args]:
        refuse_control(typed, "typed text")


def _usage(exc: UsageError) -> None:
    """A bad argument: one line saying what was wrong and where help is, exit 2."""
    import sys

    message = exc.format_message()
    if isinstance(exc, BadParameter) and (typed := _typed_wrong(exc)) is not None:
        message = typed
    where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
    from diary.base.words import escaped

    print(f"Error: {escaped(message)}{where}", file=sys.stderr)
    raise typer.Exit(2)


def _typed_wrong(exc: BadParameter) -> str | None:
    """'ID must be a whole number, not 'abc'' instead of the type checker's own words."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if not callable(errors) or exc.param is None:
        return None
    first = errors()[0] if errors() else {}
    kinds = {"int_parsing": "a whole number", "float_parsing": "a number"}
    kind = kinds.get(str(first.get("type")))
    if kind is None:
        return None
    from diary.base.words import quoted

    return f"{exc.param.get_error_hint()} must be {kind}, not {quoted(str(first.get('input')))}"


def _belongs_to_the_cli(exc: Exception) -> bool:
    """Usage errors, Exit and Abort are the command-line framework's to report."""
    return type(exc).__module__.startswith(("typer", "click"))


def _reader_went_away() -> None:
    """`diary list | head`: the reader closed the pipe; stop quietly."""
    import os
    import sys

    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(1)


def _fail(message: str) -> None:
    import sys

    from diary.base.words import escaped

    print(f"Error: {escaped(message)}", file=sys.stderr)
    raise typer.Exit(1)


def _unexpected(exc: Exception) -> str:
    from diary.cli.context import location
    from diary.store.database import translate

    module = type(exc).__module__
    if module.startswith(("sqlalchemy", "sqlite3")):
        return translate(exc, location()).message
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
    if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):
        from diary.base.errors import number_too_large

        return str(number_too_large())
    return f"unexpected {type(exc).__name__}: {exc} (run with --debug for details)"


def _named_by_metavar(self: TyperArgument, ctx: Any) -> str | None:
    """An argument's help row shows its metavar (FILM), not also the Python type (<str>)."""
    return None if self.metavar else TyperArgument.display_type(self, ctx)


TyperArgument.display_type_rich = _named_by_metavar  # type: ignore[method-assign,assignment]


app = typer.Typer(
    cls=DiaryGroup,
    name="diary",
    rich_markup_mode=None,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"diary {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: str | None = typer.Option(
        None,
        "--db",
        metavar="PATH|URL",
        help="Database file or URL (default: DIARY_DB, else the user data directory).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """A movie diary, watchlist and Best Picture checklist for the terminal.

    Log films, keep watchlists and Spreadsheet comments, tick off Best Picture nominees.

    \b
    Example:
      diary people add Ellen --role host
      diary log "Her" --year 2013 --date "last friday" --rating 4.5
      diary list --limit 10
    """
    state.db = db
    state.debug = debug
    state.chosen = {}
    state.first_name = None


log.register(app)
app.add_typer(people.app, name="people")
app.add_typer(films.app, name="film")
app.add_typer(watchlist.app, name="watchlist")
app.add_typer(comments.app, name="comment")
app.add_typer(bp.app, name="bp")
app.add_typer(checklists.app, name="checklist")
app.add_typer(posts.app, name="post")
awards.register(app)
app.add_typer(importing.app, name="import")
app.add_typer(exporting.app, name="export")
app.add_typer(database.app, name="db")
app.add_typer(stats.app, name="stats")
charts.register(app)


def main() -> None:
    """The `diary` console script (and `python -m diary`).

    Start-up creates tens of thousands of objects that live as long as the process (modules,
    classes, table mappings); the cyclic garbage collector would scan them again and again
    while they are built. It is paused here and resumed, with everything alive by then frozen
    out of its sight, once the command has opened its database (context.session).
    """
    import gc

    gc.disable()
    try:
        app(prog_name="diary")
    finally:
        _close_databases()


def _close_databases() -> None:
    """Close every connection, so SQLite folds its write-ahead log back into the file."""
    import sys

    database = sys.modules.get("diary.store.database")
    if database is not None:
        database.reset()
