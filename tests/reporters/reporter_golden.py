"""Golden files: compare a reporter's output with the file under ``golden/``.

Set ``CITECHECK_UPDATE_GOLDEN=1`` to rewrite them after an intended change, then
read the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """``text`` must equal ``golden/NAME`` byte for byte."""
    path = GOLDEN / name
    if os.environ.get("CITECHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as handle:
        expected = handle.read()
    assert text == expected, (
        f"{name} differs from its golden file (CITECHECK_UPDATE_GOLDEN=1 rewrites it)"
    )
