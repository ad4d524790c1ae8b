"""The whole-post document: written, read back and written again, it is the same text.

Posts are generated for every shipped format (Hypothesis) and kept in memory: the document
is a pure function of the post, and reading it gives back every field, piece, award and
footnote it shows.
"""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diary.base.errors import InvalidInput
from diary.core.posts.document import AwardDoc, Piece, PostDoc, SectionDoc
from diary.core.posts.formats import Format, find_format
from diary.core.posts.text import EDITABLE, REMARK_KIND
from diary.core.posts.whole import WholePost, parse_document, post_document
from diary.core.posts.wording import set_own_labels
from diary.store.models import Award, Film, Post, PostEntry, PostFootnote, PostSection

PEOPLE = {"ellen": "Ellen", "tyler": "Tyler", "ellen & tyler": "Ellen & Tyler"}
SHIPPED = ("newsletter", "oscars-preview", "ask-the-authors")
NOW = datetime(2025, 2, 1)

# Words people type, Markdown and all; a paragraph is a few of them on one line.
_WORD = st.sampled_from(
    ["Amity", "shark", "*loud*", "**bold**", "`code`", "~~no~~", "[a](https://e.org)",
     "#1", "- dash", "1.", "<b>x</b>", "snake_case", "C:\\path", "“quoted”", "🦅", "Ellen",
     "Q:", "50%", "&amp;", "=", "[^fn1]", "tagline:", "a:b", "…"]
)  # fmt: skip
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=6).map(lambda w: "Well " + " ".join(w))
_TEXT = st.lists(_PARAGRAPH, min_size=1, max_size=3).map("\n\n".join)
_LINE = st.lists(_WORD, min_size=1, max_size=4).map(lambda w: "The " + " ".join(w))
_SPEAKER = st.sampled_from(["Ellen", "Tyler", "Ellen & Tyler"])


@st.composite
def posts(draw: st.DrawFn, fmt: Format) -> PostDoc:
    post = Post(id=1, number=draw(st.integers(1, 500)), format=fmt.name, created_at=NOW,
                updated_at=NOW, status=draw(st.sampled_from(["draft", "ready", "published"])),
                title=draw(st.none() | _LINE), subtitle=draw(st.none() | _LINE),
                publish_on=draw(st.none() | st.just(date(2025, 2, 4))))  # fmt: skip
    film = Film(id=1, title="Jaws", year=1975, title_key="jaws") if fmt.needs_film else None
    if film is not None:
        post.film_id = 1
    sections = [draw(_section(spec.key, spec.kind, spec.heading, n)) for n, spec in
                enumerate(fmt.sections)]  # fmt: skip
    keys = draw(st.lists(st.sampled_from(["fn1", "tally", "b-2"]), unique=True))
    notes = [PostFootnote(post_id=1, key=k, text=draw(_LINE), created_at=NOW) for k in keys]
    return PostDoc(post, film, sections, notes)


@st.composite
def _section(draw: st.DrawFn, key: str, kind: str, heading: str, n: int) -> SectionDoc:
    section = PostSection(id=n + 1, post_id=1, key=key, position=n, kind=kind, heading=heading)
    if kind != "intro":
        section.tagline = draw(st.none() | _LINE)
    if EDITABLE.get(kind) == "body" or kind in ("speakers", "facts", "qa", "films", "award"):
        section.body = draw(st.none() | (_TEXT if EDITABLE.get(kind) == "body" else _LINE))
    doc = SectionDoc(section)
    if kind == "plot":
        section.body, section.source = draw(st.none() | _LINE), draw(st.none() | _LINE)
        section.long_source = draw(st.none() | _LINE)
    if kind not in ("intro", "footnotes"):
        names = st.sampled_from(["short", "via", "winner", "asked_by", "category"])
        set_own_labels(section, draw(st.dictionaries(names, _LINE, max_size=2)))
    if kind in REMARK_KIND:
        main = "line" if kind == "speakers" else EDITABLE[kind]
        for number in range(1, draw(st.integers(0, 3)) + 1):
            speaker = draw(_SPEAKER) if kind == "speakers" else None
            if kind == "qa":
                speaker = draw(st.none() | st.just("a reader in Leeds"))
            entry = PostEntry(section_id=n + 1, position=number, kind=main, text=draw(_TEXT),
                              speaker=speaker)  # fmt: skip
            remarks = [] if kind == "speakers" else [
                PostEntry(section_id=n + 1, position=0, kind=REMARK_KIND[kind],
                          speaker=draw(_SPEAKER), text=draw(_TEXT))
                for _ in range(draw(st.integers(0, 2)))
            ]  # fmt: skip
            doc.pieces.append(Piece(entry, number, remarks=remarks))
    if kind == "films":
        for number in range(1, draw(st.integers(0, 2)) + 1):
            entry = PostEntry(
                section_id=n + 1, position=number, kind="film", text=f"Film {number} (1990)"
            )
            remarks = [PostEntry(section_id=n + 1, position=0, kind="remark",
                                 speaker=draw(_SPEAKER), text=draw(_TEXT))]  # fmt: skip
            doc.pieces.append(Piece(entry, number, remarks=remarks))
    if kind == "award":
        for number in range(1, draw(st.integers(0, 2)) + 1):
            nominees = draw(st.lists(_LINE, min_size=1, max_size=4, unique_by=str.casefold))
            winner = draw(st.none() | st.integers(1, len(nominees)))
            theme = draw(st.sampled_from([heading, "Dog Days"]))
            award = Award(id=number, post_id=1, section_id=n + 1, theme=theme, theme_key="",
                          category=f"Best Snack {number}", winner_position=winner,
                          note=draw(st.none() | _TEXT))  # fmt: skip
            doc.awards.append(AwardDoc(award, nominees))
    return doc


