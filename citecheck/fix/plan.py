"""From findings to proposed :class:`Change` s.

Which findings ``fix`` acts on, and which evidence it reads (the registry rules
write these keys):

- ``missing-doi``: ``evidence["record_doi"]`` -> set ``doi``.
- ``metadata-mismatch``: ``evidence["differences"]``, one item per disagreeing
  field, ``{"field": ..., "reference": ..., "record": ...}`` -> set each field to
  the record's value. A year the record gives several times (online and print
  differ) is left to the author; authors are never rewritten.
- ``preprint-published`` (only with ``--preprints``):
  ``evidence["published_versions"][0]["doi"]`` -> point the entry at the
  published version (and ``evidence["published"]`` fields, when a rule gives them).

Older or other spellings (``suggested_doi``, ``fields``, ``published_doi``) are read too.

Only findings about entries of BibTeX or CSL-JSON files are used; a reference
typed in the manuscript's own bibliography is the author's to retype.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from citecheck.fix.changes import DEFAULT_FIELDS, FIELDS, Change
from citecheck.model.findings import Finding

FIXABLE_RULES = ("missing-doi", "metadata-mismatch", "preprint-published")
FILE_SUFFIXES = (".bib", ".json")

# Names the registry rules may use for a field, mapped to ours.
_ALIASES = {
    "doi": "doi",
    "year": "year",
    "issued": "year",
    "volume": "volume",
    "issue": "issue",
    "number": "issue",
    "pages": "pages",
    "page": "pages",
    "container": "container",
    "container-title": "container",
    "journal": "container",
    "title": "title",
}
_NEW_VALUE_KEYS = ("record", "registry", "crossref", "expected", "new")
_OLD_VALUE_KEYS = ("listed", "reference", "manuscript", "found", "old")


def _first(mapping: Mapping[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        if mapping.get(key) not in (None, ""):
            return mapping[key]
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # Crossref writes titles and venues as lists
        value = value[0] if value else None
        if value is None:
            return None
    return str(value).strip() or None


def _field_items(raw: Any) -> list[tuple[str, Mapping[str, Any]]]:
    if isinstance(raw, Mapping):
        return [(str(k), v) for k, v in raw.items() if isinstance(v, Mapping)]
    if isinstance(raw, list):
        return [(str(v.get("field", "")), v) for v in raw if isinstance(v, Mapping)]
    return []


def _target(f: Finding) -> tuple[str, str] | None:
    """(reference file path, entry key) when the finding is about a file entry."""
    ref = f.reference or {}
    key = ref.get("key")
    loc = ref.get("location") or (f.location.to_json() if f.location else {})
    path = str(loc.get("path", ""))
    if not key or not path.lower().endswith(FILE_SUFFIXES):
        return None
    return path, str(key)


def changes_for(
    f: Finding, *, fields: frozenset[str], preprints: bool, min_confidence: float
) -> tuple[list[Change], list[str]]:
    """The changes one finding proposes, and why any part of it is left alone."""
    if f.rule not in FIXABLE_RULES or (f.rule == "preprint-published" and not preprints):
        return [], []
    target = _target(f)
    if target is None:
        return [], ["the entry is not in a BibTeX or CSL-JSON file"]
    if f.confidence is not None and f.confidence < min_confidence:
        return [], [f"confidence {f.confidence:.2f} is below {min_confidence:.2f}"]
    path, key = target
    ev = f.evidence
    proposed: list[tuple[str, str | None, str | None]] = []  # field, new, old
    why: list[str] = []
    if f.rule == "missing-doi":
        proposed.append(("doi", _text(_first(ev, ("record_doi", "suggested_doi", "doi"))), None))
    elif f.rule == "metadata-mismatch":
        for name, item in _field_items(ev.get("differences") or ev.get("fields")):
            field = _ALIASES.get(name.lower())
            new = _first(item, _NEW_VALUE_KEYS)
            if field is None:
                why.append(f"'{name}' is not changed automatically; edit it by hand")
            elif isinstance(new, list) and len(set(map(str, new))) > 1:
                why.append(
                    f"the record gives several values for '{field}' ({', '.join(map(str, new))})"
                )
            else:
                proposed.append(
                    (
                        field,
                        _text(_first(item, _NEW_VALUE_KEYS)),
                        _text(_first(item, _OLD_VALUE_KEYS)),
                    )
                )
    else:
        versions = ev.get("published_versions")
        first = versions[0] if isinstance(versions, list) and versions else {}
        published_doi = _first(ev, ("published_doi",)) or (
            first.get("doi") if isinstance(first, Mapping) else None
        )
        proposed.append(("doi", _text(published_doi), None))
        published = ev.get("published")
        if isinstance(published, Mapping):
            for name, value in published.items():
                field = _ALIASES.get(str(name).lower())
                if field is not None and field != "doi":
                    proposed.append((field, _text(value), None))
    out: list[Change] = []
    for field, value, old in proposed:
        if value is None:
            why.append(f"the finding gives no new value for '{field}'")
            continue
        if field not in fields and not (f.rule != "metadata-mismatch" and field == "doi"):
            why.append(f"'{field}' is not among the fields to change (see --fields)")
            continue
        reason = f"{f.rule}: {f.message}"
        out.append(
            Change(
                path=path, key=key, field=field, value=value, rule=f.rule, reason=reason, old=old
            )
        )
    if not proposed and not why:
        why.append("the finding names no field to change")
    return out, why


def plan(
    findings: Iterable[Finding],
    *,
    fields: frozenset[str] | None = None,
    preprints: bool = False,
    min_confidence: float = 0.0,
) -> tuple[list[Change], list[tuple[Finding, str]]]:
    """Every change the findings propose, and the findings left alone with a reason."""
    wanted = frozenset(FIELDS) & (fields if fields is not None else DEFAULT_FIELDS)
    changes: list[Change] = []
    left: list[tuple[Finding, str]] = []
    for f in findings:
        found, why = changes_for(
            f, fields=wanted, preprints=preprints, min_confidence=min_confidence
        )
        changes.extend(found)
        left.extend((f, reason) for reason in why)
    return changes, left
