"""Files outside the project: ``\\input{../..}``, absolute paths, symlinks.

Each case writes ``project/`` (the working folder and the folder of every input) and
``outside/`` beside it. Outside files hold the marker ``zq9xsecret``: it must never
appear in the report, whatever the exit code.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import Case, case
from ._base import PROSE, bib_entry

SECRET = "zq9xsecret"


def _layout(folder: Path) -> tuple[Path, Path]:
    project, outside = folder / "project", folder / "outside"
    project.mkdir()
    outside.mkdir()
    (outside / "secret.tex").write_text(f"\\cite{{{SECRET}}} {SECRET}\n", encoding="utf-8")
    (outside / "secret.bib").write_text(
        f"@book{{k0,\n  author = {{{SECRET}, A.}},\n  title = {{{SECRET}}},\n  year = {{1990}},\n}}\n",
        encoding="utf-8",
    )
    (outside / "secret.md").write_text(f"# {SECRET}\n\n({SECRET}, 2001)\n", encoding="utf-8")
    return project, outside


def _paths_case(args: tuple[str, ...]) -> Case:
    return Case(
        "",
        "",
        (*args, "--format", "json"),
        frozenset({0, 1, 2}),
        cwd="project",
        extra={"forbidden": SECRET},
    )


@case("paths")
def gen_latex_input_outside(folder: Path, scale: float) -> Case:
    """``\\input`` of a relative path that climbs out, and of an absolute path."""
    project, outside = _layout(folder)
    (project / "refs.bib").write_text(bib_entry(0), encoding="utf-8")
    (project / "paper.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n" + PROSE + "\\cite{k0}.\n"
        "\\input{../outside/secret}\n\\include{../../" + folder.name + "/outside/secret}\n"
        f"\\input{{{outside / 'secret.tex'}}}\n\\bibliography{{refs}}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    return _paths_case(("paper.tex",))


@case("paths")
def gen_latex_bib_outside(folder: Path, scale: float) -> Case:
    """``\\bibliography`` and ``\\addbibresource`` naming files outside the project."""
    project, outside = _layout(folder)
    (project / "paper.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n" + PROSE + "\\cite{k0}.\n"
        f"\\addbibresource{{{outside / 'secret.bib'}}}\n\\bibliography{{../outside/secret}}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    return _paths_case(("paper.tex",))


@case("paths")
def gen_md_bibliography_outside(folder: Path, scale: float) -> Case:
    """Front matter ``bibliography:`` with ``../`` and absolute paths."""
    project, outside = _layout(folder)
    (project / "paper.md").write_text(
        f"---\nbibliography:\n  - ../outside/secret.bib\n  - {outside / 'secret.bib'}\n---\n\n"
        f"{PROSE}[@k0]\n",
        encoding="utf-8",
    )
    return _paths_case(("paper.md",))


@case("paths")
def gen_symlinks_outside(folder: Path, scale: float) -> Case:
    """Symlinks inside the project to files and a folder outside it."""
    project, outside = _layout(folder)
    os.symlink(outside / "secret.bib", project / "refs.bib")
    os.symlink(outside / "secret.tex", project / "part.tex")
    os.symlink(outside, project / "linked")
    (project / "paper.tex").write_text(
        "\\documentclass{article}\n\\begin{document}\n" + PROSE + "\\cite{k0}.\n"
        "\\input{part}\n\\input{linked/secret}\n\\bibliography{refs}\n\\end{document}\n",
        encoding="utf-8",
    )
    (project / "paper.md").write_text(
        f"---\nbibliography: linked/secret.bib\n---\n\n{PROSE}[@k0]\n", encoding="utf-8"
    )
    return _paths_case(("paper.tex", "paper.md"))


@case("paths")
def gen_folder_with_symlinks(folder: Path, scale: float) -> Case:
    """Checking a folder that holds a symlink to a manuscript and a folder outside it."""
    project, outside = _layout(folder)
    (project / "paper.md").write_text(f"# A\n\n{PROSE}(Ba, 2001)\n", encoding="utf-8")
    os.symlink(outside / "secret.md", project / "other.md")
    os.symlink(outside, project / "sub")
    return _paths_case((".",))
