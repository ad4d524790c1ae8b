"""Exporting a post: exactly the intended structure, typed text literal, HTML inert, files safe."""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.cli.test_log import snapshot
from tests.conftest import Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)

HOSTILE = [
    "# not a heading",
    "> not a quote",
    "- not a list",
    "1. not numbered",
    "* not a bullet",
    "| not | a table |",
    "under_scored and ``` alone",
    "<b>not bold</b> <!-- not hidden -->",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click](alert.js)",
]


@pytest.fixture(autouse=True)
def own_formats(formats_dir: Path) -> None:  # noqa: F811
    """No format from the machine's real config folder leaks into these tests."""


@pytest.fixture
def hostile_post(cli: Cli) -> None:
    """A post whose every typed text is hostile, in every kind of piece."""
    cli.ok("people", "add", "Ellen", "--role", "host")
    cli.ok("people", "add", "<b>Ty</b>", "--role", "host")
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    cli.ok(
        "post", "set", "12", "--title", "# Jaws | *the* <b>film</b>", "--subtitle", "> sub_title"
    )
    for n, text in enumerate(HOSTILE):
        cli.ok("post", "say", "12", "blank", "--by", "Ellen" if n % 2 else "<b>Ty</b>", "--", text)
    cli.ok("post", "write", "12", "intermission", "--", "\n\n".join(HOSTILE))
    cli.ok("post", "write", "12", "plots", "--short", "- short | plot", "--source", "<i>IMDb</i>")
    cli.ok("post", "write", "12", "plots", "--", HOSTILE[0] + "[^b]")
    cli.ok("post", "say", "12", "plots", "--by", "Ellen", "--", HOSTILE[1] + "[^a]")
    cli.ok("post", "fact", "12", "--", HOSTILE[2])
    cli.ok("post", "say", "12", "wiki", "--by", "<b>Ty</b>", "--", HOSTILE[3] + "[^b]")
    cli.ok("post", "footnote", "12", "<script>note</script>", "--key", "a")
    cli.ok("post", "footnote", "12", "* first used, numbered 1", "--key", "b")
    cli.ok("post", "award", "12", "--category", "# Best | Snack", "--nominee", "- pot roast",
           "--nominee", "1. chum", "--nominee", "<b>x</b>", "--winner", "2",
           "--note", "> accepted[^a]")  # fmt: skip


def test_export_has_exactly_the_intended_structure(cli: Cli, hostile_post: None) -> None:
    markdown = cli.ok("post", "export", "12").stdout
    found = structure(markdown)
    assert found.headings == [
        (1, "# Jaws | *the* <b>film</b>"),
        (2, "Plots & Feelings"),
        (2, "Intermission"),
        (2, "Wiki-Wiki-Whaaat?"),
        (2, "Oscar NomNomNomz"),
        (2, "Fill In The Blank"),
        (2, "Let The Credits Roll"),
        (2, "Post-Credits Scene"),
    ]
    assert found.lists == [["- pot roast", "1. chum", "<b>x</b>"]]
    assert found.footnote_refs == [1, 2, 1, 2]
    assert found.footnotes == ["* first used, numbered 1", "<script>note</script>"]
    assert found.inline_types <= {
        "text", "strong_open", "strong_close", "em_open", "em_close", "footnote_ref",
    }  # fmt: skip
    assert "html_block" not in found.block_types and "table_open" not in found.block_types
    paragraphs = found.paragraphs
    assert "> sub_title" in paragraphs
    for text in HOSTILE:
        assert text in paragraphs  # the intermission, one paragraph each
        assert any(p.endswith(": " + text) for p in paragraphs)  # a speaker's line
    assert "<b>Ty</b>: " + HOSTILE[3] in paragraphs
    assert "In one line (via <i>IMDb</i>): - short | plot" in paragraphs
    assert "And the golden fork goes to … 1. chum" in paragraphs
    assert "> accepted" in paragraphs


def test_export_is_deterministic_and_to_a_file_only_with_force(
    cli: Cli, hostile_post: None, tmp_path: Path
) -> None:
    first = cli.ok("post", "export", "12").stdout
    assert cli.ok("post", "export", "jaws").stdout == first
    target = tmp_path / "jaws.md"
    written = cli.ok("post", "export", "12", "-o", str(target))
    assert "Wrote" in written.stderr and written.stdout == ""
    assert target.read_text(encoding="utf-8") == first
    refused = cli("post", "export", "12", "-o", str(target))
    assert refused.exit_code == 1 and "--force" in refused.stderr
    cli.ok("post", "say", "12", "blank", "--by", "Ellen", "One more.")
    cli.ok("post", "export", "12", "-o", str(target), "--force")
    assert "**Ellen:** One more." in target.read_text(encoding="utf-8")
    nowhere = cli("post", "export", "12", "-o", str(tmp_path / "missing" / "x.md"))
    assert nowhere.exit_code == 1 and "does not exist" in nowhere.stderr
    assert list(tmp_path.glob(".*.tmp")) == []


