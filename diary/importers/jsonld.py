"""schema.org JSON-LD blocks of a saved page, read without losing repeated keys.

Real pages write `"actor": {…}, "actor": {…}` in one object; `json.loads` keeps only the last.
Here a repeated key collects every value into a list, in page order.
"""

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, Tag

_TAG = re.compile(r"<[^>]+>")


def keep_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """object_pairs_hook: a key seen twice holds a list of all its values."""
    found: dict[str, Any] = {}
    repeated: set[str] = set()
    for key, value in pairs:
        if key not in found:
            found[key] = value
            continue
        if key not in repeated:
            first = found[key]
            found[key] = list(first) if isinstance(first, list) else [first]
            repeated.add(key)
        found[key].extend(value if isinstance(value, list) else [value])
    return found


def blocks(soup: BeautifulSoup) -> list[Any]:
    """Every JSON-LD block that parses; a broken block is skipped, not fatal."""
    found = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        if not isinstance(script, Tag):
            continue
        text = script.string or script.get_text()
        text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
        text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
        try:
            found.append(json.loads(text, object_pairs_hook=keep_repeats, strict=False))
        except (ValueError, RecursionError):  # broken, or nested past what a parser follows
            continue
    return found


def things(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in the data, depth first (an @graph, a list of blocks, nested items);
    walked with a stack of its own, so no nesting depth can exhaust Python's."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        stack.extend(c for c in reversed(children) if isinstance(c, dict | list))


def types(thing: dict[str, Any]) -> set[str]:
    kinds = thing.get("@type", [])
    listed = kinds if isinstance(kinds, list) else [kinds]
    return {str(k).rsplit("/", 1)[-1] for k in listed}


def of_type(data: Any, *wanted: str) -> list[dict[str, Any]]:
    return [thing for thing in things(data) if types(thing) & set(wanted)]


def text(value: Any) -> str | None:
    """A plain string: entities decoded (even doubly encoded ones), tags and spaces tidied."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str | int | float)), None)
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, bool):
        return None
    plain = str(value)
    for _ in range(2):
        plain = html.unescape(plain)
    plain = " ".join(_TAG.sub(" ", plain).split())
    return plain or None


def names(value: Any) -> list[str]:
    """Names from a person, a list of people, or plain strings; repeats dropped."""
    items = value if isinstance(value, list) else [value]
    found: dict[str, None] = {}
    for item in items:
        name = text(item.get("name") if isinstance(item, dict) else item)
        if name:
            found.setdefault(name, None)
    return list(found)


def minutes(duration: Any) -> int | None:
    """ISO 8601 'PT2H6M' -> 126; a bare number of minutes is taken as is."""
    value = text(duration)
    if value is None:
        return None
    if value.isdigit():
        return int(value)
    match = re.fullmatch(r"P(?:T)?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?", value.upper())
    if match is None or not any(match.groups()):
        return None
    hours, mins = int(match.group(1) or 0), int(match.group(2) or 0)
    return hours * 60 + mins or None
