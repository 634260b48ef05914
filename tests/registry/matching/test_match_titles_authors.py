"""Titles aligned in the reference string, and surnames."""

from __future__ import annotations

from citecheck.model.document import Author, Location, Reference
from citecheck.registry.matching.authors import (
    compare_author_lists,
    name_in_text,
    surname_similarity,
)
from citecheck.registry.matching.record import RecordAuthor, view
from citecheck.registry.matching.titles import title_similarity

LOC = Location(path="x")


def score(text: str, title: str, parsed: str | None = None) -> float:
    ref = Reference(text=text, title=parsed, location=LOC)
    return title_similarity(ref, view({"title": [title]})).score


def test_title_found_in_a_wrapped_pdf_string() -> None:
    text = (
        "Wong GK, Poon WS (2010) Intravenous magnesium sulphate for aneurysmal sub-\n"
        "arachnoid hemorrhage (IMASH): a randomized trial. Stroke 41:921-926"
    )
    assert (
        score(
            text,
            "Intravenous magnesium sulphate for aneurysmal subarachnoid "
            "hemorrhage (IMASH): a randomized trial",
        )
        == 1.0
    )


def test_part_of_a_longer_title_is_not_the_title() -> None:
    text = (
        "Chirkov, V. (2009). Introduction to the special issue on Critical Acculturation "
        "Psychology. International Journal of Intercultural Relations, 33(2), 87-93."
    )
    assert score(text, "Introduction to the special issue") < 0.6
    assert (
        score(text, "Introduction to the special issue on critical acculturation psychology") == 1.0
    )


def test_subtitle_and_author_colon() -> None:
    # BMC style: "Authors: Title." The colon after initials ends the author list.
    text = "Powell LV: Caries prediction: a review of the literature. Community Dent Oral Epidemiol"
    assert score(text, "Caries prediction: a review of the literature") == 1.0
    # The record's main title is another work's when the reference goes on differently.
    text2 = "Hovland, C. I. (1953). Communication and persuasion; psychological studies. Yale."
    assert score(text2, "Communication and persuasion: Central and peripheral routes") < 0.85


def test_short_titles_only_as_whole_words() -> None:
    assert score("Moore, A. F. (2001). U2. Oxford Music Online.", "U2") == 1.0
    assert score("Moore, A. F. (2001). U2 live in Dublin. Oxford.", "U2") < 0.5


def test_parsed_title_with_markup_in_the_record() -> None:
    ref_title = "Construction of a reference material panel for detecting KRAS/NRAS mutations"
    rec_title = (
        "Construction of a reference material panel for detecting <i>KRAS</i>/<i>NRAS</i> mutations"
    )
    assert score("x", rec_title, parsed=ref_title) == 1.0


def test_surnames() -> None:
    assert surname_similarity("Rodríguez Bolívar", "Bolivar") == 1.0
    assert surname_similarity("De Valk", "Valk") == 1.0
    assert surname_similarity("van der Merwe", "Van der Merwe") == 1.0
    assert surname_similarity("Smith", "Jones") < 0.5
    assert name_in_text("Bolikowski", "P. Szostek and Ł. Bolikowski, CERMINE") == 1.0
    assert name_in_text("赵可沦", "赵可沦. (2017). Investigation") == 1.0


def test_author_lists() -> None:
    refs = tuple(Author(family=f) for f in ("Xu", "Qu", "Sunn"))
    recs = tuple(RecordAuthor(f) for f in ("Xu", "Qu", "Sun", "Zhang"))
    diff = compare_author_lists(refs, recs, truncated=False, same=0.9, similar=0.75)
    assert diff.misspelt == (("Sunn", "Sun"),) and diff.missing == ("Zhang",) and not diff.extra
    cut = compare_author_lists(refs[:2], recs, truncated=True, same=0.9, similar=0.75)
    assert cut.empty
