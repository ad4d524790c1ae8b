"""`diary bp pick`, `choose` and `picks`: Pick Three, Choose One."""

from typing import TYPE_CHECKING

import typer

from diary.cli import context
from diary.cli.output import JSON_OPTION, JSONL_OPTION, console, data_line, listing, say

if TYPE_CHECKING:
    from diary.core.checklists.picks import Round
    from diary.store.models import Person


def bp_pick(
    by: str | None = typer.Option(
        None, "--by", metavar="NAME", help="Who proposes (default: you)."
    ),
    for_: list[str] = typer.Option(
        [], "--for", metavar="NAME", help="Who chooses (repeat for more of the group)."
    ),
    choose: int | None = typer.Option(
        None, "--choose", metavar="N", help="Choose option N (1-3) now, without asking."
    ),
    seed: int | None = typer.Option(
        None, "--seed", metavar="N", help="Draw the same three again for the same seed."
    ),
) -> None:
    """Pick Three, Choose One: three nominees none of you has seen; one gets chosen.

    The person proposing and those choosing make the group: every option is unseen by all
    of them. Winners and the decades with the biggest gaps come up more often (see
    docs/best-picture.md). At a terminal the chooser picks from a menu; otherwise --choose N
    decides now, or `diary bp choose N` later. The choice goes to the top of the group's
    watchlists, and every round is kept (`diary bp picks`).

    \b
    Example:
      diary bp pick --by Ellen --for Tyler
      diary bp pick --by Ellen --for Tyler --seed 7 --choose 2
    """
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.picks import choose as choose_option
    from diary.core.checklists.picks import open_round, propose
    from diary.render.bp_picks import option_lines

    context.ask_name_first(by)
    with context.session(write=True) as db:
        proposer = context.person(db, by)
        choosers = [context.person(db, name) for name in for_]
        group = list({p.id: p for p in [proposer, *choosers]}.values())
        round_ = propose(db, best_picture(db), group, proposer, (choosers or [proposer])[0], seed)
        if choose is not None:
            choose_option(db, round_, choose, group)
    if choose is None and context.interactive():
        # The round is saved first: the menu never holds the write lock, and "decide
        # later" (or an interrupted menu) leaves it waiting for `diary bp choose`.
        number = _ask(round_, option_lines(round_))
        if number is not None:
            with context.session(write=True) as db:
                round_ = open_round(db, best_picture(db), round_.pick.id)
                group = [context.person(db, p.name) for p in group]
                choose_option(db, round_, number, group)
    who = round_.proposed_by.name if round_.proposed_by else "Someone"
    data_line(f"{who} proposes (pick {round_.pick.id}):")
    for option in option_lines(round_):
        data_line(f"  {option}")
    if round_.chosen is not None:
        say(_chosen_line(round_, group))
    else:
        say(f"Choose with `diary bp choose N` (pick {round_.pick.id} waits).")


def bp_choose(
    number: int = typer.Argument(..., metavar="N", help="The option to choose: 1, 2 or 3."),
    pick: int | None = typer.Option(
        None, "--pick", metavar="ID", help="Which round (default: the latest one waiting)."
    ),
) -> None:
    """Choose one of the three a proposal offered; it goes to the top of the watchlists.

    \b
    Example:
      diary bp choose 2
    """
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.picks import choose, open_round

    with context.session(write=True) as db:
        round_ = open_round(db, best_picture(db), pick)
        group = [p for p in (round_.proposed_by, round_.chosen_by) if p is not None]
        choose(db, round_, number, list({p.id: p for p in group}.values()))
    say(_chosen_line(round_, group))


def bp_picks(
    limit: int | None = typer.Option(
        None, "--limit", "-n", min=1, metavar="N", help="Only the latest N rounds."
    ),
    json_: bool = JSON_OPTION,
    jsonl: bool = JSONL_OPTION,
) -> None:
    """List the rounds of Pick Three, Choose One, latest first.

    \b
    Example:
      diary bp picks --limit 5
    """
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.picks import history
    from diary.render.bp_picks import round_dict, rounds_text

    with context.session() as db:
        rounds = history(db, best_picture(db), limit)
    listing(
        rounds,
        json_=json_,
        jsonl=jsonl,
        as_dict=round_dict,
        table=lambda rounds: rounds_text(rounds, console().width),
        empty="No picks yet: start one with `diary bp pick`.",
    )


def _ask(round_: "Round", lines: list[str]) -> int | None:
    import questionary

    from diary.cli import asking

    chooser = round_.chosen_by.name if round_.chosen_by else "you"
    choices = [questionary.Choice(line, value=n) for n, line in enumerate(lines, start=1)]
    choices.append(questionary.Choice("Decide later", value=0))
    answer = asking.select(f"Which one, {chooser}?", choices)
    return answer or None


def _chosen_line(round_: "Round", group: "list[Person]") -> str:
    from diary.core.films.lookup import label

    assert round_.chosen is not None
    names = ", ".join(p.name for p in group)
    return f"Chosen: {label(round_.chosen.film)}; it is next on the watchlist of {names}."


def register(app: typer.Typer) -> None:
    app.command("pick")(bp_pick)
    app.command("choose")(bp_choose)
    app.command("picks")(bp_picks)
