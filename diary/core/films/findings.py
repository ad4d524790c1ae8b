"""What a saved page says about a film, before any of it is stored: facts, scores, reviews."""

from dataclasses import dataclass, field
from datetime import date

from diary.base.errors import InvalidInput

KINDS_UNDERSTOOD = (
    "a Wikipedia article (plain text or saved HTML), "
    "a Metacritic film page (saved HTML) or a review article (plain text or HTML)"
)


class NotAPage(InvalidInput):
    """The file is not a page diary can read facts from."""


@dataclass
class Fact:
    kind: str  # director, star, runtime, synopsis, fun_fact, section… (see FilmFact)
    value: str
    detail: str | None = None


@dataclass
class Score:
    metric: str  # metascore, user_score, tomatometer, rt_average, cinemascore
    value: str  # as quoted: "91", "94%", "8.5/10", "B−"
    count: int | None = None


@dataclass
class Review:
    publication: str | None = None
    critic: str | None = None
    score: int | None = None  # 0-100, as Metacritic gives it
    published_on: date | None = None
    title: str | None = None
    excerpt: str | None = None
    text: str | None = None
    url: str | None = None


@dataclass
class Findings:
    """Everything read from one page, and which film the page says it is about."""

    kind: str  # wikipedia | metacritic | review
    source: str  # who says it: Wikipedia | Metacritic | article
    title: str | None = None  # the film's title as the page gives it
    year: int | None = None
    page_title: str | None = None
    url: str | None = None
    facts: list[Fact] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    # what a page of this kind should give but this one did not ("the Metascore", …)
    missing: list[str] = field(default_factory=list)
    dropped_controls: int = 0  # lines of the page that held control characters, dropped
    _seen: set[tuple[str, str]] = field(default_factory=set, repr=False, compare=False)

    def add(self, kind: str, value: str | None, detail: str | None = None) -> None:
        """Add a fact unless it is empty or already there."""
        clean = " ".join(value.split()) if value and kind != "synopsis" else (value or "")
        clean = clean.strip()
        if not clean:
            return
        if (kind, clean) in self._seen:
            return
        self._seen.add((kind, clean))
        self.facts.append(Fact(kind, clean, detail))

    def score(self, metric: str, value: str | None, count: int | None = None) -> None:
        if value and not any(s.metric == metric for s in self.scores):
            self.scores.append(Score(metric, value.strip(), count))

    def values(self, kind: str) -> list[str]:
        return [f.value for f in self.facts if f.kind == kind]


def number(text: str | None) -> int | None:
    """'1,729' -> 1729; anything that is not a whole number -> None."""
    if text is None:
        return None
    digits = text.replace(",", "").strip()
    return int(digits) if digits.isdigit() else None
