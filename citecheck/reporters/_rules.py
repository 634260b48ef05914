"""What reporters know about rules: summary, documentation and where it is published.

Reporters take this catalogue as an argument (tests pass a fixed one so golden files
do not change when a rule's wording does); by default it is read from the rule
registry, imported lazily so that plain text output never pays for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PROJECT_URL = "https://github.com/citecheck/citecheck"


@dataclass(frozen=True)
class RuleInfo:
    """The parts of a rule a report shows: identity, default severity, docs."""

    code: str
    name: str
    severity: str = "warning"
    summary: str = ""
    doc: str = ""


RuleCatalogue = Mapping[str, RuleInfo]  # keyed by rule name (kebab-case)


def docs_url(name: str) -> str:
    """The rule's section of ``docs/rules.md`` on the project site."""
    return f"{PROJECT_URL}/blob/main/docs/rules.md#{name}"


def default_catalogue() -> dict[str, RuleInfo]:
    """Every registered rule, keyed by name."""
    from citecheck.rules import all_rules  # lazy: reporters otherwise import only findings

    return {
        r.name: RuleInfo(
            code=r.code,
            name=r.name,
            severity=r.severity.value,
            summary=r.summary,
            doc=clean_doc(r.doc),
        )
        for r in all_rules()
    }


def clean_doc(doc: str) -> str:
    """A docstring without its common indentation and surrounding blank lines."""
    import inspect

    return inspect.cleandoc(doc) if doc else ""


def info_for(catalogue: RuleCatalogue, *, name: str, code: str) -> RuleInfo:
    """The catalogue entry for a rule, or a bare one when the rule is unknown."""
    return catalogue.get(name) or RuleInfo(code=code, name=name)
