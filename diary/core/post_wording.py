"""A post's own wording over its format's: label overrides per section, kept as JSON.

Labels are the fixed words a template puts around pieces (a plot's `short`, `via`, `long`;
an award's `category`, `nominees`, `winner`; a Q&A's `question`, `asked_by`). A post may word
any of them its own way without touching the format.
"""

import json
import re

from diary.core.errors import InvalidInput
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
