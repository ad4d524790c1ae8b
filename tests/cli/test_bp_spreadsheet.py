"""The Spreadsheet: CSV and XLSX export, import with a dry run, and export → import round trips."""

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary.core.checklists.spreadsheet import neutral, plain
from tests.conftest import Cli
from tests.dbaccess import connect

TRICKY = [
    '=HYPERLINK("http://example.invalid")',
    "+1 for the score",
    "-ish, but fine",
    "@home on the sofa",
    "'=already quoted",
    'Plain, with "quotes", commas and an emoji 🎬',
    "Two lines:\nfirst, then second",
]


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def by_title(text: str) -> dict[str, dict[str, str]]:
    return {r["Film"]: r for r in rows(text)}


@pytest.fixture
def diary(cli: Cli, hosts: None) -> None:
    """Two hosts part way through the list, with ratings and awkward comments."""
    cli.ok("log", "her", "--rating", "4.5", "--with", "Tyler=4", "--date", "2025-01-26")
    cli.ok("log", "Parasite", "--year", "2019", "--rating", "5", "--date", "2025-01-10")
    cli.ok("bp", "tick", "Wings", "Sunset Boulevard", "--by", "Tyler")
    cli.ok("bp", "tick", "Little Women", "--ceremony", "6")
    for text, film in zip(
        TRICKY,
        ["her", "Parasite", "Wings", "Sunset Boulevard", "Gravity", "Little Women (2019)", "CODA"],
        strict=True,
    ):
        who = "Tyler" if film in ("Wings", "Sunset Boulevard") else "Ellen"
        cli.ok("comment", "add", "--by", who, "--", film, text)


