"""`bp list` filters and columns, `bp progress` counts, bars, summary and JSON."""

import json
import re
from datetime import date
from typing import Any

import pytest

from tests.conftest import Cli


def listed(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return json.loads(cli.ok("bp", "list", "--json", *args).stdout)


def test_the_whole_list_has_every_nomination(cli: Cli, hosts: None) -> None:
    rows = listed(cli)
    assert len(rows) == 621
    assert sum(r["winner"] for r in rows) == 98
    assert rows[0]["ceremony"] == {"number": 1, "label": "1927/28"}
    assert rows[0]["listed_title"] == "Wings" and rows[0]["winner"]
    assert rows[0]["seen"] == {"Ellen": False, "Tyler": False}


def test_filters_by_ceremony_decade_year_and_winners(cli: Cli, hosts: None) -> None:
    assert {r["listed_title"] for r in listed(cli, "--ceremony", "86")} >= {"Her", "Gravity"}
    assert all(r["ceremony"]["number"] == 86 for r in listed(cli, "--ceremony", "86"))
    seventies = listed(cli, "--decade", "1970s")
    assert {r["ceremony"]["number"] for r in seventies} == set(range(43, 53))
    assert {r["ceremony"]["label"] for r in listed(cli, "--year", "1927")} == {"1927/28"}
    assert {r["ceremony"]["label"] for r in listed(cli, "--year", "1929")} == {
        "1928/29",
        "1929/30",
    }
    winners = listed(cli, "--winners", "--decade", "1990s")
    assert [r["listed_title"] for r in winners] == [
        "Dances With Wolves",
        "The Silence of the Lambs",
        "Unforgiven",
        "Schindler's List",
        "Forrest Gump",
        "Braveheart",
        "The English Patient",
        "Titanic",
        "Shakespeare in Love",
        "American Beauty",
    ]


def test_seen_filters_and_tick_columns(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her", "--with", "Tyler")
    cli.ok("bp", "tick", "Gravity", "--by", "Tyler")
    ceremony = ["--ceremony", "86"]

    def titles(*args: str) -> set[str]:
        return {r["listed_title"] for r in listed(cli, *ceremony, *args)}

    assert titles("--seen-by", "Tyler") == {"Her", "Gravity"}
    assert titles("--seen-by", "Ellen", "--seen-by", "Tyler") == {"Her"}
    assert "Gravity" in titles("--unseen-by", "Ellen")
    assert "Her" not in titles("--unseen-by", "Ellen")
    assert titles("--seen-by-none") == titles() - {"Her", "Gravity"}
    assert titles("--seen-by-none", "--by", "Ellen") == titles() - {"Her"}
    table = cli.ok("bp", "list", *ceremony).stdout
    her = next(line for line in table.splitlines() if "Her (2013)" in line)
    assert her.count("✓") == 2
    assert "Ellen" in table and "Tyler" in table and "Covered" in table
    only = listed(cli, *ceremony, "--by", "Tyler")
    assert set(only[0]["seen"]) == {"Tyler"}


@pytest.mark.parametrize(
    "args",
    [["--decade", "70s"], ["--decade", "1975"], ["--unseen-by", "Nobody"], ["--ceremony", "x"]],
)
def test_bad_filters_are_refused(cli: Cli, hosts: None, args: list[str]) -> None:
    result = cli("bp", "list", *args)
    assert result.exit_code != 0
    assert "Traceback" not in result.stderr


def test_covered_shows_posts_and_marks(cli: Cli, hosts: None) -> None:
    from diary.core.checklists.lists import mark_covered
    from diary.store.database import open_session
    from diary.store.location import resolve
    from diary.store.models import Film

    with open_session(resolve(None), write=True) as db:
        from sqlmodel import select

        film = db.exec(select(Film).where(Film.title == "Her")).one()
        assert mark_covered(db, film, date(2025, 1, 28))
        assert not mark_covered(db, film, date(2025, 1, 28))
    rows = {r["listed_title"]: r for r in listed(cli, "--ceremony", "86")}
    assert rows["Her"]["covered"] and rows["Her"]["post"] == "covered"
    assert not rows["Gravity"]["covered"]
    table = cli.ok("bp", "list", "--ceremony", "86").stdout
    assert next(line for line in table.splitlines() if "Her (2013)" in line).count("✓") == 1


def progress(cli: Cli, *args: str) -> dict[str, Any]:
    return json.loads(cli.ok("bp", "progress", "--json", *args).stdout)


def test_progress_counts_people_together_winners_decades_and_ceremonies(
    cli: Cli, hosts: None
) -> None:
    cli.ok("log", "her", "--with", "Tyler")  # 2013, not a winner
    cli.ok("log", "Parasite", "--year", "2019")  # 2019 winner, Ellen only
    cli.ok("bp", "tick", "Wings", "--by", "Tyler")  # 1927/28 winner
    cli.ok("bp", "tick", "Gravity", "--by", "Ellen", "--by", "Tyler")
    found = progress(cli)
    assert found["people"] == ["Ellen", "Tyler"]
    assert found["all"] == {
        "total": 621,
        "seen": {"Ellen": 3, "Tyler": 3},
        "both": 2,
        "either": 4,
        "neither": 617,
    }
    assert found["winners"] == {
        "total": 98,
        "seen": {"Ellen": 1, "Tyler": 1},
        "both": 0,
        "either": 2,
        "neither": 96,
    }
    decades = {d["decade"]: d for d in found["decades"]}
    assert decades["2010s"]["all"]["seen"] == {"Ellen": 3, "Tyler": 2}
    assert decades["1920s"]["winners"]["seen"] == {"Ellen": 0, "Tyler": 1}
    assert sum(d["all"]["total"] for d in found["decades"]) == 621
    ceremonies = {c["ceremony"]: c for c in found["ceremonies"]}
    assert len(ceremonies) == 98
    assert ceremonies[86]["label"] == "2013"
    assert ceremonies[86]["all"]["both"] == 2 and ceremonies[86]["all"]["total"] == 9
    assert ceremonies[1]["winners"] == {
        "total": 1,
        "seen": {"Ellen": 0, "Tyler": 1},
        "both": 0,
        "either": 1,
        "neither": 0,
    }
    assert found["summary"] == (
        "Best Picture so far: Ellen 3 of 621 (0.5%), Tyler 3 of 621 (0.5%); together 4 seen by "
        "at least one, 2 by all; 2 of 98 winners seen."
    )


def test_progress_for_one_person_and_the_summary_line(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her", "--with", "Tyler")
    mine = progress(cli, "--by", "Ellen")
    assert mine["all"] == {"total": 621, "seen": {"Ellen": 1}}
    line = cli.ok("bp", "progress", "--by", "Tyler", "--summary").stdout
    assert line == "Best Picture so far: Tyler 1 of 621 (0.2%); 0 of 98 winners seen.\n"


def test_progress_as_bars(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her", "--with", "Tyler")
    shown = cli.ok("bp", "progress", "--ceremonies").stdout
    for words in ("All nominees", "Winners", "Decade", "Ceremony", "Both", "Either", "Neither"):
        assert words in shown
    assert "1 / 621" in shown and "620 / 621" in shown
    assert re.search(r"Neither\s+━+[^\n]*620 / 621\s+99%", shown)  # 100% only when all seen
    assert "━" in shown  # a bar
    assert "1/9" in shown  # ceremony 86: one of nine
    assert shown.rstrip().endswith(
        "Best Picture so far: Ellen 1 of 621 (0.2%), Tyler 1 of 621 (0.2%); together 1 seen by at "
        "least one, 1 by all; 0 of 98 winners seen."
    )


def test_progress_with_nobody_yet(cli: Cli) -> None:
    found = progress(cli)
    assert found["people"] == [] and found["all"]["total"] == 621
    assert "nobody yet" in found["summary"]


def test_the_small_bars_line_up_down_each_column(cli: Cli, hosts: None) -> None:
    cli.ok("bp", "tick", "Wings", "7th Heaven", "Her", "--by", "Ellen")
    shown = cli.ok("bp", "progress").stdout
    decades = [line for line in shown.splitlines() if line.startswith("│ 19") or "│ 20" in line]
    assert len(decades) == 11
    starts = {line.index("━") if "━" in line else line.index("─", 12) for line in decades}
    assert len(starts) == 1, "\n".join(decades)  # 2/8 in the 1920s, 1/88 in the 2010s


def test_a_ceremony_not_on_the_list_is_an_error_not_an_empty_listing(cli: Cli, hosts: None) -> None:
    failed = cli("bp", "list", "--ceremony", "200")
    assert failed.exit_code == 1
    assert failed.stderr.strip() == "Error: Best Picture has no ceremony 200: it has 1 to 98"
    as_json = cli("bp", "list", "--ceremony", "0", "--json")
    assert as_json.exit_code == 1 and as_json.stdout == ""


def test_progress_before_anyone_is_here_says_so(cli: Cli) -> None:
    shown = cli.ok("bp", "progress")
    assert shown.stdout == ""
    assert "Nobody is ticking Best Picture yet: add someone with `diary people add NAME`." in (
        shown.stderr
    )


def test_nothing_looks_complete_before_it_is() -> None:
    from diary.core.checklists.progress import percent
    from diary.render.bp_progress import _cell

    assert [percent(620, 621), percent(621, 621), percent(3, 621), percent(0, 0)] == [
        "99",
        "100",
        "0.5",
        "0",
    ]
    assert _cell(49, 50, 8, 5).plain.endswith("━━━━━━━─")
    assert _cell(50, 50, 8, 5).plain.endswith("━━━━━━━━")


def test_a_person_named_twice_counts_once(cli: Cli, hosts: None) -> None:
    cli.ok("log", "her")
    line = cli.ok("bp", "progress", "--by", "Ellen", "--by", "ellen", "--summary").stdout
    assert line == "Best Picture so far: Ellen 1 of 621 (0.2%); 0 of 98 winners seen.\n"
    rows = listed(cli, "--ceremony", "86", "--by", "Ellen", "--by", "Ellen")
    assert all(list(r["seen"]) == ["Ellen"] for r in rows)
