"""A dump's column of values is accepted whole exactly when each value would be accepted."""

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from diary.core.diary.dump import tables, value_check
from diary.core.diary.dump_values import check_value, column_passes

COLUMNS = [(table.name, column) for table in tables() for column in table.columns]

VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 12),
    st.integers(9990, 10010),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["host", "guest", "pet", "cat", "", "Her", "Evil\x1b]0;x", "tab\there"]),
    st.sampled_from(["2025-01-26", "2025-02-30", "soon", "2025-01-26 10:00:00.000000"]),
    st.text(max_size=5),
)


@settings(max_examples=500)
@given(where=st.sampled_from(COLUMNS), values=st.lists(VALUES, min_size=1, max_size=6))
def test_a_column_passes_whole_when_every_value_passes(
    where: tuple[str, Any], values: list[Any]
) -> None:
    table, column = where
    typed = value_check(column)
    each = all(typed(v) and not check_value(table, column.name, v) for v in values)
    assert column_passes(table, column)(tuple(values)) is each
