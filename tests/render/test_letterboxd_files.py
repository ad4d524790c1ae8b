"""Letterboxd files are cut at the same line however the lines come in pages."""

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from diary.render.letterboxd_csv import DIARY_HEADER, split_files

CELLS = st.text(alphabet=st.sampled_from('ab,"\r\n é✨'), max_size=20)
LINES = st.lists(st.lists(CELLS, min_size=3, max_size=3), max_size=40)


@given(lines=LINES, size=st.integers(1, 7), limit=st.integers(250, 600))
def test_pages_are_cut_exactly_as_single_lines_are(
    lines: list[list[str]], size: int, limit: int
) -> None:
    header = DIARY_HEADER[:3]
    one_by_one = list(split_files("diary", header, [[line] for line in lines], limit))
    pages = [lines[start : start + size] for start in range(0, len(lines), size)]
    assert list(split_files("diary", header, pages, limit)) == one_by_one
    for _, text in one_by_one:
        assert len(text.encode("utf-8")) < limit
    back = [row for _, text in one_by_one for row in list(csv.reader(io.StringIO(text)))[1:]]
    assert back == lines
