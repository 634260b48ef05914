"""``citecheck fix``: minimal span edits of BibTeX / CSL-JSON; nothing else may change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.fix import edit_files, plan, unified_diff, write_edit
from citecheck.fix.bibtex_edit import apply_changes as apply_bib
from citecheck.fix.bibtex_source import scan_entries
from citecheck.fix.changes import Change
from citecheck.fix.csljson_edit import apply_changes as apply_json
from citecheck.model.document import Location
from citecheck.model.findings import Finding, Severity

FIXTURES = Path(__file__).parents[1] / "fixtures" / "fix"
BIB_FILES = sorted(FIXTURES.glob("*.bib"))


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8" if "latin1" not in path.name else "latin-1")


def _change(
    key: str, field: str, value: str, *, rule: str = "metadata-mismatch", path: str = "refs.bib"
) -> Change:
    return Change(path=path, key=key, field=field, value=value, rule=rule, reason="test")


def _entry_text(text: str, key: str) -> str:
    (entry,) = [e for e in scan_entries(text) if e.key == key]
    return text[entry.start : entry.end]


def _others(text: str, key: str) -> str:
    (entry,) = [e for e in scan_entries(text) if e.key == key]
    return text[: entry.start] + "\0" + text[entry.end :]


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: p.name)
def test_no_change_round_trips_byte_for_byte(path: Path, tmp_path: Path) -> None:
    text = _read(path)
    assert apply_bib(text, []) == (text, [], [])
    shutil.copy(path, tmp_path / path.name)
    edits = edit_files([_change("no-such-key", "doi", "10.1/x", path=path.name)], tmp_path)
    assert not edits[0].changed and edits[0].skipped[0].why == "no entry with this key"
    assert (tmp_path / path.name).read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("jabref.bib", "Emerson2012"),
        ("jabref.bib", "handbook2006"),
        ("zotero-crlf.bib", "nam2011smart"),
        ("quirks.bib", "Dawes2016"),
        ("quirks.bib", "short2020"),
        ("quirks.bib", "parens2019"),
        ("quirks.bib", "after2015"),
        ("latin1.bib", "Müller2010"),
    ],
)
def test_only_the_target_entry_changes(name: str, key: str) -> None:
    text = _read(FIXTURES / name)
    changes = [
        _change(key, "doi", "10.1000/xyz.123", rule="preprint-published"),
        _change(key, "year", "2012"),
        _change(key, "volume", "22"),
    ]
    new, applied, skipped = apply_bib(text, changes)
    assert _others(new, key) == _others(text, key)
    assert [e.key for e in scan_entries(new)] == [e.key for e in scan_entries(text)]
    assert len(applied) + len(skipped) == 3 and "10.1000/xyz.123" in _entry_text(new, key)
    from citecheck.loaders.bibtex import parse_bibtex_string

    (ref,) = [r for r in parse_bibtex_string(new.replace("\r\n", "\n"), "x")[0] if r.key == key]
    assert ref.doi == "10.1000/xyz.123" and ref.year == "2012" and ref.volume == "22"


def test_new_fields_follow_the_entrys_style() -> None:
    text = _read(FIXTURES / "jabref.bib")
    new, _, _ = apply_bib(
        text, [_change("Emerson2012", "doi", "10.1093/jopart/mur011", rule="missing-doi")]
    )
    assert (
        "  volume  = {22},\n  doi     = {10.1093/jopart/mur011},\n}" in new
    )  # aligned, trailing comma
    quirks = _read(FIXTURES / "quirks.bib")
    new, _, _ = apply_bib(
        quirks,
        [
            _change("Dawes2016", "doi", "10.1016/j.giq.2016.01.003", rule="missing-doi"),
            _change("Dawes2016", "pages", "15–27"),
        ],
    )
    assert (
        '   PAGES = "15-27",\n   DOI = "10.1016/j.giq.2016.01.003"}' in new
    )  # case, quotes, no trailing comma
    new, _, _ = apply_bib(quirks, [_change("short2020", "doi", "10.1/s", rule="missing-doi")])
    assert "year={2020}, doi={10.1/s}}" in new  # one-line entry stays one line
    crlf = _read(FIXTURES / "zotero-crlf.bib")
    new, _, _ = apply_bib(
        crlf, [_change("nam2011smart", "doi", "10.1145/2072069.2072100", rule="missing-doi")]
    )
    assert "\tyear = {2011},\r\n\tdoi = {10.1145/2072069.2072100}\r\n}" in new
    assert new.count("\r\n") == new.count("\n")  # no bare LF slipped in


def test_values_keep_their_form() -> None:
    quirks = _read(FIXTURES / "quirks.bib")
    new, applied, _ = apply_bib(
        quirks,
        [
            _change("after2015", "doi", "10.1000/NEW", rule="preprint-published"),
            _change("parens2019", "year", "2018"),
        ],
    )
    assert (
        "doi={https://doi.org/10.1000/NEW}" in new and "year = 2018\n)" in new and len(applied) == 2
    )
    jab = _read(FIXTURES / "jabref.bib")
    new, _, _ = apply_bib(jab, [_change("handbook2006", "year", "in press")])
    assert "year      = {in press}," in new  # a bare number becomes braced text only when it must
    new, _, _ = apply_bib(jab, [_change("Ansell2008", "pages", "543-572")])
    assert "pages     = {543--572}" in new  # the file's "--" habit


def test_what_is_not_safe_is_skipped() -> None:
    text = _read(FIXTURES / "jabref.bib")
    cases = {
        ("Ansell2008", "container", "JPART"): "@string macro",
        ("Bryson2006chapter", "title", "x"): None,  # allowed field, plain value: applied
        ("Ansell2008", "doi", "10.1/50%off"): "BibTeX would misread",
        ("Ansell2008", "title", "{Evil}"): "BibTeX would misread",
        ("Ansell2008", "year", "2008"): "already has this value",
    }
    for (key, field, value), why in cases.items():
        new, applied, skipped = apply_bib(text, [_change(key, field, value)])
        if why is None:
            assert applied and new != text
        else:
            assert not applied and new == text and why in skipped[0].why, (key, field, skipped)
    dup = text + "\n@misc{Emerson2012, title={again}}\n"
    _, applied, skipped = apply_bib(dup, [_change("Emerson2012", "volume", "1")])
    assert not applied and "used by 2 entries" in skipped[0].why
    _, applied, skipped = apply_bib(
        text,
        [
            _change("Ansell2008", "doi", "10.1/a", rule="missing-doi"),
            _change("Ansell2008", "doi", "10.1/b", rule="missing-doi"),
        ],
    )
    assert len(applied) == 1 and "another change" in skipped[0].why
    withdoi = _read(FIXTURES / "quirks.bib")
    _, applied, skipped = apply_bib(
        withdoi, [_change("after2015", "doi", "10.1/z", rule="missing-doi")]
    )
    assert not applied and skipped[0].why == "the entry already has a DOI"


def test_verification_cancels_a_wrong_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(FIXTURES / "jabref.bib", tmp_path / "refs.bib")
    import citecheck.fix as fix_module

    def broken(path: str, text: str, changes: list[Change]) -> tuple[str, list[Change], list]:  # type: ignore[type-arg]
        return text.replace("Gash, Alison", "Gash, A."), changes, []

    monkeypatch.setattr(fix_module, "_apply", broken)
    (edit,) = edit_files([_change("Emerson2012", "volume", "23")], tmp_path)
    assert not edit.changed and "would change although no change was meant" in edit.skipped[0].why


CSL = """[
  {
    "id": "ansell2008",
    "type": "article-journal",
    "title": "Collaborative governance in theory and practice",
    "issued": {"date-parts": [[2007]]},
    "volume": 18,
    "page": "543–571"
  },
  {"id":"dawes2016","type":"article-journal","title":"Planning","DOI":"10.1016/OLD"}
]
"""


def test_csl_json_edits() -> None:
    changes = [
        _change("ansell2008", "year", "2008", path="r.json"),
        _change("ansell2008", "volume", "19", path="r.json"),
        _change("ansell2008", "doi", "10.1093/jopart/mum032", rule="missing-doi", path="r.json"),
        _change("ansell2008", "issue", "4", path="r.json"),
        _change("dawes2016", "doi", "10.1016/NEW", rule="preprint-published", path="r.json"),
        _change("dawes2016", "pages", "15 – 27", path="r.json"),
        _change("nobody", "doi", "10.1/x", path="r.json"),
    ]
    new, applied, skipped = apply_json(CSL, changes)
    assert len(applied) == 6 and skipped[0].why == "no item with this id"
    assert '"issued": {"date-parts": [[2008]]},' in new and '"volume": 19,' in new
    assert '"page": "543–571",\n    "DOI": "10.1093/jopart/mum032",\n    "issue": "4"\n  }' in new
    assert '"DOI":"10.1016/NEW","page":"15-27"}' in new  # compact item stays compact
    data = json.loads(new)
    assert data[0]["title"] == "Collaborative governance in theory and practice" and len(data) == 2
    assert apply_json(CSL, []) == (CSL, [], [])
    assert apply_json("{not json", changes[:1])[2][0].why.startswith("the file is not valid JSON")


def _finding(
    rule: str, key: str, path: str, evidence: dict[str, object], confidence: float | None = None
) -> Finding:
    return Finding(
        code={"missing-doi": "CC209", "metadata-mismatch": "CC204", "preprint-published": "CC208"}[
            rule
        ],
        rule=rule,
        severity=Severity.WARNING,
        message=f"{rule} for {key}",
        location=Location(path=path, line=1),
        reference={"text": key, "key": key, "location": {"path": path, "line": 1, "column": 1}},
        evidence=evidence,
        confidence=confidence,
    )


def test_plan_reads_the_evidence() -> None:
    findings = [
        _finding(
            "missing-doi", "Emerson2012", "refs.bib", {"record_doi": "10.1093/jopart/mur011"}, 0.97
        ),
        _finding("missing-doi", "Emerson2012", "refs.bib", {"record_doi": "10.1/low"}, 0.5),
        _finding(
            "metadata-mismatch",
            "Emerson2012",
            "refs.bib",
            {
                "differences": [
                    {"field": "year", "reference": "2011", "record": [2012]},
                    {"field": "title", "reference": "a", "record": "b"},
                    {"field": "authors", "reference": ["A"], "record": ["B"]},
                ]
            },
        ),
        _finding(
            "metadata-mismatch",
            "two-years",
            "refs.bib",
            {"differences": [{"field": "year", "reference": "2010", "record": [2011, 2012]}]},
        ),
        _finding(
            "metadata-mismatch",
            "x",
            "refs.bib",
            {"fields": {"volume": {"listed": "1", "crossref": "2"}}},
        ),
        _finding(
            "preprint-published",
            "zuiderwijk2014preprint",
            "refs.bib",
            {
                "published_versions": [
                    {"doi": "10.1016/j.giq.2014.01.001", "relation": "is-preprint-of"}
                ]
            },
        ),
        _finding("missing-doi", "inline", "paper.md", {"record_doi": "10.1/x"}),
    ]
    changes, left = plan(findings, min_confidence=0.9)
    assert [(c.key, c.field, c.value) for c in changes] == [
        ("Emerson2012", "doi", "10.1093/jopart/mur011"),
        ("Emerson2012", "year", "2012"),
        ("x", "volume", "2"),
    ]
    reasons = [why for _, why in left]
    assert any("below 0.90" in r for r in reasons) and any("not in a BibTeX" in r for r in reasons)
    assert any("'title' is not among the fields" in r for r in reasons)
    assert any("'authors' is not changed automatically" in r for r in reasons)
    assert any("several values for 'year' (2011, 2012)" in r for r in reasons)
    with_preprints, _ = plan(findings, preprints=True)
    assert ("zuiderwijk2014preprint", "doi", "10.1016/j.giq.2014.01.001") in [
        (c.key, c.field, c.value) for c in with_preprints
    ]
    legacy, _ = plan(
        [
            _finding(
                "preprint-published",
                "p",
                "r.json",
                {"published_doi": "10.1/p", "published": {"container": "GIQ"}},
            )
        ],
        preprints=True,
        fields=frozenset({"doi", "container"}),
    )
    assert [(c.field, c.value) for c in legacy] == [("doi", "10.1/p"), ("container", "GIQ")]


def test_cli_dry_run_then_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "jabref.bib", tmp_path / "refs.bib")
    original = (tmp_path / "refs.bib").read_bytes()
    report = {
        "findings": [
            _finding(
                "missing-doi", "Emerson2012", "refs.bib", {"record_doi": "10.1093/jopart/mur011"}
            ).to_json(),
            _finding(
                "metadata-mismatch",
                "Emerson2012",
                "refs.bib",
                {"differences": [{"field": "year", "reference": "2011", "record": [2012]}]},
            ).to_json(),
        ]
    }
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(main, ["fix", "--from-report", "report.json"])
    assert dry.exit_code == 0, dry.output
    assert "-  year    = {2011},\n+  year    = {2012},\n" in dry.stdout
    assert "+  doi     = {10.1093/jopart/mur011},\n" in dry.stdout
    assert "2 change(s) proposed" in dry.stderr
    assert "Emerson2012: year set to 2012; check that the text cites it" in dry.stderr
    assert (tmp_path / "refs.bib").read_bytes() == original
    wet = runner.invoke(main, ["fix", "--from-report", "report.json", "--write"])
    assert wet.exit_code == 0, wet.output
    assert (tmp_path / "refs.bib.bak").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib", "refs.bib.bak", "report.json"]
    new = (tmp_path / "refs.bib").read_text(encoding="utf-8")
    assert _others(new, "Emerson2012") == _others(original.decode(), "Emerson2012")
    again = runner.invoke(main, ["fix", "--from-report", "report.json"])
    assert "nothing to fix" in again.stderr and "already" in again.stderr
    bad = runner.invoke(main, ["fix", "--from-report", "report.json", "--fields", "doi,colour"])
    assert bad.exit_code == 2 and "colour" in bad.stderr


def test_write_refuses_a_file_changed_meanwhile(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "jabref.bib", tmp_path / "refs.bib")
    (edit,) = edit_files([_change("Emerson2012", "volume", "23")], tmp_path)
    assert edit.changed and unified_diff(edit).startswith("--- a/refs.bib\n+++ b/refs.bib\n")
    (tmp_path / "refs.bib").write_text("changed", encoding="utf-8")
    with pytest.raises(RuntimeError, match="changed on disk"):
        write_edit(edit, tmp_path)
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == "changed"


def test_latin1_file_stays_latin1(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "latin1.bib", tmp_path / "refs.bib")
    (edit,) = edit_files([_change("Müller2010", "volume", "7")], tmp_path)
    write_edit(edit, tmp_path, backup=False)
    data = (tmp_path / "refs.bib").read_bytes()
    assert b"Stra\xdfen" in data and b"volume = {7}" in data
    assert not (tmp_path / "refs.bib.bak").exists()
