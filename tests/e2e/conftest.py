"""Fixtures of the end-to-end registry tests (helpers live in e2e_support.py)."""

from __future__ import annotations

from typing import Any

import pytest
from e2e_support import RECORDS, Truth, read_truth

from tests.support import registry_standin as standin


@pytest.fixture(scope="session")
def store() -> Any:
    """Every record the stand-in serves (loaded once)."""
    return standin.Store.load(RECORDS)


@pytest.fixture(scope="session")
def truth() -> Truth:
    """The ground truth of the test manuscripts."""
    return read_truth()
