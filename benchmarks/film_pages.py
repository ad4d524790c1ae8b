"""Time `diary film import-page` on large saved pages and `diary film show` on the result.

Run by hand: `python -m benchmarks.film_pages [--runs N]`. It writes made-up pages the size
of long real ones (a Wikipedia article of about 1 MB of HTML, a Metacritic page listing 60
critic reviews, the same article as plain text, a blog review under 400 reader comments),
times reading each page in-process, then
times whole `python -m diary film import-page …` runs (each into a fresh copy of the same
database) and `diary film show`, against the floor `python -c "import sqlmodel"`, and
rewrites its section of docs/performance.md.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    TODAY,
    diary_argv,
    floor_seconds,
    median_seconds,
    run_seconds,
    stamp,
    write_section,
)

SECTION = "Film facts: import-page, film show"
WORDS = "storm lamp keeper harbour radio ferry island crew camera light tide signal".split()


def sentence(n: int) -> str:
    words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(14))
    return f"In {1950 + n % 70} Ada Quill moved the {words} for {n * 7} days."


def paragraph(n: int) -> str:
    return " ".join(sentence(n * 5 + k) for k in range(5))


def wikipedia_html(sections: int = 80, paragraphs: int = 8) -> str:
    parts = [
        "<!DOCTYPE html><html><head><title>Bench Light (film) - Wikipedia</title>",
        '<meta name="generator" content="MediaWiki 1.43"></head><body>',
        '<h1 id="firstHeading">Bench Light (film)</h1><div class="mw-parser-output">',
        '<table class="infobox"><tr><th>Directed by</th><td>Ada Quill</td></tr>',
        "<tr><th>Running time</th><td>118 minutes</td></tr></table>",
        "<p>Bench Light is a 1999 made-up drama film directed by Ada Quill.</p>",
    ]
    names = ("Production", "Filming", "Soundtrack", "Reception", "Accolades", "Legacy")
    for s in range(sections):
        level = 2 if s % 3 == 0 else 3
        parts.append(f'<div class="mw-heading"><h{level}>{names[s % 6]} {s}</h{level}>')
        parts.append('<span class="mw-editsection">[edit]</span></div>')
        for p in range(paragraphs):
            parts.append(f"<p>{paragraph(s * 10 + p)}<sup class='reference'>[{p}]</sup></p>")
        parts.append("<div class='navbox'>" + "<a href='#'>link</a> " * 200 + "</div>")
    parts.append("</div></body></html>")
    return "\n".join(parts)


def wikipedia_text(sections: int = 80, paragraphs: int = 8) -> str:
    lines = [
        "Bench Light (film)",
        "Bench Light is a 1999 made-up drama film directed by Ada Quill.",
    ]
    names = ("Production", "Filming", "Soundtrack", "Reception", "Accolades", "Legacy")
    for s in range(sections):
        marks = "==" if s % 3 == 0 else "==="
        lines += ["", "", f"{marks} {names[s % 6]} {s} {marks}"]
        lines += [paragraph(s * 10 + p) for p in range(paragraphs)]
    lines += ["", "== External links ==", *(f"Link {n}" for n in range(2000))]
    return "\n".join(lines)


def metacritic_html(reviews: int = 60) -> str:
    actors = ", ".join(f'"actor": {{"@type": "Person", "name": "Actor {n}"}}' for n in range(30))
    cards = "".join(
        f'<div class="c-siteReview"><div class="c-siteReviewScore"><span>{50 + n % 50}</span></div>'
        f'<a class="c-siteReviewHeader_publicationName">Paper {n}</a>'
        f'<div class="c-siteReviewHeader_reviewDate">Mar {1 + n % 28}, 1999</div>'
        f'<div class="c-siteReview_quote"><span>{sentence(n)}</span></div>'
        f'<a class="c-siteReview_criticName">By Critic {n}</a></div>'
        for n in range(reviews)
    )
    return (
        '<html><head><meta property="og:site_name" content="Metacritic">'
        '<script type="application/ld+json">{"@type": "Movie", "name": "Bench Light", '
        f'"datePublished": "1999-03-01", {actors}, "aggregateRating": '
        '{"ratingValue": 77, "reviewCount": 60}}</script></head><body>'
        '<div class="c-siteReviewScore_user"><span>7.1</span></div>'
        f"<p>Based on 900 User Ratings</p>{cards}" + "<div>filler</div>" * 5000 + "</body></html>"
    )


def review_html(paragraphs: int = 120, comments: int = 400) -> str:
    """A long blog review: navigation, cookie bar, adverts between paragraphs, a sidebar and
    hundreds of reader comments, all of which the reader must leave out."""
    body = "".join(
        f"<p>{paragraph(n)}</p>" + ('<div class="ad">Advertisement</div>' if n % 5 == 0 else "")
        for n in range(paragraphs)
    )
    said = "".join(
        f'<li class="comment"><p>{sentence(n)} {sentence(n + 1)}</p></li>' for n in range(comments)
    )
    return (
        "<!DOCTYPE html><html><head><title>Movie Review: Bench Light | Bench Reels</title>"
        '<script type="application/ld+json">{"@type": "Review", "itemReviewed": {"@type": '
        '"Movie", "name": "Bench Light", "dateCreated": "1999"}, "author": {"name": "Ada '
        'Quill"}, "datePublished": "1999-04-02"}</script></head><body>'
        '<div class="cookie-banner">This site uses cookies. Accept</div>'
        "<nav><ul>" + "<li><a href='#'>Section</a></li>" * 40 + "</ul></nav>"
        '<main><article><h1 class="entry-title">Movie Review: Bench Light</h1>'
        f'<div class="entry-content">{body}<p>I give it 3 booms out of 5.</p></div></article>'
        f'<div id="comments"><ol class="comment-list">{said}</ol></div></main>'
        "<aside>" + "<p><a href='#'>Another film review</a></p>" * 100 + "</aside></body></html>"
    )


def parse_seconds(path: Path, runs: int) -> float:
    from diary.importers.pages import read_page

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        read_page(str(path))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def import_seconds(base: Path, page: Path, runs: int, env: dict[str, str]) -> float:
    """Median of whole import runs, each into a fresh copy of the same database."""
    times = []
    for run in range(runs + 1):
        db = base.with_name(f"run-{run}.db")
        shutil.copyfile(base, db)
        elapsed = run_seconds(
            diary_argv("film", "import-page", str(page)), env | {"DIARY_DB": str(db)}
        )
        if run:  # the first run warms the disk cache
            times.append(elapsed)
        db.unlink()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="diary-bench-") as folder:
        here = Path(folder)
        pages = {
            "Wikipedia HTML": (here / "bench-wikipedia.html", wikipedia_html()),
            "Wikipedia text": (here / "bench-wikipedia.txt", wikipedia_text()),
            "Metacritic HTML": (here / "bench-metacritic.html", metacritic_html()),
            "review article HTML": (here / "bench-review.html", review_html()),
        }
        for path, content in pages.values():
            path.write_text(content, encoding="utf-8")
        base = here / "base.db"
        env = {"DIARY_DB": str(base), "DIARY_TODAY": TODAY, "DIARY_NO_PROMPT": "1"}
        run_seconds(diary_argv("film", "list", "--limit", "1"), env)  # a fresh, migrated database
        floor = floor_seconds(args.runs)
        rows = [f'| floor: `python -c "import sqlmodel"` | {floor:.3f} | 1.00 |']
        for name, (path, _content) in pages.items():
            size = path.stat().st_size / 1_000_000
            parsed = parse_seconds(path, args.runs)
            whole = import_seconds(base, path, args.runs, os.environ | env)
            rows.append(
                f"| `film import-page` {name} ({size:.1f} MB; reading it: {parsed:.3f} s) "
                f"| {whole:.3f} | {whole / floor:.2f} |"
            )
        for _name, (path, _content) in pages.items():
            run_seconds(diary_argv("film", "import-page", str(path)), env)
        shown = median_seconds(diary_argv("film", "show", "Bench Light (1999)"), args.runs, env)
        rows.append(
            f"| `film show` (all four pages imported) | {shown:.3f} | {shown / floor:.2f} |"
        )
    body = "\n".join(
        [
            f"{stamp()} Load average when it started: {load:.1f}.",
            "",
            "Made-up pages the size of long real ones, written by "
            "`python -m benchmarks.film_pages`. Each figure is the median of "
            f"{args.runs} whole runs of `python -m diary …`; each import runs on a fresh copy "
            "of the same database.",
            "",
            "| Command | Seconds | × floor |",
            "| --- | ---: | ---: |",
            *rows,
        ]
    )
    write_section(SECTION, body)
    print(body)


if __name__ == "__main__":
    sys.exit(main())
