"""A post's own wording over its format's: label overrides per section, kept as JSON.

Labels are the fixed words a template puts around pieces (a plot's `short`, `via`, `long`;
an award's `category`, `nominees`, `winner`; a Q&A's `question`, `asked_by`). A post may word
any of them its own way without touching the format.
"""

import json
import re

from diary.base.errors import InvalidInput
from diary.store.models import PostSection

_NAME = re.compile(r"^[a-z][a-z_]{0,30}$")


def own_labels(section: PostSection) -> dict[str, str]:
    """The labels this post words its own way in `section`."""
    if not section.labels:
        return {}
    found = json.loads(section.labels)
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def set_own_labels(section: PostSection, labels: dict[str, str]) -> None:
    for name in labels:
        if not _NAME.match(name):
            raise InvalidInput(f"a label is named with letters and _ (not {name!r})")
    clean = {k: " ".join(v.split()) for k, v in sorted(labels.items()) if v.strip()}
    section.labels = json.dumps(clean, ensure_ascii=False) if clean else None


_LEAD_IN = ("speakers", "facts", "qa", "films", "award")


def set_wording(
    section: PostSection, tagline: str | None, lead_in: str | None, labels: dict[str, str]
) -> list[str]:
    """Reword one section of one post; what changed, in words. '' removes a text."""
    said: list[str] = []
    if tagline is not None:
        if section.kind == "intro":
            raise InvalidInput("the intro has no tagline")
        section.tagline = " ".join(tagline.split()) or None
        said.append("tagline " + ("set" if section.tagline else "removed"))
    if lead_in is not None:
        if section.kind not in _LEAD_IN:
            raise InvalidInput(f"{section.heading} has no lead-in: use `diary post write`")
        from diary.core.posts.inline import check_links

        check_links(lead_in)
        section.body = " ".join(lead_in.split()) or None
        said.append("lead-in " + ("set" if section.body else "removed"))
    if labels:
        if section.kind in ("intro", "footnotes"):
            raise InvalidInput(f"{section.heading} has no labels to reword")
        merged = own_labels(section) | labels
        set_own_labels(section, merged)
        said += [
            f"label {k} " + ("set" if v.strip() else "back to the format's")
            for k, v in labels.items()
        ]
    if not said:
        raise InvalidInput("nothing to change: give --tagline, --lead-in or --label NAME=TEXT")
    return said
