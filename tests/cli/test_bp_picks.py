"""Pick Three, Choose One: proposals unseen by the group, choices, the watchlist, the history."""

import json
import random
from pathlib import Path
from typing import Any

import pytest

from tests import dbaccess
from tests.conftest import Cli
from tests.dbaccess import connect


def proposal(stdout: str) -> list[str]:
    return [line.strip() for line in stdout.splitlines() if line.startswith("  ")]


def picks(cli: Cli) -> list[dict[str, Any]]:
    return json.loads(cli.ok("bp", "picks", "--json").stdout)


def test_three_options_nobody_in_the_group_has_seen(cli: Cli, hosts: None, env_setup: Path) -> None:
    # Every nominee but four of the first two ceremonies is seen by one of the two hosts.
    unseen = {"7th Heaven (1928)", "The Racket (1928)", "Alibi (1929)", "The Patriot (1929)"}
    cli.ok("log", "Wings", "--by", "Tyler")
    cli.ok("bp", "tick", "The Broadway Melody", "--by", "Ellen")
    cli.ok("bp", "tick", "Hollywood Revue", "In Old Arizona", "--by", "Tyler")
    with connect(env_setup) as connection:
        connection.execute(
            "INSERT INTO film_tick (person_id, film_id, ticked_at, source) "
            "SELECT 1 + g.number % 2, i.film_id, '2025-01-01 00:00:00', 'test' "
            "FROM checklist_item i JOIN checklist_group g ON g.id = i.group_id "
            "WHERE g.number > 2"
        )
    for seed in range(8):
        shown = cli.ok("bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", str(seed))
        options = proposal(shown.stdout)
        assert len(options) == 3
        assert {o.split(". ", 1)[1].split(" — ")[0] for o in options} <= unseen
        assert "Choose with `diary bp choose N`" in shown.stderr
    alone = proposal(cli.ok("bp", "pick", "--by", "Ellen", "--seed", "1").stdout)
    assert len(alone) == 3  # Ellen alone has far more left to see


def test_the_same_seed_draws_the_same_three(cli: Cli, hosts: None) -> None:
    first = proposal(cli.ok("bp", "pick", "--seed", "42").stdout)
    again = proposal(cli.ok("bp", "pick", "--seed", "42").stdout)
    other = [proposal(cli.ok("bp", "pick", "--seed", str(s)).stdout) for s in range(1, 6)]
    assert first == again
    assert any(o != first for o in other)
    decades = {o.split(" — ")[1].split(" · ")[1][:3] for o in first}
    assert len(decades) >= 2  # a drawn decade weighs less for the rest of the round


def test_choose_now_puts_the_film_on_top_of_the_watchlists(cli: Cli, hosts: None) -> None:
    cli.ok("watchlist", "add", "Paddington 2", "--year", "2017", "--priority", "5")
    shown = cli.ok("bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", "1", "--choose", "2")
    chosen = proposal(shown.stdout)[1].split(". ", 1)[1].split(" — ")[0]
    assert f"Chosen: {chosen}; it is next on the watchlist of Ellen, Tyler." in shown.stderr
    watch = json.loads(cli.ok("watchlist", "list", "--json").stdout)
    firsts = {}
    for row in watch:
        firsts.setdefault(row["person"], f"{row['film']['title']} ({row['film']['year']})")
    assert firsts == {"Ellen": chosen, "Tyler": chosen}
    ellen = [r for r in watch if r["person"] == "Ellen"]
    assert ellen[0]["priority"] == 6 and "Pick Three, Choose One" in ellen[0]["note"]
    history = picks(cli)
    assert len(history) == 1
    assert history[0]["proposed_by"] == "Ellen" and history[0]["chosen_by"] == "Tyler"
    assert f"{history[0]['chosen']['title']} ({history[0]['chosen']['year']})" == chosen
    assert len(history[0]["options"]) == 3


def test_choose_later_and_refuse_twice(cli: Cli, hosts: None) -> None:
    shown = cli.ok("bp", "pick", "--by", "Tyler", "--for", "Ellen", "--seed", "9")
    options = proposal(shown.stdout)
    assert picks(cli)[0]["chosen"] is None
    bad = cli("bp", "choose", "4")
    assert bad.exit_code == 1 and "choose 1 to 3" in bad.stderr
    said = cli.ok("bp", "choose", "3")
    assert options[2].split(". ", 1)[1].split(" — ")[0] in said.stderr
    again = cli("bp", "choose", "1")
    assert again.exit_code == 1 and "no pick is waiting" in again.stderr
    pick_id = str(picks(cli)[0]["pick"])
    decided = cli("bp", "choose", "1", "--pick", pick_id)
    assert decided.exit_code == 1 and "already decided" in decided.stderr


