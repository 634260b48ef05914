"""Ground truth for a LaTeX project: compile it, then ask ``checkcites`` (the peer).

The project is copied to a scratch folder, the main file is run once through pdflatex
(xelatex when the project loads fontspec/unicode-math/polyglossia), time-boxed and
niced; a failed compile is kept when it still wrote the ``.aux``/``.bcf``. Then
``checkcites --all`` reads the ``.aux`` (bibtex) or ``.bcf`` (biber). We also read the
cited keys and the bibliography files from the same ``.aux``/``.bcf`` ourselves, and
correct the peer where it is known to be wrong:

* ``\\nocite{*}`` makes every entry used, but checkcites lists them all as unused;
* a BibTeX/biblatex ``crossref``/``xdata`` parent of a cited entry is used (BibTeX and
  biber pull it in), but checkcites lists it as unused without ``--crossrefs``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

UNICODE_ENGINE = re.compile(
    r"\\(?:usepackage|RequirePackage)(?:\[[^\]]*\])?\{[^}]*\b(fontspec|unicode-math|polyglossia)\b"
)
AUX_CITATION = re.compile(r"\\citation\{([^}]*)\}")
AUX_BIBDATA = re.compile(r"\\bibdata\{([^}]*)\}")
AUX_INPUT = re.compile(r"\\@input\{([^}]*)\}")
BCF_KEY = re.compile(r"<bcf:citekey[^>]*>([^<]*)</bcf:citekey>")
BCF_SOURCE = re.compile(r"<bcf:datasource[^>]*>([^<]*)</bcf:datasource>")
BCF_SOURCE_TAG = re.compile(r'<bcf:datasource type="file" datatype="(\w+)"(?: glob="\w+")?>')
BCF_KEY_TAG = re.compile(r'<bcf:citekey order="(\d+)" intorder="(\d+)"[^>]*>')
ENGINE_MISSING = re.compile(
    r"(?:I didn't find a database entry for [\"']|WARN - I didn't find a database entry for ')([^\"']+)"
)
PARENT_FIELD = re.compile(r"\b(crossref|xdata)\s*=\s*[{\"]([^}\"]+)[}\"]", re.IGNORECASE)
ENTRY_HEAD = re.compile(r"@\s*(\w+)\s*[{(]\s*([^,\s]+)\s*,")


def tex_engine(project: Path) -> str:
    """xelatex when a .tex/.sty/.cls of the project loads a Unicode-only package."""
    for path in project.rglob("*"):
        if path.suffix in {".tex", ".sty", ".cls"} and path.is_file():
            if UNICODE_ENGINE.search(path.read_text(encoding="utf-8", errors="replace")):
                return "xelatex"
    return "pdflatex"


def compile_once(
    main: Path,
    engine: str,
    prefix: str = "",
    timeout: int = 120,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One niced, time-boxed TeX run in the main file's folder (``prefix``: TeX run first;
    ``env``: texmf.cnf settings such as ``extra_mem_top`` for a thesis TeX's default
    memory cannot hold)."""
    source = f"{prefix}\\input{{{main.name}}}" if prefix else main.name
    cmd = ["nice", "-n", "15", engine, "-interaction=nonstopmode", "-file-line-error"]
    if engine == "xelatex":  # the .aux/.bcf is all the peer needs: no xdvipdfmx (a
        cmd.append("-no-pdf")  # missing image kills that pipe, and the run with it)
    cmd += [f"-jobname={main.stem}", source] if prefix else [source]
    start = time.monotonic()
    try:
        proc = subprocess.run(
            cmd,
            cwd=main.parent,
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **env} if env else None,
        )
        code: int | str = proc.returncode
    except subprocess.TimeoutExpired:
        code = "timeout"
    return {
        "command": " ".join(cmd[3:]),
        "exit": code,
        "seconds": round(time.monotonic() - start, 1),
    }


def read_aux(aux: Path, seen: set[Path] | None = None) -> tuple[list[str], list[str]]:
    """Cited keys and ``\\bibdata`` names of an .aux, following ``\\@input`` sub-.aux files."""
    seen = seen if seen is not None else set()
    if aux in seen or not aux.is_file():
        return [], []
    seen.add(aux)
    text = aux.read_text(encoding="utf-8", errors="replace")
    keys = [
        k.strip() for m in AUX_CITATION.finditer(text) for k in m.group(1).split(",") if k.strip()
    ]
    data = [
        d.strip() for m in AUX_BIBDATA.finditer(text) for d in m.group(1).split(",") if d.strip()
    ]
    for sub in AUX_INPUT.findall(text):
        k, d = read_aux(aux.parent / sub, seen)
        keys += k
        data += d
    return keys, data


def read_bcf(bcf: Path) -> tuple[list[str], list[str]]:
    """Cited keys and datasources of a biblatex control file."""
    text = bcf.read_text(encoding="utf-8", errors="replace")
    return [k.strip() for k in BCF_KEY.findall(text)], [s.strip() for s in BCF_SOURCE.findall(text)]


