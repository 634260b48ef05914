"""Names the reference list vouches for: places, labels and bare acronyms as authors."""

from __future__ import annotations

import pytest

from citecheck.citations import extract_citations
from citecheck.citations.known import is_known, known_keys, listed_names
from citecheck.model.document import Author, Location, Reference

LISTED = (
    "Republik Indonesia",
    "The Lancet",
    "World Health Organization",
    "WHO",
    "Indonesia",
    "Müller",
)


def cites(
    text: str, listed: tuple[str, ...] = LISTED
) -> list[tuple[tuple[str, ...], str | None, str]]:
    found = extract_citations(text, path="x.md", listed_authors=listed)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.authors, c.year, c.text) for c in found]


@pytest.mark.parametrize(
    ("text", "authors", "year"),
    [
        ("Kewenangan ini diatur (Republik Indonesia, 2014).", ("Republik Indonesia",), "2014"),
        (
            "Hal ini diatur oleh Republik Indonesia (2014) secara rinci.",
            ("Republik Indonesia",),
            "2014",
        ),
        ("Menurut data Indonesia (2019), angka itu naik.", ("Indonesia",), "2019"),
        ("As argued (The Lancet, 2010), health matters.", ("The Lancet",), "2010"),
        ("The Lancet (2010) argued the same.", ("The Lancet",), "2010"),
        ("Rates rose (WHO 2008).", ("WHO",), "2008"),
        ("Rates rose (REPUBLIK INDONESIA, 2014).", ("REPUBLIK INDONESIA",), "2014"),
    ],
)
def test_listed_name_is_an_author(text: str, authors: tuple[str, ...], year: str) -> None:
    got = cites(text)
    assert [(a, y) for a, y, _ in got] == [(authors, year)]


@pytest.mark.parametrize(
    "text",
    [
        "Kewenangan ini diatur (Republik Indonesia, 2014).",
        "Menurut data Indonesia (2019), angka itu naik.",
        "The Lancet (2010) argued the same.",
        "Rates rose (WHO 2008).",
    ],
)
def test_without_listed_names_nothing_changes(text: str) -> None:
    assert cites(text, ()) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pertumbuhan ekonomi Malaysia (2019) melambat.",  # a place the list does not name
        "Data dikumpulkan (Jakarta, 2021).",
        "Data dikumpulkan pada (Maret 2021).",
        "Indonesia (n = 120) and 2019 were compared.",  # a listed name needs a year
        "The burden was large (GBD 2010).",  # an acronym the list does not name
    ],
)
def test_unlisted_place_label_or_acronym_is_still_rejected(text: str) -> None:
    assert cites(text) == []


def test_listed_name_must_match_whole_not_a_part() -> None:
    # "Indonesia" is listed but "Republik Indonesia" is the name in the bracket: the
    # whole author part must be names, so only a listed run at its end may stand.
    assert cites("(Republik Indonesia, 2014)", ("Indonesia",)) == [
        (("Indonesia",), "2014", "Indonesia, 2014")
    ]
    assert cites("(Kota Jakarta Barat, 2014)", ("Jakarta",)) == []


def test_article_is_kept_only_when_the_list_has_it() -> None:
    # "World Health Organization" is listed without "The": the article is prose.
    got = cites("The World Health Organization (2020) warned.", ("World Health Organization",))
    assert [a for a, _, _ in got] == [("World Health Organization",)]


def test_keys_ignore_case_diacritics_punctuation_and_the() -> None:
    known = known_keys(["The Lancet", "Müller", "Kementerian Dalam-Negeri", None, ""])
    assert is_known("lancet", known)
    assert is_known("THE LANCET", known)
    assert is_known("Muller", known)
    assert is_known("Kementerian Dalam Negeri", known)
    assert not is_known("Lancet Oncology", known)
    assert not is_known("Indonesia", frozenset())


def test_listed_names_takes_first_authors_and_abbreviations() -> None:
    at = Location(path="x.md", line=1, column=1)
    who = Author(family="World Health Organization", corporate=True, abbreviation="WHO")
    refs = [
        Reference(text="a", authors=(who, Author(family="Smith")), location=at),
        Reference(text="b", authors=(Author(family="Republik Indonesia"),), location=at),
        Reference(text="c", location=at),
    ]
    assert listed_names(refs) == ["World Health Organization", "WHO", "Republik Indonesia"]


@pytest.mark.parametrize(
    ("text", "heads"),
    [
        (
            "[ANRI] Arsip Nasional Republik Tengah. 2016. Laporan.",
            ["ANRI", "Arsip Nasional Republik Tengah"],
        ),
        ("[GraphStore]. 2017. GraphStore Manual.", ["GraphStore"]),
        ("catatanku. (2018, maret 3). catatanku.", ["catatanku"]),
        ("2006. A handbook without an author.", []),
        ("A long title of a report that runs on and on, 2019.", []),
    ],
)
def test_heads_of_entries_without_parsed_authors(text: str, heads: list[str]) -> None:
    from citecheck.citations.known import entry_heads

    assert entry_heads(text) == heads


def test_a_lower_case_name_counts_only_as_listed() -> None:
    assert cites("Lihat (catatanku, 2018).", ("catatanku",)) == [
        (("catatanku",), "2018", "catatanku, 2018")
    ]
    assert cites("Lihat (catatanku, 2018).", ()) == []


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Scoring drifts (Shermis, 2014; Ke & Ng, 2019).", [("Shermis",), ("Ke", "Ng")]),
        ("Scoring drifts (Ke, 2019).", [("Ke",)]),
        ("As Ke and Ng (2019) show, scoring drifts.", [("Ke", "Ng")]),
        # unlisted, "Ke" stays Indonesian "to" and is cut off as before
        ("Data dikirim ke server Sugiyono (2019).", [("Sugiyono",)]),
    ],
)
def test_a_listed_surname_that_is_also_a_function_word(
    text: str, authors: list[tuple[str, ...]]
) -> None:
    # "Ke" (Indonesian "to") and "Di" ("in") are cut off before names; a list whose
    # first author is Ke vouches for it as a surname
    assert [a for a, _y, _t in cites(text, ("Ke", "Shermis", "Sugiyono"))] == authors
