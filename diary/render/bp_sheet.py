"""What importing The Spreadsheet does (or would do), as lines for the terminal."""

from collections.abc import Sequence

from diary.base.words import dropped_controls
from diary.core.checklists.spreadsheet import Plan
from diary.core.diary.ratings import stars
from diary.core.films.lookup import label


def plan_lines(
    plan: Plan, ignored: Sequence[str], dry_run: bool, cleaned: Sequence[int] = ()
) -> list[str]:
    lines = []
    if ignored:
        lines.append(f"Ignored columns: {', '.join(ignored)}.")
    if cleaned:
        lines.append(dropped_controls(cleaned))
    if dry_run:
        for person, entry in plan.ticks:
            lines.append(f"  tick {label(entry.film)} for {person.name}")
        for person, entry, rating in plan.ratings:
            lines.append(f"  rate {label(entry.film)} {stars(rating)} for {person.name}")
        for person, entry, _ in plan.comments:
            lines.append(f"  comment on {label(entry.film)} for {person.name}")
        for entry in plan.covered:
            lines.append(f"  mark {label(entry.film)} covered")
    for sheet_line, problem in plan.unmatched:
        lines.append(f"  line {sheet_line.line}: no match: {problem}")
    tick, rate, comment, mark = (
        ("Would tick", "rate", "comment", "mark")
        if dry_run
        else ("Ticked", "rated", "commented", "marked")
    )
    done = f"{tick} {len(plan.ticks)}, {rate} {len(plan.ratings)}"
    if plan.covered:
        done += f", {comment} on {len(plan.comments)} and {mark} {len(plan.covered)} covered"
    else:
        done += f" and {comment} on {len(plan.comments)}"
    lines.append(f"{done} (rows matched: {plan.matched}, unmatched: {len(plan.unmatched)}).")
    if not dry_run and not plan.changes:
        lines[-1] = (
            f"Nothing new: every matched row was already in the diary "
            f"(rows matched: {plan.matched}, unmatched: {len(plan.unmatched)})."
        )
    return lines
