"""The rewatch flag follows the dates after every log, edit, delete and import; a flag set by
hand is kept and shown."""

import json
from pathlib import Path
from typing import Any

from tests.conftest import Cli


def flags(cli: Cli, person: str = "Ellen") -> list[tuple[int, str, bool, bool]]:
    found: list[dict[str, Any]] = json.loads(cli.ok("list", "--json", "--by", person).stdout)
    return sorted(
        (e["id"], e["date"], p["rewatch"], p["rewatch_by_hand"])
        for e in found
        for p in e["people"]
        if p["name"] == person
    )


def test_backdating_turns_the_later_entry_into_the_rewatch(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-10")
    said = cli.ok("log", "Jaws", "--date", "2024-06-01").stderr
    assert "Entry 1 (Jaws (1975)) is now a rewatch for Ellen." in said
    assert flags(cli) == [(1, "2025-01-10", True, False), (2, "2024-06-01", False, False)]


def test_an_edit_or_a_delete_settles_the_flags_again(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-06-01")
    cli.ok("log", "Jaws", "--date", "2025-01-10")
    assert flags(cli) == [(1, "2024-06-01", False, False), (2, "2025-01-10", True, False)]
    said = cli.ok("edit", "1", "--date", "2025-01-20").stderr
    assert "Ellen: rewatch (from the dates)" in said
    assert "Entry 2 (Jaws (1975)) is now a first time for Ellen." in said
    assert flags(cli) == [(1, "2025-01-20", True, False), (2, "2025-01-10", False, False)]
    cli.ok("delete", "2", "--yes")
    assert flags(cli) == [(1, "2025-01-20", False, False)]


def test_a_flag_set_by_hand_is_kept_and_shown(cli: Cli, hosts: None) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-10", "--first-time")
    cli.ok("log", "Jaws", "--date", "2024-06-01")
    assert flags(cli) == [(1, "2025-01-10", False, True), (2, "2024-06-01", False, False)]
    assert "first time (set by hand)" in cli.ok("show", "1").stdout
    said = cli.ok("edit", "1", "--rewatch-from-dates").stderr
    assert "Ellen: rewatch (from the dates)" in said
    assert flags(cli) == [(1, "2025-01-10", True, False), (2, "2024-06-01", False, False)]
    cli.ok("edit", "2", "--rewatch")
    assert "rewatch (set by hand)" in cli.ok("show", "2").stdout


def test_an_imported_earlier_viewing_turns_a_logged_one_into_the_rewatch(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-10")
    export = tmp_path / "diary.csv"
    export.write_text(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
        "2020-05-02,Jaws,1975,https://boxd.it/aaaa,4,,,2020-05-01\n"
        "2021-05-02,Jaws,1975,https://boxd.it/bbbb,4,,,2021-05-01\n",
        encoding="utf-8",
    )
    cli.ok("import", "letterboxd", str(export))
    # The file's second row says "first time" where the dates say rewatch: Letterboxd's flag
    # was the person's own, so it is kept, by hand; the logged entry follows the dates.
    assert flags(cli) == [
        (1, "2025-01-10", True, False),
        (2, "2020-05-01", False, False),
        (3, "2021-05-01", False, True),
    ]
