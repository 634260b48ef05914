"""doi-mismatch: title AND first author disagree with the DOI's record."""

from __future__ import annotations

import re

from records_builders import found, ref, run, work

from citecheck.model.resolution import ReferenceResolution, Unavailable
from citecheck.model.settings import Settings
from citecheck.rules.records.doi_mismatch import RULE

ANSELL = (
    "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
    "Journal of Public Administration Research and Theory, 18(4), 543-571. "
    "https://doi.org/10.1371/journal.pone.0033693"
)
SADASIVAN = (
    "Sadasivan, S., Pond, B. B., Pani, A. K., Qu, C., Jiao, Y., & Smeyne, R. J. (2012). "
    "Methylphenidate exposure induces dopamine neuron loss and activation of microglia "
    "in the basal ganglia of mice. PLoS ONE, 7(3), e33693."
)


def test_doi_of_another_work() -> None:
    r = ref(
        ANSELL,
        "Ansell",
        "Gash",
        year="2008",
        title="Collaborative governance in theory and practice",
    )
    [f] = run(RULE, [r], {0: found(work("01"))})
    assert f.code == "CC203" and f.severity.value == "error"
    ev = f.evidence
    assert ev["source"] == "crossref" and ev["record_doi"] == "10.1371/journal.pone.0033693"
    assert ev["record_url"].startswith("http")
    assert ev["title"]["record"].startswith("Methylphenidate Exposure")
    assert ev["title"]["similarity"] < ev["title"]["threshold"]
    assert ev["first_author"]["record"] == "Sadasivan"
    assert ev["first_author"]["reference"] == "Ansell"
    assert f.confidence is not None and 0.5 <= f.confidence <= 0.99
    assert "Sadasivan" in f.message
    # what differs, in words; the similarities stay in the evidence
    assert "the title and the first author do not match the reference" in f.message
    assert "similarity" not in f.message and not re.search(r"\b0\.\d\d\b", f.message)


def test_the_right_work_even_when_parsing_failed() -> None:
    # Nothing parsed at all: the record's title and author are found in the string.
    assert run(RULE, [ref(SADASIVAN)], {0: found(work("01"))}) == []
    # Parsed, with a different case and a dropped diacritic.
    r = ref(SADASIVAN, "Sadasivan", title="Methylphenidate exposure induces dopamine neuron loss")
    assert run(RULE, [r], {0: found(work("01"))}) == []


def test_html_in_the_record_title() -> None:
    text = (
        "Xu, J., Qu, S., Sun, N., et al. (2021). Construction of a reference material panel "
        "for detecting KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA. J Clin Pathol, "
        "74(5), 314-320."
    )
    assert run(RULE, [ref(text, "Xu")], {0: found(work("02"))}) == []


def test_title_differs_but_author_agrees_is_not_a_mismatch() -> None:
    text = "Sadasivan, S. (2012). Ritalin and the brain of mice. PLoS ONE."
    r = ref(text, "Sadasivan", title="Ritalin and the brain of mice")
    assert run(RULE, [r], {0: found(work("01"))}) == []


def test_threshold_is_configurable_and_unavailable_is_silent() -> None:
    r = ref(ANSELL, "Ansell", title="Collaborative governance in theory and practice")
    strict = Settings(thresholds={"doi-mismatch.title": 0.1, "doi-mismatch.author": 0.1})
    assert run(RULE, [r], {0: found(work("01"))}, strict) == []
    down = ReferenceResolution(doi="10.1371/journal.pone.0033693", by_doi=Unavailable("timeout"))
    assert run(RULE, [r], {0: down}) == []
