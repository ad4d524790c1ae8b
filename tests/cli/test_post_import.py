"""`post import`: published posts (a document, a web page's text, its HTML) become posts."""

import json
import sys
from pathlib import Path

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "iltbta-her-post.txt"
SEED = SEED if SEED.exists() else Path("/work/shared/seeds/iltbta-her-post.txt")

# A short published installment in the project's own words, as copied from a web page:
# markers are digits glued to their word, definitions are the last lines.
PAGE = """Hello again, readers! This time the envelope says: Jaws.
Previews
What we expected before the lights went down.
Ellen: I knew the music long before the movie.
Tyler: I expected a monster movie and got a town meeting.
Plots & Feelings
Summer, a beach, a problem.
Short Version (courtesy of IMDb): A shark terrorises a beach town.
Long Version (trimmed from the encyclopedia):
A night swim goes wrong on Amity Island1.
Tyler: That opening still works.
The mayor keeps the beaches open.
Ellen: Of course he does.
Wiki-Wiki-Whaaat?
Small truths from the film's article.
The crew called the mechanical shark Bruce2.
Ellen: Bruce!
Oscar NomNomNomz
Food on screen, judged.
Time to award the trophy for Best Snack in a Boat Scene3. The contenders:
A cup of coffee on the Orca
A can of beer crushed in one hand
And the trophy goes to … the crushed can! Quint accepts with a song.
Fill In The Blank
Did it earn its nomination?
Ellen: Yes, and then some.
Post-Credits Scene
Next time: something drier.
See you in a fortnight.
Basil's Corner
A word from the dog.
I do not like the water either.
An island off the coast of New England, made up for the film.
He was named after a lawyer.
Counted by the crew of the Orca.
"""


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


@pytest.fixture
def crew(cli: Cli, hosts: None) -> None:
    cli.ok("people", "add", "Basil", "--role", "pet")


def shown(cli: Cli, number: str) -> dict:  # type: ignore[type-arg]
    return json.loads(cli.ok("post", "show", number, "--json").stdout)


def section(data: dict, key: str) -> dict:  # type: ignore[type-arg]
    return next(s for s in data["sections"] if s["key"] == key)


def test_a_copied_page_becomes_a_published_post(cli: Cli, crew: None, tmp_path: Path) -> None:
    page = tmp_path / "jaws.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = cli.ok("post", "import", str(page), "--publish-on", "2025-01-28")
    assert "Post 1 (Jaws (1975)): published" in result.stderr
    assert "3 footnotes" in result.stderr
    assert "Not found in the page: Intermission, Let The Credits Roll." in result.stderr
    data = shown(cli, "1")
    assert data["status"] == "published" and data["publish_on"] == "2025-01-28"
    previews = section(data, "previews")
    assert previews["tagline"] == "What we expected before the lights went down."
    assert [p["speaker"] for p in previews["pieces"]] == ["Ellen", "Tyler"]
    plots = section(data, "plots")
    assert (plots["body"], plots["source"]) == ("A shark terrorises a beach town.", "IMDb")
    assert plots["long_source"] == "trimmed from the encyclopedia"
    remarks = [(r["speaker"], r["text"]) for p in plots["pieces"] for r in p["remarks"]]
    assert remarks == [("Tyler", "That opening still works."), ("Ellen", "Of course he does.")]
    award = section(data, "nomnomnomz")["awards"][0]
    assert award["category"] == "Best Snack in a Boat Scene[^3]"
    assert award["winner"] == "A can of beer crushed in one hand"
    assert award["announced"] == "the crushed can"  # the post's own words for the winner
    assert award["note"] == "Quint accepts with a song."
    assert section(data, "pet")["heading"] == "Basil's Corner"
    markdown = cli.ok("post", "export", "1").stdout
    assert structure(markdown).footnote_refs == [1, 2, 3]
    assert "[^2]: He was named after a lawyer." in markdown
    assert "**Short Version** (courtesy of IMDb): A shark terrorises" in markdown
    assert "**Long Version** (trimmed from the encyclopedia):" in markdown
    assert "Time to award the trophy for **Best Snack in a Boat Scene[^3]**" in markdown
    assert "And the trophy goes to … **the crushed can**" in markdown
    assert "Jaws (1975) marked covered on the Spreadsheet" in result.stderr
    assert "Best Snack in a Boat Scene³" in cli.ok("awards").stdout


def test_a_dry_run_saves_nothing(cli: Cli, crew: None, tmp_path: Path, env_setup: Path) -> None:
    page = tmp_path / "jaws.txt"
    page.write_text(PAGE, encoding="utf-8")
    before = snapshot(env_setup)
    result = cli.ok("post", "import", str(page), "--dry-run")
    assert "Dry run: nothing was saved" in result.stderr
    assert "Award: Best Snack in a Boat Scene[^3] (2 nominees; won by A can" in result.stderr
    assert snapshot(env_setup) == before


