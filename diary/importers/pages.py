"""Which kind of page a file is, and what it says: the one entry point for saved pages.

A Wikipedia article (plain text or HTML), a Metacritic film page (HTML) or a review article
(plain text or HTML); anything else is refused with one line naming the kinds understood.
A page given as an http(s) address is fetched first (only that needs a network).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from diary.base.echo import echo
from diary.base.errors import InvalidInput
from diary.base.words import CONTROL
from diary.core.films.findings import KINDS_UNDERSTOOD, Findings, NotAPage
from diary.importers import (
    html_page,
    jsonld,
    metacritic,
    review_article,
    wikipedia,
    wikipedia_html,
    wikipedia_text,
)

MAX_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 20


@dataclass
class LoadedPage:
    findings: Findings
    digest: str  # sha256 of the page's bytes: the same page imported twice is one page
    name: str  # the file or address it came from


def read_page(source: str) -> LoadedPage:
    """Read a file, standard input (`-`) or an http(s) address, and recognise what it is."""
    if source.startswith(("http://", "https://")):
        data = fetch(source)
    elif source == "-":
        import sys

        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        source = "standard input"
        if len(data) > MAX_BYTES:
            raise InvalidInput("standard input is too large for a saved page")
    else:
        data = _read_file(Path(source))
    found = recognise(data, source)
    if found.url is None and source.startswith(("http://", "https://")):
        found.url = source
    return LoadedPage(found, hashlib.sha256(data).hexdigest(), source)


def recognise(data: bytes, name: str) -> Findings:
    text = decode(data, name)
    dirty = sum(1 for line in text.split("\n") if CONTROL.search(line))
    text = CONTROL.sub("", text) if dirty else text  # a saved page may carry them from anywhere
    try:
        found = _recognise(text)
    except NotAPage as exc:
        raise NotAPage(f"{name}: {exc.message}") from None
    if found is None:
        raise NotAPage(f"{name} is not a page diary understands; it reads {KINDS_UNDERSTOOD}")
    found.title = found.title.strip() or None if found.title else None
    found.dropped_controls = dirty
    return found


def _recognise(text: str) -> Findings | None:
    if html_page.looks_like_html(text):
        soup = html_page.parse(text)
        data = jsonld.blocks(soup)
        if metacritic.looks_like(soup, data):
            return metacritic.parse(soup, data)
        if wikipedia_html.looks_like(soup):
            return wikipedia.read_article(wikipedia_html.parse(soup))
        return review_article.from_html(soup, data, text)
    elif wikipedia_text.looks_like(text):
        return wikipedia.read_article(wikipedia_text.parse(text))
    elif review_article.looks_like_text(text):
        return review_article.from_text(text)
    return None


def decode(data: bytes, name: str) -> str:
    """Text from bytes: BOMs, declared charsets and Windows encodings handled; binary refused."""
    from bs4 import UnicodeDammit

    if not data.strip():
        raise NotAPage(f"{name} is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotAPage(f"{name} is not a text or HTML file; diary reads {KINDS_UNDERSTOOD}")
    dammit = UnicodeDammit(data, ["utf-8", "windows-1252"], is_html=data.lstrip()[:1] == b"<")
    if dammit.unicode_markup is None:
        raise NotAPage(f"{name} is not readable text")
    return dammit.unicode_markup.replace("\r\n", "\n").replace("\r", "\n")


def _read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InvalidInput(f"{path} is a folder; give a saved page")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInput(f"{path} is {size // 1_000_000} MB: too large for a saved page")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(f"cannot read {path}: no such file") from None
    except PermissionError:
        raise InvalidInput(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {exc.strerror or exc}") from None


def fetch(url: str) -> bytes:
    """The page at an http(s) address; any network failure is one line."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "diary (film facts)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        said = echo(str(exc.reason))  # the server's words
        raise InvalidInput(f"cannot fetch {url}: HTTP {exc.code} {said}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = echo(str(getattr(exc, "reason", exc)))
        raise InvalidInput(
            f"cannot fetch {url}: {reason}; save the page and import the file instead"
        ) from None
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{url} is too large for a saved page")
    return data
