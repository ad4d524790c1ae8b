"""JSON-LD nested far deeper than any page needs is skipped, never a RecursionError."""

from bs4 import BeautifulSoup

from diary.importers.jsonld import blocks, of_type


def test_deep_nesting_is_skipped_and_the_rest_is_read() -> None:
    deep = "[" * 5000 + "]" * 5000
    page = (
        f'<script type="application/ld+json">{deep}</script>'
        '<script type="application/ld+json">{"@type": "Movie", "name": "Jaws"}</script>'
    )
    found = blocks(BeautifulSoup(page, "html.parser"))
    assert [m["name"] for m in of_type(found, "Movie")] == ["Jaws"]


def test_a_deep_structure_that_parses_is_walked_without_recursion() -> None:
    nested: dict = {"@type": "Movie", "name": "Deep"}
    for _ in range(3000):
        nested = {"child": nested}
    assert [m["name"] for m in of_type([nested], "Movie")] == ["Deep"]
