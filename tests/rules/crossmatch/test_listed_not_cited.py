"""listed-not-cited: entries no citation links to."""

from __future__ import annotations

from crossmatch_builders import cit, doc, ref, run

from citecheck.model.document import Document, Reference
from citecheck.model.settings import Settings
from citecheck.rules.crossmatch.listed_not_cited import RULE


def _doc() -> Document:
    return doc(
        [
            cit("(Ansell & Gash, 2008)", "Ansell", "Gash", year="2008"),
            cit("Rahmawati (2020)", "Rahmawati", year="2020"),
            cit("(Emerson, 2011)", "Emerson", year="2011"),
        ],
        [
            ref("Ansell", "Gash", year="2008"),
            ref("Rahnawati", year="2020"),
            ref("Emerson", year="2012"),
            ref(
                "Wahyudi",
                year="2018",
                key="wahyudi2018",
                text="Wahyudi, T. (2018). Inovasi pelayanan publik.",
            ),
        ],
    )


def test_only_the_uncited_entry() -> None:
    [f] = run(RULE, _doc())
    assert f.code == "CC102" and f.severity.value == "warning"
    assert (
        f.message
        == "Reference entry 'Wahyudi, T. (2018). Inovasi pelayanan publik.' is never cited in the text"
    )
    assert f.location is not None and f.location.line == 103
    assert f.reference is not None and f.reference["year"] == "2018"


def test_allow_uncited_by_key_or_text() -> None:
    assert run(RULE, _doc(), Settings(allow_uncited=("wahyudi2018",))) == []
    assert run(RULE, _doc(), Settings(allow_uncited=("Wahyudi, T. (2018)",))) == []


def test_shared_bibliography_is_not_checked() -> None:
    d = doc(
        [cit("(Ansell, 2008)", "Ansell", year="2008")],
        [ref("Ansell", year="2008"), ref("Other", year="2001")],
        allow_uncited=True,
    )
    assert run(RULE, d) == []


def test_a_typed_list_with_no_citation_read_is_one_error() -> None:
    # Either a reading list or citations in a form not read: the entries were not
    # checked against the text, so the manuscript must not pass; one finding, not one each.
    refs = [ref(f"Author{i}", year="2001") for i in range(7)]
    [f] = run(RULE, doc([], refs))
    assert f.severity.value == "error"
    assert f.message.startswith("No in-text citation was read, so none of the 7 listed")
    assert "and 2 more" in f.message
    assert f.evidence["citations_read"] == 0 and f.evidence["uncited"] == 7
    assert f.location is not None and f.location.line == 100


def test_no_citation_and_a_further_reading_list_allowed() -> None:
    d = doc([], [ref("Ansell", year="2008", key="a")])
    assert run(RULE, d, Settings(allow_uncited=("a",))) == []
    # everything printed on purpose (\nocite{*}) and nothing cited: one warning, since
    # nothing was checked against the text
    [f] = run(RULE, doc([], [ref("Ansell", year="2008")], allow_uncited=True))
    assert f.severity.value == "warning" and f.evidence["printed_by"] == "nocite"


def test_no_citation_with_a_declared_database_is_one_warning() -> None:
    # A manuscript declaring a .bib of which not one citation is read was not checked
    # (a template's unused .bib, or chapters and citations not found): one warning,
    # not a pass; a reference file checked on its own reports nothing.
    database = ref("Ansell", year="2008").model_copy(update={"source": "bibtex"})
    [f] = run(RULE, doc([], [database, database], cited_only_database=True))
    assert f.severity.value == "warning" and "database of 2 entries" in f.message
    alone = doc([], [ref("Ansell", year="2008")]).model_copy(update={"format": "references"})
    assert run(RULE, alone) == []


def test_ambiguous_candidates_count_as_cited() -> None:
    d = doc(
        [cit("(Smith, 2020)", "Smith", year="2020")],
        [ref("Smith", year="2020a"), ref("Smith", year="2020b")],
    )
    assert run(RULE, d) == []


def test_numbered_list() -> None:
    d = doc(
        [cit("[1]", style="numeric", number=1)],
        [ref("Owens", year="2014", number=1), ref("Bartel", year="2015", number=2)],
    )
    [f] = run(RULE, d)
    assert f.message.startswith("Reference entry [2] ")


def _statute_doc(prose: str) -> Document:
    law = ref(
        "Republik Indonesia",
        year="2014",
        title="Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
        text="Republik Indonesia. (2014). Undang-Undang Nomor 23 Tahun 2014 tentang "
        "Pemerintahan Daerah. Jakarta: Sekretariat Negara.",
    )
    d = doc(
        [cit("(Ansell & Gash, 2008)", "Ansell", "Gash", year="2008")],
        [ref("Ansell", "Gash", year="2008"), law],
    )
    return d.model_copy(update={"text": prose + "\n\n## Daftar Pustaka\n\n" + law.text})


def test_statute_named_in_the_prose_counts_as_cited() -> None:
    named = _statute_doc(
        "Sebagaimana diatur dalam UU No. 23 Tahun 2014, daerah ... (Ansell & Gash, 2008)."
    )
    assert run(RULE, named) == []


