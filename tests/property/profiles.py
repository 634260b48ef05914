"""Hypothesis profiles for the property suite.

``ci`` (default) keeps the whole ``tests/property`` run under about a minute on two
cores; ``nightly`` runs many more examples for a scheduled job or a long local run::

    HYPOTHESIS_PROFILE=nightly .venv/bin/pytest tests/property

Profiles are applied per test with the :data:`PROFILE` decorator instead of
``settings.load_profile`` so the rest of the test suite keeps its own settings.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # CI machines are shared; time is measured in bench/, not here
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,  # a failure prints the blob that reproduces it
}

settings.register_profile("citecheck-ci", max_examples=120, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("citecheck-nightly", max_examples=5_000, **_COMMON)  # type: ignore[arg-type]

_NAME = os.environ.get("HYPOTHESIS_PROFILE", "ci").strip().lower() or "ci"
PROFILE = settings.get_profile("citecheck-nightly" if _NAME == "nightly" else "citecheck-ci")
# For properties that load files (zip, XML, PDF): fewer examples, same idea.
HEAVY = settings(PROFILE, max_examples=max(PROFILE.max_examples // 3, 20))
