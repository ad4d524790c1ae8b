"""Text from a file shown in a message: escaped control characters, cut to a sane length."""

from diary.base.echo import LIMIT, echo, escape_controls


def test_control_characters_are_shown_escaped() -> None:
    assert echo("Her\x1b[31m red\x07\x00") == "Her\\x1b[31m red\\x07\\x00"
    assert echo("CSI\x9b2J and OSC\x1b]0;title\x07") == "CSI\\x9b2J and OSC\\x1b]0;title\\x07"
    assert echo("one\ntwo\tthree\r") == "one\\x0atwo\\x09three\\x0d"  # a message is one line
    assert echo("evil\u202etxt.exe") == "evil\\u202etxt.exe"


def test_long_text_is_cut() -> None:
    shown = echo("word " * 100)
    assert len(shown) == LIMIT and shown.endswith("…")
    assert echo("short") == "short"


def test_tables_keep_line_breaks_but_not_escapes() -> None:
    assert escape_controls("a\nb\tc\x1bd", keep_lines=True) == "a\nb\tc\\x1bd"
