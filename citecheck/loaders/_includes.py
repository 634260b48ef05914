"""The problems of following an include, worded the same for every markup.

LaTeX (``\\input``, ``\\include``, ``\\subfile``) and Quarto/R Markdown (book chapters,
``{{< include >}}``, knitr ``child=``) report a file they could not follow alike, so a
reader (and a test) meets one message per situation.
"""

from __future__ import annotations

from citecheck.model.document import Location, Problem


def missing_include(shown: str, location: Location, target: str) -> Problem:
    """An included file that does not exist: its citations are not checked."""
    return Problem(
        message=f"{shown}: file not found; its citations are not checked",
        location=location,
        kind="missing-include",
        evidence={"target": target},
    )


def outside_include(shown: str, location: Location, target: str) -> Problem:
    """An included file outside the project: never read (nor sent to a registry)."""
    return Problem(
        message=f"{shown}: outside the project folder; not followed",
        location=location,
        kind="include-outside",
        evidence={"target": target},
    )
