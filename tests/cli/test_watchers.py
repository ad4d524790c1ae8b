"""Who counts in a checklist: everyone who watches (hosts, guests, no role), never a pet unless
named with --by."""

import csv
import json
from pathlib import Path

from tests.conftest import Cli


def pets_corner(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "Tyler", "--role", "host")
    cli.ok("people", "add", "Basil", "--role", "pet")
    cli.ok("log", "Parasite", "--year", "2019", "--date", "2024-01-01", "--with", "Tyler")


def test_a_pet_has_no_column_in_progress_or_list_or_the_summary(cli: Cli) -> None:
    pets_corner(cli)
    found = json.loads(cli.ok("bp", "progress", "--json").stdout)
    assert found["people"] == ["Ellen", "Tyler"]
    assert "Basil" not in found["summary"]
    assert "1 by all" in found["summary"]
    assert "Basil" not in cli.ok("bp", "progress").stdout
    listed = json.loads(cli.ok("bp", "list", "--ceremony", "92", "--json").stdout)
    assert all("Basil" not in json.dumps(row) for row in listed)
    assert "Basil" not in cli.ok("checklist", "list").stdout


def test_a_pet_named_with_by_is_counted(cli: Cli) -> None:
    pets_corner(cli)
    found = json.loads(cli.ok("bp", "progress", "--by", "Basil", "--json").stdout)
    assert found["people"] == ["Basil"]


def test_the_spreadsheet_has_columns_for_watchers_only(cli: Cli, tmp_path: Path) -> None:
    pets_corner(cli)
    target = tmp_path / "sheet.csv"
    cli.ok("bp", "export", str(target))
    with target.open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert any(h.startswith("Ellen") for h in header)
    assert not any(h.startswith("Basil") for h in header)


def test_people_add_help_says_who_counts(cli: Cli) -> None:
    shown = " ".join(cli.ok("people", "add", "--help").stdout.split())
    assert "Everyone but a pet watches" in shown


def test_a_role_can_be_changed(cli: Cli) -> None:
    pets_corner(cli)
    assert "Basil is now a guest." in cli.ok("people", "role", "Basil", "guest").stderr
    found = json.loads(cli.ok("bp", "progress", "--json").stdout)
    assert found["people"] == ["Ellen", "Tyler", "Basil"]
    refused = cli("people", "role", "Basil", "cat")
    assert refused.exit_code == 1 and refused.stderr.startswith("Error: unknown role 'cat'")


def test_progress_under_one_percent_has_a_decimal(cli: Cli) -> None:
    pets_corner(cli)
    found = json.loads(cli.ok("bp", "progress", "--by", "Ellen", "--json").stdout)
    assert "Ellen 1 of " in found["summary"] and "(0.2%)" in found["summary"]
    assert "0.2%" in cli.ok("bp", "progress", "--by", "Ellen").stdout
