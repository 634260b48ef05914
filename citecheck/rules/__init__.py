"""The rule catalogue: explicit imports, one family a package, one rule a module.

Codes are forever: a deleted rule's code goes into ``RETIRED_CODES`` and is never
reused; a renamed rule keeps its old name in ``Rule.aliases``.
"""

from __future__ import annotations

from citecheck.rules.base import Rule

RETIRED_CODES: tuple[str, ...] = ()


def all_rules() -> tuple[Rule, ...]:
    """Every rule, sorted by code."""
    from citecheck.rules import crossmatch, input, records, topic

    rules = (*input.RULES, *crossmatch.RULES, *records.RULES, *topic.RULES)
    return tuple(sorted(rules, key=lambda r: r.code))


def find_rule(name: str) -> Rule | None:
    """The rule with this code, name or alias (case-insensitive), if any."""
    wanted = name.strip().lower()
    for rule in all_rules():
        if wanted in (rule.code.lower(), rule.name, *rule.aliases):
            return rule
    return None
