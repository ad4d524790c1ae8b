"""Wikipedia articles, as plain text and as saved HTML, read into film facts."""

from pathlib import Path

import pytest

from diary.core.films.findings import Findings, NotAPage
from diary.importers import prose, wikipedia, wikipedia_text
from diary.importers.pages import read_page, recognise

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
HER = Path("/work/shared/seeds/wikipedia-her.txt")


def found(name: str) -> Findings:
    return read_page(str(PAGES / name)).findings


def facts(findings: Findings, kind: str) -> list[tuple[str, str | None]]:
    return [(f.value, f.detail) for f in findings.facts if f.kind == kind]


def scores(findings: Findings) -> dict[str, tuple[str, int | None]]:
    return {s.metric: (s.value, s.count) for s in findings.scores}


def test_plain_text_article() -> None:
    page = found("wikipedia-lantern-keeper.txt")
    assert (page.kind, page.source) == ("wikipedia", "Wikipedia")
    assert (page.title, page.year, page.page_title) == (
        "The Lantern Keeper",
        1987,
        "The Lantern Keeper (film)",
    )
    assert page.values("director") == ["Marguerite Okafor-Lind"]
    assert page.values("star") == [
        "Tobias Wren",
        "Ines Calloway",
        "Felix Adebayo",
        "Ruth Van der Berg",
        "Samuel Ortiz",
    ]
    assert facts(page, "budget") == [("$3.5 million", None)]
    assert facts(page, "box_office") == [("$14.2 million", "worldwide")]
    assert facts(page, "release_date") == [("September 4, 1987", "premiere")]
    assert page.values("genre") == ["maritime mystery drama"]
    # "cut the running time of the script to 100 pages" is not a runtime
    assert page.values("runtime") == []


def test_lead_is_the_synopsis_and_glued_sentences_are_parted() -> None:
    page = found("wikipedia-lantern-keeper.txt")
    (synopsis,) = page.values("synopsis")
    paragraphs = synopsis.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The Lantern Keeper is a 1987")
    assert "$3.5 million. It was nominated" in paragraphs[1]
    assert page.values("short_plot") == [
        "The film follows Elias Marsh (Tobias Wren), a retired ferryman who takes charge of a "
        "failing lighthouse, and Dora Pell (Ines Calloway), the radio operator who suspects the "
        "light is being put out on purpose."
    ]


def test_section_tree_keeps_parents_and_drops_link_lists() -> None:
    page = found("wikipedia-lantern-keeper.txt")
    sections = facts(page, "section")
    assert sections[:6] == [
        ("Plot", None),
        ("Cast", None),
        ("Production", None),
        ("Development", "Production"),
        ("Casting", "Production"),
        ("Filming", "Production"),
    ]
    assert ("Accolades", "Reception") in sections
    assert sections[-1] == ("External links", None)
    every_value = " ".join(f.value for f in page.facts)
    assert "https://" not in every_value
    assert "1987 films" not in every_value


def test_fun_facts_come_from_the_right_sections() -> None:
    page = found("wikipedia-lantern-keeper.txt")
    fun = facts(page, "fun_fact")
    assert ("Storm scenes used 40,000 litres of water a day.", "Filming") in fun
    assert (
        "Ines Calloway learned Morse code for the role and kept a practice key on set.",
        "Casting",
    ) in fun
    assert {detail for _, detail in fun} == {
        "Production",
        "Casting",
        "Filming",
        "Soundtrack",
        "Reception",
        "Accolades",
    }
    texts = " ".join(value for value, _ in fun)
    assert "Elias Marsh accepts" not in texts  # the plot is not a fun fact
    assert "bus depot" not in texts  # pieces of a quotation are not facts
    assert "Rotten Tomatoes" not in texts  # scores are stored as scores
    assert "Critics praised the photography" not in texts  # no number, no name


