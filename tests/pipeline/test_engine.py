from pathlib import Path

from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check

LOCAL = ("cited-not-listed", "listed-not-cited", "year-mismatch", "author-mismatch")


def _rules(report):
    return sorted((f.rule, f.location.path, f.location.line) for f in report.findings)


def test_ditto_entries_take_the_previous_authors(tmp_path: Path):
    (tmp_path / "p.md").write_text(
        "Text (Smith, 2019; Smith, 2020).\n\n## References\n\n"
        "Smith, John. 2019. *First Book*. Chicago: University Press.\n\n"
        "———. 2020. *Second Book*. Chicago: University Press.\n",
        encoding="utf-8",
    )
    report = check(Settings(paths=("p.md",), offline=True, select=LOCAL), root=tmp_path)
    assert report.findings == ()


def test_repository_layout_pairs_manuscripts_with_reference_files(tmp_path: Path):
    (tmp_path / "manuscripts").mkdir()
    (tmp_path / "references").mkdir()
    (tmp_path / "manuscripts" / "a.md").write_text(
        "Trust matters (Ansell & Gash, 2008; Nobody, 2001).\n", encoding="utf-8"
    )
    (tmp_path / "references" / "a.bib").write_text(
        "@article{ag, author={Ansell, Chris and Gash, Alison}, title={Collaborative governance},"
        " journal={JPART}, year={2008}}\n"
        "@book{unused, author={Jones, B.}, title={Unused}, year={2017}}\n",
        encoding="utf-8",
    )
    report = check(Settings(offline=True, select=LOCAL), root=tmp_path)
    assert report.files == ("manuscripts/a.md",)
    assert _rules(report) == [
        ("cited-not-listed", "manuscripts/a.md", 1),
        ("listed-not-cited", "references/a.bib", 2),
    ]


def test_folder_skips_latex_chapters(tmp_path: Path):
    (tmp_path / "main.tex").write_text(
        "\\documentclass{article}\\begin{document}\\input{ch}\\end{document}\n", encoding="utf-8"
    )
    (tmp_path / "ch.tex").write_text("A chapter \\cite{x}.\n", encoding="utf-8")
    report = check(Settings(paths=(".",), offline=True, select=LOCAL), root=tmp_path)
    assert report.files == ("main.tex",)
