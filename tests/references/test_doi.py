"""DOI and URL extraction and normalisation."""

from __future__ import annotations

import pytest

from citecheck.text.doi import doi_looks_valid, extract_doi, extract_url, find_doi, normalise_doi


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


def test_publisher_address_page_names_are_not_part_of_the_doi() -> None:
    # Our own addresses, in the shapes publishers' landing pages take.
    cases = {
        "http://journal.example.org/article/10.5555/fenvs.2015.00080/full": "10.5555/fenvs.2015.00080",
        "https://onlinelibrary.example.com/doi/10.5555/ece3.2314/abstract.": "10.5555/ece3.2314",
        "https://academic.example.com/bioinformatics/article-abstract/doi/10.5555/bioinf/btx196"
        "/3611270/Removal-of-Batch-Effects": "10.5555/bioinf/btx196",
        "https://example.org/doi/pdf/10.5555/abc.1/epdf": "10.5555/abc.1",
    }
    for text, doi in cases.items():
        assert extract_doi(f"Lestari, A. (2019). A title. {text}") == doi


def test_doi_org_addresses_and_doi_suffixes_are_kept_whole() -> None:
    # At doi.org the whole path is the DOI, however it ends; elsewhere a suffix part
    # that is not a page name stays.
    assert extract_doi("https://doi.org/10.5555/abc/full") == "10.5555/abc/full"
    assert extract_doi("doi:10.5555/abc/full") == "10.5555/abc/full"
    assert extract_doi("https://example.org/10.5555/abcd/12345") == "10.5555/abcd/12345"
    assert extract_doi("https://example.org/record/10.5555/DVN/TJCLKP") == "10.5555/DVN/TJCLKP"


def test_the_span_of_a_doi_in_a_publisher_address_covers_its_page_names() -> None:
    text = "Title. https://academic.example.com/doi/10.5555/bioinf/btx196/3611270/Removal-of-Batch"
    found = find_doi(text)
    assert found is not None
    doi, start, end = found
    assert doi == "10.5555/bioinf/btx196" and text[start:end].endswith("/3611270/Removal-of-Batch")


def test_a_reference_keeps_a_publisher_address_whole_and_its_doi() -> None:
    from citecheck.references import parse_reference

    address = "https://academic.example.com/doi/10.5555/bioinf/btx196/3611270/Removal-of-Batch"
    parsed = parse_reference(f"Removal of batch effects with residual networks. {address}")
    assert parsed.doi == "10.5555/bioinf/btx196"
    assert parsed.url == address  # never cut at the DOI into a head that is no page
    assert parsed.container is None  # the page names are not a journal
