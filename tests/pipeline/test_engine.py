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


def test_registries_are_asked_only_about_printed_references(tmp_path: Path):
    """A shared .bib's uncited entries are in no manuscript: no request is made for them,
    and the skipped note counts the printed references only."""
    import httpx

    (tmp_path / "lab.bib").write_text(
        "@article{cited, author = {Adams, Ann}, title = {The cited study of river flow},"
        " journal = {Hydrology Letters}, year = {2019}, doi = {10.5555/cited.1}}\n"
        "@article{unused, author = {Brown, Bea}, title = {An entry of the lab's library},"
        " journal = {Other Letters}, year = {2018}, doi = {10.5555/unused.2}}\n",
        encoding="utf-8",
    )
    paper = tmp_path / "paper.md"
    paper.write_text(
        "---\ntitle: River flow\nbibliography: lab.bib\n---\n\nRivers flow [@cited].\n",
        encoding="utf-8",
    )
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(503)

    client = httpx.Client(transport=httpx.MockTransport(answer))
    settings = Settings(paths=[str(paper)], cache_dir=str(tmp_path / "cache"), mailto="t@e.org")
    report = check(settings, root=tmp_path, client=client)
    assert asked and all("unused" not in url for url in asked)
    assert any("cited.1" in url for url in asked)
    reasons = [s.reason for s in report.skipped_checks if s.check == "registry"]
    assert reasons and all(r.startswith("1 of 1 printed references") for r in reasons)
