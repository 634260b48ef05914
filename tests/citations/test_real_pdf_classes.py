"""Misreadings found on real PDFs (issue 11), each from our own minimal example:
a "/" between authors, an example reference list quoted in brackets, a count read
as a year, an outline heading read into a narrative citation's names."""

from __future__ import annotations

from collections.abc import Callable


def test_slash_joins_authors(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    got = pairs("Data came from a tool (Acme Survey Team / Jane Doe, 2015) and (Roe/Poe, 2016).")
    assert got == [(("Acme Survey Team / Jane Doe",), "2015"), (("Roe", "Poe"), "2016")]


def test_and_or_is_not_a_name_list(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    assert pairs("Users and/or Smith (2019) agree.") == [(("Smith",), "2019")]


def test_reference_entry_in_brackets_is_not_a_citation(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    text = (
        "[3] A. Brown, Theory (Transl.: in B. Green, Ed., The Theory of Games. "
        "London: Wileyson, 1950, ch. 2, sec. 4, pp. 10-20)."
    )
    assert [p for p in pairs(text) if p[0]] == []


def test_label_before_names_still_cites(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    text = (
        "(Figure 1. Source: Smith, 2019), (Table 2. Note: Jones, 2018), "
        "(Gambar 1. Sumber: Badan Pusat Statistik, 2020), (for a review: Lee, 2017)."
    )
    assert pairs(text) == [
        (("Smith",), "2019"),
        (("Jones",), "2018"),
        (("Badan Pusat Statistik",), "2020"),
        (("Lee",), "2017"),
    ]


def test_count_after_a_name_is_not_a_year(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    text = (
        "The corpus ABCD (2018 sentences in all) grew. Smith (2010 for a review) and "
        "Lee (2012 as cited) and (Kim, 2013 reviews this) stay."
    )
    assert pairs(text) == [(("Smith",), "2010"), (("Lee",), "2012"), (("Kim",), "2013")]


def test_outline_heading_not_read_into_names(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    text = "Teks selesai.\n2.1.4 Persediaan\nA. Pengertian\nAlexandri (2009:135) menjelaskan."
    assert pairs(text) == [(("Alexandri",), "2009")]


def test_names_wrapped_after_an_initial_stay_whole(
    pairs: Callable[..., list[tuple[tuple[str, ...], str | None]]],
) -> None:
    assert pairs("as shown by\nA. Smith\nand B. Jones (2019) here.") == [
        (("Smith", "Jones"), "2019")
    ]
    assert pairs("as shown by\nA. Smith and\nB. Jones (2019) here.") == [
        (("Smith", "Jones"), "2019")
    ]
