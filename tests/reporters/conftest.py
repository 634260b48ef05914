"""Fixtures for the reporter tests."""

from __future__ import annotations

import pytest
from reporter_sample import make_report

from citecheck.model.findings import Report


@pytest.fixture
def report() -> Report:
    """The fixed sample report (see reporter_sample.py)."""
    return make_report()
