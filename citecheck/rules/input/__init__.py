"""Rules of the input family."""

from __future__ import annotations

from citecheck.rules.base import Rule
from citecheck.rules.input import missing_bibliography, parse_error

RULES: tuple[Rule, ...] = (parse_error.RULE, missing_bibliography.RULE)
