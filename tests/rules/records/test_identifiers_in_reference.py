"""Regressions found by the end-to-end stand-in (tests/e2e).

* The digits and words of a DOI or URL are not the reference's volume, pages, year or
  journal: ``10.1126/science.169.3946.635`` holds the record's volume and first page,
  ``10.1136/jclinpath-2020-206745`` its online year and journal abbreviation.
* A number the parser gave to another field (the first page "1") is not evidence
  that the record's issue "1" is written in the reference.
* When the DOI names another work, that work's corrections, retractions and
  published versions are not reported for the cited one.
"""

from __future__ import annotations

from records_builders import body, found, ref, run, work

from citecheck.registry.doiorg import csl_to_record
from citecheck.rules.records import doi_mismatch, has_correction, metadata_mismatch

FRANK = (
    "Frank, H. S. (1970). The structure of ordinary water. Science, 169(3946), "
    "{pages}. https://doi.org/10.1126/science.169.3946.635"
)


def _frank(pages: str) -> list[object]:
    return [
        ref(
            FRANK.format(pages=pages),
            "Frank",
            year="1970",
            title="The structure of ordinary water",
            container="Science",
            volume="169",
            issue="3946",
            pages=pages,
            doi="10.1126/science.169.3946.635",
        )
    ]


def test_pages_written_only_in_the_doi_are_not_the_cited_pages() -> None:
    record = csl_to_record(body("07"))  # the real CSL-JSON of 10.1126/science.169.3946.635
    assert run(metadata_mismatch.RULE, _frank("635–641"), {0: found(record)}) == []  # type: ignore[arg-type]
    [f] = run(metadata_mismatch.RULE, _frank("653–661"), {0: found(record)})  # type: ignore[arg-type]
    [d] = f.evidence["differences"]
    assert d["field"] == "pages" and d["reference"] == "653–661" and d["record"] == "635-641"


def test_year_written_only_in_the_doi_is_not_the_cited_year() -> None:
    text = (
        "Xu, J., Qu, S., & Sun, N., et al. (2019). Construction of a reference material panel "
        "for detecting KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA. Journal of Clinical "
        "Pathology, 74(5), 314-320. https://doi.org/10.1136/jclinpath-2020-206745"
    )
    r = ref(
        text,
        "Xu",
        "Qu",
        "Sun",
        et_al=True,
        year="2019",
        volume="74",
        issue="5",
        pages="314-320",
        container="Journal of Clinical Pathology",
    )
    [f] = run(metadata_mismatch.RULE, [r], {0: found(work("02"))})
    assert [d["field"] for d in f.evidence["differences"]] == ["year"]


def test_journal_abbreviation_in_the_doi_is_not_the_cited_journal() -> None:
    text = (
        "Xu, J., Qu, S., & Sun, N., et al. (2021). Construction of a reference material panel "
        "for detecting KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA. Journal of Clinical "
        "Oncology, 74(5), 314-320. https://doi.org/10.1136/jclinpath-2020-206745"
    )
    r = ref(
        text,
        "Xu",
        "Qu",
        "Sun",
        et_al=True,
        year="2021",
        volume="74",
        issue="5",
        pages="314-320",
        container="Journal of Clinical Oncology",
    )
    [f] = run(metadata_mismatch.RULE, [r], {0: found(work("02"))})
    assert [d["field"] for d in f.evidence["differences"]] == ["container"]


def test_first_page_does_not_stand_in_for_the_issue() -> None:
    record = work("03")
    record.update({"volume": "22", "issue": "1", "page": "1-29"})
    record.pop("journal-issue", None)
    text = (
        "Lieber, R. L., et al. (1997). Growth hormone secretagogue increases muscle strength "
        "during remobilization after canine hindlimb immobilization. Journal of Orthopaedic "
        "Research, 22(3), 1-29."
    )
    r = ref(
        text,
        "Lieber",
        et_al=True,
        year="1997",
        volume="22",
        issue="3",
        pages="1-29",
        container="Journal of Orthopaedic Research",
    )
    [f] = run(metadata_mismatch.RULE, [r], {0: found(record)})
    [d] = f.evidence["differences"]
    assert (d["field"], d["reference"], d["record"]) == ("issue", "3", "1")
    # The parser's volume/issue mix-up is still not blamed on the author.
    swapped = r.model_copy(
        update={"volume": "3", "issue": "1", "text": text.replace("22(3)", "22(1)")}
    )
    assert run(metadata_mismatch.RULE, [swapped], {0: found(record)}) == []


def test_doi_of_another_work_reports_the_mismatch_not_its_corrections() -> None:
    # 10.1371/journal.pone.0033693 (a corrected PLoS ONE paper) given for Hollands (2008).
    text = (
        "Hollands, R. G. (2008). Will the real smart city please stand up? Intelligent, "
        "progressive or entrepreneurial? City, 12(3), 303-320. "
        "https://doi.org/10.1371/journal.pone.0033693"
    )
    r = ref(
        text,
        "Hollands",
        year="2008",
        title="Will the real smart city please stand up?",
        container="City",
        volume="12",
        issue="3",
        pages="303-320",
        doi="10.1371/journal.pone.0033693",
    )
    resolutions = {0: found(work("01"))}
    assert len(run(doi_mismatch.RULE, [r], resolutions)) == 1
    assert run(has_correction.RULE, [r], resolutions) == []
    # Cited as itself, the same record's correction is reported.
    own = ref(
        "Sadasivan, S., et al. (2012). Methylphenidate exposure induces dopamine neuron loss "
        "and activation of microglia in the basal ganglia of mice. PLoS ONE, 7(3), e33693.",
        "Sadasivan",
        et_al=True,
        year="2012",
        doi="10.1371/journal.pone.0033693",
    )
    assert len(run(has_correction.RULE, [own], resolutions)) == 1
