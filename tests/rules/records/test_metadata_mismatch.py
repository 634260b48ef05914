"""metadata-mismatch: fields that disagree with the record, one finding per reference."""

from __future__ import annotations

import pytest
from records_builders import found, ref, run, work

from citecheck.rules.records.metadata_mismatch import RULE

XU = (
    "Xu, J., Qu, S., Sun, N., Zhang, W., & Zhang, J. ({year}). Construction of a reference "
    "material panel for detecting KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA. "
    "{journal}, {volume}(5), {pages}."
)


def xu(
    year: str = "2021",
    journal: str = "Journal of Clinical Pathology",
    volume: str = "74",
    pages: str = "314-320",
    authors: tuple[str, ...] = ("Xu", "Qu", "Sun", "Zhang", "Zhang"),
):
    text = XU.format(year=year, journal=journal, volume=volume, pages=pages)
    return ref(
        text,
        *authors,
        year=year,
        container=journal,
        volume=volume,
        issue="5",
        pages=pages,
        title="Construction of a reference material panel for detecting "
        "KRAS/NRAS/EGFR/BRAF/MET mutations in plasma ctDNA",
        et_al=True,
    )


@pytest.mark.parametrize("year", ["2021", "2020"])  # print 2021, online 2020: both correct
def test_online_first_years_are_both_correct(year: str) -> None:
    assert run(RULE, [xu(year=year)], {0: found(work("02"))}) == []


def test_other_year_lists_the_record_dates() -> None:
    [f] = run(RULE, [xu(year="2019")], {0: found(work("02"))})
    assert f.code == "CC204" and f.severity.value == "warning"
    [d] = f.evidence["differences"]
    assert d["field"] == "year" and d["reference"] == "2019"
    assert d["record_dates"]["published-print"] == 2021
    assert d["record_dates"]["published-online"] == 2020
    assert "published-print 2021" in f.message and "published-online 2020" in f.message


def test_abbreviated_journal_and_pages_agree() -> None:
    r = xu(journal="J Clin Pathol", pages="314-20")
    assert run(RULE, [r], {0: found(work("02"))}) == []


def test_several_fields_in_one_finding() -> None:
    r = xu(journal="Journal of Clinical Oncology", volume="47", pages="114-120")
    [f] = run(RULE, [r], {0: found(work("02"))})
    fields = [d["field"] for d in f.evidence["differences"]]
    assert fields == ["volume", "pages", "container"]
    pages = f.evidence["differences"][1]
    assert pages["record"] == "314-320" and pages["reference"] == "114-120"
    assert f.evidence["record_doi"] == "10.1136/jclinpath-2020-206745"


def test_backfile_print_year_is_correct() -> None:
    # 10.1002/jor.1100150407: print 1997, online 2005 (digitised), issued 1997.
    text = (
        "Lieber, R. L., Jacks, T. M., Mohler, R. L., et al. (1997). Growth hormone "
        "secretagogue increases muscle strength during remobilization after canine hindlimb "
        "immobilization. Journal of Orthopaedic Research, 15(4), 519-527."
    )
    r = ref(
        text,
        "Lieber",
        "Jacks",
        "Mohler",
        et_al=True,
        year="1997",
        volume="15",
        issue="4",
        pages="519-527",
        container="Journal of Orthopaedic Research",
    )
    assert run(RULE, [r], {0: found(work("03"))}) == []
    wrong = ref(
        text.replace("1997", "1999"),
        "Lieber",
        year="1999",
        volume="15",
        pages="519-527",
        et_al=True,
    )
    [f] = run(RULE, [wrong], {0: found(work("03"))})
    assert f.evidence["differences"][0]["record_dates"] == {
        "published-print": 1997,
        "published-online": 2005,
        "issued": 1997,
        "journal-issue published-print": 1997,
    }


def test_misspelt_and_missing_authors() -> None:
    r = xu(authors=("Xu", "Qu", "Sunn"))
    text = r.text.replace("Sun, N., Zhang, W., & Zhang, J.", "& Sunn, N.")
    r = r.model_copy(update={"et_al": False, "text": text})
    [f] = run(RULE, [r], {0: found(work("02"))})
    [d] = f.evidence["differences"]
    assert d["field"] == "authors"
    assert d["misspelt"] == [{"reference": "Sunn", "record": "Sun"}]
    assert "Zhang" in d["missing"]


def test_names_the_parser_lost_are_not_missing() -> None:
    # The string names five authors and "et al."; the parser kept three and no et al.
    r = xu(authors=("Xu", "Qu", "Sun"))
    r = r.model_copy(
        update={"et_al": False, "text": r.text.replace("Zhang, J.", "Zhang, J., et al.")}
    )
    assert run(RULE, [r], {0: found(work("02"))}) == []
    # Without "et al.", the ten authors the record has beyond the five are missing.
    [f] = run(RULE, [r.model_copy(update={"text": xu().text})], {0: found(work("02"))})
    assert f.evidence["differences"][0]["missing"][:2] == ["Song", "Lin"]


def test_parser_mistake_is_not_blamed_on_the_author() -> None:
    # The parser read the issue as the volume, but "74" is in the string.
    r = xu().model_copy(update={"volume": "5"})
    assert run(RULE, [r], {0: found(work("02"))}) == []


def test_doi_of_another_work_is_left_to_doi_mismatch() -> None:
    text = "Ansell, C. (2008). Collaborative governance. JPART, 18(4), 543-571."
    r = ref(text, "Ansell", year="2008", title="Collaborative governance", volume="18")
    assert run(RULE, [r], {0: found(work("02"))}) == []
