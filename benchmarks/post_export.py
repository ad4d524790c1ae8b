"""Time `diary post export`, `post status`, `post show` and `post preview --html` on a long post.

Run by hand: `python -m benchmarks.post_export [--paragraphs N] [--runs N]`. It starts a post
about Jaws with the program itself, fills its plot with N paragraphs (each with two remarks and
one footnote marker in five), N/2 facts with a remark each and N speaker lines, by bulk SQL;
then measures each command as the median of whole `python -m diary …` runs against the floor
`python -c "import sqlmodel"`, and rewrites its section of docs/performance.md.
"""

import argparse
import os
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.common import (
    diary_argv,
    environment,
    floor_seconds,
    median_seconds,
    run_diary,
    stamp,
    write_section,
)

SECTION = "Newsletter posts: export, status, preview"
WORDS = "the shark circles the boat while everyone pretends to be calm about it".split()


def sentence(n: int, length: int = 24) -> str:
    return " ".join(WORDS[(n + i) % len(WORDS)] for i in range(length)).capitalize() + "."


def build(env: dict[str, str], db: Path, paragraphs: int) -> None:
    for host in ("Ellen", "Tyler"):
        run_diary(env, "people", "add", host, "--role", "host")
    run_diary(env, "post", "new", "Jaws", "--year", "1975", "--number", "1")
    footnotes = paragraphs // 5
    connection = sqlite3.connect(db)
    with connection:
        sections = dict(connection.execute("SELECT key, id FROM post_section WHERE post_id = 1"))
        connection.executemany(
            "INSERT INTO post_footnote (post_id, key, text, created_at) "
            "VALUES (1, ?, ?, '2025-01-01 00:00:00')",
            ((f"n{n}", f"Footnote {n}: {sentence(n, 8)}") for n in range(footnotes)),
        )
        position = 0

        def entry(
            section: str, kind: str, text: str, speaker: str | None, parent: int | None
        ) -> int:
            nonlocal position
            position += 1
            cursor = connection.execute(
                "INSERT INTO post_entry (section_id, parent_id, position, kind, speaker, text) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (sections[section], parent, position, kind, speaker, text),
            )
            return int(cursor.lastrowid or 0)

        for n in range(paragraphs):
            marker = f"[^n{n // 5}]" if n % 5 == 0 else ""
            parent = entry("plots", "paragraph", sentence(n, 60) + marker, None, None)
            entry("plots", "remark", sentence(n + 1), "Ellen", parent)
            entry("plots", "remark", sentence(n + 2), "Tyler", parent)
        for n in range(paragraphs // 2):
            parent = entry("wiki", "fact", sentence(n, 30), None, None)
            entry("wiki", "remark", sentence(n + 3, 12), "Ellen & Tyler", parent)
        for n in range(paragraphs):
            entry("blank", "line", sentence(n, 40), "Ellen" if n % 2 else "Tyler", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db, formats = Path(folder) / "bench.db", Path(folder) / "formats"
        env = environment(db, DIARY_FORMATS_DIR=str(formats))
        build(env, db, args.paragraphs)
        markdown = run_diary(env, "post", "export", "1")
        floor = floor_seconds(args.runs)
        page = Path(folder) / "page.html"
        rows = [
            ("`diary post export 1`", ["post", "export", "1"]),
            ("`diary post status 1`", ["post", "status", "1"]),
            ("`diary post show 1 --json`", ["post", "show", "1", "--json"]),
            (
                "`diary post preview 1 --html FILE --force`",
                ["post", "preview", "1", "--html", str(page), "--force"],
            ),
        ]
        table = [
            "| Command | Seconds | × floor |",
            "| --- | ---: | ---: |",
            f'| floor: `python -c "import sqlmodel"` | {floor:.3f} | 1.00 |',
        ]
        for name, argv in rows:
            seconds = median_seconds(diary_argv(*argv), args.runs, env=os.environ | env)
            table.append(f"| {name} | {seconds:.3f} | {seconds / floor:.2f} |")
        with sqlite3.connect(db) as connection:
            entries = connection.execute("SELECT count(*) FROM post_entry").fetchone()[0]
    load = os.getloadavg()[0]
    body = "\n".join(
        [
            f"{stamp()} Load average when it started: {load:.1f}.",
            "",
            f"Post: {entries:,} pieces and remarks, {args.paragraphs // 5} footnotes; its "
            f"export is {len(markdown.split()):,} words ({len(markdown.encode()) / 1024:.0f} KiB). "
            f"Built by `python -m benchmarks.post_export`; each figure is the median of "
            f"{args.runs} whole runs of `python -m diary …`. A post is read in at most six "
            "queries (sections, entries, their films, awards, nominees, footnotes); escaping, "
            "the template and footnote numbering are linear in its text.",
            "",
            *table,
        ]
    )
    write_section(SECTION, body)
    print(body)


if __name__ == "__main__":
    main()