def checkcites_copy(bcf: Path) -> tuple[Path, bool]:
    """A copy of the .bcf that checkcites 2.6 can read, and whether it had to change.

    Its line patterns need ``glob="false"`` on a datasource (absent when biblatex's
    legacy ``\\bibliography`` declared it) and no attribute after ``intorder`` on a
    citekey (``nocite="1"`` from ``\\nocite``): otherwise it silently sees no
    bibliography file or drops the nocited keys.
    """
    text = bcf.read_text(encoding="utf-8", errors="replace")
    fixed = BCF_SOURCE_TAG.sub(r'<bcf:datasource type="file" datatype="\1" glob="false">', text)
    fixed = BCF_KEY_TAG.sub(r'<bcf:citekey order="\1" intorder="\2">', fixed)
    copy = bcf.with_name(bcf.stem + "-checkcites.bcf")
    copy.write_text(fixed, encoding="utf-8")
    return copy, fixed != text


def engine_warnings(main: Path, engine: str) -> dict[str, Any]:
    """Run bibtex/biber once and collect the keys it found no entry for."""
    cmd = ["nice", "-n", "15", engine, main.stem]
    try:
        proc = subprocess.run(
            cmd,
            cwd=main.parent,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return {"command": " ".join(cmd[3:]), "exit": "timeout", "missing": None}
    log = proc.stdout + proc.stderr
    blg = main.with_suffix(".blg")
    if blg.is_file():
        log += blg.read_text(encoding="utf-8", errors="replace")
    missing = sorted(set(ENGINE_MISSING.findall(log)))
    return {
        "command": " ".join(cmd[3:]),
        "exit": proc.returncode,
        "missing": missing,
        "errors": [ln.strip() for ln in log.splitlines() if "ERROR" in ln or "error message" in ln][
            :5
        ],
    }


def run_checkcites(path: Path, backend: str) -> dict[str, Any]:
    """checkcites --all on an .aux or .bcf; unused/undefined lists as it reports them."""
    cmd = ["checkcites", "--all", "--backend", backend, path.name]
    proc = subprocess.run(cmd, cwd=path.parent, capture_output=True, text=True, timeout=120)
    out = proc.stdout + proc.stderr
    unused, undefined, section = [], [], None
    for line in out.splitlines():
        if line.startswith("Unused references"):
            section = unused
        elif line.startswith("Undefined references"):
            section = undefined
        elif line.startswith("=> ") and section is not None:
            section.append(line[3:].strip())
    return {
        "command": " ".join(cmd),
        "exit": proc.returncode,
        "unused": unused,
        "undefined": undefined,
        "said": [ln for ln in out.splitlines() if "found" in ln.lower() or "sorry" in ln.lower()],
    }


def bib_parents(bib_files: list[Path]) -> dict[str, set[str]]:
    """Entry key -> the keys named in its ``crossref``/``xdata`` fields (a light scan)."""
    parents: dict[str, set[str]] = {}
    for bib in bib_files:
        text = bib.read_text(encoding="utf-8", errors="replace") if bib.is_file() else ""
        heads = list(ENTRY_HEAD.finditer(text))
        for i, head in enumerate(heads):
            body = text[head.end() : heads[i + 1].start() if i + 1 < len(heads) else len(text)]
            for field in PARENT_FIELD.finditer(body):
                parents.setdefault(head.group(2), set()).update(
                    k.strip() for k in field.group(2).split(",")
                )
    return parents


def bib_keys(bib_files: list[Path]) -> set[str]:
    """Entry keys of BibTeX files (a light scan: @string/@comment/@preamble skipped)."""
    keys: set[str] = set()
    for bib in bib_files:
        text = bib.read_text(encoding="utf-8", errors="replace") if bib.is_file() else ""
        for head in ENTRY_HEAD.finditer(text):
            if head.group(1).lower() not in {"string", "comment", "preamble"}:
                keys.add(head.group(2))
    return keys


def find_bib(folder: Path, name: str) -> Path | None:
    """The file TeX would open for a bibliography name (next to the main file, then kpsewhich)."""
    for cand in (folder / name, folder / f"{name}.bib"):
        if cand.is_file():
            return cand
    found = subprocess.run(
        ["kpsewhich", name if name.endswith(".bib") else f"{name}.bib"],
        capture_output=True,
        text=True,
        cwd=folder,
    ).stdout.strip()
    return Path(found) if found else None


def truth(
    project: Path,
    main_rel: str,
    engine: str,
    scratch: Path,
    prefix: str = "",
    tex: str | None = None,
    tex_env: dict[str, str] | None = None,
    timeout: int = 120,
) -> dict[str, Any]:
    """Compile a copy of ``project`` and return the truth record (see the corpus README).
    ``tex`` (the manifest's ``tex``) overrides the engine guessed from the sources (a
    stand-alone figure file loading fontspec does not make the thesis a XeTeX one)."""
    if scratch.exists():
        shutil.rmtree(scratch)
    shutil.copytree(project, scratch)
    main = scratch / main_rel
    job = main.with_suffix("")
    committed = {s: (job.with_suffix(s)).is_file() for s in (".aux", ".bcf", ".bbl")}
    for suffix in (".aux", ".bcf"):
        job.with_suffix(suffix).unlink(missing_ok=True)
    tex = tex or tex_engine(scratch)
    run = compile_once(main, tex, prefix, timeout, tex_env)
    record: dict[str, Any] = {
        "peer": "checkcites",
        "engine": engine,
        "tex": tex,
        "compile": run,
        "committed_build_files": [s for s, present in committed.items() if present],
    }
    control = job.with_suffix(".bcf" if engine == "biber" else ".aux")
    original = (project / main_rel).with_suffix(control.suffix)
    if not control.is_file() and original.is_file():
        # The compile failed before writing it: use the file the author compiled and committed.
        shutil.copy2(original, control)
        record["control_source"] = "committed by the author (the compile here did not write it)"
    if not control.is_file() or (
        engine == "bibtex" and not read_aux(control)[0] and not read_aux(control)[1]
    ):
        record["peer_checked"] = False
        record["why"] = f"the compile wrote no usable {control.suffix}"
        return record
    keys, sources = read_bcf(control) if engine == "biber" else read_aux(control)
    peer_input, shimmed = checkcites_copy(control) if engine == "biber" else (control, False)
    peer = run_checkcites(peer_input, engine)
    record["engine_run"] = engine_warnings(main, engine)
    files = [f for f in (find_bib(main.parent, s) for s in sources) if f is not None]
    record.update(
        control_file=str(control.relative_to(scratch)),
        cited=sorted(set(keys)),
        bib_sources=sources,
        bib_files_found=[
            str(f.relative_to(scratch)) if scratch in f.parents else f"<texmf>/{f.name}"
            for f in files
        ],
        peer_raw={
            "unused": sorted(peer["unused"]),
            "undefined": sorted(peer["undefined"]),
            "said": peer["said"],
        },
        peer_checked=bool(keys) and bool(sources),
    )
    unused, undefined, corrections = set(peer["unused"]), set(peer["undefined"]), []
    if shimmed:
        corrections.append(
            {
                "class": "checkcites-bcf-shim",
                "why": "checkcites 2.6 was given a copy of the .bcf "
                'with glob="false" added to datasources and nocite attributes dropped from citekeys; '
                "without it, it misses legacy \\bibliography datasources and \\nocite keys",
            }
        )
    missing = record["engine_run"]["missing"]
    if (
        missing is not None
        and record["engine_run"]["exit"] != "timeout"
        and set(missing) != undefined - {"*"}
    ):
        record["engine_disagrees"] = {
            "engine_missing": missing,
            "checkcites_undefined": sorted(undefined),
        }
    if "*" in keys:
        corrections.append(
            {
                "class": "nocite-star",
                "why": "\\nocite{*} uses every entry; checkcites lists "
                f"{len(unused)} as unused and '*' as undefined",
                "removed_unused": sorted(unused),
            }
        )
        unused = set()
        undefined.discard("*")
    parents = bib_parents([f for f in files if scratch in f.parents])
    used = {p for k in set(keys) for p in parents.get(k, ())}
    if used & unused:
        corrections.append(
            {
                "class": "crossref-parent",
                "why": "crossref/xdata parents of cited entries are used "
                "by BibTeX/biber; checkcites lists them as unused",
                "removed_unused": sorted(used & unused),
            }
        )
        unused -= used
    entries = bib_keys(
        [f for f in files if scratch in f.parents and not f.name.endswith("-blx.bib")]
    )
    cited = set(keys)
    if entries:
        wrong_undefined, bogus_unused = undefined & entries, unused - entries
        if wrong_undefined or bogus_unused:
            corrections.append(
                {
                    "class": "checkcites-misread-entries",
                    "why": "checkcites 2.6 takes an entry's "
                    "key from '@type{' to the last comma of that line, so an entry written on one "
                    "line gets a wrong key: its real key looks undefined",
                    "removed_undefined": sorted(wrong_undefined),
                    "removed_unused": sorted(bogus_unused),
                }
            )
            undefined -= wrong_undefined
            unused -= bogus_unused
    folded_cited = {c.lower() for c in cited}
    missed = {k for k in entries - cited - unused - used if k.lower() not in folded_cited}
    if missed and "*" not in keys:
        corrections.append(
            {
                "class": "checkcites-missed-entries",
                "why": "entries checkcites 2.6 does not see (its "
                "line pattern needs @type{key, on one line and a type of letters/digits only, e.g. not "
                "@working_paper); they are in the file and uncited",
                "added_unused": sorted(missed),
            }
        )
        unused |= missed
    if engine == "bibtex":
        folded = {k.lower(): k for k in unused}
        same = sorted(u for u in undefined if u.lower() in folded)
        if same:
            corrections.append(
                {
                    "class": "bibtex-key-case",
                    "why": "BibTeX matches cite keys case-insensitively "
                    "(the entry is printed under the cited spelling); checkcites compares exactly",
                    "removed_undefined": same,
                    "removed_unused": sorted(folded[u.lower()] for u in same),
                }
            )
            undefined -= set(same)
            unused -= {folded[u.lower()] for u in same}
    record.update(undefined=sorted(undefined), unused=sorted(unused), corrections=corrections)
    return record
