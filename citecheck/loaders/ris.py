"""RIS reference files (EndNote, Zotero, Mendeley, publisher exports).

Each record runs from ``TY  -`` to ``ER  -``; a record without ``ER`` is still read
and reported. Fields map to CSL names and go through the CSL converter.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from citecheck.loaders.csljson import csl_item_to_reference
from citecheck.loaders.files import read_text
from citecheck.loaders.refcap import Taker
from citecheck.model.document import Location, Problem, Reference

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "THES": "thesis",
    "RPRT": "report",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "ELEC": "webpage",
    "WEB": "webpage",
    "DATA": "dataset",
    "COMP": "software",
    "UNPB": "manuscript",
    "STAT": "legislation",
    "CASE": "legal_case",
}


def _to_csl(fields: dict[str, list[str]]) -> dict[str, Any]:
    def first(*tags: str) -> str | None:
        for t in tags:
            if fields.get(t):
                return fields[t][0]
        return None

    authors = [_name(a) for a in fields.get("AU", []) + fields.get("A1", [])]
    item: dict[str, Any] = {"type": _TYPES.get(first("TY") or "", "article-journal")}
    if authors:
        item["author"] = authors
    editors = [_name(a) for a in fields.get("ED", []) + fields.get("A2", [])]
    if editors and not authors:
        item["editor"] = editors
    year = first("PY", "Y1", "DA")
    if year and re.search(r"\d{4}", year):
        item["issued"] = {"date-parts": [[int(re.search(r"\d{4}", year).group(0))]]}  # type: ignore[union-attr]
    simple = {
        "title": ("TI", "T1", "CT"),
        "container-title": ("T2", "JF", "JO", "JA", "BT", "J2"),
        "volume": ("VL",),
        "issue": ("IS", "CP"),
        "publisher": ("PB",),
        "DOI": ("DO",),
        "URL": ("UR", "L1"),
        "id": ("ID",),
    }
    for csl, tags in simple.items():
        v = first(*tags)
        if v:
            item[csl] = v
    sp, ep = first("SP"), first("EP")
    if sp:
        item["page"] = f"{sp}-{ep}" if ep and ep != sp and "-" not in sp else sp
    return item


def _name(raw: str) -> dict[str, str]:
    if "," in raw:
        family, _, given = raw.partition(",")
        return {"family": family.strip(), "given": given.strip(" ,")}
    return (
        {"literal": raw.strip()}
        if " " not in raw.strip()
        else {"family": raw.strip().rsplit(" ", 1)[1], "given": raw.strip().rsplit(" ", 1)[0]}
    )


def parse_ris(text: str, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Every record of a RIS source."""
    refs: list[Reference] = []
    problems: list[Problem] = []
    fields: dict[str, list[str]] = {}
    start = 0
    last_tag: str | None = None
    raw_lines: list[str] = []
    taker = Taker()

    def finish(line_no: int, closed: bool) -> None:
        loc = Location(path=display_path, line=start, column=1)
        if not closed:
            problems.append(Problem(message="RIS record has no 'ER  -' line", location=loc))
        if taker.take((fields.get("ID") or [""])[0], start):
            item = _to_csl(fields)
            refs.append(csl_item_to_reference(item, location=loc, text="\n".join(raw_lines)))
        del line_no

    for n, line in enumerate(text.split("\n"), start=1):
        m = _TAG.match(line.rstrip())
        if m is None:
            if fields and last_tag and line.strip():
                fields[last_tag][-1] += " " + line.strip()  # wrapped value
                raw_lines.append(line)
            continue
        tag, value = m.group(1), (m.group(2) or "").strip()
        if tag == "TY":
            if fields:
                finish(n, closed=False)
            fields, start, raw_lines = {"TY": [value]}, n, [line]
        elif tag == "ER":
            if fields:
                raw_lines.append(line)
                finish(n, closed=True)
            fields, last_tag = {}, None
            continue
        elif fields:
            fields.setdefault(tag, []).append(value)
            raw_lines.append(line)
        last_tag = tag
    if fields:
        finish(0, closed=False)
    capped = taker.problem(display_path)
    if capped is not None:
        problems.append(capped)
    return [r.model_copy(update={"source": "other"}) for r in refs], problems


def load_references(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Read a ``.ris`` file."""
    text, _ = read_text(path)
    return parse_ris(text, display_path)
