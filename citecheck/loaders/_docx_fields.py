"""Reference-manager fields in Word documents: Zotero, Mendeley, EndNote.

Zotero and Mendeley store each citation as CSL-JSON in the field instruction
(``ADDIN ZOTERO_ITEM CSL_CITATION {...}``, ``ADDIN CSL_CITATION {...}``); EndNote
stores XML (``ADDIN EN.CITE <EndNote>...``, or base64 in the field data). The
bibliography fields (``ZOTERO_BIBL``, ``CSL_BIBLIOGRAPHY``, ``EN.REFLIST``) mark
the printed list, which the reference manager generated from the same items.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Any

from defusedxml.ElementTree import fromstring

_CSL = re.compile(r"\bADDIN\s+(?:ZOTERO_ITEM\s+)?CSL_CITATION\b", re.I)
_ENDNOTE = re.compile(r"\bADDIN\s+EN\.CITE\b", re.I)
_BIBLIOGRAPHY = re.compile(
    r"\bADDIN\s+(?:ZOTERO_BIBL|Mendeley\s+Bibliography|CSL_BIBLIOGRAPHY|EN\.REFLIST)\b", re.I
)


@dataclass(frozen=True)
class FieldItem:
    """One cited item of a field: a stable key, CSL data, and the citation's notes."""

    key: str
    csl: dict[str, Any]
    prefix: str | None = None
    locator: str | None = None


def is_bibliography(instruction: str) -> bool:
    """Whether a field holds a generated bibliography."""
    return _BIBLIOGRAPHY.search(instruction) is not None


def is_citation(instruction: str) -> bool:
    """Whether a field holds a reference-manager citation."""
    return bool(_CSL.search(instruction) or _ENDNOTE.search(instruction))


def items(instruction: str, data: str = "") -> list[FieldItem] | None:
    """The cited items of a citation field; None when its payload cannot be read."""
    if _CSL.search(instruction):
        return _csl_items(instruction)
    if _ENDNOTE.search(instruction):
        return _endnote_items(instruction, data)
    return None


def _csl_items(instruction: str) -> list[FieldItem] | None:
    start = instruction.find("{")
    if start == -1:
        return None
    try:
        payload, _ = json.JSONDecoder().raw_decode(instruction[start:])
    except json.JSONDecodeError:
        return None
    out: list[FieldItem] = []
    for it in payload.get("citationItems", []) if isinstance(payload, dict) else []:
        if not isinstance(it, dict):
            continue
        raw_data = it.get("itemData")
        data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
        uris = it.get("uris") or it.get("uri") or []
        key = (
            str(uris[0])
            if isinstance(uris, list) and uris
            else str(it.get("id") or data.get("id") or "")
        )
        if not key:
            continue
        locator = it.get("locator")
        label = it.get("label")
        if locator and label and label != "page":
            locator = f"{label} {locator}"
        elif locator:
            locator = f"p. {locator}"
        out.append(
            FieldItem(
                key=key, csl=dict(data), prefix=it.get("prefix") or None, locator=locator or None
            )
        )
    return out


def _endnote_items(instruction: str, data: str) -> list[FieldItem] | None:
    start = instruction.find("<EndNote")
    xml = instruction[start:] if start != -1 else _decode_field_data(data)
    if not xml:
        return None
    try:
        root = fromstring(xml.encode("utf-8"), forbid_dtd=True)
    except Exception:  # malformed payloads are common in old documents; fall back to text
        return None
    out: list[FieldItem] = []
    for cite in root.iter("Cite"):
        rec = cite.find("record")
        recnum = (
            cite.findtext("RecNum") or (rec.findtext("rec-number") if rec is not None else "") or ""
        ).strip()
        csl = _endnote_record(rec) if rec is not None else {}
        if not csl.get("author") and cite.findtext("Author"):
            csl["author"] = [{"family": (cite.findtext("Author") or "").strip()}]
        if "issued" not in csl and (cite.findtext("Year") or "").strip():
            csl["issued"] = {"raw": (cite.findtext("Year") or "").strip()}
        key = f"endnote:{recnum}" if recnum else ""
        if key:
            pages = (cite.findtext("Pages") or "").strip().strip("`")
            out.append(
                FieldItem(
                    key=key,
                    csl=csl,
                    prefix=(cite.findtext("Prefix") or "").strip("`") or None,
                    locator=pages or None,
                )
            )
    return out


def _decode_field_data(data: str) -> str:
    if not data.strip():
        return ""
    try:
        raw = base64.b64decode("".join(data.split()), validate=False)
    except (ValueError, TypeError):
        return ""
    for enc in ("utf-8", "utf-16"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        start = text.find("<EndNote")
        if start != -1:
            return text[start:]
    return ""


def _endnote_record(rec: Any) -> dict[str, Any]:
    def txt(path: str) -> str:
        el = rec.find(path)
        return " ".join("".join(el.itertext()).split()) if el is not None else ""

    csl: dict[str, Any] = {}
    authors = []
    for a in rec.findall("contributors/authors/author"):
        name = " ".join("".join(a.itertext()).split())
        if name:
            family, _, given = name.partition(",")
            authors.append(
                {"family": family.strip(), "given": given.strip()} if given else {"literal": name}
            )
    if authors:
        csl["author"] = authors
    mapping = {
        "title": "titles/title",
        "container-title": "titles/secondary-title",
        "volume": "volume",
        "issue": "number",
        "page": "pages",
        "DOI": "electronic-resource-num",
        "publisher": "publisher",
        "URL": "urls/related-urls/url",
    }
    for key, path in mapping.items():
        value = txt(path)
        if value:
            csl[key] = value
    if "container-title" not in csl and txt("periodical/full-title"):
        csl["container-title"] = txt("periodical/full-title")
    year = txt("dates/year")
    if year:
        csl["issued"] = {"raw": year}
    ref_type = rec.find("ref-type")
    if ref_type is not None:
        name = (ref_type.get("name") or "").lower()
        csl["type"] = {
            "journal article": "article-journal",
            "book": "book",
            "book section": "chapter",
            "thesis": "thesis",
            "report": "report",
            "conference proceedings": "paper-conference",
            "web page": "webpage",
        }.get(name, "article-journal")
    return csl
