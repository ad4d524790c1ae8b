"""The shipped Best Picture data: its invariants, and the facts of the reference list."""

import csv
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from diary.base.titles import display, title_key

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "best-picture.tsv"
ALIAS_KINDS = {
    "abbreviation",
    "academy spelling",
    "accents",
    "capitals",
    "full title",
    "original title",
    "punctuation",
    "short title",
}


def shipped(name: str) -> dict[str, Any]:
    text = resources.files("diary").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture(scope="module")
def ceremonies() -> list[dict[str, Any]]:
    return list(shipped("best_picture.json")["ceremonies"])


def nominations(ceremonies: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(c, n) for c in ceremonies for n in c["nominees"]]


def test_98_ceremonies_in_order(ceremonies: list[dict[str, Any]]) -> None:
    assert [c["number"] for c in ceremonies] == list(range(1, 99))
    assert ceremonies[0]["label"] == "1927/28" and ceremonies[-1]["label"] == "2025"
    years = [c["year"] for c in ceremonies]
    assert years == sorted(years) and len(set(years)) == 98


def test_621_nominations_with_one_winner_each(ceremonies: list[dict[str, Any]]) -> None:
    assert len(nominations(ceremonies)) == 621
    for ceremony in ceremonies:
        winners = [n for n in ceremony["nominees"] if n["winner"]]
        assert len(winners) == 1, ceremony["number"]
        assert ceremony["nominees"][0] is winners[0], "the winner is listed first"
        assert 3 <= len(ceremony["nominees"]) <= 12


def test_split_season_labels_use_the_later_year(ceremonies: list[dict[str, Any]]) -> None:
    for ceremony in ceremonies:
        label, year = ceremony["label"], ceremony["year"]
        if "/" in label:
            assert ceremony["number"] <= 6
            first, second = label.split("/")
            assert year == int(first) + 1 and str(year).endswith(second)
        else:
            assert label == str(year)


def test_every_film_is_distinct_by_imdb_id_and_by_title_and_year(
    ceremonies: list[dict[str, Any]],
) -> None:
    rows = nominations(ceremonies)
    imdb = [n["imdb"] for _, n in rows]
    assert all(re.fullmatch(r"tt\d{7,8}", value) for value in imdb)
    assert len(set(imdb)) == len(imdb)
    keys = Counter((title_key(n["title"]), c["year"]) for c, n in rows)
    assert keys.most_common(1)[0][1] == 1
    assert all(n["title"] == n["title"].strip() and n["title"] for _, n in rows)


def test_aliases_name_shipped_films(ceremonies: list[dict[str, Any]]) -> None:
    films = {n["imdb"]: display(n["title"], c["year"]) for c, n in nominations(ceremonies)}
    aliases = shipped("best_picture_aliases.json")["aliases"]
    assert len(aliases) >= 5
    for entry in aliases:
        assert films[entry["imdb"]] == entry["film"]
        assert entry["kind"] in ALIAS_KINDS
        assert title_key(entry["alias"])
    pairs = [(e["imdb"], title_key(e["alias"])) for e in aliases]
    assert len(set(pairs)) == len(pairs)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference list is not available")
def test_same_facts_as_the_reference_list(ceremonies: list[dict[str, Any]]) -> None:
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        reference = list(csv.DictReader(handle, delimiter="\t"))
    expected = {
        (int(r["ceremony"]), r["year"], r["film"], r["imdb_id"], r["winner"] == "1")
        for r in reference
    }
    ours = {
        (c["number"], c["label"], n["title"], n["imdb"], n["winner"])
        for c, n in nominations(ceremonies)
    }
    assert len(reference) == 621
    assert ours == expected
    categories = {(int(r["ceremony"]), r["category_name"].casefold()) for r in reference}
    assert {(c["number"], c["category"].casefold()) for c in ceremonies} == categories
