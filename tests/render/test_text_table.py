"""Tables drawn as text (long listings): widths, narrowing, right alignment, no control chars."""

from rich.cells import cell_len

from diary.render.tables import text_table


def test_columns_fit_their_widest_cell_and_align() -> None:
    drawn = text_table(["Film", "N"], [["Her (2013)", 7], ["Up", 12]], width=80, right=["N"])
    lines = drawn.splitlines()
    assert lines[1] == "┃ Film       ┃ N  ┃"
    assert lines[3] == "│ Her (2013) │  7 │"
    assert lines[4] == "│ Up         │ 12 │"
    assert lines[0].startswith("┏") and lines[-1].startswith("└")
    assert {len(line) for line in lines} == {len(lines[0])}


def test_a_narrow_terminal_shortens_the_widest_column() -> None:
    title = "A Very Long Title That Goes On And On (1999)"
    drawn = text_table(["Film", "Seen"], [[title, "✓"]], width=30)
    lines = drawn.splitlines()
    assert all(cell_len(line) <= 30 for line in lines)
    assert "…" in lines[3] and "✓" in lines[3]


def test_control_characters_and_line_breaks_never_reach_the_terminal() -> None:
    drawn = text_table(["Film"], [["Evil\x1b[31m\x07 title\nsecond line"]], width=80)
    assert "\x1b" not in drawn and "\x07" not in drawn
    assert "Evil\\x1b[31m\\x07 title second line" in drawn  # written out, as rich tables do
    assert "\\x0d" in text_table(["Film"], [["over\rwritten"]], width=80)
    assert "\\u202e" in text_table(["Film"], [["evil\u202etxt.exe"]], width=80)
    assert len(drawn.splitlines()) == 5
