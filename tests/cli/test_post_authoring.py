"""Starting a post and adding to it piece by piece, through the real CLI."""

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import Cli
from tests.dbaccess import connect
from tests.render.post_support import formats_dir  # noqa: F401  (a fixture)


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


def post(cli: Cli, number: str = "12") -> dict[str, Any]:
    return json.loads(cli.ok("post", "show", number, "--json").stdout)


def section(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(s for s in data["sections"] if s["key"] == key)


def lines(data: dict[str, Any], key: str) -> list[tuple[str | None, str]]:
    return [(p["speaker"], p["text"]) for p in section(data, key)["pieces"]]


@pytest.fixture
def jaws(cli: Cli, hosts: None) -> None:
    cli.ok("comment", "add", "Jaws", "--year", "1975", "--by", "Tyler", "a perfect machine")
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-26", "--rating", "4.5",
           "--with", "Tyler=5")  # fmt: skip
    cli.ok("post", "new", "Jaws", "--number", "12")


def test_new_post_is_prefilled_from_the_diary(cli: Cli, hosts: None) -> None:
    cli.ok("comment", "add", "Jaws", "--year", "1975", "--by", "Tyler", "a perfect machine")
    cli.ok("log", "Jaws", "--year", "1975", "--date", "2025-01-26", "--rating", "4.5")
    cli.ok("watchlist", "add", "Rocky", "--year", "1976", "--priority", "5")
    cli.ok("watchlist", "add", "Network", "--year", "1976", "--priority", "2", "--by", "Tyler")
    started = cli.ok("post", "new", "jaws", "--number", "12")
    assert "Started post 12 (Jaws (1975)) in the Newsletter format." in started.stderr
    assert "Pre-filled: Intro, Previews (2 pieces)" in started.stderr
    data = post(cli)
    assert data["film"]["title"] == "Jaws" and data["film"]["year"] == 1975
    assert data["title"] == "Jaws" and data["status"] == "draft" and data["format"] == "newsletter"
    assert "Jaws (1975)" in section(data, "intro")["body"]
    assert lines(data, "previews") == [
        ("Ellen", "My rating on the Spreadsheet: ★★★★½."),
        ("Tyler", "My Spreadsheet comment: “a perfect machine”."),
    ]
    assert "Next time we take on Rocky (1976)" in section(data, "next")["body"]
    assert "Spreadsheet" in section(data, "credits")["body"]
    assert section(data, "plots")["body"] is None  # no facts imported
    assert [s["key"] for s in data["sections"]] == [
        "intro", "previews", "plots", "intermission", "wiki", "nomnomnomz", "blank",
        "credits", "next", "pet", "footnotes",
    ]  # fmt: skip


def test_without_hosts_the_default_person_is_the_host(cli: Cli) -> None:
    cli.ok("people", "add", "Sam")
    cli.ok("people", "add", "Robin", "--role", "guest")
    cli.ok("comment", "add", "Rocky", "--year", "1976", "gonna fly now")
    cli.ok("comment", "add", "Rocky", "--by", "Robin", "stairs!")
    cli.ok("post", "new", "Rocky")
    assert lines(post(cli, "1"), "previews") == [
        ("Sam", "My Spreadsheet comment: “gonna fly now”.")
    ]


def test_numbers_follow_on_and_are_never_reused(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "7")
    cli.ok("post", "new", "Rocky", "--year", "1976")
    listed = json.loads(cli.ok("post", "list", "--json").stdout)
    assert [(p["number"], p["film"]["title"]) for p in listed] == [(7, "Jaws"), (8, "Rocky")]
    taken = cli("post", "new", "Network", "--year", "1976", "--number", "8")
    assert taken.exit_code == 1 and "post 8 already exists" in taken.stderr


def test_post_and_section_are_found_by_number_film_heading_or_key(cli: Cli, jaws: None) -> None:
    for who, where in [
        ("12", "blank"), ("jaws", "Fill In The Blank"), ("Jaws (1975)", "BLANK"),
        ("12", "fill in the blank"), ("12", "fill"), ("12", "bla"),
    ]:  # fmt: skip
        cli.ok("post", "say", who, where, "--by", "Ellen", f"said via {where}")
    assert len(section(post(cli), "blank")["pieces"]) == 6
    cli.ok("post", "say", "12", "Plots & Feelings", "--by", "Ellen", "heading with &")
    cli.ok("post", "say", "12", "plots and feelings", "--by", "Ellen", "& as and")
    assert len(section(post(cli), "plots")["pieces"]) == 2
    wrong = cli("post", "say", "12", "nowhere", "hello")
    assert wrong.exit_code == 1
    assert "no section 'nowhere'" in wrong.stderr and "plots (Plots & Feelings)" in wrong.stderr
    unknown = cli("post", "say", "99", "plots", "hello")
    assert unknown.exit_code == 1 and "no post '99' (posts: 12)" in unknown.stderr


