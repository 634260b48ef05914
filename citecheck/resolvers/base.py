"""Typed results of registry look-ups (defined in :mod:`citecheck.resolution`)."""

from __future__ import annotations

from citecheck.resolution import (
    Candidate,
    Found,
    NotFound,
    ReferenceResolution,
    Resolution,
    Source,
    Unavailable,
)

__all__ = [
    "Candidate",
    "Found",
    "NotFound",
    "ReferenceResolution",
    "Resolution",
    "Source",
    "Unavailable",
]
