"""Score each reference's distance from the manuscript's topic.

Four signals, each a cosine between the reference's text and:

* ``manuscript``: the manuscript profile (title, abstracts, keywords, headings);
* ``references``: the mean of all *other* references (leave-one-out centroid;
  works whatever language the manuscript is written in);
* ``neighbours``: its two most similar other references (an author's own
  cross-disciplinary references come in groups; a sneaked-in one stands alone);
* ``citing``: the sentences that cite it (kept as evidence; weight 0 by default,
  see docs/benchmarks.md).

Raw cosine ranges differ by model, so each cosine is standardised with the
backend's own centre and spread, measured on the authors' own references of the
benchmark's dev split: ``(cos - centre) / scale``, i.e. "how many typical
deviations below an ordinary reference". The combined score is the weighted mean
of the available standardised signals; a reference is flagged below the
backend's threshold. Methods references and very short titles are never flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from citecheck.model.topic import DocumentTopic, ReferenceScore, Similar
from citecheck.topic.backends import Backend
from citecheck.topic.language import guess_language
from citecheck.topic.profile import TopicInputs

Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Calibration:
    """Per-backend constants, chosen on the benchmark's dev split (bench/offtopic_*)."""

    threshold: float  # flag when the combined standardised score is below this
    centre: dict[str, float]  # typical cosine of an own reference, per signal
    scale: dict[str, float]  # its spread (standard deviation), per signal
    weights: dict[str, float]  # weight of each standardised signal
    min_title_words: int = 4  # shorter titles carry too little signal to judge
    exempt_methods: bool = True  # never flag software/statistics/method/data references


MIN_REFERENCES = 8


def _coverable(text: str, backend: Backend, dominant: str | None) -> bool:
    """Can ``backend`` compare ``text`` with the rest of the document?"""
    lang = guess_language(text)
    if lang is None:
        return True
    if backend.languages is not None:
        return lang in backend.languages
    return backend.cross_lingual or dominant is None or lang == dominant


