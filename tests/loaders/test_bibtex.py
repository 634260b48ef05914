import pytest

from citecheck.loaders.bibtex import parse_bibtex_string

BIB = r"""@string{jpart = "Journal of Public Administration Research and Theory"}
% a comment line
@article{ansell2008,
  author = {Ansell, Chris and Gash, Alison},
  title = {Collaborative {Governance} in Theory and Practice},
  journal = jpart, year = 2008, month = oct, volume = {18}, number = {4},
  pages = {543--571}, doi = {https://doi.org/10.1093/jopart/mum032}
}
@article{ansell2008,
  title = {A second entry with the same key}
}
@inproceedings{child, author = {Li, X. and others}, title = {Part}, crossref = {proc}, pages = {1--5}}
@proceedings{proc, title = {Proceedings of Things}, year = {2019}, publisher = {ACM}}
@misc{who2020, author = {{World Health Organization}}, title = {Report}, year = {2020}}
@book{bolivar, title = {Good}, author = {Rodr{\'\i}guez Bol{\'\i}var, Manuel Pedro and van der Berg, Jan}, year = {2016}}
@article{broken,
  title = {unterminated
"""


def _parse():
    return parse_bibtex_string(BIB, "refs.bib")


def test_fields_strings_and_month_macros():
    refs, _ = _parse()
    a = next(r for r in refs if r.key == "ansell2008")
    assert [x.family for x in a.authors] == ["Ansell", "Gash"]
    assert a.container == "Journal of Public Administration Research and Theory"
    assert (a.year, a.volume, a.issue, a.pages) == ("2008", "18", "4", "543-571")
    assert a.doi == "10.1093/jopart/mum032"
    assert a.title == "Collaborative Governance in Theory and Practice"
    assert a.location.line == 3
    assert a.fields["month"] == "10"


def test_crossref_inheritance_and_et_al():
    refs, _ = _parse()
    child = next(r for r in refs if r.key == "child")
    assert child.year == "2019"
    assert child.container == "Proceedings of Things"
    assert child.et_al is True


def test_corporate_particles_and_accents():
    refs, _ = _parse()
    who = next(r for r in refs if r.key == "who2020")
    assert who.authors[0].corporate and who.authors[0].family == "World Health Organization"
    bol = next(r for r in refs if r.key == "bolivar")
    assert [x.family for x in bol.authors] == ["Rodríguez Bolívar", "van der Berg"]


def test_duplicate_key_and_broken_entry_are_problems_not_crashes():
    refs, problems = _parse()
    kinds = sorted(p.kind for p in problems)
    assert kinds == ["duplicate-key", "parse-error"]
    dup = next(p for p in problems if p.kind == "duplicate-key")
    assert dup.location.line == 9 and "ansell2008" in dup.message
    broken = next(p for p in problems if p.kind == "parse-error")
    assert broken.location.line == 16
    assert {r.key for r in refs} >= {"ansell2008", "child", "proc", "who2020", "bolivar"}


def test_empty_and_garbage_input():
    assert parse_bibtex_string("", "x.bib") == ([], [])
    refs, _problems = parse_bibtex_string("\x00\x01 not bibtex at all {{{", "x.bib")
    assert refs == []


def test_suppression_comment_applies_to_the_next_entry():
    text = (
        "@book{a, author={A, B}, title={T}, year={2001}}\n"
        "% citecheck: ignore[listed-not-cited]\n"
        "@book{b, author={C, D}, title={U}, year={2002}}\n"
    )
    refs, _ = parse_bibtex_string(text, "x.bib")
    assert [r.suppressed for r in refs] == [(), ("listed-not-cited",)]


# BibTeX keeps what bibtexparser refuses: each class below is read as BibTeX reads it,
# and the defect stays a problem at its line.
SALVAGE = r"""@string{jn = "Journal of Things"}
@misc{dup,
  note = {first},
  journal = jn,
  note = {second},
}
@book{halfway,
  title = {C how to program},
  year = {2016},
  page
}
@misc{,
  title = {An entry without a key},
}
@misc{after, title = {After}}
"""


def test_duplicate_field_keeps_the_entry_with_the_first_value():
    refs, problems = parse_bibtex_string(SALVAGE, "refs.bib")
    dup = next(r for r in refs if r.key == "dup")
    assert dup.fields["note"] == "first" and dup.container == "Journal of Things"
    warning = next(p for p in problems if p.kind == "duplicate-field")
    assert warning.location.line == 2 and "'note'" in warning.message
    assert warning.evidence["severity"] == "warning"


def test_entry_broken_after_its_key_keeps_the_fields_before_the_error():
    refs, problems = parse_bibtex_string(SALVAGE, "refs.bib")
    half = next(r for r in refs if r.key == "halfway")
    assert (half.title, half.year, half.location.line) == ("C how to program", "2016", 7)
    error = next(p for p in problems if p.kind == "parse-error")
    assert error.location.line == 7 and "halfway" in error.message
    assert "page" in error.evidence["error"]


def test_keyless_entry_is_a_problem_not_a_reference():
    refs, problems = parse_bibtex_string(SALVAGE, "refs.bib")
    assert [r.key for r in refs] == ["dup", "halfway", "after"]
    keyless = next(p for p in problems if p.kind == "keyless-entry")
    assert keyless.location.line == 12


def test_every_keyless_entry_is_keyless_not_a_repeated_empty_key():
    text = "@misc{,\n title={One}}\n@misc{,\n title={Two}}\n@misc{ok, title={Three}}\n"
    refs, problems = parse_bibtex_string(text, "x.bib")
    assert [r.key for r in refs] == ["ok"]
    assert [(p.kind, p.location.line) for p in problems] == [
        ("keyless-entry", 1),
        ("keyless-entry", 3),
    ]


def test_a_repeated_key_after_a_salvaged_entry_is_still_a_duplicate():
    text = "@misc{a, note={x}, note={y}}\n@misc{a, title={Second}}\n"
    refs, problems = parse_bibtex_string(text, "x.bib")
    assert [r.fields.get("note") for r in refs] == ["x"]
    assert sorted(p.kind for p in problems) == ["duplicate-field", "duplicate-key"]


def test_past_the_re_read_budget_a_broken_entry_keeps_its_key() -> None:
    from citecheck.loaders._bibtex_salvage import Budget, broken_entry

    raw = '@article{late,\n  title = {Kept},\n  a = "unterminated\n}\n'
    full = broken_entry(raw, 0, {}, Budget())
    spent = broken_entry(raw, 0, {}, Budget(left=0))
    assert full is not None and full.fields == {"title": "{Kept}"}
    assert spent is not None and (spent.key, spent.fields) == ("late", {})


@pytest.mark.parametrize(
    "raw",
    [
        "Smith, John A. and de la Fuente, Ana and others",
        "van der Berg, Jan and O'Neil, K.-L.",
        "Agency, European Environment, ",
        "Knuth, Donald E.",
    ],
)
def test_plain_author_lists_read_as_bibtexparser_reads_them(raw: str) -> None:
    from citecheck.loaders.bibtex import _bibtex_authors, _plain_authors

    plain = _plain_authors(raw)
    assert plain is None or plain == _bibtex_authors(raw)


@pytest.mark.parametrize(
    "raw", ["Donald E. Knuth", "{Simon and Schuster}", 'M{\\"u}ller, K.', "Smith, J. AND Doe, K."]
)
def test_other_author_lists_take_bibtexparsers_route(raw: str) -> None:
    from citecheck.loaders.bibtex import _plain_authors

    assert _plain_authors(raw) is None
