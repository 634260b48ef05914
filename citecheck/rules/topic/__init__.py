"""Rules of the topic family."""

from __future__ import annotations

from citecheck.rules.base import Rule

RULES: tuple[Rule, ...] = ()
