"""The topic stage: score every document's references once, before the rules run.

The engine calls :func:`score_all` when an active rule needs ``"topic"``. It loads
one backend for the whole run (lazily: not at all when every document abstains)
and returns a :class:`~citecheck.model.topic.DocumentTopic` per document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from citecheck.model.findings import SkippedCheck
from citecheck.model.prepared import Prepared
from citecheck.model.resolution import Resolutions
from citecheck.model.settings import Settings
from citecheck.model.topic import DocumentTopic
from citecheck.topic.backends import Backend, TfidfBackend, load_backend
from citecheck.topic.cache import CachedBackend, cached, default_dir
from citecheck.topic.calibration import calibration_for
from citecheck.topic.profile import build_inputs
from citecheck.topic.scoring import MIN_REFERENCES, score_inputs

CHECK = "off-topic"
#: Why a reference list read from a PDF is not judged: the entry's type (software,
#: standard, book) is gone and its title is cut from printed text, so the exemptions and
#: the scores move; on 33 source/PDF pairs (bench/realworld/pdf) the PDF runs flagged 11
#: entries, none of which its source flagged (docs/benchmarks.md, "PDF manuscripts").
PDF_ABSTAINS = (
    "a reference list read from a PDF: entry types and titles are not reliable enough "
    "to judge topic; check the source file"
)
#: Cited references of one document the scorer judges; beyond this the check abstains
#: and says so (the cost is linear, but a real manuscript cites far fewer).
MAX_REFERENCES = 50_000


@dataclass
class TopicOutcome:
    """What the stage found: one :class:`DocumentTopic` per document, in the order
    given, plus abstentions and notes for the report."""

    topics: list[DocumentTopic] = field(default_factory=list)
    skipped: list[SkippedCheck] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def score_all(
    prepared: Sequence[Prepared],
    settings: Settings,
    *,
    resolutions: Sequence[Resolutions] | None = None,
) -> TopicOutcome:
    """Score every prepared document (``resolutions``: the registry stage's answers,
    aligned with ``prepared``, when it ran); never raises on bad input."""
    outcome = TopicOutcome()
    backend: Backend | None = None
    try:
        for n, item in enumerate(prepared):
            backend = _score_one(item, n, settings, resolutions, outcome, backend)
    finally:
        _close(backend, outcome)
    return outcome


def _close(backend: Backend | None, outcome: TopicOutcome) -> None:
    if isinstance(backend, CachedBackend):
        backend.cache.close()
        if backend.cache.write_failed:
            outcome.notes.append(
                f"off-topic: vector cache not updated: {backend.cache.write_failed}"
            )


def _score_one(
    item: Prepared,
    n: int,
    settings: Settings,
    resolutions: Sequence[Resolutions] | None,
    outcome: TopicOutcome,
    backend: Backend | None,
) -> Backend | None:
    """Score one document into ``outcome``; returns the backend (loaded on first need)."""
    doc = item.document
    inputs = build_inputs(doc, item.links, resolutions[n] if resolutions else None)
    if doc.format == "references":  # a reference file checked on its own
        topic = DocumentTopic(
            backend="none",
            abstained="a reference file on its own: no manuscript text to compare with",
        )
    elif doc.format == "pdf":
        topic = DocumentTopic(backend="none", abstained=PDF_ABSTAINS)
    elif len(inputs.references) > MAX_REFERENCES:
        topic = DocumentTopic(
            backend="none",
            abstained=f"{len(inputs.references):,} references is more than the "
            f"{MAX_REFERENCES:,} the off-topic check judges; not checked",
        )
    elif len(inputs.references) + len(inputs.context) < MIN_REFERENCES or not inputs.references:
        cited = len(doc.references) - inputs.uncited
        reason = _too_few(len(inputs.references), cited)
        if cited == 0 and inputs.uncited:
            reason = (
                "no citation of the manuscript was read, so which entries of its "
                "reference files it cites is unknown; none was judged"
            )
        topic = DocumentTopic(backend="none", abstained=reason)
    else:
        if backend is None:
            backend = _load(settings, outcome)
        cal = calibration_for(backend.name)
        override = settings.thresholds.get(CHECK)
        if override is not None:
            cal = replace(cal, threshold=float(override))
        try:
            topic = score_inputs(inputs, backend, cal)
        except (RuntimeError, ValueError, MemoryError) as exc:  # a broken model install
            outcome.notes.append(
                f"off-topic: the {backend.name} backend failed ({exc}); "
                "using the character n-gram fallback"
            )
            _close(backend, outcome)
            backend = TfidfBackend()
            topic = score_inputs(inputs, backend, calibration_for(backend.name))
    outcome.topics.append(topic)
    if topic.abstained:
        outcome.skipped.append(SkippedCheck(check=CHECK, reason=topic.abstained, path=doc.path))
    outcome.notes.extend(f"{doc.path}: {note}" for note in topic.notes)
    return backend


def _too_few(titled: int, total: int) -> str:
    if total >= MIN_REFERENCES:
        return (
            f"titles missing: only {titled} of {total} cited references have a usable title "
            f"(at least {MIN_REFERENCES} needed to judge topic)"
        )
    return f"too few references to judge topic ({total}; at least {MIN_REFERENCES} needed)"


@lru_cache(maxsize=4)
def _backend(name: str | None) -> tuple[Backend, str | None]:
    """One model load per process, kept for every document (and batch worker) after."""
    return load_backend(name)


def _load(settings: Settings, outcome: TopicOutcome) -> Backend:
    backend, note = _backend(settings.topic_backend)
    if note:
        outcome.notes.append(note)
    if settings.no_cache:
        return backend
    return cached(backend, default_dir(settings.cache_dir), outcome.notes)
