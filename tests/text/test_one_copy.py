"""Knowledge kept once in citecheck/text and read the same way by every stage."""

from __future__ import annotations

import pytest

from citecheck.citations import extract_citations
from citecheck.citations.known import is_known, known_keys
from citecheck.linking import link
from citecheck.loaders.markdown import parse_markdown
from citecheck.references import parse_reference
from citecheck.registry.matching import authors as record_authors
from citecheck.text import lexicon, names
from citecheck.text.doi import DOI_PREFIX, strip_identifiers
from citecheck.text.years import IN_PRESS_PHRASES, NO_DATE_PHRASES, parse_year


def test_one_particle_list() -> None:
    assert names.PARTICLES is lexicon.PARTICLES is record_authors.PARTICLES
    assert {"vom", "degli", "ibn", "bint"} <= lexicon.PARTICLES
    assert not {"mac", "st"} & lexicon.PARTICLES  # prefixes, not particles


def test_particles_are_dropped_alike_by_linker_and_record_matching() -> None:
    for particled, bare in (("vom Stein", "Stein"), ("degli Esposti", "Esposti")):
        assert names.name_key(particled).core == names.name_key(bare).core
        assert record_authors.surname_similarity(particled, bare) == 1.0


@pytest.mark.parametrize("spelling", ["O'Brien", "O’Brien", "OBrien", "O`Brien", "o'brien"])
def test_one_key_for_obrien(spelling: str) -> None:
    assert names.fold(spelling) == "obrien"
    assert is_known(spelling, known_keys(["O’Brien"]))
    assert record_authors.surname_variants(spelling) == {"obrien"}


def test_apostrophe_names_are_not_one_letter_names() -> None:
    # The record matcher once split "O'Brien" into "o" + "brien" and accepted any "O'...".
    assert record_authors.surname_similarity("O'Brien", "O'Neil") < 0.9
    assert record_authors.name_in_text("O’Brien", "Smith, J., & OBrien, K. (2019).") == 1.0


def test_diacritics_are_folded_alike_for_names_and_titles() -> None:
    from citecheck.text.folding import fold as fold_title

    for text in ("Łódź", "Ærø", "Þórsdóttir", "Müller"):
        assert names.fold(text) == fold_title(text).casefold()


@pytest.mark.parametrize(
    "year", ["tanpa tahun", "Tanpa Tahun", "t.t.", "n.d.", "s.a.", "no date", "o. J."]
)
def test_no_date_is_a_citation_year(year: str) -> None:
    [c] = extract_citations(f"Sudah lama dibahas (Santoso, {year}).", path="p.md")
    assert c.authors == ("Santoso",)
    assert c.year == year.lower().replace(". ", ".")  # as the extractor spells it
    assert parse_year(c.year).kind == "nd"


@pytest.mark.parametrize("year", ["in press", "sedang terbit", "akan terbit", "accepted"])
def test_in_press_is_a_citation_year(year: str) -> None:
    [c] = extract_citations(f"Seperti dilaporkan (Wijaya, {year}).", path="p.md")
    assert c.year == year and parse_year(c.year).kind == "press"


def test_tanpa_tahun_citation_links_to_its_undated_entry() -> None:
    text = (
        "Kebijakan ini sudah lama dibahas (Santoso, tanpa tahun).\n\n"
        "# Daftar Pustaka\n\n"
        "Santoso, B. (t.t.). Kebijakan publik di daerah. Yogyakarta: Pustaka.\n"
    )
    doc = parse_markdown(text, "p.md")
    assert [c.year for c in doc.citations] == ["tanpa tahun"]
    [ln] = link(doc).links
    assert (ln.status, ln.reference) == ("exact", 0)


def test_reference_parser_reads_every_phrase() -> None:
    for phrase in (*NO_DATE_PHRASES, *IN_PRESS_PHRASES):
        parsed = parse_reference(f"Santoso, B. ({phrase}). Kebijakan publik di daerah. Pustaka.")
        assert parse_year(parsed.year).kind in ("nd", "press"), (phrase, parsed.year)


def test_doi_with_registrant_subcode_is_one_identifier() -> None:
    assert "10.1000.10/abc" not in strip_identifiers("See 10.1000.10/abc here")
    assert DOI_PREFIX.startswith("10")