def test_blank_lines_are_tidy_and_unicode_is_kept(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "say", "1", "blank", "--by", "Ellen", "“Smile, you son of a—” ™ 🦈 café")
    markdown = cli.ok("post", "export", "1").stdout
    assert "**Ellen:** “Smile, you son of a—” ™ 🦈 café\n" in markdown
    assert "\n\n\n" not in markdown and markdown.endswith("\n") and not markdown.endswith("\n\n")
    assert all(line == line.rstrip() for line in markdown.split("\n"))
    assert markdown.startswith("# Jaws\n\nHello again")


def test_empty_sections_and_stray_markers_are_reported(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "footnote", "1", "Never used.")
    cli.ok("post", "say", "1", "blank", "--by", "Ellen", "A stray[^nope] marker.")
    exported = cli.ok("post", "export", "1")
    assert "left out empty sections: Previews, Plots & Feelings" in exported.stderr
    assert "[^nope] names no footnote of this post" in exported.stderr
    assert "footnote [^fn1] is never referred to" in exported.stderr
    assert "A stray\\[^nope\\] marker." in exported.stdout
    assert structure(exported.stdout).footnotes == []


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)


def test_html_preview_is_standalone_and_inert(cli: Cli, hostile_post: None, tmp_path: Path) -> None:
    page = tmp_path / "jaws.html"
    cli.ok("post", "preview", "12", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    elements = Elements()
    elements.feed(html)
    assert not {"script", "img", "iframe", "object", "link"} & set(elements.tags)
    assert not [name for name, _ in elements.attributes if name.startswith("on")]
    assert not [v for _, v in elements.attributes if v and "javascript:" in v.lower()]
    assert {"h1", "h2", "ul", "strong", "em"} <= set(elements.tags)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<title># Jaws | *the* &lt;b&gt;film&lt;/b&gt;</title>" in html
    refused = cli("post", "preview", "12", "--html", str(page))
    assert refused.exit_code == 1 and "--force" in refused.stderr


def test_terminal_preview_renders_the_post(cli: Cli, hostile_post: None) -> None:
    shown = cli.ok("post", "preview", "12").stdout
    assert "Plots & Feelings" in shown and "Oscar NomNomNomz" in shown
    assert "<script>alert('x')</script>" in shown  # typed text, shown as typed
    assert "¹" in shown and "[^1]" not in shown


def test_export_of_a_missing_post_is_one_line(cli: Cli, hosts: None, env_setup: Path) -> None:
    before = snapshot(env_setup)
    result = cli("post", "export", "3")
    assert result.exit_code == 1 and result.stderr.startswith("Error: no post '3'")
    assert snapshot(env_setup) == before


def test_an_award_category_and_its_nominees_can_carry_footnotes(cli: Cli, hosts: None) -> None:
    cli.ok("post", "new", "Jaws", "--year", "1975", "--number", "12")
    cli.ok("post", "footnote", "12", "Certified by the snack accountants.", "--key", "count")
    cli.ok("post", "footnote", "12", "Technically a fish.", "--key", "fish")
    cli.ok("post", "award", "12", "--category", "Best Snacktor[^count]",
           "--nominee", "- pot roast[^fish]", "--nominee", "Chum", "--winner", "1")  # fmt: skip
    exported = cli.ok("post", "export", "12")
    found = structure(exported.stdout)
    assert found.lists == [["- pot roast", "Chum"]]
    assert found.footnote_refs == [1, 2, 2]
    assert found.footnotes == ["Certified by the snack accountants.", "Technically a fish."]
    assert "never referred to" not in exported.stderr
    assert cli.ok("post", "status", "12", "--json").stdout.count('"unused_footnotes": []') == 1
    # the same category with or without its marker is the same award
    cli.ok("post", "award", "12", "--category", "Best Snacktor", "--nominee", "Beer")
    assert [a["category"] for a in json.loads(cli.ok("awards", "--json").stdout)] == [
        "Best Snacktor"
    ]


def test_a_dash_for_a_file_means_standard_output(
    cli: Cli, hostile_post: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.ok("post", "export", "12", "-o", "-").stdout == cli.ok("post", "export", "12").stdout
    page = cli.ok("post", "preview", "12", "--html", "-").stdout
    assert page.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in page
    assert not (tmp_path / "-").exists()