def test_say_adds_lines_remarks_and_answers(cli: Cli, jaws: None) -> None:
    cli.ok("post", "say", "12", "blank", "--by", "Ellen", "Deserved.")
    cli.ok("post", "say", "12", "blank", "--by", "Ellen", "--by", "tyler", "Both of us agree.")
    cli.ok("post", "say", "12", "blank", "Me, by default.")
    assert lines(post(cli), "blank") == [
        ("Ellen", "Deserved."),
        ("Ellen & Tyler", "Both of us agree."),
        ("Ellen", "Me, by default."),
    ]
    refused = cli("post", "say", "12", "wiki", "--by", "Tyler", "Too soon.")
    assert refused.exit_code == 1 and "needs a fact" in refused.stderr
    cli.ok("post", "fact", "12", "The shark was nicknamed Bruce.")
    cli.ok("post", "fact", "12", "The score has two notes.")
    said = cli.ok("post", "say", "12", "wiki", "--by", "Tyler", "Bruce!", "--on", "1")
    assert "added Tyler's remark on piece 1" in said.stderr
    cli.ok("post", "say", "12", "wiki", "--by", "Ellen", "Dun dun.")
    wiki = section(post(cli), "wiki")["pieces"]
    assert [(p["text"], [(r["speaker"], r["text"]) for r in p["remarks"]]) for p in wiki] == [
        ("The shark was nicknamed Bruce.", [("Tyler", "Bruce!")]),
        ("The score has two notes.", [("Ellen", "Dun dun.")]),
    ]
    prose = cli("post", "say", "12", "intermission", "hello")
    assert prose.exit_code == 1 and "use `diary post write`" in prose.stderr
    nobody = cli("post", "say", "12", "blank", "--by", "Nobody", "hello")
    assert nobody.exit_code == 1 and "unknown person 'Nobody'" in nobody.stderr


def test_write_replaces_appends_and_reads_the_text_form(cli: Cli, jaws: None) -> None:
    cli.ok("post", "write", "12", "intermission", "A word from our sponsor.")
    cli.ok("post", "write", "12", "intermission", "--append", "Buy fins!")
    assert section(post(cli), "intermission")["body"] == "A word from our sponsor.\n\nBuy fins!"
    text = (
        "Amity Island gets ready for summer.\n\n"
        "Tyler: That opening!\n\n"
        "    It still works.\n\n"
        "Brody wants the beaches closed.\n\n"
        "Ellen & Tyler: Nobody listens.\n\n"
        "Note: this paragraph is not a speaker's."
    )
    written = cli.ok("post", "write", "12", "plots", "-", input=text)
    assert "Plots & Feelings: now 3 pieces and 2 remarks." in written.stderr
    plots = section(post(cli), "plots")["pieces"]
    assert [(p["kind"], p["text"], [(r["speaker"], r["text"]) for r in p["remarks"]])
            for p in plots] == [
        ("paragraph", "Amity Island gets ready for summer.",
         [("Tyler", "That opening!\n\nIt still works.")]),
        ("paragraph", "Brody wants the beaches closed.", [("Ellen & Tyler", "Nobody listens.")]),
        ("paragraph", "Note: this paragraph is not a speaker's.", []),
    ]  # fmt: skip
    cli.ok("post", "write", "12", "plots", "--append", "The shark returns.")
    cli.ok("post", "write", "12", "plots", "--short", "A shark, a town.", "--source", "IMDb")
    data = section(post(cli), "plots")
    assert len(data["pieces"]) == 4
    assert (data["body"], data["source"]) == ("A shark, a town.", "IMDb")
    sourced = cli.ok("post", "write", "12", "plots", "--source", "our own words")
    assert sourced.stderr == "Plots & Feelings: source set to our own words.\n"
    assert section(post(cli), "plots")["source"] == "our own words"
    both = cli.ok("post", "write", "12", "plots", "--short", "Shark.", "Only this paragraph.")
    assert "short version written" in both.stderr and "now 1 piece" in both.stderr
    data = section(post(cli), "plots")
    assert data["body"] == "Shark." and [p["text"] for p in data["pieces"]] == [
        "Only this paragraph."
    ]
    cli.ok("post", "write", "12", "plots", "")
    assert section(post(cli), "plots")["pieces"] == []
    refused = cli("post", "write", "12", "nomnomnomz", "text")
    assert refused.exit_code == 1 and "`diary post award`" in refused.stderr


