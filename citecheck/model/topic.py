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


@dataclass(frozen=True)
class DocumentTopic:
    """Scores of one document, or why it abstained."""

    backend: str
    scores: dict[int, ReferenceScore] = field(default_factory=dict)
    abstained: str | None = None  # reason when nothing was scored
    notes: tuple[str, ...] = ()
