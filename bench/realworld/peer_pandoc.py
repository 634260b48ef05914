"""Ground truth for a Pandoc / R Markdown / Quarto manuscript: ``pandoc --citeproc``.

Quarto is not installable here (its PyPI package downloads the binary from GitHub at
install time), so a Quarto or R Markdown project is assembled the way Quarto/knitr
would before Pandoc sees it: the book's chapters from ``_quarto.yml`` in order,
``{{< include f >}}`` shortcodes and knitr ``child=`` chunks expanded, and
``bibliography:`` taken from the document's front matter, else ``_quarto.yml``. Then

* cited keys = the ``Cite`` elements of ``pandoc -t json``;
* undefined = the keys citeproc warns about ("citation X not found");
* listed keys = the bibliography files read by pandoc (``-t csljson``); unused = listed
  minus cited (Pandoc itself never reports unused entries), empty with ``nocite: @*``.

Corrections: Quarto cross-references (``@fig-x``, ``@tbl-x``, ``@sec-x``, ``@eq-x``, …)
are not citations, though plain Pandoc warns about them; they are removed and named.
Knitted R code (inline `` `r …` `` producing citations) is not run.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from bench.realworld import peer_tex

QUARTO_XREF = re.compile(r"^(fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sol|rem|alg|apx)-")
INCLUDE = re.compile(r"\{\{<\s*include\s+(\S+?)\s*>\}\}")
CHILD = re.compile(r"^```\{r[^}]*child\s*=\s*['\"]([^'\"]+)['\"][^}]*\}\s*\n```", re.MULTILINE)
# knitr's chunk header is greedy up to the last "}" (a fig.cap may hold "$\\Delta_{L}$").
CHUNK_FENCE = re.compile(r"^([ \t>]*)(`{3,})\s*\{([A-Za-z0-9_]+)[^\n]*\}[ \t]*$", re.MULTILINE)
FRONT = re.compile(r"\A\ufeff?---\s*\n(.*?)\n(?:---|\.\.\.)\s*\n", re.DOTALL)
NOT_FOUND = re.compile(r"[Cc]itation (\S+) not found")


def _plain(value: Any) -> Any:
    """A pandoc JSON metadata value as plain Python (inlines joined to a string)."""
    kind, content = value.get("t"), value.get("c")
    if kind == "MetaMap":
        return {k: _plain(v) for k, v in content.items()}
    if kind == "MetaList":
        return [_plain(v) for v in content]
    if kind in ("MetaString", "MetaBool"):
        return content
    if kind in ("MetaInlines", "MetaBlocks"):
        return _inlines(content)
    return None


def _inlines(nodes: Any) -> str:
    if isinstance(nodes, dict):
        if nodes.get("t") == "Str":
            return str(nodes["c"])
        if nodes.get("t") in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if nodes.get("t") == "Cite":  # nocite: @*
            return " ".join("@" + c["citationId"] for c in nodes["c"][0])
        return _inlines(nodes.get("c", []))
    if isinstance(nodes, list):
        return "".join(_inlines(n) for n in nodes)
    return ""


def front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter as pandoc reads it ({} when absent); pandoc is laxer than PyYAML."""
    match = FRONT.match(text)
    if not match:
        return {}
    proc = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "json"],
        input=match.group(0),
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        return {}
    meta = json.loads(proc.stdout).get("meta", {})
    return {k: _plain(v) for k, v in meta.items()}


def expand(path: Path, depth: int = 0) -> str:
    """The file's text with includes and knitr children spliced in (front matter of children dropped)."""
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    if depth:
        text = FRONT.sub("", text, count=1)
    if depth > 10:
        return text

    def splice(match: re.Match[str]) -> str:
        child = path.parent / match.group(1)
        return expand(child, depth + 1) if child.is_file() else match.group(0)

    # knitr/Quarto turn ```{r ...} chunks into code blocks before pandoc; pandoc alone
    # would not read "{r}" as fence attributes and would parse the chunk as prose.
    return CHUNK_FENCE.sub(r"\1\2 \3", CHILD.sub(splice, INCLUDE.sub(splice, text)))


def _chapters(items: list[Any]) -> list[str]:
    """Quarto's chapter list: plain entries, ``href:``/``file:`` entries, a part given as
    a file (its page comes before the part's chapters), the chapters of each part."""
    out: list[str] = []
    for item in items or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            page = item.get("href", item.get("file"))
            part = item.get("part")
            if isinstance(page, str) and "://" not in page:
                out.append(page)
            elif isinstance(part, str) and part.lower().endswith((".qmd", ".md", ".rmd")):
                out.append(part)
            out += _chapters(item.get("chapters", []))
    return out