def test_passed_over_films_come_back_less(cli: Cli, hosts: None) -> None:
    from diary.core.checklists.entries import entries
    from diary.core.checklists.lists import best_picture
    from diary.core.checklists.picks import draw, gaps, weights
    from diary.store.database import open_session
    from diary.store.location import resolve

    with open_session(resolve(None), write=False) as db:
        listed = entries(db, best_picture(db))
    every = listed[:60]
    base = weights(every, gaps(listed), {})
    passed = weights(every, gaps(listed), {every[0].film.id or 0: 2})
    assert passed[0] == base[0] / 4 and passed[1:] == base[1:]
    winner = next(i for i, e in enumerate(every) if e.item.winner)
    loser = next(i for i, e in enumerate(every) if not e.item.winner)
    assert base[winner] == 2 * base[loser]  # same decade gap, winner first
    rng = random.Random(3)
    drawn = draw(every, base, rng)
    assert len(drawn) == 3 and len({e.film.id for e in drawn}) == 3


def test_no_options_left(cli: Cli, hosts: None, env_setup: Path) -> None:
    with connect(env_setup) as connection:
        connection.execute(
            "INSERT INTO film_tick (person_id, film_id, ticked_at, source) "
            "SELECT 1, film_id, '2025-01-01 00:00:00', 'test' FROM checklist_item"
        )
    result = cli("bp", "pick")
    assert result.exit_code == 1
    assert "nothing on Best Picture that none of you has seen" in result.stderr
    assert cli.ok("bp", "picks").stderr.startswith("No picks yet")


class Answer:
    """Stands in for a questionary prompt: .ask() gives what `pick` picks from the choices."""

    def __init__(self, pick: Any) -> None:
        self.pick = pick
        self.choices: list[Any] = []

    def __call__(self, message: str, choices: list[Any]) -> "Answer":
        self.choices = choices
        return self

    def ask(self) -> Any:
        return self.pick(self.choices)

    @property
    def titles(self) -> list[str]:
        return [c.title for c in self.choices]


