"""Citations inside brackets: groups, several years, prefixes and locators."""

from __future__ import annotations

import pytest


def test_group_yields_one_citation_per_work_with_own_piece(cite):
    text = "Governance matters (Ansell & Gash, 2007; Emerson & Nabatchi, 2015)."
    a, b = cite(text)
    assert (a.text, a.authors, a.year) == ("Ansell & Gash, 2007", ("Ansell", "Gash"), "2007")
    assert (b.text, b.authors, b.year) == (
        "Emerson & Nabatchi, 2015",
        ("Emerson", "Nabatchi"),
        "2015",
    )
    assert a.group == b.group == 1
    assert not a.narrative and a.style == "author-year"
    assert a.sentence == text


def test_separate_brackets_get_increasing_groups(cite):
    out = cite("One (Smith, 2019). Two (Jones, 2020; Lee, 2021).")
    assert [c.group for c in out] == [1, 2, 2]


def test_several_years_of_one_author_share_the_piece(cite):
    a, b = cite("(Smith, 2019, 2020a)")
    assert (a.year, b.year) == ("2019", "2020a")
    assert a.text == b.text == "Smith, 2019, 2020a"
    assert a.authors == b.authors == ("Smith",)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("(Smith, 2020a, b)", ["2020a", "2020b"]),
        ("(Smith 2020a,b)", ["2020a", "2020b"]),
        ("(Smith, 2020 a)", ["2020a"]),
        ("(Smith, n.d.)", ["n.d."]),
        ("(Smith, n. d.)", ["n.d."]),
        ("(Smith, in press)", ["in press"]),
        ("(Smith, forthcoming)", ["forthcoming"]),
        ("(Freud, 1900/1953)", ["1900/1953"]),
        ("(Smith, 2019; 2021)", ["2019", "2021"]),
    ],
)
def test_year_forms(pairs, text, years):
    assert [y for _a, y in pairs(text)] == years


@pytest.mark.parametrize(
    ("text", "prefix", "locator"),
    [
        ("(see Sugiyono, 2019, p. 45)", "see", "p. 45"),
        ("(Sumber: Ansell & Gash, 2007)", "Sumber:", None),
        ("(Sugiyono, 2019, hlm. 12)", None, "hlm. 12"),
        ("(Müller, 2019, S. 3)", None, "S. 3"),
        ("(Smith, 2019, pp. 3-5)", None, "pp. 3-5"),
        ("(Smith, 2019, chap. 2)", None, "chap. 2"),
        ("(Smith, 2019: 45)", None, "45"),
        ("(Smith 2019, 45–50)", None, "45–50"),
        ("(e.g., Smith, 2019)", "e.g.", None),
        ("(cf. Smith, 2019)", "cf.", None),
        ("(for a recent review see Smith and Jones, 2011)", "for a recent review see", None),
    ],
)
def test_prefix_and_locator(cite, text, prefix, locator):
    (c,) = cite(text)
    assert (c.prefix, c.locator) == (prefix, locator)
    assert c.year is not None and c.authors


def test_prefix_is_not_part_of_the_text(cite):
    (c,) = cite("(see Sugiyono, 2019, p. 45)")
    assert c.text == "Sugiyono, 2019, p. 45"


def test_comment_after_year_is_ignored(cite):
    (c,) = cite("(see Margueron and Reinberg, 2010 for a recent review)")
    assert (c.authors, c.year, c.text) == (
        ("Margueron", "Reinberg"),
        "2010",
        "Margueron and Reinberg, 2010",
    )


@pytest.mark.parametrize("text", ["(Smith 2019)", "[Smith, 2019]", "(Smith,2019)", "[Smith 2019]"])
def test_harvard_and_square_bracket_variants(pairs, text):
    assert pairs(text) == [(("Smith",), "2019")]


def test_citation_after_prose_in_same_bracket(pairs):
    assert pairs("(Figure 1, Schuman et al., 2014)") == [(("Schuman",), "2014")]
    assert pairs("(Table 1 Allmann and Baldwin, 2010)") == [(("Allmann", "Baldwin"), "2010")]


def test_secondary_source_cites_the_work_read(cite):
    (c,) = cite("(Piaget, 1952, as cited in Smith, 2019)")
    assert (c.authors, c.year, c.prefix) == (("Smith",), "2019", "as cited in")


def test_piece_that_is_not_a_citation_is_skipped(pairs):
    assert pairs("(see Table 3; Smith, 2019)") == [(("Smith",), "2019")]


def test_multi_line_group_keeps_line_and_column(cite):
    text = "Intro line.\nMore text (Smith, 2019;\n  Jones, 2020)."
    a, b = cite(text)
    assert (a.location.line, a.location.column) == (2, 12)
    assert (b.location.line, b.location.column) == (3, 3)