def test_a_saved_html_page_reads_like_its_text(cli: Cli, crew: None, tmp_path: Path) -> None:
    lines = PAGE.splitlines()
    html = "<!DOCTYPE html><html><head><title>x</title><script>x()</script></head><body>"
    for line in lines:
        tag = "h2" if len(line.split()) <= 3 and not line.endswith(".") else "p"
        html += f"<{tag}>{line.replace('Island1', 'Island<sup>1</sup>')}</{tag}>\n"
    page = tmp_path / "jaws.html"
    page.write_text(html + "</body></html>", encoding="utf-8")
    cli.ok("post", "import", str(page))
    data = shown(cli, "1")
    assert [p["speaker"] for p in section(data, "previews")["pieces"]] == ["Ellen", "Tyler"]
    assert section(data, "nomnomnomz")["awards"][0]["winner"].startswith("A can of beer")
    assert len(data["footnotes"]) == 3


def test_a_document_imports_whole(
    cli: Cli, crew: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("post", "new", "Jaws", "--number", "3")
    cli.ok("post", "say", "3", "previews", "--by", "Ellen", "A line.[^n]")
    cli.ok("post", "footnote", "3", "--key", "n", "A *note*.")
    script = tmp_path / "keep.py"
    script.write_text(
        f"import shutil, sys; shutil.copy(sys.argv[1], {str(tmp_path / 'doc.txt')!r})\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    cli.ok("post", "edit", "3")
    document = (tmp_path / "doc.txt").read_text(encoding="utf-8").replace("number: 3", "number: 4")
    (tmp_path / "doc.txt").write_text(document, encoding="utf-8")
    cli.ok("post", "import", str(tmp_path / "doc.txt"))
    assert shown(cli, "4")["status"] == "published"
    before = cli.ok("post", "export", "3").stdout
    assert cli.ok("post", "export", "4").stdout == before


def test_a_file_that_is_not_a_post_is_one_line(
    cli: Cli, crew: None, tmp_path: Path, env_setup: Path
) -> None:
    before = snapshot(env_setup)
    missing = cli("post", "import", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and missing.stderr.startswith("Error: cannot read")
    odd = tmp_path / "odd.txt"
    odd.write_text("Nothing here names a film we know.\n", encoding="utf-8")
    unknown = cli("post", "import", str(odd))
    assert unknown.exit_code == 1 and "--film" in unknown.stderr
    assert unknown.stderr.count("\n") == 1
    assert snapshot(env_setup) == before


@pytest.mark.skipif(not SEED.exists(), reason="the published Her post (shared/seeds) is absent")
def test_the_published_her_post_imports_and_rebuilds(
    cli: Cli, crew: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli.ok("post", "import", str(SEED), "--number", "7", "--next", "Rocky (1976)")
    assert "8 footnotes" in result.stderr
    assert "Next film: Rocky (1976)." in result.stderr
    data = shown(cli, "7")
    assert (data["next_film"]["title"], data["next_film"]["year"]) == ("Rocky", 1976)
    keys = [s["key"] for s in data["sections"] if s["pieces"] or s["body"] or s["awards"]]
    assert keys == ["intro", "previews", "plots", "intermission", "wiki", "nomnomnomz", "blank",
                    "credits", "next", "pet"]  # fmt: skip
    speakers = {p["speaker"] for p in section(data, "previews")["pieces"]}
    assert speakers == {"Ellen", "Tyler"}
    remarks = {r["speaker"] for p in section(data, "plots")["pieces"] for r in p["remarks"]}
    assert remarks == {"Ellen", "Tyler"}
    award = section(data, "nomnomnomz")["awards"][0]
    assert award["category"].startswith("Best Snacktor in a Supporting Role")
    assert len(award["nominees"]) == 3 and award["winner"] == award["nominees"][1]
    assert "ocktails" in award["winner"]
    assert award["announced"] == "cocktails at the Asian fusion restaurant"  # as the post says
    original = structure(cli.ok("post", "export", "7").stdout)
    assert original.footnote_refs == list(range(1, 9)) and len(original.footnotes) == 8
    assert "Oscar NomNomNomz" in cli.ok("awards").stdout

    # Rebuilt by hand: a new post, one edit with the whole document, then export.
    keep = tmp_path / "keep.py"
    keep.write_text(
        f"import shutil, sys; shutil.copy(sys.argv[1], {str(tmp_path / 'her.txt')!r})\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {keep}")
    cli.ok("post", "edit", "7")
    head, sections = (tmp_path / "her.txt").read_text(encoding="utf-8").split("\n=== ", 1)
    assert "\nnext film: Rocky (1976)\n" in head
    cli.ok("post", "new", "her", "--number", "8", "--again")
    put = tmp_path / "put.py"
    put.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "head = p.read_text(encoding='utf-8').split('\\n=== ', 1)[0]\n"
        f"p.write_text(head + '\\n=== ' + {sections!r}, encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {put}")
    cli.ok("post", "edit", "8")
    rebuilt = structure(cli.ok("post", "export", "8").stdout)
    assert rebuilt.headings == original.headings
    assert rebuilt.lists == original.lists
    assert rebuilt.footnote_refs == original.footnote_refs
    assert rebuilt.footnotes == original.footnotes
    said = [p.split(":", 1)[0] for p in original.paragraphs if p.startswith(("Ellen:", "Tyler:"))]
    again = [p.split(":", 1)[0] for p in rebuilt.paragraphs if p.startswith(("Ellen:", "Tyler:"))]
    assert said == again and len(said) > 20


def test_an_exported_post_imports_to_the_same_export(cli: Cli, crew: None, tmp_path: Path) -> None:
    page = tmp_path / "jaws.txt"
    page.write_text(PAGE, encoding="utf-8")
    cli.ok("post", "import", str(page), "--number", "1")
    cli.ok("post", "set", "1", "--subtitle", "A *wet* one")
    exported = tmp_path / "jaws.md"
    cli.ok("post", "export", "1", "-o", str(exported))
    result = cli.ok("post", "import", str(exported), "--number", "2")
    assert "Kept as text" not in result.stderr
    again = cli.ok("post", "export", "2").stdout
    assert again == exported.read_text(encoding="utf-8")
    assert shown(cli, "2")["status"] == "published"


def test_the_next_film_is_a_field_of_the_document(
    cli: Cli, crew: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("watchlist", "add", "Rocky", "--year", "1976")
    cli.ok("post", "new", "Jaws", "--year", "1975")
    assert shown(cli, "1")["next_film"]["title"] == "Rocky"  # the top of the watchlist
    assert "Next film: Rocky (1976)" in cli.ok("post", "show", "1").stdout

    def edit(old: str, new: str) -> str:
        script = tmp_path / "edit.py"
        script.write_text(
            "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
            f"p.write_text(p.read_text(encoding='utf-8').replace({old!r}, {new!r}), "
            "encoding='utf-8')\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
        return cli.ok("post", "edit", "1").stderr

    assert "next film → Network (1976)" in edit("next film: Rocky (1976)", "next film: Network")
    assert shown(cli, "1")["next_film"]["title"] == "Network"
    assert "no next film" in edit("next film: Network (1976)", "next film:")
    assert shown(cli, "1")["next_film"] is None
    assert edit("no such text", "") == "No change.\n"


def test_a_winner_can_be_announced_in_the_posts_own_words(
    cli: Cli, crew: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    award = ("post", "award", "1", "--category", "Best Bucket")
    nominees = ("--nominee", "A bucket of chum", "--nominee", "A pot roast")
    refused = cli(*award, *nominees, "--announced", "the chum")
    assert refused.exit_code == 1
    assert refused.stderr == "Error: --announced words the winner: give --winner too\n"
    cli.ok(*award, *nominees, "--winner", "1", "--announced", "the chum, of course")
    given = section(shown(cli, "1"), "nomnomnomz")["awards"][0]
    assert (given["winner"], given["announced"]) == ("A bucket of chum", "the chum, of course")
    assert "**the chum, of course**" in cli.ok("post", "export", "1").stdout
    kept = tmp_path / "kept.txt"
    script = tmp_path / "keep.py"
    script.write_text(
        f"import shutil, sys; shutil.copy(sys.argv[1], {str(kept)!r})\n", encoding="utf-8"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert cli.ok("post", "edit", "1").stderr == "No change.\n"
    assert "winner: A bucket of chum\nnominee: A pot roast\nannounced: the chum, of course\n" in (
        kept.read_text(encoding="utf-8")
    )


def test_control_characters_in_a_page_are_dropped_and_counted(
    cli: Cli, crew: None, tmp_path: Path
) -> None:
    page = tmp_path / "jaws.txt"
    page.write_text(PAGE.replace("Bruce!", "Bruce!\x07\x1b[2J"), encoding="utf-8")
    result = cli.ok("post", "import", str(page), "--number", "1")
    assert "Dropped control characters from 1 line (line " in result.stderr
    assert "\x07" not in result.stderr and "\x1b" not in result.stderr
    texts = json.dumps(shown(cli, "1"))
    assert "\\u0007" not in texts and "\\u001b" not in texts and "Bruce![2J" in texts