def test_statute_named_only_in_its_own_entry_is_uncited() -> None:
    # the bibliography is part of the text; its own number must not count,
    # nor does another statute's number ("Nomor 6 Tahun 2014")
    other = _statute_doc("Undang-Undang Nomor 6 Tahun 2014 tentang Desa ... (Ansell & Gash, 2008).")
    [f] = run(RULE, other)
    assert "Undang-Undang Nomor 23 Tahun 2014" in f.message


def test_a_list_longer_than_any_manuscripts_own_is_summarised() -> None:
    from citecheck.rules.crossmatch.listed_not_cited import LARGE_LIST

    n = LARGE_LIST + 1
    refs = [ref(f"Author{i}", year="2001", key=f"k{i}") for i in range(n)]
    d = doc([cit("(Author0, 2001)", "Author0", year="2001")], refs)
    [f] = run(RULE, d)
    assert f.message.startswith(f"{n - 1:,} of {n:,} reference entries are never cited")
    assert "and 2,995 more" in f.message
    assert f.evidence["uncited"] == n - 1 and f.evidence["entries"] == n
    assert f.evidence["first_keys"][:2] == ["k1", "k2"]


def test_a_list_at_the_bound_is_reported_entry_by_entry() -> None:
    from citecheck.rules.crossmatch.listed_not_cited import LARGE_LIST

    refs = [ref(f"Author{i}", year="2001", key=f"k{i}") for i in range(LARGE_LIST)]
    d = doc([cit("(Author0, 2001)", "Author0", year="2001")], refs)
    assert len(run(RULE, d)) == LARGE_LIST - 1


def _database_doc(*typed: bool) -> Document:
    """A Pandoc/LaTeX document: one cited entry, then uncited ones (database or typed)."""
    refs = [ref("Ansell", year="2008").model_copy(update={"source": "bibtex"})]
    for n, is_typed in enumerate(typed):
        r = ref(f"Other{n}", year="2001", key=f"other{n}")
        refs.append(r if is_typed else r.model_copy(update={"source": "bibtex"}))
    return doc([cit("(Ansell, 2008)", "Ansell", year="2008")], refs, cited_only_database=True)


def test_uncited_database_entry_is_not_printed_so_not_reported() -> None:
    assert run(RULE, _database_doc(False, False)) == []


def test_typed_bibitem_next_to_a_database_is_still_checked() -> None:
    [f] = run(RULE, _database_doc(False, True))
    assert f.reference is not None and f.reference["key"] == "other1"
    assert f.severity.value == "warning"


def test_unused_database_entries_on_request_are_info() -> None:
    found = run(RULE, _database_doc(False), Settings(unused_database_entries=True))
    assert [f.severity.value for f in found] == ["info"]
    assert found[0].evidence["database"] is True
    assert found[0].message.startswith("Bibliography database entry 'other0: Other0 (2001)")


def test_a_reference_file_of_a_typed_manuscript_is_checked() -> None:
    d = doc(
        [cit("(Ansell, 2008)", "Ansell", year="2008")],
        [
            ref("Ansell", year="2008"),
            ref("Other", year="2001").model_copy(update={"source": "bibtex"}),
        ],
    )
    assert len(run(RULE, d)) == 1


def test_pandoc_key_without_at_is_reported_at_its_line() -> None:
    d = _database_doc(False).model_copy(
        update={"format": "pandoc", "text": "Intro.\nAs shown [Ansell; other0], it works.\n"}
    )
    [f] = run(RULE, d)
    assert f.location is not None and (f.location.line, f.location.column) == (2, 10)
    assert "'[other0]' without '@'" in f.message and f.severity.value == "warning"


def test_a_key_in_prose_brackets_or_an_image_caption_is_not_a_citation() -> None:
    for text in (
        "![Made with other0 2023.09 on a laptop](fig.png)\n",
        "See [the other0 manual](https://example.org/m).\n",
        "The tool [other0 release 2] was used.\n",
    ):
        d = _database_doc(False).model_copy(update={"format": "pandoc", "text": text})
        assert run(RULE, d) == [], text
    for text in ("As shown [other0].\n", "As shown [@Ansell2008; other0].\n"):
        d = _database_doc(False).model_copy(update={"format": "pandoc", "text": text})
        assert len(run(RULE, d)) == 1, text


def test_crossref_and_xdata_parents_of_cited_entries_count_as_used() -> None:
    """BibTeX/biber read a parent for its cited child (deleting it breaks the child);
    a parent of an uncited child, or of nobody, is still unused."""

    def entry(family: str, key: str, **links: str) -> Reference:
        r = ref(family, year="2001", key=key)
        return r.model_copy(update={"source": "bibtex", "fields": dict(links)})

    refs = [
        ref("Ansell", year="2008").model_copy(
            update={"source": "bibtex", "fields": {"crossref": "Proc2008"}}
        ),
        entry("Proc", "proc2008", xdata="series"),  # key case differs: BibTeX ignores it
        entry("Series", "series"),  # parent of a parent
        entry("Lonely", "lonely", crossref="orphanproc"),
        entry("Orphan", "orphanproc"),
    ]
    d = doc([cit("(Ansell, 2008)", "Ansell", year="2008")], refs, cited_only_database=True)
    found = run(RULE, d, Settings(unused_database_entries=True))
    assert sorted(f.evidence["key"] for f in found) == ["lonely", "orphanproc"]
