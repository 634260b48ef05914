"""A second opinion on every edit before it is shown or written.

The editors are careful; this module does not trust them. It re-reads old and new
text and checks that only the intended fields of the intended entries changed.
Any surprise cancels the whole file's edit (it is reported, nothing is written).
"""

from __future__ import annotations

import json
from typing import Any

from citecheck.fix.bibtex_source import EntrySpan, scan_entries
from citecheck.fix.changes import Change

_BIB_NAMES = {
    "doi": {"doi"},
    "year": {"year", "date"},
    "volume": {"volume"},
    "issue": {"number", "issue"},
    "pages": {"pages"},
    "container": {"journal", "journaltitle"},
    "title": {"title"},
}
_CSL_NAMES = {
    "doi": {"doi"},
    "year": {"issued"},
    "volume": {"volume"},
    "issue": {"issue"},
    "pages": {"page"},
    "container": {"container-title"},
    "title": {"title"},
}


def verify(path: str, old: str, new: str, applied: list[Change]) -> str | None:
    """None when ``new`` differs from ``old`` only as ``applied`` says; else what is wrong."""
    if path.lower().endswith(".bib"):
        return _verify_bibtex(old, new, applied)
    return _verify_json(old, new, applied)


def _outside(text: str, entries: list[EntrySpan]) -> list[str]:
    pieces, pos = [], 0
    for e in entries:
        pieces.append(text[pos : e.start])
        pos = e.end
    pieces.append(text[pos:])
    return pieces


def _verify_bibtex(old: str, new: str, applied: list[Change]) -> str | None:
    before, after = scan_entries(old), scan_entries(new)
    if [e.key for e in before] != [e.key for e in after]:
        return "the entries or their order would change"
    if _outside(old, before) != _outside(new, after):
        return "text between entries would change"
    allowed: dict[str, set[str]] = {}
    for c in applied:
        allowed.setdefault(c.key.lower(), set()).update(_BIB_NAMES.get(c.field, set()))
    for a, b in zip(before, after, strict=True):
        names = allowed.get(a.key.lower())
        if names is None:
            if old[a.start : a.end] != new[b.start : b.end]:
                return f"entry '{a.key}' would change although no change was meant for it"
            continue
        if old[a.start : a.type_end] != new[b.start : b.type_end]:
            return f"the type of entry '{a.key}' would change"
        old_fields = [(f.name, old[f.value_start : f.value_end]) for f in a.fields]
        new_fields = [(f.name, new[f.value_start : f.value_end]) for f in b.fields]
        if [n for n, _ in new_fields[: len(old_fields)]] != [n for n, _ in old_fields]:
            return f"the fields of entry '{a.key}' would be reordered or lost"
        for (name, v1), (_, v2) in zip(old_fields, new_fields, strict=False):
            if v1 != v2 and name.lower() not in names:
                return f"field '{name}' of entry '{a.key}' would change unasked"
        for name, _ in new_fields[len(old_fields) :]:
            if name.lower() not in names:
                return f"entry '{a.key}' would get an unasked field '{name}'"
    return _verify_with_loader(old, new)


def _verify_with_loader(old: str, new: str) -> str | None:
    """The project's BibTeX loader must read as many entries and no more problems."""
    from citecheck.loaders.bibtex import parse_bibtex_string

    refs_old, problems_old = parse_bibtex_string(old, "old.bib")
    refs_new, problems_new = parse_bibtex_string(new, "new.bib")
    if len(refs_new) != len(refs_old) or len(problems_new) > len(problems_old):
        return "the BibTeX reader would see different entries afterwards"
    return None


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        return list(data["items"])
    return [data]


def _verify_json(old: str, new: str, applied: list[Change]) -> str | None:
    try:
        before, after = _items(json.loads(old)), _items(json.loads(new))
    except json.JSONDecodeError as exc:
        return f"the result would not be valid JSON ({exc})"
    if len(before) != len(after):
        return "items would be added or lost"
    allowed: dict[str, set[str]] = {}
    for c in applied:
        allowed.setdefault(c.key, set()).update(_CSL_NAMES.get(c.field, set()))
    for a, b in zip(before, after, strict=True):
        if not isinstance(a, dict) or not isinstance(b, dict):
            if a != b:
                return "a non-item value would change"
            continue
        names = allowed.get(str(a.get("id")), set())
        if list(a)[: len(a)] != list(b)[: len(a)]:
            return f"the members of item '{a.get('id')}' would be reordered or lost"
        for key in set(a) | set(b):
            if a.get(key) != b.get(key) and key.lower() not in names:
                return f"member '{key}' of item '{a.get('id')}' would change unasked"
    return None
