"""DOI and URL extraction and normalisation."""

from __future__ import annotations

import pytest

from citecheck.text.doi import doi_looks_valid, extract_doi, extract_url, normalise_doi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("doi:10.1000/xyz123.", "10.1000/xyz123"),
        ("DOI: 10.1093/jopart/mum032", "10.1093/jopart/mum032"),
        ("https://doi.org/10.1093/JOPART/mum032.", "10.1093/JOPART/mum032"),
        ("http://dx.doi.org/10.1016/0039-6028(82)90594-5,", "10.1016/0039-6028(82)90594-5"),
        ("(see https://doi.org/10.1234/abc)", "10.1234/abc"),
        ("[https://doi.org/10.1234/abc]", "10.1234/abc"),
        (
            "Biomaterials. https://doi.org/10.1002/(SICI)1097-4636(199907)46:1<1::AID-JBM1>3.0.CO;2-9.",
            "10.1002/(SICI)1097-4636(199907)46:1<1::AID-JBM1>3.0.CO;2-9",
        ),
        ("Jurnal 5(2), 1-10. 10.31004/basicedu.v5i2.845", "10.31004/basicedu.v5i2.845"),
        ("(doi:10. \n1111/j.1745-6924.2009.01132.x)", "10.1111/j.1745-6924.2009.01132.x"),
        ("https://doi.org/10.1000%2Fabc", "10.1000/abc"),
    ],
)
def test_extract_doi(text: str, expected: str) -> None:
    assert extract_doi(text) == expected


@pytest.mark.parametrize("text", ["no doi here", "vol. 210.1234", "ISBN 978-3-16-148410-0", ""])
def test_extract_doi_none(text: str) -> None:
    assert extract_doi(text) is None


def test_normalise_doi_lowercases_and_strips_prefixes() -> None:
    assert normalise_doi("https://doi.org/10.1093/JOPART/mum032.") == "10.1093/jopart/mum032"
    assert normalise_doi("doi: 10.1000/ABC;") == "10.1000/abc"
    assert normalise_doi("http://dx.doi.org/10.1000/x)") == "10.1000/x"
    assert normalise_doi("10.1016/0039-6028(82)90594-5") == "10.1016/0039-6028(82)90594-5"


def test_normalise_doi_rejects_non_dois() -> None:
    assert normalise_doi("not a doi") is None
    assert normalise_doi(None) is None
    assert normalise_doi("10.12/x") is None  # registrant too short


def test_doi_looks_valid() -> None:
    assert doi_looks_valid("10.1000/xyz")
    assert not doi_looks_valid("10.10/xyz")
    assert not doi_looks_valid("11.1000/xyz")


def test_extract_url_trims_punctuation() -> None:
    assert extract_url("Retrieved from https://www.who.int/news/item/1.") == (
        "https://www.who.int/news/item/1"
    )
    assert extract_url("(https://en.wikipedia.org/wiki/Foo_(bar))") == (
        "https://en.wikipedia.org/wiki/Foo_(bar)"
    )
    assert extract_url("no url") is None
