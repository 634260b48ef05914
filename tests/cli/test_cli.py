"""End-to-end behaviour of the command line (offline; no network)."""

import json
import os

import pytest
from click.testing import CliRunner

from citecheck import __version__
from citecheck.cli import main

PAPER = """# A small paper

Collaboration needs trust (Ansell & Gash, 2008). Trust grows slowly (Smith, 2019).

## References

Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. *Journal of Public Administration Research and Theory*, 18(4), 543–571.

Jones, B. (2017). A work nobody cites. *Journal of Things*, 3(2), 1–10.
"""


@pytest.fixture()
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CITECHECK_OFFLINE", "1")
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)

    def invoke(*args):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_findings_exit_1_and_json_shape(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    result = run("check", "paper.md", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1 and data["files"] == ["paper.md"]
    rules = {(f["rule"], f["location"]["line"]) for f in data["findings"]}
    assert ("cited-not-listed", 3) in rules
    assert ("listed-not-cited", 9) in rules
    missing = next(f for f in data["findings"] if f["rule"] == "cited-not-listed")
    assert missing["citation"]["authors"] == ["Smith"] and missing["citation"]["year"] == "2019"
    assert data["summary"]["citations"] == 2 and data["summary"]["references"] == 2


def test_fail_on_and_select(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    assert run("check", "paper.md", "--fail-on", "never").exit_code == 0
    assert run("check", "paper.md", "--select", "listed-not-cited").exit_code == 0
    assert run("check", "paper.md", "--select", "CC102", "--fail-on", "warning").exit_code == 1
    assert run("check", "paper.md", "--ignore", "cited-not-listed,CC102").exit_code == 0


def test_text_output_one_line_per_finding_with_source_and_caret(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    out = run("check", "paper.md").stdout
    lines = out.splitlines()
    assert lines[0] == "paper.md"  # grouped by manuscript, like ruff
    assert lines[1].startswith("paper.md:3:70  CC101  error: 'Smith, 2019' is cited")
    assert lines[2].startswith("  3 | ") and "Trust grows slowly (Smith, 2019)." in lines[2]
    # the caret sits under the citation
    assert lines[3].index("^") == lines[2].index("Smith, 2019")
    assert "\x1b[" not in out  # no colour when not a terminal


def test_batch_text_grouped_by_manuscript_and_shared_file_findings_once(run, tmp_path):
    body = "Trust grows (Ansell & Gash, 2008).\n"
    (tmp_path / "a.md").write_text(body, encoding="utf-8")
    (tmp_path / "b.md").write_text(body, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(
        "@article{x, author={Ansell, Chris and Gash, Alison}, title={T}, year={2008}, doi={10.1/x}}\n"
        "@article{y, author={Ansell, Chris and Gash, Alison}, title={T}, year={2008}, doi={10.1/x}}\n",
        encoding="utf-8",
    )
    out = run("check", "a.md", "b.md", "-r", "refs.bib").stdout
    assert out.count("CC107") == 1  # the duplicate in the shared file, once
    heads = [ln for ln in out.splitlines() if ln in ("a.md", "b.md")]
    assert heads == ["a.md"]  # b.md has nothing of its own


def test_missing_file_is_exit_2(run):
    result = run("check", "nope.md")
    assert result.exit_code == 2 and "no such file" in result.output


def test_folder_without_manuscripts_is_exit_2(run, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("check", "empty")
    assert result.exit_code == 2 and "no manuscripts" in result.output


def test_binary_file_is_exit_2(run, tmp_path):
    (tmp_path / "paper.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    result = run("check", "paper.md")
    assert result.exit_code == 2 and "binary" in result.output


def test_latin1_file_is_read(run, tmp_path):
    text = PAPER.replace("A small paper", "Une étude sur la coopération économique")
    (tmp_path / "paper.md").write_bytes(text.encode("latin-1", errors="replace"))
    result = run("check", "paper.md", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["references"] == 2


def test_empty_file(run, tmp_path):
    (tmp_path / "paper.md").write_text("", encoding="utf-8")
    result = run("check", "paper.md")
    assert result.exit_code == 0


def test_no_bibliography_says_so(run, tmp_path):
    (tmp_path / "paper.md").write_text("Trust grows slowly (Smith, 2019).\n", encoding="utf-8")
    result = run("check", "paper.md", "--format", "json")
    data = json.loads(result.stdout)
    # Not checked is not a pass: an error (exit 1), and the note says why.
    assert result.exit_code == 1
    assert {f["rule"] for f in data["findings"]} == {"missing-bibliography"}
    assert "no bibliography" in result.stderr


def test_unknown_rule_and_format_are_exit_2(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    assert run("check", "paper.md", "--select", "no-such-rule").exit_code == 2
    assert run("check", "paper.md", "--format", "yaml").exit_code == 2


def test_bad_config_is_exit_2(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    (tmp_path / "citecheck.toml").write_text("fail-onn = 1\n", encoding="utf-8")
    result = run("check", "paper.md")
    assert result.exit_code == 2 and "fail-onn" in result.output


def test_input_never_modified(run, tmp_path):
    path = tmp_path / "paper.md"
    path.write_text(PAPER, encoding="utf-8")
    os.chmod(path, 0o444)
    before = path.read_bytes()
    run("check", "paper.md", "--format", "json", "--output", str(tmp_path / "out.json"))
    assert path.read_bytes() == before
    assert json.loads((tmp_path / "out.json").read_text())["files"] == ["paper.md"]


def test_parse_references_only(run, tmp_path):
    (tmp_path / "refs.txt").write_text(
        "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
        "Journal of Public Administration Research and Theory, 18(4), 543-571.\n\n"
        "Adio S, Reth J. 2006. Title of a paper. J Muscle Res Cell Motil 27:153-60.\n",
        encoding="utf-8",
    )
    data = json.loads(run("parse", "--references-only", "refs.txt").stdout)
    refs = data["references"]
    assert [r["year"] for r in refs] == ["2008", "2006"]
    assert refs[0]["authors"][0] == {"family": "Ansell", "given": "C."}
    assert refs[1]["authors"][0]["family"] == "Adio" and refs[1]["location"]["line"] == 3


def test_rules_and_rule_doc(run):
    listing = run("rules").stdout
    assert "CC101" in listing and "cited-not-listed" in listing
    doc = run("rule", "author-mismatch")
    assert doc.exit_code == 0 and "Why it matters" in doc.stdout
    assert run("rule", "nonsense").exit_code == 2


def test_sibling_bib_beside_its_manuscript_is_used(run, tmp_path):
    sub = tmp_path / "submissions"
    sub.mkdir()
    (sub / "one.md").write_text("Trust grows (Ansell & Gash, 2008).\n", encoding="utf-8")
    (sub / "one.bib").write_text(
        "@article{x, author={Ansell, Chris and Gash, Alison}, title={T}, year={2008}}\n",
        encoding="utf-8",
    )
    (sub / "two.md").write_text("Nothing cited here (Nam, 2011).\n", encoding="utf-8")
    out = run("check", "submissions").stdout
    assert "submissions/one.md:1" not in out  # linked to its .bib: no finding
    assert "submissions/two.md:1:" in out  # two.md has no .bib of its own


def test_help_names_every_format_and_no_missing_option(run):
    out = run("check", "--help").output
    assert "--help-formats" not in out and "html" in out


def test_rule_page_is_plain_text_not_restructuredtext(run):
    out = run("rule", "year-mismatch").output
    assert "\nWhy it matters\n" in out
    assert "\n-----" not in out and "``" not in out and "Bad::" not in out


def test_verbose_evidence_reads_as_words(run, tmp_path):
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    out = run("check", "paper.md", "-v").stdout
    assert "cited et al: no" in out
    assert "False" not in out and "None" not in out


CLEAN = """# A clean paper

Collaboration needs trust (Ansell & Gash, 2008).

## References

Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. *Journal of Public Administration Research and Theory*, 18(4), 543–571. https://doi.org/10.1093/jopart/mum032
"""


def test_fail_on_skipped_exit_4_when_registry_checks_did_not_run(run, tmp_path):
    (tmp_path / "paper.md").write_text(CLEAN, encoding="utf-8")
    # offline with an empty cache: the DOI is not checked against the registry
    plain = run("check", "paper.md", "--format", "json")
    assert plain.exit_code == 0
    assert json.loads(plain.stdout)["summary"]["skipped_checks"]
    strict = run("check", "paper.md", "--fail-on-skipped")
    assert strict.exit_code == 4
    assert "did not run (--fail-on-skipped)" in strict.stderr
    # findings at --fail-on win: exit 1, not 4
    (tmp_path / "paper.md").write_text(PAPER, encoding="utf-8")
    assert run("check", "paper.md", "--fail-on-skipped").exit_code == 1


def test_fail_on_skipped_from_configuration(run, tmp_path):
    (tmp_path / "paper.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        "[tool.citecheck]\nfail-on-skipped = true\n", encoding="utf-8"
    )
    assert run("check", "paper.md").exit_code == 4
    assert run("check", "paper.md", "--no-fail-on-skipped").exit_code == 0
