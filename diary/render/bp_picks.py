"""Rounds of "Pick Three, Choose One" as lines, tables and dicts."""

from collections.abc import Sequence
from typing import Any

from diary.core.checklists.picks import Round
from diary.core.films.lookup import label
from diary.render.diary import film_dict
from diary.render.tables import text_table


def option_lines(round_: Round) -> list[str]:
    """'1. Wings (1928) — 1 · 1927/28, winner' for each option."""
    lines = []
    for number, entry in enumerate(round_.options, start=1):
        won = ", winner" if entry.item.winner else ""
        lines.append(f"{number}. {label(entry.film)} — {entry.where}{won}")
    return lines


def round_dict(round_: Round) -> dict[str, Any]:
    return {
        "pick": round_.pick.id,
        "created": round_.pick.created_at.isoformat(),
        "proposed_by": round_.proposed_by.name if round_.proposed_by else None,
        "chosen_by": round_.chosen_by.name if round_.chosen_by else None,
        "options": [
            {
                "film": film_dict(e.film),
                "ceremony": e.group.number if e.group else None,
                "label": e.group.label if e.group else None,
                "winner": e.item.winner,
            }
            for e in round_.options
        ],
        "chosen": film_dict(round_.chosen.film) if round_.chosen else None,
    }


def rounds_text(rounds: Sequence[Round], width: int) -> str:
    """One row per round, drawn as text (a history of any length prints quickly)."""
    return text_table(
        ["Pick", "Date", "Proposed by", "Options", "Chosen by", "Chosen"],
        (
            [
                round_.pick.id,
                round_.pick.created_at.date().isoformat(),
                round_.proposed_by.name if round_.proposed_by else "",
                " / ".join(label(e.film) for e in round_.options),
                round_.chosen_by.name if round_.chosen_by else "",
                label(round_.chosen.film) if round_.chosen else "(waiting)",
            ]
            for round_ in rounds
        ),
        width,
        right=["Pick"],
    )
