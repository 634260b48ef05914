"""retracted: updated-by retraction notices (publisher or Retraction Watch), titles, notices."""

from __future__ import annotations

from records_builders import body, found, ref, run, work

from citecheck.model.resolution import ReferenceResolution, Unavailable
from citecheck.rules.records.retracted import RULE

WAKEFIELD = (
    "Wakefield, A. J., et al. (1998). Ileal-lymphoid-nodular hyperplasia, non-specific "
    "colitis, and pervasive developmental disorder in children. The Lancet, 351, 637-641. "
    "https://doi.org/10.1016/S0140-6736(97)11096-0"
)


def test_publisher_retraction_among_other_notices() -> None:
    # Fixture 22 lists a corrigendum first and the retraction second: order is arbitrary.
    [f] = run(
        RULE,
        [ref("Carberry, J. (2008). Toward a unified theory ...", "Carberry")],
        {0: found(work("22"))},
    )
    assert f.code == "CC205" and f.severity.value == "error"
    assert "10.5555/24242424x" in f.message and "2009-09-14" in f.message
    [n] = f.evidence["notices"]
    assert n == {
        "doi": "10.5555/24242424x",
        "type": "retraction",
        "source": "publisher",
        "date": "2009-09-14",
        "label": "Retraction",
    }
    assert f.evidence["record_doi"] == "10.5555/12345678"


def test_retraction_watch_notice() -> None:
    # Fixture 23 is only the updated-by fragment; the record around it is built here.
    record = {"DOI": "10.1016/s0140-6736(97)11096-0", **body("23")}
    [f] = run(RULE, [ref(WAKEFIELD, "Wakefield")], {0: found(record)})
    assert "10.1016/s0140-6736(10)60175-4" in f.message and "2010-02-06" in f.message
    assert "retraction-watch" in f.message
    [n] = f.evidence["notices"]
    assert n["record_id"] == "4036" and n["source"] == "retraction-watch"


def test_retracted_title_without_notice() -> None:
    record = {"DOI": "10.1234/x", "title": ["RETRACTED: A study of something"]}
    [f] = run(RULE, [ref("A. (2001). A study of something.")], {0: found(record)})
    assert "RETRACTED" in f.message and f.evidence["record_title"].startswith("RETRACTED")


def test_citing_the_notice_itself_is_a_warning() -> None:
    notice = {
        "DOI": "10.1016/s0140-6736(10)60175-4",
        "title": ["Retraction—Ileal-lymphoid..."],
        "update-to": [
            {
                "DOI": "10.1016/s0140-6736(97)11096-0",
                "type": "retraction",
                "source": "publisher",
                "updated": {"date-parts": [[2010, 2, 6]]},
            }
        ],
    }
    [f] = run(RULE, [ref("The Editors of The Lancet (2010). Retraction.")], {0: found(notice)})
    assert f.severity.value == "warning" and "itself a retraction notice" in f.message


def test_corrected_but_not_retracted_and_unavailable() -> None:
    assert run(RULE, [ref("Sadasivan (2012)")], {0: found(work("01"))}) == []
    down = ReferenceResolution(doi="10.5555/12345678", by_doi=Unavailable("HTTP 429"))
    assert run(RULE, [ref("Carberry (2008)")], {0: down}) == []
