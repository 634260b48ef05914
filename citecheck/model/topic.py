"""What the topic stage found: per reference, how far it is from the manuscript's subject.

Computed by :mod:`citecheck.topic.scoring`; read by the off-topic rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Similar:
    """A passage and its cosine to the reference (evidence for people)."""

    source: str  # "title", "abstract", "keywords", "heading", "reference"
    text: str
    cosine: float


@dataclass(frozen=True)
class ReferenceScore:
    """The off-topic verdict for one reference."""

    index: int
    score: float  # combined standardised score; lower = further from the topic
    flagged: bool
    threshold: float
    z: dict[str, float]
    cosines: dict[str, float]
    methods: str | None = None
    exempt: str | None = None  # why it is never flagged ("methods reference", "short title")
    most_similar: tuple[Similar, ...] = ()
    least_similar: Similar | None = None
    sentences: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # the reference's own topic words (flagged references)


@dataclass(frozen=True)
class ListFar:
    """The whole reference list is far from the manuscript's own text (one finding,
    not one per reference: a template's sample list, another paper's bibliography)."""

    score: float  # median combined standardised score of the judged references
    threshold: float
    judged: int
    examples: tuple[str, ...] = ()  # a few reference titles


@dataclass(frozen=True)
class DocumentTopic:
    """Scores of one document, or why it abstained."""

    backend: str
    scores: dict[int, ReferenceScore] = field(default_factory=dict)
    abstained: str | None = None  # reason when nothing was scored
    notes: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()  # the manuscript's topic terms, in words
    list_far: ListFar | None = None
