"""Post formats: data files that list a post's sections in order, found by name.

A format is a TOML file named `<name>.toml`. The shipped ones live in diary/data/formats; the
user's live in their config folder (`formats/`, or DIARY_FORMATS_DIR) and win over a shipped
format of the same name, so copying, renaming, reordering or extending a format needs no
code. A format names its Jinja2 template, looked up beside the format file first, then among
the shipped templates.
"""

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diary.base.errors import InvalidInput, NotFound

DEFAULT_FORMAT = "newsletter"
DEFAULT_TEMPLATE = "post.md.j2"
ENV_DIR = "DIARY_FORMATS_DIR"

KINDS = {
    "intro": "a paragraph before the first heading, e.g. the line naming the film",
    "prose": "paragraphs written by the authors",
    "boilerplate": "the same text in every post, copied from the format",
    "speakers": "lines attributed to people (Name: text)",
    "plot": "a one-line short version with its source, then paragraphs with remarks",
    "facts": "facts, each followed by optional remarks",
    "award": "a themed award: category, nominees, winner, acceptance note",
    "films": "a list of films, each with optional remarks",
    "qa": "questions and answers, an answer by one author or several",
    "footnotes": "where the footnotes go",
}
# What `post new` can fill in, and the section kind each filler writes into.
PREFILLS = {"comments": "speakers", "short_plot": "plot", "nominees": "films"}
_SECTION_KEYS = {"key", "kind", "heading", "tagline", "body", "prefill", "line", "labels"}
_FORMAT_KEYS = {"title", "description", "template", "needs_film", "post_title", "sections"}
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class SectionSpec:
    key: str
    kind: str
    heading: str  # Jinja2 text, rendered when a post is started
    tagline: str | None = None
    body: str | None = None  # Jinja2 text: boilerplate, a lead-in, a pre-filled paragraph
    prefill: tuple[str, ...] = ()
    line: str | None = None  # Jinja2 text of each pre-filled speaker line
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    description: str
    template: str
    needs_film: bool
    post_title: str | None
    sections: tuple[SectionSpec, ...]
    path: Path
    builtin: bool

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


@dataclass(frozen=True)
class FormatProblem:
    """A format file that cannot be used, and why."""

    name: str
    path: Path
    message: str


def a_kind(kind: str) -> str:
    """'an award section', 'a plot section': a section kind with its article."""
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind} section"


def shipped_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "data" / "formats"


def user_dir() -> Path:
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_config_path

    return user_config_path("diary", appauthor=False) / "formats"


def _files() -> dict[str, tuple[Path, bool]]:
    """Every format file by name; the user's shadow shipped ones of the same name."""
    found: dict[str, tuple[Path, bool]] = {}
    for folder, builtin in ((shipped_dir(), True), (user_dir(), False)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                found[path.stem.lower()] = (path, builtin)
    return found


def all_formats() -> tuple[list[Format], list[FormatProblem]]:
    """Every usable format by name, and the files that could not be read."""
    usable, problems = [], []
    for name, (path, builtin) in sorted(_files().items()):
        try:
            usable.append(load_file(path, builtin))
        except InvalidInput as exc:
            problems.append(FormatProblem(name, path, exc.message))
    return usable, problems


def find_format(name: str | None) -> Format:
    wanted = (name or DEFAULT_FORMAT).strip().lower()
    files = _files()
    if wanted not in files:
        by_title = [f for f in all_formats()[0] if f.title.lower() == wanted]
        if len(by_title) == 1:
            return by_title[0]
        known = ", ".join(sorted(files)) or "none"
        raise NotFound(f"no post format {name!r}: known are {known} (see `diary post formats`)")
    path, builtin = files[wanted]
    return load_file(path, builtin)


def load_file(path: Path, builtin: bool = False) -> Format:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read format {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"format {path} is not valid TOML: {exc}") from exc
    return parse_format(data, path, builtin)


def parse_format(data: dict[str, Any], path: Path, builtin: bool = False) -> Format:
    where = f"format {path}"
    _no_unknown(data, _FORMAT_KEYS, where)
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise InvalidInput(f"{where} has no [[sections]]")
    sections = [_section(raw, f"{where}, section {n}") for n, raw in enumerate(raw_sections, 1)]
    keys = [s.key for s in sections]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    if repeated:
        raise InvalidInput(f"{where} repeats section key {', '.join(repeated)}")
    needs_film = data.get("needs_film", True)
    if not isinstance(needs_film, bool):
        raise InvalidInput(f"{where}: needs_film must be true or false")
    return Format(
        name=path.stem.lower(),
        title=_text(data, "title", where) or path.stem,
        description=_text(data, "description", where) or "",
        template=_text(data, "template", where) or DEFAULT_TEMPLATE,
        needs_film=needs_film,
        post_title=_text(data, "post_title", where),
        sections=tuple(sections),
        path=path,
        builtin=builtin,
    )


def _section(raw: Any, where: str) -> SectionSpec:
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where} is not a table")
    _no_unknown(raw, _SECTION_KEYS, where)
    key = _text(raw, "key", where)
    if not key or not _KEY.match(key):
        raise InvalidInput(f"{where} needs a key of lowercase letters, digits and dashes")
    kind = _text(raw, "kind", where)
    if kind not in KINDS:
        raise InvalidInput(f"{where} has kind {kind!r}: use one of {', '.join(KINDS)}")
    heading = _text(raw, "heading", where)
    if not heading:
        raise InvalidInput(f"{where} needs a heading")
    prefill = raw.get("prefill", [])
    if isinstance(prefill, str):
        prefill = [prefill]
    if not isinstance(prefill, list) or not all(isinstance(p, str) for p in prefill):
        raise InvalidInput(f"{where}: prefill must be a list of names")
    for name in prefill:
        if PREFILLS.get(name) != kind:
            fitting = [p for p, k in PREFILLS.items() if k == kind]
            raise InvalidInput(
                f"{where}: prefill {name!r} does not fit {a_kind(kind)}"
                + (f" (use {', '.join(fitting)})" if fitting else "")
            )
    labels = raw.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise InvalidInput(f"{where}: labels must be a table of texts")
    return SectionSpec(
        key=key,
        kind=kind,
        heading=heading,
        tagline=_text(raw, "tagline", where),
        body=_text(raw, "body", where),
        prefill=tuple(prefill),
        line=_text(raw, "line", where),
        labels=dict(labels),
    )


def _text(raw: dict[str, Any], name: str, where: str) -> str | None:
    value = raw.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{where}: {name} must be text")
    return value.strip() or None


def _no_unknown(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise InvalidInput(
            f"{where}: unknown field {', '.join(unknown)} (known: {', '.join(sorted(allowed))})"
        )