def test_scores_quoted_in_the_article() -> None:
    page = found("wikipedia-lantern-keeper.txt")
    assert scores(page) == {
        "tomatometer": ("86%", 42),
        "rt_average": ("7.4/10", None),
        "metascore": ("79", 15),
        "cinemascore": ("A−", None),
    }


def test_saved_html_article_uses_the_infobox() -> None:
    page = found("wikipedia-lantern-keeper.html")
    assert (page.title, page.year) == ("The Lantern Keeper", 1987)
    assert page.url == "https://en.wikipedia.org/wiki/The_Lantern_Keeper_(film)"
    assert page.values("director") == ["Marguerite Okafor-Lind"]
    assert page.values("star") == [
        "Tobias Wren",
        "Ines Calloway",
        "Felix Adebayo",
        "Ruth Van der Berg",
    ]
    assert facts(page, "runtime") == [("112", "minutes")]
    assert facts(page, "budget") == [("$3.5 million", None)]
    assert facts(page, "box_office") == [("$14.2 million", None)]
    assert facts(page, "release_date") == [("September 4, 1987", "Harbourside")]
    assert scores(page)["metascore"] == ("79", 15)


def test_saved_html_drops_markup_noise_and_decodes_entities() -> None:
    page = found("wikipedia-lantern-keeper.html")
    (synopsis,) = page.values("synopsis")
    assert "the crew called it “the wet season” & meant it" in synopsis
    assert "1986 — the crew" in synopsis
    headings = [value for value, _ in facts(page, "section")]
    assert headings == [
        "Plot",
        "Cast",
        "Production",
        "Casting",
        "Filming",
        "Reception",
        "References",
        "External links",
    ]
    every_value = " ".join(f.value for f in page.facts)
    for noise in ("[5]", "edit", "must not become a fact", "shooting days", "Films directed by"):
        assert noise not in every_value
    assert (
        "Ines Calloway learned Morse code for the role and kept a practice key on set.",
        "Casting",
    ) in facts(page, "fun_fact")


def test_an_article_about_something_else_is_refused() -> None:
    with pytest.raises(NotAPage, match="Fenwick Harbour.*not about a film"):
        found("wikipedia-fenwick.txt")


def test_a_person_described_with_film_words_is_not_a_film() -> None:
    text = (
        "Odile Marsh\nOdile Marsh is a Canadian film critic and author of two books.\n\n"
        "== Career ==\nShe wrote for a newspaper from 1979 to 1991.\n\n== References ==\n"
    )
    with pytest.raises(NotAPage, match="not about a film"):
        recognise(text.encode(), "odile.txt")


def test_title_from_the_first_sentence_when_there_is_no_title_line() -> None:
    text = (
        "Salt Road is a 2004 documentary film directed by Pia Lund. It follows two carters.\n\n"
        "== Production ==\nLund filmed for 14 months with a crew of three people.\n"
        "== Reception ==\nIt won an award in Oslo in 2005 for Pia Lund.\n"
    )
    page = recognise(text.encode(), "salt.txt")
    assert (page.title, page.year) == ("Salt Road", 2004)
    assert page.values("director") == ["Pia Lund"]


def test_missing_sections_and_figures_are_simply_absent() -> None:
    text = (
        "Brief (film)\nBrief is a 1999 short film.\n\n== Plot ==\nA man waits.\n"
        "== Reception ==\nNobody reviewed it.\n"
    )
    page = recognise(text.encode(), "brief.txt")
    assert (page.title, page.year) == ("Brief", 1999)
    kinds = {f.kind for f in page.facts}
    assert kinds == {"synopsis", "section", "genre"}
    assert page.scores == [] and page.reviews == []


def test_sentences_keep_abbreviations_and_initials() -> None:
    assert prose.sentences(
        "Warner Bros. Pictures paid J. R. Jones $5.35 million. Then it ended."
    ) == [
        "Warner Bros. Pictures paid J. R. Jones $5.35 million.",
        "Then it ended.",
    ]


