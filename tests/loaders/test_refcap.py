"""The references budget: cited entries first, the rest in file order, and a problem that says
where reading stopped (issue 20: a 200,000-item CSL-JSON took 1.4 GB)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citecheck.loaders import refcap
from citecheck.loaders.bibtex import parse_bibtex_string
from citecheck.loaders.csljson import load_references as load_csljson
from citecheck.loaders.markdown import parse_markdown
from citecheck.loaders.ris import parse_ris
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check


@pytest.fixture(autouse=True)
def _small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refcap, "MAX_REFERENCES", 5)
    monkeypatch.setattr(refcap, "MAX_CITED", 8)


def _bib(n: int, extra: str = "") -> str:
    return "".join(
        f"@article{{k{i},\n  author = {{Ba{i}, A.}},\n  title = {{T{i}}},\n  year = {{2001}},{extra}\n}}\n\n"
        for i in range(n)
    )


def _limit(problems: list) -> dict:  # type: ignore[type-arg]
    [p] = [p for p in problems if p.kind == refcap.KIND]
    return {"line": p.location.line, "message": p.message, **p.evidence}


def test_a_file_within_the_budget_is_read_whole() -> None:
    refs, problems = parse_bibtex_string(_bib(5), "r.bib")
    assert len(refs) == 5 and problems == []


def test_past_the_budget_the_rest_is_not_read_and_the_report_says_where() -> None:
    refs, problems = parse_bibtex_string(_bib(9), "r.bib")
    assert [r.key for r in refs] == ["k0", "k1", "k2", "k3", "k4"]
    got = _limit(problems)
    assert got["line"] == 31 and got["read"] == 5 and got["entries"] == 9
    assert "from line 31 on, are not checked" in got["message"]
    assert got["citations_unmatched"] is False


def test_cited_entries_are_read_wherever_they_are() -> None:
    with refcap.document():
        refcap.cite(["K8", None, "k7"])
        refs, problems = parse_bibtex_string(_bib(9), "r.bib")
    keys = [r.key for r in refs]
    assert "k8" in keys and "k7" in keys and len(keys) == 5
    assert _limit(problems)["citations_unmatched"] is False


def test_the_big_file_path_keeps_cited_entries_strings_and_crossref_parents() -> None:
    parent = "@proceedings{conf,\n  title = {Conf},\n  year = {2001},\n}\n\n"
    child = "@inproceedings{c1,\n  author = {Zed, A.},\n  crossref = {conf},\n}\n\n"
    macro = '@string{jn = "Journal"}\n\n'
    filler = "%" + "x" * 1_000_000 + "\n"  # over 1 MB: blocks are chosen before parsing
    text = macro + parent + _bib(9, "\n  journal = jn") + child + filler
    with refcap.document():
        refcap.cite(["c1"])
        refs, problems = parse_bibtex_string(text, "r.bib")
    by_key = {r.key: r for r in refs}
    assert "c1" in by_key and "conf" in by_key
    assert by_key["c1"].container == "Conf"  # the parent's title, inherited
    assert by_key["k0"].container == "Journal"  # the @string macro still applies
    assert by_key["c1"].location.line == text[: text.index("@inproceedings")].count("\n") + 1
    assert _limit(problems)["entries"] == 11


def test_one_budget_for_all_files_of_a_document() -> None:
    with refcap.document():
        first, _ = parse_bibtex_string(_bib(3), "a.bib")
        second, problems = parse_bibtex_string(_bib(3), "b.bib")
    assert len(first) + len(second) == 5 and _limit(problems)["read"] == 2


def test_csl_json_items_past_the_budget_are_dropped_while_decoding(tmp_path: Path) -> None:
    items = [{"id": f"k{i}", "title": f"T{i}"} for i in range(12)]
    path = tmp_path / "r.json"
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    with refcap.document():
        refcap.cite(["k11"])
        refs, problems = load_csljson(path, "r.json")
    assert [r.key for r in refs] == ["k0", "k1", "k2", "k3", "k11"]
    assert _limit(problems)["read"] == 5


def test_ris_records_past_the_budget() -> None:
    text = "".join(f"TY  - JOUR\nID  - r{i}\nAU  - Ba, A.\nTI  - T{i}\nER  - \n" for i in range(7))
    refs, problems = parse_ris(text, "r.ris")
    assert len(refs) == 5 and _limit(problems)["line"] == 26


def test_a_keyless_list_past_the_budget_silences_cited_not_listed(tmp_path: Path) -> None:
    listing = "\n\n".join(f"Ba{i}, A. (2001). Title {i}. Journal, 1, 1-2." for i in range(8))
    text = f"# A\n\nSee (Ba7, 2001) and (Ba0, 2001).\n\n## References\n\n{listing}\n"
    doc = parse_markdown(text, "paper.md")
    assert len(doc.references) == 5
    assert _limit(list(doc.problems))["citations_unmatched"] is True
    (tmp_path / "paper.md").write_text(text, encoding="utf-8")
    report = check(Settings(paths=("paper.md",), offline=True, no_cache=True), root=tmp_path)
    rules = [f.rule for f in report.findings]
    assert "cited-not-listed" not in rules  # Ba7 is listed, past the part that was read
    assert "parse-error" in rules


def test_cited_keys_reach_the_reference_files_of_a_pandoc_document(tmp_path: Path) -> None:
    (tmp_path / "r.bib").write_text(_bib(9), encoding="utf-8")
    (tmp_path / "paper.md").write_text(
        "---\nbibliography: r.bib\n---\n\n# A\n\nText [@k8; @k0].\n", encoding="utf-8"
    )
    report = check(Settings(paths=("paper.md",), offline=True, no_cache=True), root=tmp_path)
    rules = [f.rule for f in report.findings]
    assert "cited-not-listed" not in rules  # k8 was read, past the budget
    [limit] = [f for f in report.findings if f.rule == "parse-error"]
    assert "5 of the 9 entries" in limit.message