def rebuilt(whole: WholePost, like: PostDoc) -> PostDoc:
    """A post holding exactly what the document said (to write its document again)."""
    f = whole.fields
    post = Post(id=1, number=int(f["number"] or 0), format=f["format"] or "", title=f.get("title"),
                subtitle=f.get("subtitle"), status=f["status"] or "", created_at=NOW,
                updated_at=NOW, publish_on=date.fromisoformat(f["publish on"]) if f.get(
                    "publish on") else None)  # fmt: skip
    sections = []
    for n, (old, new) in enumerate(zip(like.sections, whole.sections, strict=True)):
        kind = old.section.kind
        section = PostSection(id=n + 1, post_id=1, key=new.key, position=n, kind=kind,
                              heading=new.heading, tagline=new.fields.get("tagline"),
                              source=new.fields.get("source"))  # fmt: skip
        section.body = (
            new.body
            if EDITABLE.get(kind) == "body"
            else new.fields.get("short")
            if kind == "plot"
            else new.fields.get("lead-in")
        )
        section.long_source = new.fields.get("long source")
        labels = {n[6:]: v or "" for n, v in new.fields.items() if n.startswith("label ")}
        set_own_labels(section, labels)
        doc = SectionDoc(section)
        for number, piece in enumerate(new.pieces, 1):
            entry = PostEntry(section_id=n + 1, position=number, kind=piece.kind,
                              text=piece.text, speaker=piece.speaker)  # fmt: skip
            remarks = [PostEntry(section_id=n + 1, position=0, kind=r.kind, text=r.text,
                                 speaker=r.speaker) for r in piece.remarks]  # fmt: skip
            doc.pieces.append(Piece(entry, number, remarks=remarks))
        for number, (text, said) in enumerate(new.films, 1):
            entry = PostEntry(section_id=n + 1, position=number, kind="film", text=text)
            remarks = [PostEntry(section_id=n + 1, position=0, kind="remark", text=r.text,
                                 speaker=r.speaker) for r in said]  # fmt: skip
            doc.pieces.append(Piece(entry, number, remarks=remarks))
        for number, a in enumerate(new.awards, 1):
            award = Award(id=number, post_id=1, section_id=n + 1, theme=a.theme or new.heading,
                          theme_key="", category=a.category, winner_position=a.winner,
                          note=a.note)  # fmt: skip
            doc.awards.append(AwardDoc(award, a.nominees))
        sections.append(doc)
    notes = [PostFootnote(post_id=1, key=k, text=t, created_at=NOW) for k, t in
             whole.footnotes.items()]  # fmt: skip
    return PostDoc(post, like.film, sections, notes)


@pytest.mark.parametrize("name", SHIPPED)
def test_document_read_and_written_again_is_the_same(name: str) -> None:
    fmt = find_format(name)

    @settings(max_examples=60, deadline=None)
    @given(posts(fmt))
    def check(doc: PostDoc) -> None:
        text = post_document(doc)
        kinds = {s.section.key: s.section.kind for s in doc.sections}
        whole = parse_document(text, kinds, PEOPLE)
        assert post_document(rebuilt(whole, doc)) == text

    check()


def test_a_document_with_comments_reads_the_same() -> None:
    kinds = {"intro": "intro", "previews": "speakers"}
    text = "title: Jaws\n\n=== Intro [intro] ===\n\n# not a comment here\n"
    commented = "# a comment\n# another\n" + text
    assert parse_document(commented, kinds, PEOPLE) == parse_document(text, kinds, PEOPLE)
    assert parse_document(text, kinds, PEOPLE).sections[0].body == "# not a comment here"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("colour: red\n", "line 1: expected a post field"),
        ("title: x\n\nstray text\n", "text before the first section"),
        ("=== A [nope] ===\n", "no section [nope] in this post"),
        ("=== A [intro] ===\n\n=== B [intro] ===\n", "section [intro] appears twice"),
        ("=== P [previews] ===\ncolour: red\n", "'colour: red' is not a field of this section"),
        ("=== P [previews] ===\n\n[^a]: one\n\n[^a]: two\n", "footnote [^a] is defined twice"),
    ],
)
def test_what_does_not_read_is_named(text: str, error: str) -> None:
    with pytest.raises(InvalidInput, match=error.replace("[", r"\[").replace("^", r"\^")):
        parse_document(text, {"intro": "intro", "previews": "speakers"}, PEOPLE)
