"""parse-error: one finding per loader problem."""

from __future__ import annotations

from citecheck.model.document import Document, Location, Problem
from citecheck.model.links import Links
from citecheck.model.settings import Settings
from citecheck.rules.base import RuleContext
from citecheck.rules.input.parse_error import RULE


def test_one_finding_per_problem() -> None:
    where = Location(path="refs.bib", line=7, column=3)
    doc = Document(
        path="paper.md",
        format="markdown",
        problems=(
            Problem(
                message="refs.bib: entry 'smith2019' has an unclosed brace",
                location=where,
                evidence={"entry": "smith2019"},
            ),
            Problem(message="second", location=Location(path="refs.bib", line=20)),
        ),
    )
    found = list(RULE.check(RuleContext(document=doc, links=Links(), settings=Settings())))
    assert [f.message for f in found] == [
        "refs.bib: entry 'smith2019' has an unclosed brace",
        "second",
    ]
    assert found[0].location == where and found[0].evidence["entry"] == "smith2019"
    assert found[0].code == "CC001" and found[0].severity.value == "error"


def test_no_problem_no_finding() -> None:
    doc = Document(path="paper.md", format="markdown")
    assert list(RULE.check(RuleContext(document=doc, links=Links(), settings=Settings()))) == []
