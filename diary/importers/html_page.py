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
    return BeautifulSoup(text, "html.parser")


def meta(soup: BeautifulSoup, name: str) -> str | None:
    """The content of <meta property=name> or <meta name=name>, tidied."""
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    if isinstance(tag, Tag) and tag.get("content"):
        return " ".join(str(tag["content"]).split()) or None
    return None


def canonical(soup: BeautifulSoup) -> str | None:
    tag = soup.find("link", attrs={"rel": "canonical"})
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
