"""What is typed is checked, and what is shown cannot act on the terminal."""

import json
from pathlib import Path

import pytest

from tests.conftest import ON_POSTGRES, Cli
from tests.dbaccess import connect
from tests.store.helpers import snapshot

HOSTILE = "Evil\x1b]0;pwned\x07 \x1b[2J\x9b31m\x00title"
# As another program could have left it in the database; PostgreSQL's text never holds NUL.
STORED = HOSTILE.replace("\x00", "\x01") if ON_POSTGRES else HOSTILE
CONTROLS = "\x1b\x07\x9b\x00\x01"


@pytest.mark.parametrize(
    "args",
    [
        ["log", HOSTILE, "--year", "2020"],
        ["log", "Her", "--year", "2013", "--tag", "a\x1b[31m"],
        ["log", "Her", "--year", "2013", "--where", "bell\x07"],
        ["people", "add", "Bad\x9bName"],
        ["watchlist", "add", "Null\x00Film", "--year", "2001"],
    ],
)
def test_control_characters_typed_are_refused(
    cli: Cli, hosts: None, env_setup: Path, args: list[str]
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    before = snapshot(env_setup)
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: typed text cannot hold a control character (U+")
    assert result.stderr.count("\n") == 1
    assert not any(c in result.stderr for c in "\x1b\x07\x9b\x00")
    assert snapshot(env_setup) == before


def test_a_review_from_stdin_with_an_escape_is_refused(cli: Cli, hosts: None) -> None:
    result = cli("log", "Her", "--year", "2013", "--review", "-", input="great \x1b[2J film\n")
    assert result.exit_code == 1
    assert "review cannot hold a control character (U+001B" in result.stderr


def test_text_from_data_is_escaped_in_tables_messages_and_json(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01", "--where", "beach")
    # As an older version, or another program, could have left it in the file.
    with connect(env_setup) as connection:
        connection.execute("UPDATE film SET title = ?", (STORED,))
        connection.execute("UPDATE viewing SET place = ?", ("a\x1b[8mhidden",))
    connection.close()
    for args in (["list"], ["film", "list"], ["show", "1"], ["delete", "1", "--yes"]):
        result = cli.ok(*args)
        out = result.stdout + result.stderr
        assert not any(c in out for c in CONTROLS), (args, out)
        assert "\\x1b" in out, (args, out)


def test_json_escapes_every_control_character(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-01-01")
    with connect(env_setup) as connection:
        connection.execute("UPDATE film SET title = ?", (STORED,))
    connection.close()
    out = cli.ok("list", "--json").stdout
    assert not any(c in out for c in CONTROLS)
    assert json.loads(out)[0]["film"]["title"] == STORED


def test_show_with_a_word_for_an_id_is_one_error_line(cli: Cli) -> None:
    result = cli("show", "abc")
    assert result.exit_code == 2
    assert (
        result.stderr == "Error: 'ID' must be a whole number, not 'abc' (see `diary show --help`)\n"
    )


def test_an_unknown_option_is_one_error_line(cli: Cli) -> None:
    result = cli("list", "--bogus")
    assert result.exit_code == 2
    assert result.stderr == "Error: No such option: --bogus (see `diary list --help`)\n"


def test_tomorrow_is_in_the_future_not_unreadable(cli: Cli, hosts: None) -> None:
    result = cli("log", "Jaws", "--year", "1975", "--date", "tomorrow")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: 2025-02-02 is in the future; diary entries are for films seen\n"
    )


def test_a_comment_can_be_removed(cli: Cli, hosts: None) -> None:
    cli.ok("comment", "add", "Her", "--by", "Tyler", "a phone call")
    cli.ok("comment", "add", "Her", "mine")
    said = cli.ok("comment", "remove", "Her", "--by", "Tyler")
    assert "Removed Tyler's comment on Her (2013)." in said.stderr
    found = json.loads(cli.ok("comment", "list", "--json").stdout)
    assert [(c["person"], c["text"]) for c in found] == [("Ellen", "mine")]
    again = cli("comment", "remove", "Her", "--by", "Tyler")
    assert again.exit_code == 1
    assert again.stderr == "Error: Tyler has no comment on Her (2013)\n"


def test_text_from_a_file_in_a_message_is_escaped_and_cut(
    cli: Cli, hosts: None, tmp_path: Path
) -> None:
    sheet = tmp_path / "sheet.csv"
    title = "\x1b]0;pwned\x07" + "A" * 500
    sheet.write_text(f"Film,Year,Ellen\n{title},1990,x\nWings,soon,x\n", encoding="utf-8")
    result = cli("bp", "import", str(sheet), "--dry-run")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {sheet}, line 3: the year is 'soon'; use four digits\n"
    sheet.write_text(f"Film,Year,Ellen\n{title},1990,x\n", encoding="utf-8")
    said = cli.ok("bp", "import", str(sheet), "--dry-run").stderr
    assert "Dropped control characters from 1 row (line 2)." in said
    line = next(x for x in said.splitlines() if "no match" in x)
    assert line.startswith("  line 2: no match: ']0;pwnedAAAA")
    assert line.endswith("…' is not on the list") and len(line) < 120
    assert "\x1b" not in said and "\x07" not in said


def test_plain_lines_of_data_are_escaped(cli: Cli, hosts: None, env_setup: Path) -> None:
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--note", "next")
    with connect(env_setup) as connection:
        connection.execute("UPDATE film SET title = ? WHERE title = 'Rocky'", (STORED,))
        connection.execute("UPDATE person SET name = 'El\x1b[2Jlen' WHERE name = 'Ellen'")
    connection.close()
    for args in (["watchlist", "pick"], ["bp", "progress", "--summary"]):
        out = cli.ok(*args).stdout
        assert "\\x1b" in out and not any(c in out for c in CONTROLS), (args, out)


BIDI = "Evil\u202eexe.txt \u2066hidden\u2069"


def test_bidirectional_overrides_are_written_out_wherever_a_title_is_shown(
    cli: Cli, hosts: None
) -> None:
    """An override reorders the letters that follow it; shown, it is a visible \\u202e."""
    cli.ok("log", BIDI, "--year", "2020", "--date", "2024-01-01")
    for args in (["list"], ["film", "list"], ["show", "1"], ["film", "show", BIDI]):
        result = cli.ok(*args)
        out = result.stdout + result.stderr
        assert not any(c in out for c in "\u202e\u2066\u2069"), (args, out)
        assert "\\u202e" in out and "\\u2066" in out, (args, out)
    listed = cli.ok("list", "--json").stdout
    assert "\u202e" not in listed
    assert json.loads(listed)[0]["film"]["title"] == BIDI
