"""Adversarial sizes and shapes: each finishes with the right answer.

No timings here (house rule: times live in ``bench/speed/stress_sizes.py`` and
``bench/speed/regex_audit.py``). The sizes are chosen so that linear work takes well
under a second while a quadratic regression would take minutes or hours, so a
regression shows up as a test that does not finish.
"""

from __future__ import annotations

from citecheck.citations import extract_citations
from citecheck.linking import link
from citecheck.loaders.bibtex import parse_bibtex_string
from citecheck.loaders.markdown import parse_markdown
from citecheck.loaders.pandoc import is_pandoc
from citecheck.model.document import Document
from citecheck.references import parse_reference, split_entries

REF = "Smith, A. (2019). A title of a study. Journal of Tests, 1(2), 3–4.\n"


def _doc(body: str, refs: str = REF) -> Document:
    return parse_markdown(body + "\n\n## References\n\n" + refs, "p.md")


def test_hundred_thousand_nested_parentheses() -> None:
    doc = _doc("Text " + "(" * 100_000 + "Smith, 2019" + ")" * 100_000 + ".")
    assert [(c.authors, c.year) for c in doc.citations] == [(("Smith",), "2019")]
    assert [ln.status for ln in link(doc).links] == ["exact"]


def test_megabyte_single_line() -> None:
    unit = "Recharge depends on rainfall and land cover in basins (Smith, 2019). "
    n = 1_000_000 // len(unit)
    doc = _doc(unit * n)
    assert len(doc.citations) == n
    assert {c.location.line for c in doc.citations} == {1}
    assert doc.citations[-1].location.column == (n - 1) * len(unit) + unit.index("Smith") + 1


def test_fifty_thousand_smith_repetitions() -> None:
    text = "Smith, " * 50_000
    doc = _doc("As " + text + "2019 shows (" + text + "2019).", refs=text + "(2019). T.\n")
    assert len(doc.references) == 1
    parsed = parse_reference(text + "(2019). Title.")
    assert parsed.authors  # the parser reads its capped prefix, it does not give up
    assert all(c.text == doc.text[c.start : c.end] for c in doc.citations)


def test_thousand_dois_in_one_reference() -> None:
    dois = " ".join(f"https://doi.org/10.{1000 + i}/x{i}" for i in range(1000))
    parsed = parse_reference("Smith, A. (2019). T. J, 1, 2. " + dois)
    assert parsed.doi == "10.1000/x0"  # the first one; the rest is noise
    doc = _doc("Text (Smith, 2019).", refs="Smith, A. (2019). T. J, 1, 2. " + dois + "\n")
    assert len(doc.references) == 1 and doc.references[0].doi == "10.1000/x0"


def test_two_thousand_entry_bibtex() -> None:
    # 10,000 entries are measured in bench/speed/stress_sizes.py; 2,000 prove the shape here.
    bib = "".join(
        f"@article{{k{i},\n  author = {{Name{chr(65 + i % 26)}, A. and Lee, B.}},\n"
        f"  title = {{Study {i}}},\n  year = {{{1990 + i % 30}}},\n  doi = {{10.1234/t.{i}}}\n}}\n"
        for i in range(2_000)
    )
    refs, problems = parse_bibtex_string(bib, "refs.bib")
    assert problems == []
    assert [r.key for r in refs] == [f"k{i}" for i in range(2_000)]
    assert refs[-1].location.line == 1 + 6 * 1_999


def test_many_unclosed_html_comments() -> None:
    # "<!--.*?-->" used to scan to the end from every unclosed "<!--" (hours at 1 MB).
    text = "Intro (Smith, 2019). <!-- (Lee, 2020) --> " + "<!--" * 250_000 + " (Kim, 2018)."
    doc = _doc(text)
    assert [c.authors for c in doc.citations] == [("Smith",), ("Kim",)]
    # Pandoc's reader masks comments the same way: the key in a closed comment does
    # not count, the one after the unclosed openers does.
    assert not is_pandoc("<!-- [@hidden] -->" + "<!--" * 250_000)
    assert is_pandoc("<!-- [@hidden] -->" + "<!--" * 250_000 + " [@key]")


def test_heading_with_endless_closing_hashes() -> None:
    # "(.*?)[ \t#]*$" was quadratic on "# # # # ... x" (a 1 MB line took hours).
    line = "# " + "# " * 200_000 + "x"
    doc = parse_markdown(line + "\n\nText (Smith, 2019).\n", "p.md")
    assert doc.metadata.headings[0].endswith("# x")
    assert len(doc.citations) == 1


def test_long_whitespace_runs_between_citation_parts() -> None:
    # Blanked code blocks become long runs of spaces right next to citations.
    gap = " " * 200_000
    inner = " " * 1_000  # brackets longer than 1,200 characters are not citations
    text = (
        f"(Smith, 2019, p. 4){gap}(Lee, 2020, as cited in Kim, 2018){gap}and{gap}(Park,{inner}2017)"
    )
    found = extract_citations(text, path="p.md")
    # APA: only the secondary source of "as cited in" is in the list, so only Kim counts.
    assert [c.authors for c in found] == [("Smith",), ("Kim",), ("Park",)]
    section = ("Smith, A. (2019). T. J, 1, 2." + gap + "\n") * 50
    assert len(split_entries(section)) == 50


def test_hundred_thousand_blank_lines() -> None:
    # "^[\\s*_]*keywords" ran from every line start through all blank lines below it
    # (20,000 blank lines took 50 s).
    doc = parse_markdown(
        "Intro (Smith, 2019).\n" + "\n" * 100_000 + "Keywords: soil; rain\n", "p.md"
    )
    assert doc.metadata.keywords == ("soil", "rain")
    assert len(doc.citations) == 1
