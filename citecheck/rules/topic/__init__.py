"""Rules of the topic family."""

from __future__ import annotations

from citecheck.rules.base import Rule
from citecheck.rules.topic import off_topic

RULES: tuple[Rule, ...] = (off_topic.RULE,)
