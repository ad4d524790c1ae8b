"""`post edit`: the whole post in the editor as one document, saved back, nothing lost."""

import json
import sys
from pathlib import Path

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import ROOT, Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)

# Each time it runs, the editor copies what it was given to seen-N.txt and then applies the
# replacements listed in step-N.json ([old, new] pairs), or leaves the file alone.
EDITOR = """
import json, pathlib, sys
folder = pathlib.Path({folder!r})
count = len(list(folder.glob("seen-*.txt"))) + 1
path = pathlib.Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
(folder / f"seen-{{count}}.txt").write_text(text, encoding="utf-8")
sql = folder / f"sql-{{count}}.txt"
if sql.exists():  # another writer, on either engine
    import os
    sys.path.insert(0, {root!r})
    from tests.dbaccess import connect
    with connect(os.environ["DIARY_DB"]) as db:
        db.execute(sql.read_text(encoding="utf-8"))
if (folder / f"fail-{{count}}").exists():
    sys.exit(3)
step = folder / f"step-{{count}}.json"
if step.exists():
    for old, new in json.loads(step.read_text(encoding="utf-8")):
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
"""


class Editor:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def step(self, n: int, *changes: tuple[str, str]) -> None:
        (self.folder / f"step-{n}.json").write_text(json.dumps(changes), encoding="utf-8")

    def seen(self, n: int) -> str:
        return (self.folder / f"seen-{n}.txt").read_text(encoding="utf-8")

    def runs(self) -> int:
        return len(list(self.folder.glob("seen-*.txt")))


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Editor:
    folder = tmp_path / "editor"
    folder.mkdir()
    script = folder / "edit.py"
    script.write_text(EDITOR.format(folder=str(folder), root=str(ROOT)), encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    return Editor(folder)


@pytest.fixture
def jaws(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    cli.ok("post", "say", "12", "previews", "--by", "Ellen", "I knew *the* music.")
    cli.ok("post", "write", "12", "plots", "--short", "A shark.", "--source", "IMDb")
    cli.ok("post", "write", "12", "plots", "Amity gets ready.[^fn1]\n\nTyler: Wow.")
    cli.ok("post", "footnote", "12", "A note.")
    cli.ok("post", "fact", "12", "The shark was called Bruce.")
    cli.ok("post", "award", "12", "--category", "Best Snacktor", "--nominee", "Pot roast",
           "--nominee", "Chum", "--winner", "2", "--note", "Accepted by the pier.")  # fmt: skip


def test_saving_unchanged_changes_nothing(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    before, exported = snapshot(env_setup), cli.ok("post", "export", "12").stdout
    assert "No change." in cli.ok("post", "edit", "12").stderr
    editor.step(2, ("format: newsletter\n", "format: newsletter\n\n\n"))
    assert "No change." in cli.ok("post", "edit", "12").stderr
    assert snapshot(env_setup) == before
    assert cli.ok("post", "export", "12").stdout == exported
    document = editor.seen(1)
    assert "=== Previews [previews] ===\ntagline: Our expectations" in document
    assert "Ellen: I knew *the* music." in document
    assert "short: A shark.\nsource: IMDb\n\nAmity gets ready.[^fn1]\n\nTyler: Wow." in document
    assert "award: Best Snacktor\nnominee: Pot roast\nwinner: Chum\n\nAccepted by" in document
    assert "[^fn1]: A note." in document


def test_an_edit_is_saved_and_its_changes_are_listed(cli: Cli, jaws: None, editor: Editor) -> None:
    editor.step(
        1,
        ("status: draft", "status: ready"),
        ("tagline: Our expectations, before the opening credits rolled.", "tagline: Before."),
        ("Tyler: Wow.", "Tyler: Wow.\n\nThe mayor says no.[^mayor]\n\n[^mayor]: Of course."),
        ("The shark was called Bruce.", "The shark was called Bruce.\n\nEllen: Ha!"),
        ("nominee: Pot roast\nwinner: Chum", "winner: Pot roast\nnominee: Chum"),
        ("[^fn1]: A note.", "[^fn1]: A better note."),
    )
    saved = cli.ok("post", "edit", "12").stderr
    assert "Post: status draft → ready." in saved
    assert "Previews: tagline changed." in saved
    assert "Plots & Feelings: pieces 1 → 2." in saved
    assert "Wiki-Wiki-Whaaat?: pieces changed." in saved
    assert "Oscar NomNomNomz: 1 award." in saved
    assert "Footnotes: added [^mayor]; changed [^fn1]." in saved
    markdown = cli.ok("post", "export", "12").stdout
    assert "*Before.*" in markdown and "**Ellen:** Ha!" in markdown
    assert "The mayor says no.[^2]" in markdown and "[^2]: Of course." in markdown
    assert "And the golden fork goes to … **Pot roast**" in markdown


def test_a_document_that_does_not_read_opens_again_with_the_error(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    editor.step(1, ("=== Previews [previews] ===", "=== Previews [preview] ==="),
                ("I knew *the* music.", "I knew the music well."))  # fmt: skip
    editor.step(2, ("[preview]", "[previews]"))
    saved = cli.ok("post", "edit", "12")
    assert editor.runs() == 2
    reopened = editor.seen(2)
    assert reopened.startswith("# Error: line ")
    assert "no section [preview] in this post" in reopened.splitlines()[0]
    assert "I knew the music well." in reopened  # what was typed is still there
    assert "Previews: pieces changed." in saved.stderr
    shown = json.loads(cli.ok("post", "show", "12", "--json").stdout)
    previews = next(s for s in shown["sections"] if s["key"] == "previews")
    assert [p["text"] for p in previews["pieces"]] == ["I knew the music well."]


def test_giving_up_keeps_the_text_and_changes_nothing(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    editor.step(1, ("winner: Chum", "winner: Chum\nwinner: Pot roast"),
                ("Tyler: Wow.", "Tyler: Wow, and a long remark I would hate to lose."))  # fmt: skip
    before = snapshot(env_setup)
    result = cli("post", "edit", "12")
    assert result.exit_code == 1 and editor.runs() == 2
    assert "two winners" in editor.seen(2).splitlines()[0]
    kept = Path(result.stderr.split("kept in ")[1].strip().rstrip("."))
    assert "a long remark I would hate to lose" in kept.read_text(encoding="utf-8")
    kept.unlink()
    assert snapshot(env_setup) == before


def test_a_bad_link_in_the_document_is_refused_and_shown(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    editor.step(1, ("Tyler: Wow.", "Tyler: [Wow](javascript:alert(1))."))
    editor.step(2, ("javascript:alert(1)", "https://example.org"))
    cli.ok("post", "edit", "12")
    assert "javascript: address is not allowed" in editor.seen(2).splitlines()[0]
    assert "[Wow](https://example.org)." in cli.ok("post", "export", "12").stdout


def test_without_an_editor_it_says_so(
    cli: Cli, jaws: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli("post", "edit", "12")
    assert result.exit_code == 1 and result.stderr.startswith("Error: $VISUAL and $EDITOR")


def test_a_post_changed_meanwhile_is_not_overwritten(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    (editor.folder / "sql-1.txt").write_text(
        "UPDATE post_section SET tagline = 'Changed elsewhere.' WHERE key = 'blank'",
        encoding="utf-8",
    )
    editor.step(1, ("Ellen: I knew *the* music.", "Ellen: My own words, to keep."))
    before_edit = snapshot(env_setup)
    result = cli("post", "edit", "12")
    assert result.exit_code == 1 and "changed while you were editing" in result.stderr
    kept = Path(result.stderr.split("kept in ")[1].split(".\n")[0].strip())
    assert "My own words, to keep." in kept.read_text(encoding="utf-8")
    kept.unlink()
    after = snapshot(env_setup)
    assert after != before_edit  # only the other writer's change is there
    sections = [r for r in after["post_section"] if r[2] == "blank"]
    assert sections[0][6] == "Changed elsewhere."
    assert not [r for r in after["post_entry"] if "My own words" in r[-2]]


def test_the_document_in_the_docs_reads(
    cli: Cli, hosts: None, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import ROOT

    docs = (ROOT / "docs" / "posts.md").read_text(encoding="utf-8")
    example = docs.split("A short document", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    cli.ok("post", "new", "Casablanca", "--number", "76")
    (editor.folder / "replace.txt").write_text(example, encoding="utf-8")
    script = editor.folder / "put.py"
    script.write_text(
        "import pathlib, sys\n"
        f"text = pathlib.Path({str(editor.folder / 'replace.txt')!r}).read_text(encoding='utf-8')\n"
        "pathlib.Path(sys.argv[1]).write_text(text, encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    saved = cli.ok("post", "edit", "76").stderr
    assert "Oscar NomNomNomz: wording changed, 1 award." in saved
    markdown = cli.ok("post", "export", "76").stdout
    assert "**The long way round** (retold from memory):" in markdown
    assert "And the cork pops for … **The bottle Rick opens for the last night**" in markdown
    assert "[film's article](<https://en.wikipedia.org/wiki/Casablanca_(film)>)" in markdown


def test_a_post_can_word_a_section_its_own_way(cli: Cli, jaws: None, env_setup: Path) -> None:
    said = cli.ok("post", "wording", "12", "nomnomnomz", "--label",
                  "winner=And the Oscar goes to …", "--tagline", "Snacks, judged.")  # fmt: skip
    assert "Oscar NomNomNomz: tagline set, label winner set." in said.stderr
    cli.ok("post", "wording", "12", "wiki", "--lead-in", "Our favourite finds:")
    markdown = cli.ok("post", "export", "12").stdout
    assert "And the Oscar goes to … **Chum**" in markdown and "*Snacks, judged.*" in markdown
    assert "Our favourite finds:" in markdown
    cli.ok("post", "new", "Jaws", "--number", "13", "--again")
    assert "golden fork goes to … **" not in markdown
    before = snapshot(env_setup)
    for bad in (["intro", "--tagline", "x"], ["plots", "--lead-in", "x"], ["blank"],
                ["plots", "--label", "nonsense"]):  # fmt: skip
        refused = cli("post", "wording", "12", *bad)
        assert refused.exit_code == 1 and refused.stderr.startswith("Error: "), bad
    assert snapshot(env_setup) == before
    cli.ok("post", "wording", "12", "nomnomnomz", "--label", "winner=")
    assert "And the golden fork goes to … **Chum**" in cli.ok("post", "export", "12").stdout


def test_an_editor_failing_after_an_error_keeps_the_text(
    cli: Cli, jaws: None, editor: Editor, env_setup: Path
) -> None:
    editor.step(1, ("[previews]", "[preview]"), ("I knew *the* music.", "Words to keep."))
    (editor.folder / "fail-2").write_text("", encoding="utf-8")
    before = snapshot(env_setup)
    result = cli("post", "edit", "12")
    assert result.exit_code == 1 and "Error: the editor failed" in result.stderr
    kept = Path(result.stderr.split("kept in ")[1].split(".\n")[0].strip())
    assert "Words to keep." in kept.read_text(encoding="utf-8")
    kept.unlink()
    assert snapshot(env_setup) == before