def test_at_a_terminal_the_chooser_picks_from_a_menu(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from diary.cli import context

    menu = Answer(lambda choices: choices[2].value)
    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", menu)
    shown = cli.ok("bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", "5")
    assert len(menu.titles) == 4 and menu.titles[3] == "Decide later"
    third = proposal(shown.stdout)[2].split(". ", 1)[1].split(" — ")[0]
    assert f"Chosen: {third}" in shown.stderr
    monkeypatch.setattr(questionary, "select", Answer(lambda choices: choices[3].value))
    waiting = cli.ok("bp", "pick", "--seed", "6")
    assert "pick 2 waits" in waiting.stderr


def test_at_a_terminal_an_ambiguous_title_becomes_a_choice(
    cli: Cli, hosts: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from diary.cli import context

    dismissed = Answer(lambda choices: None)
    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", dismissed)
    refused = cli("bp", "tick", "Little Women")
    assert refused.exit_code == 130  # Ctrl-C at the menu cancels the command
    assert refused.stderr == "Cancelled; nothing was written.\n"
    assert dismissed.titles == [
        "Little Women (1933) — 6 · 1932/33",
        "Little Women (2019) — 92 · 2019",
    ]
    monkeypatch.setattr(questionary, "select", Answer(lambda choices: choices[1].value))
    said = cli.ok("bp", "tick", "Little Women")
    assert "Ticked Little Women (2019) for Ellen" in said.stderr


def write_lock_is_free(db: Path) -> bool:
    """Whether another process could start writing right now (no one holds the lock)."""
    return dbaccess.write_lock_is_free(db)


def test_a_menu_at_a_terminal_never_holds_the_write_lock(
    cli: Cli, hosts: None, env_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from diary.cli import context

    free: list[bool] = []

    def first_when_free(choices: list[Any]) -> Any:
        free.append(write_lock_is_free(env_setup))
        return choices[0].value

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", Answer(first_when_free))
    picked = cli.ok("bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", "5")
    first = proposal(picked.stdout)[0].split(". ", 1)[1].split(" — ")[0]
    assert f"Chosen: {first}" in picked.stderr
    assert picks(cli)[0]["chosen"] is not None
    ticked = cli.ok("bp", "tick", "Little Women", "--by", "Tyler")
    assert "Ticked Little Women (1933) for Tyler" in ticked.stderr
    cli.ok("bp", "untick", "Little Women", "--by", "Tyler")
    assert free == [True, True, True]  # the other host can log while the menu is open


def test_post_and_film_questions_never_hold_the_write_lock(
    cli: Cli, hosts: None, env_setup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import questionary

    from diary.cli import context

    free: list[bool] = []

    def newest_when_free(choices: list[Any]) -> Any:
        free.append(write_lock_is_free(env_setup))
        return choices[-1].value

    class Confirm:
        def __init__(self, message: str, default: bool = True) -> None:
            self.message = message

        def ask(self) -> bool:
            free.append(write_lock_is_free(env_setup))
            return True

    monkeypatch.setattr(context, "interactive", lambda: True)
    monkeypatch.setattr(questionary, "select", Answer(newest_when_free))
    monkeypatch.setattr(questionary, "confirm", Confirm)
    started = cli.ok("post", "new", "Little Women", "--number", "4")
    assert "Little Women (2019)" in started.stderr
    cli.ok("post", "new", "--format", "oscars-preview", "--number", "5")
    cli.ok("post", "film", "5", "Little Women")
    cli.ok("film", "add", "Little Women", "--year", "1994")
    deleted = cli.ok("film", "delete", "Little Women", "--year", "1994")
    assert "Deleted Little Women (1994)" in deleted.stderr
    assert free == [True, True, True]


def test_a_film_chosen_and_waiting_on_the_watchlist_is_not_offered_again(
    cli: Cli, hosts: None, env_setup: Path
) -> None:
    # Ellen has seen everything but the four nominees of the first two ceremonies below.
    with connect(env_setup) as connection:
        connection.execute(
            "INSERT INTO film_tick (person_id, film_id, ticked_at, source) "
            "SELECT p.id, i.film_id, '2025-01-01 00:00:00', 'test' "
            "FROM checklist_item i JOIN person p ON p.name = 'Ellen' "
            "WHERE i.listed_title NOT IN ('Wings', '7th Heaven', 'The Racket', 'Alibi')"
        )
    first = cli.ok("bp", "pick", "--by", "Ellen", "--seed", "1", "--choose", "1")
    chosen = proposal(first.stdout)[0].split(". ", 1)[1].split(" — ")[0]
    for seed in range(2, 10):
        again = proposal(cli.ok("bp", "pick", "--by", "Ellen", "--seed", str(seed)).stdout)
        assert len(again) == 3 and not any(chosen in line for line in again)
    cli.ok("watchlist", "remove", chosen, "--by", "Ellen")  # changed her mind: it may come back
    offered = {
        line.split(". ", 1)[1].split(" — ")[0]
        for seed in range(2, 10)
        for line in proposal(cli.ok("bp", "pick", "--by", "Ellen", "--seed", str(seed)).stdout)
    }
    assert chosen in offered


def test_the_history_takes_the_same_queries_however_many_rounds(cli: Cli, hosts: None) -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        statements.append(sql)

    def history_queries() -> int:
        statements.clear()
        event.listen(Engine, "before_cursor_execute", count)
        try:
            shown = picks(cli)
        finally:
            event.remove(Engine, "before_cursor_execute", count)
        assert all(len(r["options"]) == 3 for r in shown)
        return len(statements)

    for seed in range(2):
        cli.ok(
            "bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", str(seed), "--choose", "1"
        )
    few = history_queries()
    for seed in range(2, 12):
        cli.ok(
            "bp", "pick", "--by", "Ellen", "--for", "Tyler", "--seed", str(seed), "--choose", "2"
        )
    assert len(picks(cli)) == 12
    assert history_queries() == few
    table = cli.ok("bp", "picks").stdout.splitlines()
    assert table[1].split("┃")[1:4] == [" Pick ", " Date       ", " Proposed by "]
    assert [line.split("│")[1].strip() for line in table[3:-1]] == [
        str(n) for n in range(12, 0, -1)
    ]
