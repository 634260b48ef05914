"""expression-of-concern: an expression_of_concern notice in updated-by."""

from __future__ import annotations

from records_builders import found, ref, run, work

from citecheck.rules.records.expression_of_concern import RULE

TEXT = (
    "Sadasivan, S., et al. (2012). Methylphenidate exposure induces dopamine neuron loss. "
    "PLoS ONE, 7(3), e33693."
)


def test_expression_of_concern() -> None:
    # Fixture 01 with its real correction notice turned into an expression of concern
    # (built here: no recorded body with one was found).
    record = work("01")
    record["updated-by"][0].update(type="expression_of_concern", label="Expression of Concern")
    [f] = run(RULE, [ref(TEXT, "Sadasivan")], {0: found(record)})
    assert f.code == "CC206" and f.severity.value == "warning"
    assert "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda" in f.message
    assert f.evidence["notices"][0]["type"] == "expression_of_concern"


def test_correction_only() -> None:
    assert run(RULE, [ref(TEXT, "Sadasivan")], {0: found(work("01"))}) == []
