"""Questions at the terminal.

One Ctrl-C or Esc at any question cancels the whole command: nothing is written and the exit
status is 130, the shell's number for an interrupted command. A question whose yes destroys
something defaults to No, so Enter alone never deletes.
"""

from typing import TYPE_CHECKING, Any

import typer

from diary.cli.output import say

if TYPE_CHECKING:
    from questionary import Question

CANCELLED_EXIT = 130


def cancel() -> typer.Exit:
    say("Cancelled; nothing was written.")
    return typer.Exit(CANCELLED_EXIT)


def ask(question: "Question", escape_cancels: bool = True) -> Any:
    """The answer, or the end of the command when the person presses Ctrl-C (or Esc)."""
    answer = answer_or_none(question, escape_cancels)
    if answer is None:
        raise cancel()
    return answer


def answer_or_none(question: "Question", escape_cancels: bool = True) -> Any:
    """The answer, or None when the person presses Ctrl-C (or Esc, unless Esc is part of
    answering, as in a text of several lines)."""
    if escape_cancels and hasattr(question, "application"):
        _escape_cancels(question)
    # unsafe_ask lets Ctrl-C through; ask() would print its own "Cancelled" and answer None,
    # which a caller could take for a choice. A stand-in with only ask() is held to the same.
    answer_now = getattr(question, "unsafe_ask", None) or question.ask
    try:
        return answer_now()
    except KeyboardInterrupt:
        return None


def _escape_cancels(question: "Question") -> None:
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    extra = KeyBindings()

    @extra.add(Keys.Escape, eager=True)
    def _escape(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    application = question.application
    existing = application.key_bindings or KeyBindings()
    application.key_bindings = merge_key_bindings([existing, extra])


def confirm_destructive(message: str) -> bool:
    """Yes only when the person types y: Enter alone answers No."""
    import questionary

    return bool(ask(questionary.confirm(message, default=False)))


def select(message: str, choices: list[Any]) -> Any:
    import questionary

    return ask(questionary.select(message, choices=choices))


def checkbox(message: str, choices: list[Any]) -> Any:
    import questionary

    return ask(questionary.checkbox(message, choices=choices))


def text(message: str) -> str:
    import questionary

    from diary.base.words import refuse_control

    answer: str = ask(questionary.text(message))
    return refuse_control(answer, "an answer")