def test_names_in_a_list() -> None:
    assert prose.names_at("Amy Adams, Rooney Mara, and Chris Pratt. Later") == [
        "Amy Adams",
        "Rooney Mara",
        "Chris Pratt",
    ]
    assert prose.names_at("Joel and Ethan Coen from a novel") == ["Joel Coen", "Ethan Coen"]
    assert prose.names_at("the studio") == []


def test_film_title_drops_the_disambiguation() -> None:
    assert wikipedia.film_title("Little Women (2019 film)") == "Little Women"
    assert wikipedia.film_title("Sunset Blvd.") == "Sunset Blvd."
    assert wikipedia.film_title("M (1931 German film)") == "M"


def test_text_headings_need_two_heading_lines() -> None:
    assert wikipedia_text.looks_like("Title\n== A ==\ntext\n=== B ===\n")
    assert not wikipedia_text.looks_like("Title\n== A ==\nonly one heading\n")


@pytest.mark.skipif(not HER.exists(), reason="the saved Her article is not on this machine")
def test_the_saved_her_article() -> None:
    page = read_page(str(HER)).findings
    assert (page.title, page.year) == ("Her", 2013)
    assert page.values("director") == ["Spike Jonze"]
    (short,) = page.values("short_plot")
    assert short.startswith("The film follows Theodore Twombly")
    stars = page.values("star")
    assert stars[:4] == ["Joaquin Phoenix", "Scarlett Johansson", "Amy Adams", "Rooney Mara"]
    assert {"Olivia Wilde", "Chris Pratt"} <= set(stars)
    assert scores(page)["metascore"][0] == "91"
    assert scores(page)["tomatometer"][0] == "94%"
    fun_sections = {f.detail for f in page.facts if f.kind == "fun_fact"}
    assert {"Production", "Filming", "Soundtrack", "Reception", "Accolades"} <= fun_sections
    assert [v for v, d in facts(page, "section") if d is None][:3] == ["Plot", "Cast", "Production"]


def test_a_sentence_opening_with_directed_by_names_the_director() -> None:
    text = (
        "The Quiet Harbour (2021 film)\n\n"
        "The Quiet Harbour is a 2021 Danish drama film based on a 1962 novel. Directed by "
        "Astrid Lund, it stars Mikkel Berg and Sofie Dahl.\n\n"
        "== Plot ==\nA ferry stops running and a village waits.\n\n"
        "== Production ==\nIt was filmed in 2020 on the island of Fanø.\n"
    )
    findings = wikipedia.read_article(wikipedia_text.parse(text))
    assert (findings.title, findings.year) == ("The Quiet Harbour", 2021)
    assert facts(findings, "director") == [("Astrid Lund", None)]
    assert facts(findings, "star") == [("Mikkel Berg", None), ("Sofie Dahl", None)]


def test_inline_markup_leaves_no_space_inside_brackets_or_before_a_possessive() -> None:
    page = (
        "<html><head><title>The Quiet Harbour (2021 film) - Wikipedia</title></head><body>"
        '<div class="mw-parser-output"><table class="infobox"><tbody>'
        "<tr><th>Directed by</th><td><a>Astrid Lund</a></td></tr>"
        "<tr><th>Release date</th><td>12 September 2021 (<a>TIFF</a>)</td></tr>"
        "</tbody></table>"
        "<p><i><b>The Quiet Harbour</b></i> (Danish: <i>Den stille havn</i>) is a 2021 Danish "
        "drama film directed by Astrid Lund. It is <i>Lund</i>'s first feature.</p>"
        "<h2>Plot</h2><p>A ferry stops running and a village waits for news.</p>"
        "</div></body></html>"
    )
    findings = recognise(page.encode(), "harbour.html")
    assert facts(findings, "release_date") == [("12 September 2021", "TIFF")]
    assert facts(findings, "synopsis") == [
        (
            "The Quiet Harbour (Danish: Den stille havn) is a 2021 Danish drama film directed by "
            "Astrid Lund. It is Lund's first feature.",
            None,
        )
    ]
