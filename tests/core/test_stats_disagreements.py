"""The widest disagreements, found by reading viewings only until there are enough of the
widest gap possible, are the ones a full ranking gives."""

import json

from diary.core.diary.people import list_people
from diary.core.stats.ratings import disagreements, per_person
from diary.core.stats.scope import make_scope
from tests.conftest import Cli
from tests.stats_support import reading


def test_the_widest_gap_read_in_order_is_the_full_ranking(cli: Cli) -> None:
    cli.ok("people", "add", "Ellen")
    cli.ok("people", "add", "Tyler")
    # five viewings apart by the widest gap possible here (5 and 0.5), on days out of order
    days = ["2024-03-05", "2024-01-02", "2024-06-01", "2024-02-09", "2024-05-05", "2024-04-04"]
    ratings = [("5", "0.5"), ("0.5", "5"), ("5", "0.5"), ("4", "2"), ("5", "0.5"), ("0.5", "5")]
    for day, (ellen, tyler) in zip(days, ratings, strict=True):
        with_tyler = f"--with=Tyler={tyler}"
        cli.ok("log", "Her", "--year", "2013", "--date", day, "--rating", ellen, with_tyler)
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2024-07-01", "--rating", "3")
    with reading() as db:
        for year, named in ((2024, False), (None, False), (2024, True)):
            scope = make_scope(year, None, None, list_people(db), named)
            shortcut = disagreements(db, scope, people=per_person(db, scope))
            assert shortcut == disagreements(db, scope)
            assert [d.spread for d in shortcut] == [4.5] * 5
            # the first five logged with the widest gap: the 2024-02-09 one is only 1 apart
            assert [d.watched_on.isoformat() for d in shortcut if d.watched_on] == [
                "2024-03-05",
                "2024-01-02",
                "2024-06-01",
                "2024-05-05",
                "2024-04-04",
            ]
    data = json.loads(cli.ok("stats", "--json").stdout)
    assert [d["spread"] for d in data["disagreements"]] == [4.5] * 5
