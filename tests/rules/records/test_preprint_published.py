"""preprint-published: a cited preprint whose record links its published version."""

from __future__ import annotations

from records_builders import found, ref, run, work

from citecheck.rules.records.preprint_published import RULE, published_versions

TEXT = (
    "Joyce, L. R., et al. (2020). Identification of a novel cationic glycolipid in "
    "Streptococcus agalactiae that contributes to brain entry and meningitis. bioRxiv. "
    "https://doi.org/10.1101/2020.12.01.406702"
)


def test_preprint_with_is_preprint_of() -> None:
    # Fixture 15 is a real bioRxiv record with "relation": {}; the link is added here.
    record = work("15")
    record["relation"] = {
        "is-preprint-of": [
            {"id-type": "doi", "id": "10.1234/journal.5678", "asserted-by": "subject"}
        ]
    }
    [f] = run(RULE, [ref(TEXT, "Joyce")], {0: found(record)})
    assert f.code == "CC208" and f.severity.value == "warning"
    assert "10.1234/journal.5678" in f.message
    assert f.evidence["published_versions"][0]["relation"] == "is-preprint-of"
    assert f.evidence["record_type"] == "posted-content" and f.confidence == 1.0


def test_preprint_without_link_and_article_with_preprint() -> None:
    assert run(RULE, [ref(TEXT, "Joyce")], {0: found(work("15"))}) == []
    # Fixture 21: a journal article that *has* a preprint is what should be cited.
    assert (
        run(RULE, [ref("Perkins, T. A. (2016). After the games are over.")], {0: found(work("21"))})
        == []
    )


def test_version_links_to_other_preprints_are_not_publications() -> None:
    record = {
        "relation": {
            "is-version-of": [
                {"id-type": "doi", "id": "10.1101/2020.11.30.1"},
                {"id-type": "doi", "id": "10.1002/ece3.2314"},
            ]
        }
    }
    assert published_versions(record) == [("10.1002/ece3.2314", "is-version-of")]