def _cut(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def score_inputs(inputs: TopicInputs, backend: Backend, calibration: Calibration) -> DocumentTopic:
    """Score every reference of one document (abstaining when the signal is thin)."""
    refs = inputs.references
    total = len(refs) + inputs.untitled
    if len(refs) < MIN_REFERENCES:
        why = "titles missing" if inputs.untitled > len(refs) else "too few references"
        return DocumentTopic(
            backend=backend.name,
            abstained=f"{why}: {len(refs)} of {total} references have a usable title "
            f"(at least {MIN_REFERENCES} needed)",
        )
    langs = [guess_language(r.title) for r in refs]
    known = [lg for lg in langs if lg]
    dominant = max(set(known), key=known.count) if known else None
    usable = [r for r in refs if _coverable(r.title, backend, dominant)]
    notes: list[str] = []
    if len(usable) < MIN_REFERENCES:
        return DocumentTopic(
            backend=backend.name,
            abstained=f"language not supported by the {backend.name} backend for "
            f"{len(refs) - len(usable)} of {len(refs)} reference titles",
        )
    if len(usable) < len(refs):
        notes.append(
            f"{len(refs) - len(usable)} reference(s) in a language the "
            f"{backend.name} backend cannot compare were not scored"
        )
    passages = [p for p in inputs.passages if _coverable(p.text, backend, dominant)]
    if len(passages) < len(inputs.passages):
        notes.append("manuscript passages in an unsupported language were left out of the profile")

    ref_texts = [r.text for r in usable]
    sent_texts: list[str] = []
    if calibration.weights.get("citing", 0.0) > 0:  # encoding sentences costs time
        sent_texts = sorted(
            {s for r in usable for s in r.sentences if _coverable(s, backend, dominant)}
        )
    all_vecs = backend.encode([*ref_texts, *(p.text for p in passages), *sent_texts])
    R = all_vecs[: len(usable)]
    P = all_vecs[len(usable) : len(usable) + len(passages)]
    S = all_vecs[len(usable) + len(passages) :]
    sent_row = {s: i for i, s in enumerate(sent_texts)}

    cos: dict[str, Array] = {"references": _leave_one_out(R), "neighbours": _neighbours(R)}
    if len(passages):
        cos["manuscript"] = _profile_cosines(R, P, [p.kind for p in passages])
    cit = np.full(len(usable), np.nan, dtype=np.float32)
    for i, r in enumerate(usable):
        rows = [sent_row[s] for s in r.sentences if s in sent_row]
        if rows:
            cit[i] = float(np.max(S[rows] @ R[i]))
    # The citing signal needs enough cited references to standardise against.
    if int((~np.isnan(cit)).sum()) >= MIN_REFERENCES:
        cos["citing"] = cit
    z = {
        name: (values - calibration.centre[name]) / calibration.scale[name]
        for name, values in cos.items()
    }

    scores: dict[int, ReferenceScore] = {}
    relative = _relative_scores(usable, z, calibration)
    P_all = np.vstack([P, R]) if len(P) else R
    src_all = [(p.kind, p.text) for p in passages] + [("reference", r.title) for r in usable]
    for i, r in enumerate(usable):
        zi = {k: round(float(v[i]), 3) for k, v in z.items() if not np.isnan(v[i])}
        ci = {k: round(float(v[i]), 3) for k, v in cos.items() if not np.isnan(v[i])}
        combined = _combine(zi, calibration.weights)
        threshold = calibration.threshold
        exempt = None
        if r.methods and calibration.exempt_methods:
            exempt = f"methods reference ({r.methods})"
        elif len(r.title.split()) < calibration.min_title_words:
            exempt = "title too short to judge"
        # Below the calibrated threshold AND an outlier within this document: when a
        # language or field shifts every reference down, no wholesale flagging.
        flagged = exempt is None and combined < threshold and relative[i] < DOCUMENT_GATE
        if np.isfinite(relative[i]):
            zi["within_document"] = round(float(relative[i]), 3)  # evidence; not in the mean
        sims = P_all @ R[i]
        own = len(passages) + i  # the reference itself, excluded from evidence
        # The top three only: sorting every row for every reference was quadratic in
        # Python (bench/speed/stress_sizes.py: 2,000 references took most of a 20 MB check).
        top = np.argpartition(-sims, min(2, len(sims) - 1))[:3]
        order = [int(j) for j in top[np.argsort(-sims[top], kind="stable")] if j != own]
        most = tuple(
            Similar(src_all[j][0], _cut(src_all[j][1]), round(float(sims[j]), 3)) for j in order[:2]
        )
        least = None
        if len(passages):
            k = int(np.argmin(sims[: len(passages)]))
            least = Similar(src_all[k][0], _cut(src_all[k][1]), round(float(sims[k]), 3))
        scores[r.index] = ReferenceScore(
            index=r.index,
            score=round(combined, 3),
            flagged=bool(flagged),
            threshold=threshold,
            z=zi,
            cosines=ci,
            methods=r.methods,
            exempt=exempt,
            most_similar=most,
            least_similar=least,
            sentences=tuple(_cut(s, 300) for s in r.sentences[:3]),
        )
    return DocumentTopic(backend=backend.name, scores=scores, notes=tuple(notes))


# Robust z (median / 1.4826 MAD) of a reference's combined score among the document's
# judgeable references that a flag also needs. Chosen on the dev split of the off-topic
# benchmark (bench/accuracy/offtopic.py): -1.5 costs 1 of 183 distant injections on dev and
# none on test, and removes wholesale flags where a backend scores a whole list low
# (Indonesian social-science book titles).
DOCUMENT_GATE = -1.5


def _relative_scores(usable: Sequence[Any], z: dict[str, Array], calibration: Calibration) -> Array:
    combined = np.array(
        [
            _combine(
                {k: float(v[i]) for k, v in z.items() if not np.isnan(v[i])}, calibration.weights
            )
            for i in range(len(usable))
        ],
        dtype=np.float64,
    )
    judged = [
        i
        for i, r in enumerate(usable)
        if not (r.methods and calibration.exempt_methods)
        and len(r.title.split()) >= calibration.min_title_words
    ]
    if len(judged) < 3:
        return np.full(len(usable), -np.inf)
    med = float(np.median(combined[judged]))
    mad = float(np.median(np.abs(combined[judged] - med))) * 1.4826 or 1.0
    out: Array = ((combined - med) / mad).astype(np.float32)
    return out


def _combine(z: dict[str, float], weights: dict[str, float]) -> float:
    """Weighted mean of the available z-scores (a missing signal drops out)."""
    num = sum(weights.get(k, 0.0) * v for k, v in z.items())
    den = sum(weights.get(k, 0.0) for k in z)
    return num / den if den else 0.0


def _neighbours(R: Array, k: int = 2) -> Array:
    """Mean cosine of each row with its ``k`` nearest other rows.

    An author's own cross-disciplinary references usually come in groups (a
    cluster of physics papers in a biology article); one sneaked-in reference
    has no near neighbour.
    """
    n = len(R)
    k = min(k, n - 1)
    out: Array = np.empty(n, dtype=np.float32)
    # Row blocks keep memory at block x n (a 10,000-entry list would need 400 MB at
    # once), and a partial partition finds the k best in linear time per row.
    block = 512
    for start in range(0, n, block):
        sims = R[start : start + block] @ R.T
        rows = np.arange(sims.shape[0])
        sims[rows, rows + start] = -np.inf
        top = np.partition(sims, n - k, axis=1)[:, n - k :]
        out[start : start + block] = top.mean(axis=1)
    return out


def _leave_one_out(R: Array) -> Array:
    """Cosine of each row with the normalised mean of all other rows."""
    C = R.sum(axis=0, keepdims=True) - R
    norms = np.linalg.norm(C, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Array = np.einsum("ij,ij->i", R, C / norms).astype(np.float32)
    return out


_KIND_WEIGHT = {"title": 1.0, "abstract": 1.0, "keywords": 0.5, "heading": 0.5}


def _profile_cosines(R: Array, P: Array, kinds: Sequence[str]) -> Array:
    """Cosine of each reference with the weighted mean of the passage groups."""
    profile = np.zeros(R.shape[1], dtype=np.float32)
    for kind, weight in _KIND_WEIGHT.items():
        rows = [i for i, k in enumerate(kinds) if k == kind]
        if rows:
            mean = P[rows].mean(axis=0)
            norm = float(np.linalg.norm(mean))
            if norm > 0:
                profile += weight * mean / norm
    norm = float(np.linalg.norm(profile))
    if norm == 0:
        return np.zeros(len(R), dtype=np.float32)
    out: Array = (R @ (profile / norm)).astype(np.float32)
    return out
