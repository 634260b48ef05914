"""Properties of :func:`citecheck.linking.link` on generated documents."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from citecheck.linking import link
from citecheck.loaders.markdown import parse_markdown
from citecheck.model.document import Author, Citation, Document, Location, Reference
from citecheck.model.links import Links

from .profiles import PROFILE
from .strategies import SURNAMES, YEARS, manuscripts

_LOC = Location(path="p.md")
_names = st.lists(st.sampled_from(SURNAMES), min_size=0, max_size=4)

citations = st.builds(
    lambda names, year, et_al, number, key, style: Citation(
        text="x",
        style=style,
        authors=tuple(names),
        et_al=et_al,
        year=year,
        number=number,
        key=key,
        location=_LOC,
    ),
    _names,
    st.one_of(st.none(), st.sampled_from(YEARS)),
    st.booleans(),
    st.one_of(st.none(), st.integers(-2, 12)),
    st.one_of(st.none(), st.sampled_from(("a", "A", "b", ""))),
    st.sampled_from(("author-year", "numeric", "key")),
)
references = st.builds(
    lambda names, year, number, key: Reference(
        text="r",
        authors=tuple(Author(family=n, given="A.") for n in names),
        year=year,
        number=number,
        key=key,
        location=_LOC,
    ),
    _names,
    st.one_of(st.none(), st.sampled_from(YEARS)),
    st.one_of(st.none(), st.integers(0, 12)),
    st.one_of(st.none(), st.sampled_from(("a", "A", "b", "c"))),
)
documents = st.builds(
    lambda cs, rs: Document(
        path="p.md", format="markdown", citations=tuple(cs), references=tuple(rs)
    ),
    st.lists(citations, max_size=12),
    st.lists(references, max_size=12),
)


def _valid(doc: Document, links: Links) -> None:
    assert [ln.citation for ln in links.links] == list(range(len(doc.citations)))
    n = len(doc.references)
    for ln in links.links:
        assert ln.status in ("exact", "author-mismatch", "year-mismatch", "ambiguous", "unmatched")
        assert ln.reference is None or 0 <= ln.reference < n
        assert all(0 <= c < n for c in ln.candidates)
        assert (ln.reference is None) == (ln.status in ("ambiguous", "unmatched"))


@PROFILE
@given(documents)
def test_every_citation_gets_one_valid_link(doc: Document) -> None:
    links = link(doc)
    _valid(doc, links)
    assert link(doc) == links


@PROFILE
@given(manuscripts)
def test_linking_parsed_manuscripts(text: str) -> None:
    doc = parse_markdown(text, "p.md")
    links = link(doc)
    _valid(doc, links)
    nfd = parse_markdown(unicodedata.normalize("NFD", text), "p.md")
    nfc = parse_markdown(unicodedata.normalize("NFC", text), "p.md")
    # Same decisions whatever the normalisation of the file.
    assert [(ln.status, ln.reference) for ln in link(nfd).links] == [
        (ln.status, ln.reference) for ln in link(nfc).links
    ]
