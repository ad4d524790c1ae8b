"""Formats are data: shipped ones load, and a copied, renamed, reordered or extended format in
the user's folder works with no code change."""

import json
import re
from pathlib import Path

import pytest

from diary.base.errors import InvalidInput, NotFound
from diary.core.posts.formats import KINDS, all_formats, find_format, parse_format, shipped_dir
from tests.conftest import Cli
from tests.render.post_support import formats_dir, structure  # noqa: F401  (a fixture)

SHIPPED = ("newsletter", "oscars-preview", "ask-the-authors")


def test_shipped_formats_load_and_use_known_kinds(formats_dir: Path) -> None:  # noqa: F811
    found, problems = all_formats()
    assert problems == []
    by_name = {f.name: f for f in found}
    assert set(SHIPPED) <= set(by_name)
    for name in SHIPPED:
        fmt = by_name[name]
        assert fmt.builtin and fmt.sections[-1].kind == "footnotes"
        assert all(s.kind in KINDS for s in fmt.sections)
        assert (shipped_dir() / fmt.template).is_file()
    kinds = [s.kind for s in by_name["newsletter"].sections]
    assert kinds == [
        "intro", "speakers", "plot", "prose", "facts", "award", "speakers", "boilerplate",
        "prose", "prose", "footnotes",
    ]  # fmt: skip
    assert [s.kind for s in by_name["oscars-preview"].sections][1] == "films"
    assert [s.kind for s in by_name["ask-the-authors"].sections][1] == "qa"
    assert find_format(None).name == "newsletter"
    assert find_format("Ask the Authors").name == "ask-the-authors"
    with pytest.raises(NotFound, match="known are ask-the-authors, newsletter"):
        find_format("newsleter")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "x"}, "has no \\[\\[sections\\]\\]"),
        ({"sections": [{"key": "a", "kind": "poem", "heading": "A"}]}, "kind 'poem'"),
        ({"sections": [{"key": "A b", "kind": "prose", "heading": "A"}]}, "needs a key"),
        ({"sections": [{"key": "a", "kind": "prose"}]}, "needs a heading"),
        (
            {"sections": [{"key": "a", "kind": "prose", "heading": "A", "colour": "red"}]},
            "unknown field colour",
        ),
        (
            {"sections": [{"key": "a", "kind": "prose", "heading": "A", "prefill": ["comments"]}]},
            "prefill 'comments' does not fit a prose section",
        ),
        (
            {
                "sections": [
                    {"key": "a", "kind": "prose", "heading": "A"},
                    {"key": "a", "kind": "prose", "heading": "B"},
                ]
            },
            "repeats section key a",
        ),
        (
            {"needs_film": "no", "sections": [{"key": "a", "kind": "prose", "heading": "A"}]},
            "needs_film must be true or false",
        ),
    ],
)
def test_a_broken_format_is_explained(data: dict, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_format(data, Path("/formats/broken.toml"))


def _copy_newsletter(folder: Path, name: str) -> str:
    text = (shipped_dir() / "newsletter.toml").read_text(encoding="utf-8")
    (folder / f"{name}.toml").write_text(text, encoding="utf-8")
    return text


def _blocks(text: str) -> tuple[str, list[str]]:
    head, *sections = text.split("[[sections]]")
    return head, sections


def test_a_copied_renamed_reordered_extended_format_needs_no_code(
    cli: Cli,
    hosts: None,
    formats_dir: Path,  # noqa: F811
) -> None:
    text = _copy_newsletter(formats_dir, "tuesday")
    head, sections = _blocks(text)
    sections = [
        s.replace('heading = "Previews"', 'heading = "Coming Attractions"') for s in sections
    ]
    intermission = next(s for s in sections if 'key = "intermission"' in s)
    sections.remove(intermission)
    sections.insert(len(sections) - 1, intermission)  # just before the footnotes
    sections.insert(
        len(sections) - 1,
        '\nkey = "barkies"\nkind = "award"\nheading = "The Barkies"\n'
        'tagline = "Honouring the best dog on screen."\n\n',
    )
    (formats_dir / "tuesday.toml").write_text(
        head + "".join("[[sections]]" + s for s in sections), encoding="utf-8"
    )
    listed = {f["name"]: f for f in json.loads(cli.ok("post", "formats", "--json").stdout)}
    assert listed["tuesday"]["builtin"] is False
    cli.ok("post", "new", "Jaws", "--year", "1975", "--format", "tuesday")
    cli.ok("post", "say", "1", "coming attractions", "--by", "Ellen", "A shark, I heard.")
    cli.ok("post", "write", "1", "intermission", "A word from our sponsor.")
    cli.ok("post", "award", "1", "--theme", "The Barkies", "--category", "Best Good Boy",
           "--nominee", "The dog on the beach", "--winner", "1")  # fmt: skip
    headings = [h for level, h in structure(cli.ok("post", "export", "1").stdout).headings]
    assert headings == [
        "Jaws", "Coming Attractions", "Let The Credits Roll", "Post-Credits Scene",
        "Intermission", "The Barkies",
    ]  # fmt: skip
    awards = json.loads(cli.ok("awards", "--theme", "the barkies", "--json").stdout)
    assert [(a["category"], a["winner"]) for a in awards] == [
        ("Best Good Boy", "The dog on the beach")
    ]


def test_a_user_format_can_replace_a_shipped_one_and_bring_its_template(
    cli: Cli,
    hosts: None,
    formats_dir: Path,  # noqa: F811
) -> None:
    text = _copy_newsletter(formats_dir, "newsletter")
    (formats_dir / "newsletter.toml").write_text(
        text.replace('template = "post.md.j2"', 'template = "plain.md.j2"'), encoding="utf-8"
    )
    (formats_dir / "plain.md.j2").write_text(
        "{{ post.title }}\n\n{% for s in sections %}{{ s.heading | upper }}\n\n"
        "{% for p in s.pieces %}{{ p.speaker }} said {{ p.paragraphs[0] }}\n\n{% endfor %}"
        "{% endfor %}",
        encoding="utf-8",
    )
    listed = {f["name"]: f for f in json.loads(cli.ok("post", "formats", "--json").stdout)}
    assert listed["newsletter"]["builtin"] is False
    cli.ok("post", "new", "Jaws", "--year", "1975")
    cli.ok("post", "say", "1", "blank", "--by", "Ellen", "<b>Yes</b>.")
    exported = cli.ok("post", "export", "1").stdout
    assert "FILL IN THE BLANK\n\nEllen said \\<b\\>Yes\\</b\\>.\n" in exported
    (formats_dir / "plain.md.j2").write_text("{% for %}", encoding="utf-8")
    broken = cli("post", "export", "1")
    assert broken.exit_code == 1
    assert re.match(r"Error: template /.*/plain\.md\.j2, line 1: .+\n$", broken.stderr)


def test_an_unreadable_user_format_is_reported_not_fatal(
    cli: Cli,
    hosts: None,
    formats_dir: Path,  # noqa: F811
) -> None:
    (formats_dir / "broken.toml").write_text("title = [unclosed", encoding="utf-8")
    listed = cli.ok("post", "formats")
    assert "newsletter" in listed.stdout
    assert "Warning: format broken cannot be used" in listed.stderr
    refused = cli("post", "new", "Jaws", "--year", "1975", "--format", "broken")
    assert refused.exit_code == 1 and "broken.toml is not valid TOML" in refused.stderr
