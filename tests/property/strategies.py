"""Text strategies that reach deep into the parsers.

Uniformly random text almost never contains a citation; these strategies mix
manuscript-shaped pieces (names with diacritics, years, brackets, "et al.", "dkk.",
reference headings, DOIs) with arbitrary characters so every branch gets exercised.
"""

from __future__ import annotations

from hypothesis import strategies as st

SURNAMES = (
    "Smith",
    "Müller",
    "Sørensen",
    "Öztürk",
    "Ñúñez",
    "Çelik",
    "Šimić",
    "van der Berg",
    "O'Brien",
    "Nguyễn",
    "Łukasz",
    "Ångström",
    "de la Cruz",
    "Sugiyono",
    "Lee",
    "Lee-Kim",
    "WHO",
    "World Health Organization",
    "Иванов",
    "李",
    "Ansell",
    "Gash",
)
YEARS = ("2019", "2020a", "2020b", "n.d.", "in press", "1999", "2021", "20", "3000")
JOINERS = (" & ", " and ", " dan ", ", ", " et al.", " dkk.", " et al", "; ", " und ")
PUNCT = (*"()[];,.:&-–—“”\"'{}\\@#%", "\n", "\n\n", "\r\n", " ", "\t", "\u00a0", "\u0301")
HEADINGS = (
    "\n\n## References\n\n",
    "\n\nDaftar Pustaka\n\n",
    "\n\n# Bibliography\n",
    "\nREFERENCES\n",
)
PIECES = (
    "10.1234/abc.5",
    "doi:10.1000/XYZ-1",
    "https://doi.org/10.5555/x(1)",
    "p. 45",
    "hlm. 12",
    "pp. 3–4",
    "[1]",
    "[2–5]",
    "[3, 7]",
    "(1)",
    "1.",
    "- ",
    "* ",
    "Journal of Tests, 12(3), 45–67.",
    "<!-- citecheck: ignore[cited-not-listed] -->",
    "```\ncode (Smith, 2019)\n```",
    "`x`",
    "---\ntitle: T\n---\n",
    "<!--",
    "-->",
    "\\cite{key}",
    "see ",
    "e.g., ",
    # Pandoc: these switch the Markdown loader to the Pandoc citeproc reader.
    "[@smith2019]",
    "[see @a, p. 3; -@b]",
    "@lee2020 says",
    "[@{x}]",
    "---\nreferences:\n- id: a\n  title: T\n  author:\n  - family: Lee\n---\n",
    "---\nbibliography: [missing.bib]\nnocite: '@*'\n---\n",
)


def _citation() -> st.SearchStrategy[str]:
    names = st.lists(st.sampled_from(SURNAMES), min_size=1, max_size=3)
    return st.builds(
        lambda ns, joiner, year, paren, narrative: (
            f"{joiner.join(ns)} ({year})"
            if narrative
            else f"{paren[0]}{joiner.join(ns)}, {year}{paren[1]}"
        ),
        names,
        st.sampled_from(JOINERS),
        st.sampled_from(YEARS),
        st.sampled_from(("()", "[]", "((", "))", "(]")),
        st.booleans(),
    )


def _reference() -> st.SearchStrategy[str]:
    return st.builds(
        lambda name, initial, year, title: (
            f"{name}, {initial}. ({year}). {title}. Journal, 1(2), 3–4.\n"
        ),
        st.sampled_from(SURNAMES),
        st.sampled_from("ABCÉŁ"),
        st.sampled_from(YEARS),
        st.text(min_size=0, max_size=20),
    )


PIECE = st.one_of(
    _citation(),
    _reference(),
    st.sampled_from(SURNAMES),
    st.sampled_from(YEARS),
    st.sampled_from(PUNCT),
    st.sampled_from(HEADINGS),
    st.sampled_from(PIECES),
    st.text(max_size=8),  # arbitrary code points, surrogates excluded by default
)

# A manuscript-shaped text: a few dozen pieces glued together.
manuscripts = st.lists(PIECE, max_size=40).map("".join)
# Either shaped or completely arbitrary text.
texts = st.one_of(manuscripts, st.text(max_size=300))
