"""A Letterboxd import as people see it: a progress bar while it runs, a summary at the end."""

from dataclasses import asdict
from types import TracebackType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from diary.core.letterboxd.state import ImportSummary


class ProgressBar:
    """A rich progress bar on stderr, measured in bytes read (files are read in passes)."""

    def __init__(self, label: str = "Importing") -> None:
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._task = self._progress.add_task(label, total=None)

    def __enter__(self) -> "ProgressBar":
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def start(self, total: int) -> None:
        self._progress.update(self._task, total=total, completed=0)

    def advance(self, amount: int) -> None:
        self._progress.advance(self._task, amount)


def summary_dict(summary: ImportSummary) -> dict[str, Any]:
    return {
        "person": summary.person,
        "source": summary.source,
        "dry_run": summary.dry_run,
        "counts": {name: asdict(tally) for name, tally in summary.counts.items()},
        "files": summary.files,
        "not_imported": summary.not_imported,
        "problems": summary.problems,
        "checklists": summary.checklist_notes,
        "watchlist_removed": summary.watchlist_removed,
        "watchlist_left_out": summary.watchlist_left_out,
        "changed": summary.changed,
        "gone": summary.gone,
        "pruned": summary.pruned,
        "renamed": summary.renamed,
        "nominees_a_year_or_two_off": summary.year_matches,
        "possible_best_picture_matches": summary.possible_matches,
        "control_characters_removed": summary.control_removed,
    }


def summary_table(summary: ImportSummary) -> Table:
    table = Table(title=f"Letterboxd import for {summary.person}")
    table.add_column("")
    table.add_column("Added", justify="right")
    table.add_column("Already present", justify="right")
    table.add_column("Skipped", justify="right")
    for name, tally in summary.counts.items():
        table.add_row(name, str(tally.added), str(tally.present), str(tally.skipped))
    return table


def summary_notes(summary: ImportSummary, limit: int = 20) -> list[str]:
    """Lines for stderr: files not imported, rows skipped (the first few), checklist news."""
    lines = list(summary.not_imported)
    lines.extend(summary.problems[:limit])
    if len(summary.problems) > limit:
        lines.append(f"… and {len(summary.problems) - limit} more rows not imported (see --json)")
    for films, before, after in (
        (summary.watchlist_removed, "Took", f"off {summary.person}'s watchlist"),
        (summary.watchlist_left_out, "Left", "of the export's watchlist out"),
    ):
        if films:
            more = len(films) - limit
            shown = ", ".join(films[:limit]) + (f" and {more} more" if more > 0 else "")
            counted = f"{len(films)} film{'s' if len(films) != 1 else ''}"
            lines.append(f"{before} {counted} {after}, watched since added: {shown}")
    changes = [f"{count} {what}" for what, count in summary.changed.items() if count]
    if changes:
        lines.append(f"Changed on Letterboxd since the last import: {', '.join(changes)}")
    for what, films in summary.gone.items():
        shown = ", ".join(films[:limit]) + (
            f" and {len(films) - limit} more" if len(films) > limit else ""
        )
        if summary.pruned:
            lines.append(f"Removed {len(films)} {what} no longer in the export: {shown}")
        else:
            lines.append(
                f"No longer in the export, kept: {len(films)} {what} ({shown}); "
                "import with --prune to remove them"
            )
    lines.extend(f"Renamed on Letterboxd: {line}" for line in summary.renamed[:limit])
    lines.extend(summary.year_matches[:limit])
    lines.extend(
        f"Possible Best Picture match: {line}" for line in summary.possible_matches[:limit]
    )
    if summary.control_removed:
        lines.append(
            f"Took control characters out of {summary.control_removed} "
            f"value{'s' if summary.control_removed != 1 else ''}"
        )
    lines.extend(summary.checklist_notes)
    if summary.dry_run:
        lines.append("Dry run: nothing was changed; the table shows what the import would do.")
    return lines
