"""LaTeX loader: cite commands, includes, bibliography, agreement with checkcites."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from citecheck.loaders.latex import load

FIXTURES = Path(__file__).parents[1] / "fixtures" / "formats" / "latex"


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def _keys(doc: object) -> list[str]:
    return [c.key for c in doc.citations]  # type: ignore[attr-defined]


def test_project_follows_includes_and_skips_non_text() -> None:
    doc = load(FIXTURES / "project" / "main.tex", "proj/main.tex")
    assert _keys(doc) == [
        "smith2019",
        "jones2020",
        "lee2018",
        "smith2019",
        "missing2001",
        "lee2018",
        "jones2020",
        "undefined2021",
        "nocited2015",
    ]
    by_key = {c.key: c for c in reversed(doc.citations)}  # first occurrence wins
    assert by_key["undefined2021"].location.path == "proj/chapters/results.tex"
    assert by_key["undefined2021"].location.line == 2
    assert by_key["missing2001"].location.short() == "proj/main.tex:12:54"
    assert by_key["jones2020"].narrative and by_key["jones2020"].locator == "p. 4"
    assert by_key["missing2001"].prefix == "see" and by_key["missing2001"].locator == "chap. 2"
    kinds = sorted(p.kind for p in doc.problems)
    assert kinds == ["include-cycle", "missing-include"]
    assert [r.key for r in doc.references][:3] == ["smith2019", "jones2020", "lee2018"]
    assert doc.reference_files == ("proj/refs.bib",)
    assert doc.metadata.title == "Soil Moisture and Maize Yield"
    assert doc.metadata.headings == ("Introduction", "Methods", "Results")
    assert doc.metadata.language == "en"
    assert doc.bibliography_found and not doc.allow_uncited


def test_citation_offsets_point_into_document_text() -> None:
    doc = load(FIXTURES / "project" / "main.tex", "main.tex")
    for c in doc.citations:
        assert doc.text[c.start : c.end] == c.text


def test_biblatex_multicite_and_notes(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        "a.tex",
        r"""\documentclass{article}
\addbibresource{refs.bib}
\begin{document}
\textcites(see)()[p.~1]{ka}[chap.~2]{kb,kc} and \autocite[cf.][]{kd}
\footcite{ke} \parencite*{kf} \Textcite{kg} \volcite{2}[45]{kh}
\cite{ a , b,c } \citestyle{nature}
\end{document}
""",
    )
    doc = load(src, "a.tex")
    assert _keys(doc) == ["ka", "kb", "kc", "kd", "ke", "kf", "kg", "kh", "a", "b", "c"]
    ka, kb = doc.citations[0], doc.citations[1]
    assert ka.narrative and ka.locator == "p. 1" and kb.locator == "chap. 2"
    assert ka.group == kb.group
    assert doc.citations[3].prefix == "cf." and doc.citations[3].locator is None
    assert doc.citations[7].locator == "vol. 2, 45"
    assert doc.problems[0].kind == "missing-bibliography-file"


def test_nocite_star_and_shared_marker(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.tex", "\\nocite{*}\\cite{x}\n")
    assert load(a, "a.tex").allow_uncited
    b = _write(tmp_path, "b.tex", "% citecheck: shared-bib\n\\cite{x}\n")
    assert load(b, "b.tex").allow_uncited
    c = _write(tmp_path, "c.tex", "\\cite{x} % 100\\% sure\n")
    assert not load(c, "c.tex").allow_uncited


def test_escaped_percent_is_not_a_comment_and_verb_is_skipped(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.tex", "50\\% of \\cite{a}. \\verb|\\cite{b}| \\\\% \\cite{c}\n")
    assert _keys(load(src, "a.tex")) == ["a"]


def test_thebibliography_items(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        "a.tex",
        r"""\begin{document}
As shown \cite{k1,k2}.
\begin{thebibliography}{9}
\bibitem[Smith(2019)]{k1} J.~Smith. \newblock \emph{Maize}. Springer, 2019.
\bibitem{k3} A.~Lee. Soils. 2018.
\end{thebibliography}
\end{document}
""",
    )
    doc = load(src, "a.tex")
    assert [r.key for r in doc.references] == ["k1", "k3"]
    assert doc.references[0].text.startswith("J. Smith. Maize.")
    assert "end" not in doc.references[1].text and doc.references[1].location.line == 5
    assert doc.bibliography_found


def test_suppression_comment(tmp_path: Path) -> None:
    src = _write(tmp_path, "a.tex", "% citecheck: ignore[cited-not-listed]\n\\cite{a}\n\\cite{b}\n")
    doc = load(src, "a.tex")
    assert doc.citations[0].suppressed == ("cited-not-listed",)
    assert doc.citations[1].suppressed == ()


def test_included_location_relative_to_display_folder(tmp_path: Path) -> None:
    _write(tmp_path, "paper/main.tex", "\\subimport{parts/}{one}\n")
    _write(tmp_path, "paper/parts/one.tex", "\\input{two}\n")
    _write(tmp_path, "paper/parts/two.tex", "x \\cite{deep}\n")
    doc = load(tmp_path / "paper" / "main.tex", "paper/main.tex")
    assert doc.citations[0].location.path == "paper/parts/two.tex"


def _checkcites(folder: Path) -> tuple[set[str], set[str]]:
    for cmd in (["pdflatex", "-interaction=nonstopmode", "paper"], ["bibtex", "paper"]):
        subprocess.run(cmd, cwd=folder, capture_output=True, timeout=120, check=False)
    out = subprocess.run(
        ["checkcites", "paper.aux"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    unused_part, _, undefined_part = out.partition("Undefined references")
    return (set(re.findall(r"=> (\S+)", unused_part)), set(re.findall(r"=> (\S+)", undefined_part)))


@pytest.mark.skipif(
    not all(shutil.which(t) for t in ("pdflatex", "bibtex", "checkcites")),
    reason="TeX Live (pdflatex, bibtex, checkcites) not installed",
)
def test_agrees_with_checkcites(tmp_path: Path) -> None:
    folder = tmp_path / "agree"
    shutil.copytree(FIXTURES / "agree", folder)
    doc = load(folder / "paper.tex", "paper.tex")
    cited = {c.key for c in doc.citations}
    listed = {r.key for r in doc.references}
    unused, undefined = _checkcites(folder)
    assert unused == {"unused2011", "spare2013"}  # the fixture's design, seen by TeX
    assert listed - cited == unused
    assert cited - listed == undefined


def test_includes_outside_the_project_are_not_followed(tmp_path: Path, monkeypatch) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("Secret text \\cite{hidden}.\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    main = project / "main.tex"
    main.write_text(
        f"\\documentclass{{article}}\\begin{{document}}\\input{{{secret}}}\\input{{../secret}}"
        "\\end{document}\n",
        encoding="utf-8",
    )
    from citecheck.loaders.latex import load

    doc = load(main, "main.tex")
    assert not doc.citations
    assert [p.kind for p in doc.problems] == ["include-outside", "include-outside"]
