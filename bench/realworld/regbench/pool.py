"""The registry benchmark's real data, read from fetched git snapshots (never committed).

Two kinds of third-party material, each from a different source:

* **records** the loopback stand-in serves: the registry records that
  greenelab/deep-review's Manubot build retrieved for its 615 references
  (``references.json`` on its ``output`` branch: CSL-JSON from doi.org content
  negotiation, arXiv's API and PubMed, as Manubot stored them), plus every Crossref
  work found in the recorded API answers (VCR cassettes and JSON fixtures) of four
  Crossref client libraries, served as distractors;
* **reference strings** as written in other public reference lists (BibTeX files of
  papers and theses, curated Markdown reading lists), located by repository, commit,
  path and BibTeX key or line hash (``manifest.json``).

Git directories are looked up as ``MIRROR/owner+name/repo`` (what the search tool's
``fetch`` leaves).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MIRROR = Path("/work/.mirror")
HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.json"
FABRICATED = HERE / "fabricated.json"


def git_show(repo: str, commit: str, path: str, mirror: Path = MIRROR) -> bytes:
    """The blob ``commit:path`` of ``repo`` from its fetched snapshot."""
    gd = mirror / repo.replace("/", "+", 1) / "repo"
    done = subprocess.run(
        ["git", "-C", str(gd), "show", f"{commit}:{path}"], capture_output=True, check=False
    )
    if done.returncode != 0:
        raise FileNotFoundError(f"{repo}@{commit[:8]}:{path} (fetch github:{repo} first)")
    return done.stdout


def git_files(repo: str, commit: str, mirror: Path = MIRROR) -> list[str]:
    """Every path of ``repo`` at ``commit``."""
    gd = mirror / repo.replace("/", "+", 1) / "repo"
    done = subprocess.run(
        ["git", "-C", str(gd), "ls-tree", "-r", "--name-only", commit],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.splitlines()


def norm(text: str) -> str:
    """Lower-case ASCII words (for title matching while building the manifest)."""
    text = re.sub(r"<[^>]{1,200}>", " ", text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


# -- records -------------------------------------------------------------------------------

_TYPES = {
    "article-journal": "journal-article",
    "article": "journal-article",
    "paper-conference": "proceedings-article",
    "chapter": "book-chapter",
    "book": "book",
    "thesis": "dissertation",
    "report": "report",
}


@dataclass(frozen=True)
class PoolRecord:
    """One record of the pool: its id, the registry that serves it, and the record."""

    id: str
    registry: str  # "crossref" (a Crossref work) or "arxiv" (an arXiv entry)
    work: dict[str, Any]  # Crossref work shape, or CSL for arXiv
    arxiv: str | None = None


def _csl_to_work(csl: dict[str, Any]) -> dict[str, Any]:
    """A Manubot CSL item (Crossref's CSL transform) back in the Crossref work shape."""
    authors = []
    for a in csl.get("author", []):
        if a.get("family"):
            authors.append({"given": a.get("given", ""), "family": a["family"]})
        elif a.get("literal"):
            authors.append({"name": a["literal"]})
    work: dict[str, Any] = {
        "DOI": str(csl["DOI"]).lower(),
        "type": _TYPES.get(str(csl.get("type")), "journal-article"),
        "title": [csl.get("title", "")],
        "author": authors,
        "container-title": [csl["container-title"]] if csl.get("container-title") else [],
        "publisher": csl.get("publisher", ""),
        "source": "Crossref",
    }
    if csl.get("container-title-short"):
        work["short-container-title"] = [csl["container-title-short"]]
    for key in ("volume", "issue", "page"):
        if csl.get(key):
            work[key] = str(csl[key])
    issued = csl.get("issued") or {}
    if issued.get("date-parts"):
        work["issued"] = {"date-parts": issued["date-parts"]}
        work["published"] = work["issued"]
    for key in ("published-print", "published-online"):
        if csl.get(key):
            work[key] = csl[key]
    return work


def deep_review(source: dict[str, str]) -> list[PoolRecord]:
    """The Manubot records of greenelab/deep-review (CSL items)."""
    items = json.loads(git_show(source["repo"], source["commit"], source["path"]))
    out: list[PoolRecord] = []
    for csl in items:
        rid = f"deep:{csl['id']}"
        url = str(csl.get("URL", ""))
        m = re.search(r"arxiv\.org/abs/([0-9]{4}\.[0-9]{4,5}|[a-z-]+/[0-9]{7})", url)
        if m and not csl.get("DOI"):
            out.append(PoolRecord(rid, "arxiv", csl, arxiv=m.group(1)))
        elif csl.get("DOI") and csl.get("title"):
            out.append(PoolRecord(rid, "crossref", _csl_to_work(csl)))
    return out


def _bodies(data: bytes, path: str) -> list[Any]:
    """JSON bodies in a VCR cassette (YAML) or a JSON fixture."""
    import yaml

    def load(body: Any) -> Any:
        if isinstance(body, bytes):
            try:
                body = gzip.decompress(body).decode()
            except OSError:
                body = body.decode("utf-8", "replace")
        body = str(body).strip()
        if body[:1] in "{[":
            try:
                return json.loads(body)
            except ValueError:
                return None
        return None

    if path.endswith(".json"):
        return [load(data)]
    try:
        doc = yaml.safe_load(data)
    except yaml.YAMLError:
        return []
    if not isinstance(doc, dict):
        return []
    out = []
    for it in doc.get("interactions") or doc.get("http_interactions") or []:
        body = (it.get("response") or {}).get("body") or {}
        if not isinstance(body, dict):
            continue
        raw = body.get("string")
        if raw is None and "base64_string" in body:
            raw = base64.b64decode(body["base64_string"])
        if raw is not None:
            out.append(load(raw))
    return out


def _works(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, dict):
        if obj.get("message-type") == "work" and isinstance(obj.get("message"), dict):
            return [obj["message"]]
        if obj.get("message-type") == "work-list":
            return list((obj.get("message") or {}).get("items") or [])
    if isinstance(obj, list):
        return [x for x in obj if isinstance(x, dict) and "DOI" in x]
    return []


def cassettes(source: dict[str, Any]) -> list[PoolRecord]:
    """Crossref works in the recorded answers of one client library's tests."""
    out: dict[str, PoolRecord] = {}
    for path in git_files(source["repo"], source["commit"]):
        if not path.startswith(tuple(source["under"])) or not re.search(r"\.(ya?ml|json)$", path):
            continue
        try:
            blob = git_show(source["repo"], source["commit"], path)
        except FileNotFoundError:
            continue  # a large blob the snapshot lacks
        for body in _bodies(blob, path):
            for work in _works(body):
                if not isinstance(work.get("title"), list) or not work["title"]:
                    continue
                if not isinstance(work.get("DOI"), str):
                    continue
                work = {k: v for k, v in work.items() if k not in ("score", "reference")}
                rid = f"xref:{work['DOI'].lower()}"
                out.setdefault(rid, PoolRecord(rid, "crossref", work))
    return list(out.values())


def pool(manifest: dict[str, Any]) -> dict[str, PoolRecord]:
    """Every record of the pool, by id."""
    out: dict[str, PoolRecord] = {}
    for source in manifest["record_sources"]:
        found = deep_review(source) if source["kind"] == "manubot" else cassettes(source)
        for rec in found:
            out.setdefault(rec.id, rec)
    return out


# -- reference strings ---------------------------------------------------------------------

_ENTRY_RE = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,(.*?)(?=\n\s*@|\Z)", re.S)
_LINK_RE = re.compile(r"\[([^\]]*)\]\((\S+?)\)")


def bib_entry(text: str, key: str) -> str | None:
    """The BibTeX entry ``key`` of a .bib file, verbatim."""
    for m in _ENTRY_RE.finditer(text):
        if m.group(2) == key:
            return m.group(0).rstrip()
    return None


def line_hash(line: str) -> str:
    """The locator of a list line."""
    return hashlib.sha1(line.strip().encode()).hexdigest()[:12]


def render_list_line(line: str) -> str:
    """A Markdown reading-list line as a reference string, keeping its words as written.

    ``- **2015-07** | Title | *Authors* | [Journal](url) | [code](...)`` becomes
    ``Authors (2015). Title. Journal. url``; ``**Title** [[paper](url)]`` becomes
    ``Title. url`` (links to code, demos and web servers are dropped).
    """
    s = line.strip()
    s = s[2:].strip() if s.startswith("- ") else s
    cells = [c.strip() for c in s.split(" | ")]
    if len(cells) >= 3 and re.match(r"\*\*\d{4}", cells[0]):
        year = re.search(r"\d{4}", cells[0])
        title = cells[1]
        authors = cells[2].strip("* ") if not cells[2].startswith("[") else ""
        links = _LINK_RE.findall(" ".join(cells[2:]))
        papers = [(t, u) for t, u in links if t.lower() not in ("code", "github", "web", "data")]
        venue, url = (
            papers[-1] if papers else ("", "")
        )  # the last: "[Short intro](..) & [Journal](..)"
        parts = [f"{authors} ({year.group(0) if year else 'n.d.'})." if authors else ""]
        parts += [f"{title.rstrip('.')}.", f"{venue}." if venue else "", url]
        return re.sub(r"\s+", " ", " ".join(p for p in parts if p)).strip()
    m = re.match(r"\*\*(.+?)\*\*(.*)", s)
    if m:
        title = re.sub(r"^\(\d{4}-\d{2}\)\s*", "", m.group(1)).strip()
        url = next(
            (
                u
                for t, u in _LINK_RE.findall(m.group(2).replace("[[", "["))
                if re.search(r"paper|preprint|manuscript|access|biorxiv|arxiv", t, re.I)
            ),
            "",
        )
        return f"{title.rstrip('.')}. {url}".strip()
    return re.sub(r"\s+", " ", _LINK_RE.sub(r"\1 \2", s)).strip()


def reference_string(item: dict[str, Any]) -> tuple[str, str]:
    """(kind, text) of a real item: ``("bibtex", entry)`` or ``("text", string)``."""
    src = item["string"]
    blob = git_show(src["repo"], src["commit"], src["path"]).decode("utf-8", "replace")
    if src["kind"] == "bibtex":
        entry = bib_entry(blob, src["key"])
        if entry is None:
            raise KeyError(f"{src['path']}: no entry {src['key']}")
        return "bibtex", entry
    lines = blob.splitlines()
    for line in lines:
        if line_hash(line) == src["sha1"]:
            return "text", render_list_line(line)
    raise KeyError(f"{src['path']}: no line {src['sha1']}")