def assemble(main: Path) -> tuple[str, list[Path], bool, str]:
    """(text, bibliography files, nocite-all, how) for a manuscript or the Quarto project around it."""
    project = next(
        (d for d in [main.parent, *main.parent.parents] if (d / "_quarto.yml").is_file()), None
    )
    config = (
        yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8")) if project else {}
    )
    config = config if isinstance(config, dict) else {}
    book = config.get("book", {}) if isinstance(config.get("book"), dict) else {}
    chapters = _chapters(book.get("chapters", [])) + _chapters(book.get("appendices", []))
    if project and chapters:
        parts = [
            expand(project / c)
            for c in chapters
            if (project / c).is_file() and not c.endswith(".ipynb")
        ]
        text, how, base = (
            "\n\n".join(FRONT.sub("", p, count=1) for p in parts),
            f"book of {len(parts)} chapters",
            project,
        )
        meta = dict(config)
    else:
        text, how, base = expand(main), "single file", main.parent
        meta = {**config, **front_matter(main.read_text(encoding="utf-8-sig", errors="replace"))}
        # The front matter stays: its Cite elements (nocite, abstract) count, as in pandoc.
    bib = meta.get("bibliography") or []
    bibs = [bib] if isinstance(bib, str) else [str(b) for b in bib]
    nocite = str(meta.get("nocite", ""))
    return text, [(base / b) for b in bibs], "@*" in nocite, how


def cite_keys(node: Any, out: list[str]) -> None:
    """Every citationId under a pandoc JSON node."""
    if isinstance(node, dict):
        if node.get("t") == "Cite":
            out += [c["citationId"] for c in node["c"][0]]
        for value in node.values():
            cite_keys(value, out)
    elif isinstance(node, list):
        for value in node:
            cite_keys(value, out)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def truth(root: Path, main_rel: str) -> dict[str, Any]:
    """The truth record for a Pandoc-family manuscript ``root/main_rel``."""
    main = root / main_rel
    text, bibs, nocite_all, how = assemble(main)
    present = [b for b in bibs if b.is_file()]
    ast = json.loads(
        subprocess.run(
            ["pandoc", "-f", "markdown", "-t", "json"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    cited: list[str] = []
    cite_keys(ast, cited)
    listed: set[str] = set()
    unreadable: dict[str, str] = {}
    for bib in present:
        fmt = {".bib": "biblatex", ".json": "csljson", ".yaml": "markdown", ".yml": "markdown"}.get(
            bib.suffix, "bibtex"
        )
        out = subprocess.run(
            ["pandoc", "-f", fmt, "-t", "csljson", str(bib)], capture_output=True, text=True
        )
        if out.returncode == 0:
            listed |= {item["id"] for item in json.loads(out.stdout or "[]")}
        else:
            # pandoc refuses the whole file (and the render fails): read its keys leniently.
            unreadable[_rel(bib, root)] = out.stderr.strip()[:300]
            listed |= peer_tex.bib_keys([bib])
    args = [
        "pandoc",
        "-f",
        "markdown",
        "-t",
        "plain",
        "--citeproc",
        *[f"--bibliography={b}" for b in present],
    ]
    run = subprocess.run(args, input=text, capture_output=True, text=True, cwd=main.parent)
    warned = set(NOT_FOUND.findall(run.stderr))
    xrefs = sorted(k for k in set(cited) if QUARTO_XREF.match(k))
    record: dict[str, Any] = {
        "peer": "pandoc --citeproc",
        "assembled": how,
        "bib_sources": [_rel(b, root) for b in bibs],
        "bib_files_found": [_rel(b, root) for b in present],
        "cited": sorted(set(cited)),
        "peer_raw": {"undefined": sorted(warned)},
        "peer_checked": bool(cited) and bool(present),
        "corrections": [],
    }
    undefined = set(warned) if present else set(cited)
    if run.returncode != 0 or unreadable:
        record["peer_error"] = {
            "exit": run.returncode,
            "stderr": run.stderr.strip()[:400],
            "unreadable": unreadable,
        }
        undefined = set(cited) - listed
        record["corrections"].append(
            {
                "class": "pandoc-failed",
                "why": "pandoc --citeproc stopped on a bibliography it cannot read, so it reports nothing; "
                "undefined is computed as cited minus the keys read leniently from the files",
            }
        )
    if xrefs:
        record["corrections"].append(
            {
                "class": "quarto-crossref",
                "why": "Quarto cross-references are not citations; plain pandoc warns about them",
                "removed_undefined": xrefs,
            }
        )
        undefined -= set(xrefs)
    record["undefined"] = sorted(undefined)
    record["unused"] = [] if nocite_all else sorted(listed - set(cited))
    record["unused_source"] = "listed (pandoc's reading of the bibliography) minus cited"
    return record
