"""Build labelled off-topic cases from real JATS articles (PLOS, CC BY).

Each article becomes a :class:`~citecheck.model.document.Document` with its own title,
abstract, headings, references (title + journal) and citing sentences (from the
answer key of ``jats_to_text.py``), plus links. Cases then inject *one* extra
reference, cited in a plausible sentence:

* ``distant``: a title from a far field (``offtopic_pool.DISTANT``);
* ``near``: a real reference of another starter-corpus article on another subject;
* ``methods``: a methods reference (software, statistics, guideline): must NOT be flagged.

Articles are split into dev/test by a hash of their name (thresholds are chosen on
dev only).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.data import offtopic_pool as pool
from citecheck.model.document import Citation, Document, Location, Metadata, Reference
from citecheck.model.links import Link, Links

_KIND = {"journal": "article", "book": "book", "other": "other", "confproc": "conference"}


@dataclass
class Article:
    """One converted article: the document, its links and its subject tag."""

    name: str  # e.g. "pone.0002554"
    document: Document
    links: Links
    subject: str
    split: str  # "dev" or "test"


def convert(xml_dirs: list[Path], tool: Path, cache: Path) -> list[Path]:
    """Run ``jats_to_text.py --batch`` on each folder (once); return the key files."""
    keys: list[Path] = []
    for d in xml_dirs:
        out = cache / hashlib.sha1(str(d.resolve()).encode()).hexdigest()[:10]
        if not out.is_dir():
            out.mkdir(parents=True)
            subprocess.run(
                [sys.executable, str(tool), "--batch", str(d), "-o", str(out)],
                check=False,
                capture_output=True,
            )
        keys.extend(sorted(out.glob("*.key.json")))
    return keys


def _short(stem: str) -> str:
    m = re.search(r"(p[a-z]+\.\d{7})", stem)
    return m.group(1) if m else stem


def split_of(name: str) -> str:
    """dev or test, stable across runs."""
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 == 0 else "test"


_SENT_START = re.compile(r"(?:(?<=[.!?])\s+(?=[A-Z])|\n)")


def _sentence_at(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return " ".join(text[left + 1 : right + 1].split())


def load_article(key_path: Path) -> Article | None:
    """The article of one answer key, or None when it has too little to test."""
    key = json.loads(key_path.read_text(encoding="utf-8"))
    md = (key_path.parent / key["manuscript_file"]).read_text(encoding="utf-8")
    body_end = key.get("references_section_start") or len(md)
    body = md[:body_end]
    abstracts = [
        re.sub(r"^#+ .*$", "", a, flags=re.M).strip()
        for a in re.findall(r"^## (?:Abstract|Author Summary)\n(.*?)(?=^## |\Z)", body, re.S | re.M)
    ]
    headings = [h for h in re.findall(r"^#{2,4} (.+)$", body, re.M)]
    name = _short(key_path.name)
    path = f"{name}.md"
    first_entry = body.count("\n") + 2
    refs: list[Reference] = []
    rid_index: dict[str, int] = {}
    for r in key["references"]:
        rid_index[r["id"]] = len(refs)
        refs.append(
            Reference(
                text=r.get("rendered") or "",
                title=r.get("title"),
                container=r.get("source"),
                year=r.get("year"),
                kind=_KIND.get(r.get("type") or "", "other"),  # type: ignore[arg-type]
                # printed after the body (the topic stage reads the body up to the list)
                location=Location(path=path, line=first_entry + len(refs)),
                key=r["id"],
            )
        )
    cits: list[Citation] = []
    links: list[Link] = []
    for c in key["citations"]:
        sentence = _sentence_at(md, c["start"], c["end"])
        for rid in c["rids"] + c.get("implied_rids", []):
            if rid not in rid_index:
                continue
            links.append(Link(citation=len(cits), status="exact", reference=rid_index[rid]))
            cits.append(
                Citation(
                    text=c["text"],
                    sentence=sentence,
                    start=c["start"],
                    end=c["end"],
                    location=Location(path=path),
                )
            )
    doc = Document(
        path=path,
        format="markdown",
        text=body,
        citations=tuple(cits),
        references=tuple(refs),
        metadata=Metadata(
            title=key.get("title"),
            abstracts=tuple(a.strip() for a in abstracts),
            headings=tuple(headings),
            language="en",
        ),
        bibliography_found=True,
    )
    return Article(
        name=name,
        document=doc,
        links=Links(tuple(links)),
        subject=pool.SUBJECT.get(name, "other"),
        split=split_of(name),
    )


def inject(
    article: Article,
    title: str,
    container: str,
    sentence_mode: str,
    rng: random.Random,
    language: str = "en",
) -> tuple[Document, Links, int]:
    """A copy of the article with one extra reference cited once; returns its index."""
    doc = article.document
    n = len(doc.references)
    ref = Reference(
        text=f"Anon A. {title}. {container}.",
        title=title,
        container=container,
        location=Location(path=doc.path, line=9999),
        key="injected",
        kind="article",
    )
    if language != "en":
        sentence = rng.choice(pool.SENTENCES_ID).format(n=n + 1)
    elif sentence_mode == "sneaked" and doc.citations:
        host = rng.choice([c for c in doc.citations if c.sentence])
        sentence = (host.sentence or "").rstrip(".") + f" [{n + 1}]."
    elif sentence_mode == "paraphrase":
        sentence = pool.PARAPHRASES[title].format(n=n + 1)
    elif sentence_mode == "topical":
        t = title[0].lower() + title[1:]
        sentence = rng.choice(pool.SENTENCES_TOPICAL).format(title=t, n=n + 1)
    else:
        sentence = rng.choice(pool.SENTENCES_GENERIC).format(n=n + 1)
    cit = Citation(
        text=f"[{n + 1}]",
        number=n + 1,
        sentence=sentence,
        location=Location(path=doc.path, line=9998),
    )
    new_doc = doc.model_copy(
        update={"references": (*doc.references, ref), "citations": (*doc.citations, cit)}
    )
    links = Links(
        (*article.links.links, Link(citation=len(doc.citations), status="exact", reference=n))
    )
    return new_doc, links, n


def translated(article: Article, title: str, abstract: str, language: str) -> Article:
    """The article as a manuscript in another language: translated title and abstract,
    English reference titles, and no citing sentences (the body is not translated)."""
    meta = Metadata(title=title, abstracts=(abstract,), language=language)
    cits = tuple(c.model_copy(update={"sentence": None}) for c in article.document.citations)
    doc = article.document.model_copy(update={"metadata": meta, "citations": cits})
    return Article(
        name=f"{article.name}-{language}",
        document=doc,
        links=article.links,
        subject=article.subject,
        split=article.split,
    )
