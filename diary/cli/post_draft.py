"""`diary post draft`: a guided walk through a post's empty sections (at a terminal only).

Each answer is saved as soon as it is given, with the same core functions the piece-by-piece
commands use; an empty answer skips. Ctrl-C (or Esc, except in a text of several lines, where
Esc then Enter finishes the answer) stops the walk with the cancelled exit status and keeps
what was saved: each answer is a change of its own, as if typed as a command.
"""

from collections.abc import Callable
from typing import Any, Protocol

import typer

from diary.cli import context
from diary.cli.asking import CANCELLED_EXIT, answer_or_none
from diary.cli.output import say
from diary.cli.post_pieces import POST


class Asker(Protocol):
    def text(self, message: str, multiline: bool = False) -> str | None: ...

    def select(self, message: str, choices: list[str]) -> str | None: ...

    def checkbox(self, message: str, choices: list[tuple[str, int]]) -> list[int] | None: ...


class QuestionaryAsker:
    """Questions at the terminal; None when the person presses Ctrl-C (or Esc)."""

    def text(self, message: str, multiline: bool = False) -> str | None:
        import questionary

        hint = " (Esc then Enter to finish)" if multiline else ""
        question = questionary.text(message + hint, multiline=multiline)
        answer: str | None = answer_or_none(question, escape_cancels=not multiline)
        return answer

    def select(self, message: str, choices: list[str]) -> str | None:
        import questionary

        chosen: str | None = answer_or_none(questionary.select(message, choices=choices))
        return chosen

    def checkbox(self, message: str, choices: list[tuple[str, int]]) -> list[int] | None:
        import questionary

        options = [questionary.Choice(title, value=value) for title, value in choices]
        ticked: list[int] | None = answer_or_none(questionary.checkbox(message, choices=options))
        return ticked


def asker() -> Asker:
    return QuestionaryAsker()


class Stop(Exception):
    """The person pressed Ctrl-C or Esc: stop walking, keep what was saved."""


def post_draft(post: str = POST) -> None:
    """Walk through the post's empty sections, asking for each piece (terminal only).

    \b
    Example:
      diary post draft 12
    """
    from diary.base.errors import InvalidInput
    from diary.base.words import counted
    from diary.core.posts.document import load_post
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.status import post_status

    if not context.interactive():
        raise InvalidInput("post draft asks questions at a terminal; use post say/write/fact…")
    with context.session() as db:
        status = post_status(load_post(db, resolve_post(db, post)))
    ask = asker()
    empty = [s for s in status.to_write if s.kind in _STEPS]
    if not empty:
        say(f"Nothing to fill: `diary post show {post}` shows the post.")
        return
    say(f"{counted(len(empty), 'sections')} to fill; an empty answer skips one.")
    try:
        for section in empty:
            _STEPS[section.kind](ask, post, section.key)
    except Stop:
        say("Stopped; everything answered so far is saved.")
        raise typer.Exit(CANCELLED_EXIT) from None
    say(f"Done: `diary post status {post}` shows what is left.")


def _answer(value: Any) -> Any:
    if value is None:
        raise Stop
    return value


def _save(post: str, key: str, change: "Callable[..., str]", *args: Any) -> None:
    """Run change(session, post, section, *args) in its own transaction; print its message."""
    from diary.core.posts.lifecycle import find_section, resolve_post

    with context.session(write=True) as db:
        found = resolve_post(db, post)
        message = change(db, found, find_section(db, found, key), *args)
    say(message)


def _heading(post: str, key: str) -> str:
    from diary.core.posts.lifecycle import find_section, resolve_post

    with context.session() as db:
        section = find_section(db, resolve_post(db, post), key)
    return section.heading + (f" — {section.tagline}" if section.tagline else "")


def _joined(change: "Callable[..., list[str]]") -> "Callable[..., str]":
    return lambda *args: "\n".join(change(*args))


def _prose(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.pieces import write

    text = _answer(ask.text(_heading(post, key), multiline=True)).strip()
    if text:
        _save(post, key, write, text, False)


def _speakers(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.pieces import say as add_line
    from diary.core.posts.prefill import hosts

    with context.session() as db:
        names = [p.name for p in hosts(db)]
    heading = _heading(post, key)
    for name in names:
        text = _answer(ask.text(f"{heading}\n{name}:", multiline=True)).strip()
        if text:
            _save(post, key, add_line, name, text, None)


def _plot(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.pieces import set_short_plot, write

    long_prompt = "The long version (Name: lines become remarks)"
    if _has_short_plot(post, key):  # pre-filled from the film's facts: ask for the rest
        long_prompt = f"{_heading(post, key)}\n{long_prompt}"
    else:
        short = _answer(ask.text(f"{_heading(post, key)}\nThe plot in one line:")).strip()
        if short:
            source = _answer(ask.text("Where is that line from? (empty: your own words)")).strip()
            _save(post, key, set_short_plot, short, source or None)
    long = _answer(ask.text(long_prompt, multiline=True))
    if long.strip():
        _save(post, key, write, long, False)


def _has_short_plot(post: str, key: str) -> bool:
    """Whether the plot's one-line version is there already (`post new` fills it from facts)."""
    from diary.core.posts.lifecycle import find_section, resolve_post

    with context.session() as db:
        return bool((find_section(db, resolve_post(db, post), key).body or "").strip())


def _facts(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.candidates import add_candidates, candidates
    from diary.core.posts.lifecycle import resolve_post
    from diary.core.posts.pieces import add_fact

    with context.session() as db:
        found = candidates(db, resolve_post(db, post))
    if found:
        chosen = _answer(
            ask.checkbox(_heading(post, key), [(c.fact.value, c.number) for c in found])
        )
        if chosen:
            _save(post, key, _joined(add_candidates), chosen)
    while text := _answer(ask.text("Another fact (empty to finish):")).strip():
        _save(post, key, add_fact, text)


def _award(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.awards import set_award

    category = _answer(ask.text(f"{_heading(post, key)}\nThe category:")).strip()
    if not category:
        return
    nominees: list[str] = []
    while nominee := _answer(ask.text(f"Nominee {len(nominees) + 1} (empty to finish):")).strip():
        nominees.append(nominee)
    if not nominees:
        return
    winner = _answer(ask.select("And the winner is…", nominees))
    note = _answer(ask.text("The acceptance note:")).strip()
    number = nominees.index(winner) + 1
    _save(post, key, set_award, category, nominees, number, note or None)


def _questions(ask: Asker, post: str, key: str) -> None:
    from diary.core.posts.pieces import ask as add_question
    from diary.core.posts.pieces import say as add_line
    from diary.core.posts.prefill import hosts

    with context.session() as db:
        names = [p.name for p in hosts(db)]
    together = " & ".join(names)
    heading = _heading(post, key)
    while question := _answer(ask.text(f"{heading}\nA question (empty to finish):")).strip():
        asker_name = _answer(ask.text("Who asked it? (empty: nobody named)")).strip()
        _save(post, key, add_question, question, asker_name)
        who = _answer(ask.select("Who answers?", names + ([together] if len(names) > 1 else [])))
        answer = _answer(ask.text(f"{who}:", multiline=True)).strip()
        if answer:
            _save(post, key, add_line, who, answer, None)


_STEPS: dict[str, Callable[[Asker, str, str], None]] = {
    "intro": _prose,
    "prose": _prose,
    "speakers": _speakers,
    "plot": _plot,
    "facts": _facts,
    "award": _award,
    "qa": _questions,
}


def register(app: typer.Typer) -> None:
    app.command("draft")(post_draft)