def test_csv_has_a_row_per_nomination_and_neutral_cells(
    cli: Cli, diary: None, tmp_path: Path
) -> None:
    target = tmp_path / "sheet.csv"
    said = cli.ok("bp", "export", str(target))
    assert f"Wrote 621 nominations for Ellen, Tyler to {target}." in said.stderr
    assert target.read_bytes().startswith("\ufeffCeremony,".encode())  # Excel reads it as UTF-8
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == (
        "Ceremony,Year,Film,Winner,Covered,Ellen seen,Ellen rating,Ellen comment,"
        "Tyler seen,Tyler rating,Tyler comment,IMDb"
    )
    table = by_title(text)
    assert len(rows(text)) == 621
    her = table["Her"]
    assert (her["Ceremony"], her["Year"], her["Winner"], her["Covered"]) == ("86", "2013", "", "")
    assert (her["Ellen seen"], her["Ellen rating"], her["Tyler seen"], her["Tyler rating"]) == (
        "✓",
        "4.5",
        "✓",
        "4",
    )
    assert her["Ellen comment"] == "'" + TRICKY[0]
    assert table["Parasite"]["Winner"] == "✓" and table["Parasite"]["Ellen rating"] == "5"
    assert table["Parasite"]["Ellen comment"] == "'+1 for the score"
    assert table["Wings"]["Year"] == "1927/28" and table["Wings"]["IMDb"] == "tt0018578"
    assert table["Wings"]["Tyler comment"] == "'-ish, but fine"
    assert table["Sunset Blvd."]["Tyler comment"] == "'@home on the sofa"
    assert table["Gravity"]["Ellen comment"] == "''=already quoted"
    assert table["CODA"]["Ellen comment"] == TRICKY[6]
    for row in rows(text):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_xlsx_has_true_false_ticks_and_text_never_formulas(
    cli: Cli, diary: None, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "sheet.xlsx"
    cli.ok("bp", "export", str(target), "--by", "Ellen")
    sheet = load_workbook(target).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == (
        "Ceremony", "Year", "Film", "Winner", "Covered",
        "Ellen seen", "Ellen rating", "Ellen comment", "IMDb",
    )  # fmt: skip
    found = {row[2]: row for row in values[1:]}
    assert len(values) == 622
    assert found["Her"][:8] == (86, 2013, "Her", False, False, True, 4.5, TRICKY[0])
    assert found["Wings"][1] == "1927/28" and found["Wings"][3] is True
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            assert cell.data_type != "f", cell.value


def test_xlsx_is_the_same_file_for_the_same_diary(
    cli: Cli, diary: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime
    import time
    import types

    import openpyxl.packaging.core
    import openpyxl.writer.excel

    first = tmp_path / "first.xlsx"
    cli.ok("bp", "export", str(first))

    class Later(datetime.datetime):
        @classmethod
        def now(cls, tz: datetime.tzinfo | None = None) -> "Later":
            return cls(2031, 5, 6, 7, 8, 9, tzinfo=tz)

    later = types.SimpleNamespace(datetime=Later, timezone=datetime.timezone)
    monkeypatch.setattr(openpyxl.packaging.core, "datetime", later)
    monkeypatch.setattr(openpyxl.writer.excel, "datetime", later)
    days_later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: days_later)
    second = tmp_path / "second.xlsx"
    cli.ok("bp", "export", str(second))
    assert second.read_bytes() == first.read_bytes()


def test_export_never_overwrites_without_force(cli: Cli, diary: None, tmp_path: Path) -> None:
    target = tmp_path / "sheet.csv"
    target.write_text("mine", encoding="utf-8")
    refused = cli("bp", "export", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    cli.ok("bp", "export", str(target), "--force")
    assert target.read_text(encoding="utf-8-sig").startswith("Ceremony,")
    wrong = cli("bp", "export", str(tmp_path / "sheet.ods"))
    assert wrong.exit_code == 1 and ".csv or .xlsx" in wrong.stderr
    missing = cli("bp", "export", str(tmp_path / "no" / "sheet.csv"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def fresh_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    from diary.store import database

    other = tmp_path / "other.db"
    monkeypatch.setenv("DIARY_DB", str(other))
    database.reset()
    cli.ok("people", "add", "Ellen")
    cli.ok("people", "add", "Tyler")
    return other


def test_export_import_round_trip(
    cli: Cli, diary: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.csv"
    cli.ok("bp", "export", str(first))
    fresh_database(tmp_path, monkeypatch, cli)
    dry = cli.ok("bp", "import", str(first), "--dry-run")
    assert "  tick Her (2013) for Ellen" in dry.stderr
    assert "  rate Her (2013) ★★★★½ for Ellen" in dry.stderr
    assert "Would tick 6, rate 3 and comment on 7 (rows matched: 621, unmatched: 0)." in (
        dry.stderr
    )
    assert "Best Picture so far: Ellen 0 of 621" in cli.ok("bp", "progress", "--summary").stdout
    done = cli.ok("bp", "import", str(first))
    assert "Ticked 6, rated 3 and commented on 7" in done.stderr
    second = tmp_path / "second.csv"
    cli.ok("bp", "export", str(second))
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    again = cli.ok("bp", "import", str(first))
    assert "Nothing new" in again.stderr


def test_xlsx_export_import_round_trip(
    cli: Cli, diary: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tmp_path / "first.xlsx"
    cli.ok("bp", "export", str(first))
    fresh_database(tmp_path, monkeypatch, cli)
    dry = cli.ok("bp", "import", str(first), "--dry-run")
    assert "Would tick 6, rate 3 and comment on 7 (rows matched: 621, unmatched: 0)." in (
        dry.stderr
    )
    cli.ok("bp", "import", str(first))
    comments = json.loads(cli.ok("comment", "list", "--json").stdout)
    assert sorted(c["text"] for c in comments) == sorted(TRICKY)  # no apostrophe taken off
    second = tmp_path / "second.xlsx"
    cli.ok("bp", "export", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert "Nothing new" in cli.ok("bp", "import", str(second)).stderr


def test_the_hosts_own_workbook(cli: Cli, hosts: None, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Movie", "Year", "Ellen", "Tyler rating", "Tyler comment", None])
    sheet.append(["Sunset Boulevard", 1950, True, 4.5, "'=not a formula", None])
    sheet.append(["Wings", "1927/28", "x", None, None, None])
    sheet.append(["Parasite", 2019, False, 5, None, None])
    sheet.append([None, None, None, None, None, None])
    target = tmp_path / "ours.xlsx"
    book.save(target)
    said = cli.ok("bp", "import", str(target))
    assert "Ticked 4, rated 2 and commented on 1 (rows matched: 3, unmatched: 0)." in said.stderr
    seen = json.loads(cli.ok("bp", "list", "--seen-by", "Tyler", "--json").stdout)
    assert {r["listed_title"] for r in seen} == {"Sunset Blvd.", "Parasite"}
    comments = json.loads(cli.ok("comment", "list", "--json").stdout)
    assert [c["text"] for c in comments] == ["'=not a formula"]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    refused = cli("bp", "import", str(broken))
    assert refused.exit_code == 1 and "not a workbook" in refused.stderr, refused


def test_the_hosts_own_sheet_with_loose_columns(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path
) -> None:
    sheet = tmp_path / "ours.csv"
    sheet.write_text(
        "\ufeff#;Film Title;Year;ELLEN;Tyler seen;Ellen's comment;Rating (Tyler);Vibes\r\n"
        "1;Wings;1927/28;x;;loved the dogfights;;high\r\n"
        "6;Little Women;1933;✓;yes;;4½;\r\n"
        ";Sunset Boulevard;1950;;✓;;9/10;\r\n"
        ";Little Women;;✓;;;;\r\n"
        ";A Star Is Born;1954;✓;;;;\r\n"
        ";Dune;1984;✓;;;;\r\n"
        ";Not a Nominee;2001;✓;;;;\r\n",
        encoding="utf-8",
    )
    with connect(env_setup) as connection:
        before = connection.execute("SELECT count(*) FROM film_tick").fetchone()
    dry = cli.ok("bp", "import", str(sheet), "--dry-run")
    assert "Ignored columns: Vibes." in dry.stderr
    for line in (
        "  tick Wings (1928) for Ellen",
        "  tick Little Women (1933) for Ellen",
        "  tick Little Women (1933) for Tyler",
        "  tick Sunset Blvd. (1950) for Tyler",
        "  rate Sunset Blvd. (1950) ★★★★½ for Tyler",
        "  comment on Wings (1928) for Ellen",
        "  line 5: no match: 'Little Women' could be Little Women (1933), Little Women (2019)",
        "  line 6: no match: 'A Star Is Born (1954)' is not on the list",
        "  line 7: no match: 'Dune (1984)' is not on the list",
        "  line 8: no match: 'Not a Nominee (2001)' is not on the list",
    ):
        assert line in dry.stderr
    with connect(env_setup) as connection:
        assert connection.execute("SELECT count(*) FROM film_tick").fetchone() == before
    cli.ok("bp", "import", str(sheet))
    mine = json.loads(cli.ok("bp", "list", "--seen-by", "Ellen", "--json").stdout)
    listed = {(r["listed_title"], r["ceremony"]["number"]) for r in mine}
    assert listed == {("Wings", 1), ("Little Women", 6)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Film,Ellen\nWings,x\nCimarron,perhaps\n", "line 3: Ellen is 'perhaps'"),
        ("Film,Ellen rating\nWings,4\nCimarron,7 stars\n", "line 3: not a rating"),
        ("Title,Year\nWings,1928\n", "no column of"),
        ("Year,Ellen\n1928,x\n", "has no film column"),
        ("Film,Year,Ellen\nWings,soon,x\n", "line 2: the year is 'soon'"),
        ("Film,Ellen,Ellen seen\nWings,x,\n", "'Ellen' and 'Ellen seen' both hold Ellen's ticks"),
        ("Film,Ellen rating,Rating (Ellen)\nWings,4,\n", "both hold Ellen's ratings"),
        ("Film,Year,Ellen,year\nWings,1928,x,1927\n", "two columns are headed 'Year'"),
    ],
)
def test_a_bad_sheet_imports_nothing(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path, text: str, message: str
) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(text, encoding="utf-8")
    result = cli("bp", "import", str(sheet))
    assert result.exit_code == 1 and message in result.stderr, result
    with connect(env_setup) as connection:
        assert connection.execute("SELECT count(*) FROM film_tick").fetchone() == (0,)


def test_a_file_that_is_not_text(cli: Cli, hosts: None, tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe")
    result = cli("bp", "import", str(sheet))
    assert result.exit_code == 1 and "not a UTF-8 text file" in result.stderr


@given(st.text())
def test_neutral_text_comes_back_plain(text: str) -> None:
    assert plain(neutral(text)) == text
    assert not neutral(text).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_column_without_a_heading_is_named_by_its_place(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Film,Year,Ellen,,Tyler\nGandhi,1982,x,what is this,x\n", encoding="utf-8")
    dry = cli.ok("bp", "import", str(sheet), "--dry-run")
    assert "Ignored columns: column 4 (no heading)." in dry.stderr


def test_a_control_character_xlsx_cannot_hold_is_one_error_naming_the_comment(
    cli: Cli, hosts: None, tmp_path: Path, env_setup: Path
) -> None:

    cli.ok("comment", "add", "Gandhi", "--by", "Ellen", "a bell in it")
    # `comment add` refuses control characters now; a comment written before still has one
    with connect(env_setup) as connection:
        connection.execute("UPDATE comment SET text = 'a bell\x07 in it'")
    connection.close()
    target = tmp_path / "sheet.xlsx"
    result = cli("bp", "export", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert result.stderr == (
        "Error: Ellen's comment on Gandhi (1982) holds a control character (U+0007) that an "
        "XLSX file cannot hold: rewrite it with `diary comment add`, or export CSV\n"
    )
    cli.ok("bp", "export", str(tmp_path / "sheet.csv"))  # CSV holds it as it is


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_covered_films_come_back_in_too(
    cli: Cli, hosts: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    cli.ok("post", "new", "Parasite", "--year", "2019")
    cli.ok("post", "set", "Parasite", "--status", "published", "--publish-on", "2025-01-20")
    cli.ok("post", "new", "Gravity")  # a draft: not covered yet
    first = tmp_path / f"first{suffix}"
    cli.ok("bp", "export", str(first))
    fresh_database(tmp_path, monkeypatch, cli)
    dry = cli.ok("bp", "import", str(first), "--dry-run")
    assert "  mark Parasite (2019) covered" in dry.stderr and "Gravity (2013) covered" not in (
        dry.stderr
    )
    assert "Would tick 0, rate 0, comment on 0 and mark 1 covered" in dry.stderr
    cli.ok("bp", "import", str(first))
    second = tmp_path / f"second{suffix}"
    cli.ok("bp", "export", str(second))
    assert second.read_bytes() == first.read_bytes()
    assert "Nothing new" in cli.ok("bp", "import", str(first)).stderr


def test_a_hand_kept_covered_column_marks_films_covered(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "ours.csv"
    sheet.write_text(
        "Film,Year,Covered,Ellen\nParasite,2019,issue 12,x\nGravity,2013,no,x\nHer,2013,,\n",
        encoding="utf-8",
    )
    said = cli.ok("bp", "import", str(sheet)).stderr
    assert "Ticked 2, rated 0, commented on 0 and marked 1 covered" in said
    covered = {
        r["film"]["title"]: r["covered"]
        for r in json.loads(cli.ok("bp", "list", "--year", "2013", "--json").stdout)
        + json.loads(cli.ok("bp", "list", "--year", "2019", "--json").stdout)
    }
    assert covered["Parasite"] is True and covered["Gravity"] is False and covered["Her"] is False


def test_repeated_columns_nobody_reads_are_only_ignored(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "ours.csv"
    sheet.write_text("Film,Year,Ellen,Notes,notes\nGandhi,1982,x,a,b\n", encoding="utf-8")
    said = cli.ok("bp", "import", str(sheet)).stderr
    assert "Ignored columns: Notes, notes." in said and "Ticked 1," in said


def test_control_characters_in_a_sheet_are_dropped_and_counted(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Film,Year,Ellen,Ellen comment\n"
        "Gandhi\x07,1982,x,a bell\x07 and a \x1b[31mred\x1b[0m word\n"
        "Rocky,1976,x,fine as it is\n"
        "Platoon,1986,x,nul\x00 in the middle\n",
        encoding="utf-8",
    )
    result = cli.ok("bp", "import", str(sheet))
    assert "Dropped control characters from 2 rows (lines 2, 4)." in result.stderr
    assert not any(c in result.stdout + result.stderr for c in "\x07\x1b\x00")
    assert "Ticked 3" in result.stderr
    comments = json.loads(cli.ok("comment", "list", "--json").stdout)
    assert sorted(c["text"] for c in comments) == [
        "a bell and a [31mred[0m word",
        "fine as it is",
        "nul in the middle",
    ]
    again = cli.ok("bp", "import", str(sheet))
    assert "Nothing new" in again.stderr
