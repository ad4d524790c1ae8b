"""A saved HTML page: parsed leniently, with its meta tags, address and title at hand."""

import re

from bs4 import BeautifulSoup, Tag

_LOOKS_HTML = re.compile(
    r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)|<(?:html|head|body|article|p|div)[\s>]",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    return bool(_LOOKS_HTML.search(text[:4096]))


def parse(text: str) -> BeautifulSoup:
    """Parsed by lxml: a long saved page in a fraction of the pure-Python parser's time."""
    return BeautifulSoup(text, "lxml")


def remove(root: Tag, names: frozenset[str], classes: frozenset[str], ids: frozenset[str]) -> None:
    """Drop every element with one of these tag names, classes or ids, or hidden by its style.

    One walk over the tree, not entering what is dropped: a CSS selector list this long
    would walk the whole tree once per selector.
    """
    doomed: list[Tag] = []
    stack = [root]
    while stack:
        for child in stack.pop().children:
            if not isinstance(child, Tag):
                continue
            style = str(child.get("style", "")).replace(" ", "").lower()
            if (
                child.name in names
                or classes.intersection(child.get_attribute_list("class"))
                or child.get("id") in ids
                or "display:none" in style
            ):
                doomed.append(child)
            else:
                stack.append(child)
    for element in doomed:
        element.decompose()


def _head(soup: BeautifulSoup) -> Tag:
    """Where meta and link tags live; a page without a <head> is searched whole."""
    return soup.head or soup


def meta(soup: BeautifulSoup, name: str) -> str | None:
    """The content of <meta property=name> or <meta name=name>, tidied."""
    head = _head(soup)
    tag = head.find("meta", attrs={"property": name}) or head.find("meta", attrs={"name": name})
    if isinstance(tag, Tag) and tag.get("content"):
        return " ".join(str(tag["content"]).split()) or None
    return None


def canonical(soup: BeautifulSoup) -> str | None:
    tag = _head(soup).find("link", attrs={"rel": "canonical"})
    return str(tag["href"]).strip() if isinstance(tag, Tag) and tag.get("href") else None


def address(soup: BeautifulSoup) -> str | None:
    return canonical(soup) or meta(soup, "og:url")


def title(soup: BeautifulSoup) -> str | None:
    if soup.title is None:
        return None
    return " ".join(soup.title.get_text().split()) or None


def text_of(element: Tag | None) -> str | None:
    if element is None:
        return None
    return " ".join(element.get_text(" ").split()) or None
