"""The `diary` command: global options, the command groups, and the one error exit."""

from collections.abc import Sequence
from functools import cache
from typing import Any

import typer
from typer._click.exceptions import BadParameter, UsageError
from typer.core import TyperArgument, TyperGroup

from diary import __version__
from diary.cli.context import state

# Each module of diary.cli that adds to `diary`, in the order `diary --help` lists them, with
# the name of its group (None: it adds its commands itself, through its `register`).
COMMANDS: tuple[tuple[str, str | None], ...] = (
    ("log", None),
    ("people", "people"),
    ("films", "film"),
    ("watchlist", "watchlist"),
    ("comments", "comment"),
    ("bp", "bp"),
    ("checklists", "checklist"),
    ("posts", "post"),
    ("awards", None),
    ("importing", "import"),
    ("exporting", "export"),
    ("database", "db"),
    ("stats", "stats"),
    ("charts", None),
)
# The module behind each word that can follow `diary`.
MODULE_OF = {
    **{name: "log" for name in ("log", "list", "show", "edit", "delete")},
    "awards": "awards",
    "chart": "charts",
    **{group: module for module, group in COMMANDS if group},
}


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


def _version(value: bool) -> None:
    if value:
        print(f"diary {__version__}")
        raise typer.Exit()


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


def _new_app() -> typer.Typer:
    """`diary` with its global options and no commands yet."""
    built = typer.Typer(
        cls=DiaryGroup,
        name="diary",
        rich_markup_mode=None,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(root)
    return built


def _add(target: typer.Typer, module_name: str) -> None:
    import importlib

    module = importlib.import_module(f"diary.cli.{module_name}")
    group = dict(COMMANDS)[module_name]
    if group is None:
        module.register(target)
    else:
        target.add_typer(module.app, name=group)


@cache
def full_app() -> typer.Typer:
    """`diary` with every command: for help, completion, the reference and the tests."""
    built = _new_app()
    for module_name, _ in COMMANDS:
        _add(built, module_name)
    return built


def app_for(argv: Sequence[str]) -> typer.Typer:
    """`diary` with only the commands of the module the command line names, when it names
    one after the global options: importing and building every other command would cost
    more than many commands take. Anything else (help, completion, a word that names no
    command) gets every command, so it is answered exactly as before."""
    from diary.cli.completion import completing

    words = iter(() if completing() else argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not (word == "--debug" or word.startswith("--db=")):
            if word in MODULE_OF:
                lean = _new_app()
                _add(lean, MODULE_OF[word])
                return lean
            break
    return full_app()


def __getattr__(name: str) -> Any:
    if name == "app":  # `from diary.cli.main import app`: the whole of `diary`
        return full_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """The `diary` console script (and `python -m diary`).

    Start-up creates tens of thousands of objects that live as long as the process (modules,
    classes, table mappings); the cyclic garbage collector would scan them again and again
    while they are built. It is paused here and resumed, with everything alive by then frozen
    out of its sight, once the command has opened its database (context.session).
    """
    import gc
    import sys

    gc.disable()
    try:
        app_for(sys.argv[1:])(prog_name="diary")
    finally:
        _close_databases()


def _close_databases() -> None:
    """Close every connection, so SQLite folds its write-ahead log back into the file."""
    import sys

    database = sys.modules.get("diary.store.database")
    if database is not None:
        database.reset()
