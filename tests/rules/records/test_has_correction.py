"""has-correction: correction, erratum, corrigendum ... notices, as information."""

from __future__ import annotations

from records_builders import found, ref, run, work

from citecheck.rules.records.has_correction import RULE


def test_publisher_correction() -> None:
    [f] = run(
        RULE,
        [ref("Sadasivan, S. (2012). Methylphenidate ...", "Sadasivan")],
        {0: found(work("01"))},
    )
    assert f.code == "CC207" and f.severity.value == "info"
    assert "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda" in f.message
    assert "2012-05-08" in f.message
    assert f.evidence["notices"][0]["source"] == "publisher"


def test_in_place_corrigendum() -> None:
    # Fixture 22: the corrigendum's DOI is the record's own (update-to itself).
    [f] = run(
        RULE, [ref("Carberry, J. (2008). Toward a unified theory ...")], {0: found(work("22"))}
    )
    assert "in-place notice" in f.message
    assert [n["type"] for n in f.evidence["notices"]] == ["corrigendum"]


def test_retraction_watch_correction() -> None:
    record = {
        "DOI": "10.1016/s0140-6736(97)11096-0",
        "updated-by": [
            {
                "DOI": "10.1016/s0140-6736(04)15715-2",
                "type": "correction",
                "source": "retraction-watch",
                "updated": {"date-time": "2004-03-06T00:00:00Z"},
                "record-id": "17269",
            }
        ],
    }
    [f] = run(RULE, [ref("Wakefield, A. J. (1998).")], {0: found(record)})
    assert "2004-03-06" in f.message and "retraction-watch" in f.message


def test_no_notices() -> None:
    assert run(RULE, [ref("Xu, J. (2021).")], {0: found(work("02"))}) == []
