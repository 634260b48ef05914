"""What reporters know about rules: summary, documentation and where it is published.

Reporters render what they are handed: the rules' :class:`RuleInfo` comes with the
report (``Report.rules``, filled by the engine), or as an argument (tests pass a fixed
catalogue so golden files do not change when a rule's wording does). They never import
the rules.
"""

from __future__ import annotations

from collections.abc import Mapping

from citecheck.model.findings import Report, RuleInfo

PROJECT_URL = "https://github.com/citecheck/citecheck"

__all__ = ["PROJECT_URL", "RuleCatalogue", "RuleInfo", "catalogue_for", "docs_url", "info_for"]

RuleCatalogue = Mapping[str, RuleInfo]  # keyed by rule name (kebab-case)


def docs_url(name: str) -> str:
    """The rule's section of ``docs/rules.md`` on the project site."""
    return f"{PROJECT_URL}/blob/main/docs/rules.md#{name}"


def catalogue_for(report: Report, rules: RuleCatalogue | None) -> RuleCatalogue:
    """``rules`` when given, else the rules that came with the report, keyed by name."""
    if rules is not None:
        return rules
    return {r.name: r for r in report.rules}


def info_for(catalogue: RuleCatalogue, *, name: str, code: str) -> RuleInfo:
    """The catalogue entry for a rule, or a bare one when the rule is unknown."""
    return catalogue.get(name) or RuleInfo(code=code, name=name)