def test_write_reads_a_file(cli: Cli, jaws: None, tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text("\ufeffFins™: for the swimmer in you.\r\n", encoding="utf-8")
    cli.ok("post", "write", "12", "intermission", "--file", str(ad))
    assert section(post(cli), "intermission")["body"] == "Fins™: for the swimmer in you."
    missing = cli("post", "write", "12", "intermission", "--file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "cannot read" in missing.stderr


def test_footnotes_print_their_marker_and_keep_their_key(cli: Cli, jaws: None) -> None:
    first = cli.ok("post", "footnote", "12", "Not the last.")
    assert first.stdout == "[^fn1]\n" and "put [^fn1] in the text" in first.stderr
    second = cli.ok("post", "footnote", "12", "A lawyer's name.", "--key", "bruce")
    assert second.stdout == "[^bruce]\n"
    cli.ok("post", "footnote", "12", "Named after a lawyer.", "--key", "bruce")
    assert post(cli)["footnotes"] == [
        {"key": "fn1", "text": "Not the last."},
        {"key": "bruce", "text": "Named after a lawyer."},
    ]
    noted = cli.ok("post", "say", "12", "blank", "Sequels[^fn2] everywhere")
    assert "[^fn2] names no footnote yet" in noted.stderr
    bad = cli("post", "footnote", "12", "x", "--key", "no spaces")
    assert bad.exit_code == 1


def test_awards_replace_the_same_category(cli: Cli, jaws: None) -> None:
    args = ["post", "award", "12", "--theme", "Oscar NomNomNomz", "--category", "Best Snacktor"]
    cli.ok(*args, "--nominee", "Pot roast", "--nominee", "Chum", "--winner", "2")
    replaced = cli.ok(*args, "--nominee", "Pot roast", "--nominee", "Chum", "--winner", "1",
                      "--note", "Accepted by the pier.")  # fmt: skip
    assert "Replaced Best Snacktor with 2 nominees; the winner is Pot roast" in replaced.stderr
    cli.ok("post", "award", "12", "--category", "Best Drink", "--nominee", "Beer")
    awards = section(post(cli), "nomnomnomz")["awards"]
    assert [(a["category"], a["nominees"], a["winner"], a["note"]) for a in awards] == [
        ("Best Snacktor", ["Pot roast", "Chum"], "Pot roast", "Accepted by the pier."),
        ("Best Drink", ["Beer"], None, None),
    ]
    assert awards[0]["theme"] == "Oscar NomNomNomz"


def test_publishing_marks_the_film_covered(cli: Cli, jaws: None, env_setup: Path) -> None:
    cli.ok("post", "set", "12", "--title", "Jaws!", "--subtitle", "Nobody goes in the water",
           "--publish-on", "next tuesday")  # fmt: skip
    data = post(cli)
    assert (data["title"], data["subtitle"], data["publish_on"]) == (
        "Jaws!", "Nobody goes in the water", "2025-02-04",
    )  # fmt: skip
    published = cli.ok("post", "set", "jaws", "--status", "published")
    assert "Jaws (1975) marked covered on the Spreadsheet" in published.stderr
    with connect(env_setup) as connection:
        covered = connection.execute(
            "SELECT covered_on, note FROM film_covered JOIN film ON film.id = film_id "
            "WHERE title = 'Jaws'"
        ).fetchall()
    assert covered == [("2025-02-04", "post 12")]
    again = cli.ok("post", "set", "12", "--status", "published")
    assert "covered" not in again.stderr


def test_publishing_a_post_about_a_film_off_the_list_says_it_has_no_spreadsheet_row(
    cli: Cli, hosts: None
) -> None:
    cli.ok("post", "new", "The Quiet Harbour", "--year", "2021", "--number", "3")
    published = cli.ok("post", "set", "3", "--status", "published")
    assert published.stderr.endswith(
        "The Quiet Harbour (2021) marked covered"
        " (not a Best Picture nominee: no Spreadsheet row).\n"
    ), published


def test_delete_needs_yes_and_removes_everything(cli: Cli, jaws: None, env_setup: Path) -> None:
    cli.ok("post", "footnote", "12", "A note.")
    cli.ok("post", "award", "12", "--category", "Best Snack", "--nominee", "Chum")
    refused = cli("post", "delete", "12")
    assert refused.exit_code == 1 and "--yes" in refused.stderr
    cli.ok("post", "delete", "jaws", "--yes")
    with connect(env_setup) as connection:
        for table in ("post", "post_section", "post_entry", "post_footnote", "award"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)


def test_clear_takes_out_a_piece_or_a_whole_section(cli: Cli, jaws: None) -> None:
    cli.ok("post", "fact", "12", "One.")
    cli.ok("post", "fact", "12", "Two.")
    cli.ok("post", "say", "12", "wiki", "--by", "Tyler", "About two.")
    cli.ok("post", "say", "12", "plots", "--by", "Ellen", "A remark before any paragraph.")
    cli.ok("post", "clear", "12", "plots", "--piece", "1")
    cleared = cli.ok("post", "clear", "12", "wiki", "--piece", "2")
    assert "removed piece 2 and its 1 remark." in cleared.stderr
    assert [p["text"] for p in section(post(cli), "wiki")["pieces"]] == ["One."]
    cli.ok("post", "clear", "12", "credits")
    assert section(post(cli), "credits")["body"] is None


def test_status_counts_words_per_section_and_speaker(cli: Cli, jaws: None) -> None:
    cli.ok("post", "say", "12", "blank", "--by", "Ellen", "one two three")
    cli.ok("post", "say", "12", "blank", "--by", "Ellen", "--by", "Tyler", "four five")
    cli.ok("post", "footnote", "12", "Never used.")
    status = json.loads(cli.ok("post", "status", "12", "--json").stdout)
    by_key = {s["key"]: s for s in status["sections"]}
    assert by_key["blank"]["filled"] and by_key["blank"]["words"] == 5
    assert not by_key["intermission"]["filled"] and by_key["intermission"]["words"] == 0
    assert status["speakers"]["Ellen & Tyler"] == 2
    previews = [t for who, t in lines(post(cli), "previews") if who == "Ellen"]
    assert status["speakers"]["Ellen"] == 3 + sum(len(t.split()) for t in previews)
    assert status["unused_footnotes"] == ["fn1"]
    assert by_key["footnotes"]["words"] == 2  # "Never used." counts where footnotes go
    assert status["words"] == sum(s["words"] for s in status["sections"])
    table = cli.ok("post", "status", "12").stdout
    assert "Fill In The Blank" in table and "empty" in table


def test_post_formats_lists_the_shipped_ones(cli: Cli) -> None:
    listed = json.loads(cli.ok("post", "formats", "--json").stdout)
    assert {f["name"] for f in listed} >= {"newsletter", "oscars-preview", "ask-the-authors"}
    newsletter = next(f for f in listed if f["name"] == "newsletter")
    assert [s["heading"] for s in newsletter["sections"]][1:9] == [
        "Previews", "Plots & Feelings", "Intermission", "Wiki-Wiki-Whaaat?",
        "Oscar NomNomNomz", "Fill In The Blank", "Let The Credits Roll", "Post-Credits Scene",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["post", "new", "Nonexistent Film Title"],
        ["post", "new", "Rocky", "--year", "1976", "--format", "nope"],
        ["post", "new", "Rocky", "--year", "1976", "--number", "12"],
        ["post", "new", "--format", "newsletter"],
        ["post", "new", "--format", "oscars-preview", "--ceremony", "999"],
        ["post", "say", "12", "blank", ""],
        ["post", "say", "12", "blank", "--by", "Ellen", "--on", "1", "x"],
        ["post", "say", "12", "nomnomnomz", "x"],
        ["post", "write", "12", "wiki", "Ellen: a remark needs a fact above it"],
        ["post", "award", "12", "--category", "Best", "--nominee", "A", "--winner", "2"],
        ["post", "award", "12", "--category", " ", "--nominee", "A"],
        ["post", "award", "12", "--category", "C", "--nominee", " ", "--nominee", "A"],
        ["post", "award", "12", "--category", "C", "--nominee", "A b", "--nominee", "a  B"],
        ["post", "set", "12", "--status", "done"],
        ["post", "set", "12", "--publish-on", "someday"],
        ["post", "set", "12"],
        ["post", "clear", "12", "wiki", "--piece", "3"],
        ["post", "write", "12", "credits", "--append", ""],
        ["post", "write", "12", "plots", "--append", " "],
        ["post", "fact", "12"],
        ["post", "fact", "12", "--candidate", "1"],
        ["post", "fact", "12", "--pick"],
        ["post", "ask", "12", "A question?"],
        ["post", "film", "12", "Rocky"],
        ["post", "show", "Rocky"],
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    cli: Cli, jaws: None, env_setup: Path, args: list[str]
) -> None:
    before = snapshot(env_setup)
    result = cli(*args)
    assert result.exit_code == 1, result
    found = result.stderr.strip().splitlines()
    assert len(found) == 1 and found[0].startswith("Error: "), result
    assert snapshot(env_setup) == before


def test_text_and_a_file_together_are_refused(
    cli: Cli, jaws: None, env_setup: Path, tmp_path: Path
) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text("A word from our sponsor.", encoding="utf-8")
    before = snapshot(env_setup)
    result = cli("post", "write", "12", "intermission", "Typed.", "--file", str(ad))
    assert (result.exit_code, result.stderr) == (1, "Error: give the text or --file, not both\n")
    assert snapshot(env_setup) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["post", "write", "12", "nomnomnomz", "Snacks."], "is an award section"),
        (["post", "say", "12", "intro", "--by", "Ellen", "Hi."], "is an intro section"),
        (["post", "say", "12", "credits", "--by", "Ellen", "Hi."], "is a boilerplate section"),
    ],
)
def test_a_section_of_the_wrong_kind_is_named_with_its_article(
    cli: Cli, jaws: None, args: list[str], message: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 1 and message in result.stderr, result


def test_an_empty_file_or_standard_input_never_wipes_a_section(
    cli: Cli, jaws: None, env_setup: Path, tmp_path: Path
) -> None:
    cli.ok("post", "write", "12", "intermission", "A word from our sponsor.")
    empty = tmp_path / "ad.txt"
    empty.write_text("\n", encoding="utf-8")
    before = snapshot(env_setup)
    for args, where in ((["--file", str(empty)], str(empty)), (["-"], "standard input")):
        result = cli("post", "write", "12", "intermission", *args, input=" \n")
        assert result.stderr == (
            f"Error: {where} holds no text; `diary post clear` empties a section\n"
        ), result
        assert snapshot(env_setup) == before
    assert "Intermission: cleared." in cli.ok("post", "write", "12", "intermission", "").stderr


def test_a_ceremony_for_a_format_without_nominees_is_refused(cli: Cli, hosts: None) -> None:
    result = cli("post", "new", "Jaws", "--year", "1975", "--ceremony", "48")
    assert result.exit_code == 1 and result.stderr == (
        "Error: --ceremony is for a format that lists a season's nominees; Newsletter lists none\n"
    ), result
    assert json.loads(cli.ok("post", "list", "--json").stdout) == []


def test_an_empty_publish_date_removes_it_except_from_a_published_post(
    cli: Cli, jaws: None
) -> None:
    cli.ok("post", "set", "12", "--publish-on", "next tuesday")
    removed = cli.ok("post", "set", "12", "--publish-on", "")
    assert removed.stderr == "Post 12 (Jaws (1975)): publish date removed.\n"
    assert post(cli)["publish_on"] is None
    cli.ok("post", "set", "12", "--status", "published")
    kept = cli("post", "set", "12", "--publish-on", "")
    assert kept.stderr == "Error: a published post keeps its publish date; give another date\n"
    assert post(cli)["publish_on"] == "2025-02-01"


def test_candidates_of_a_post_without_a_film_or_without_pages(cli: Cli, jaws: None) -> None:
    waiting = cli.ok("post", "candidates", "12")
    assert waiting.stderr.startswith("No fun facts yet: import the film's Wikipedia page"), waiting
    cli.ok("post", "new", "--format", "ask-the-authors", "--number", "13")
    filmless = cli.ok("post", "candidates", "13")
    assert filmless.stderr == "Post 13 is about no film, so no fun facts wait for it.\n", filmless
    assert json.loads(cli.ok("post", "candidates", "13", "--json").stdout) == []
