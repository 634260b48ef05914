"""From findings to proposed :class:`Change` s.

Which findings ``fix`` acts on, and which evidence it reads (typed in
:mod:`citecheck.model.evidence`, which the registry rules write):

- ``missing-doi``: ``record_doi`` -> set ``doi``.
- ``metadata-mismatch``: ``differences``, one per disagreeing field -> set each
  field to the record's value. A year the record gives several times (online and
  print differ) is left to the author; authors are never rewritten.
- ``preprint-published`` (only with ``--preprints``): the first of
  ``published_versions`` -> point the entry at the published version.

Only findings about entries of BibTeX or CSL-JSON files are used; a reference
typed in the manuscript's own bibliography is the author's to retype.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from citecheck.fix.changes import DEFAULT_FIELDS, FIELDS, Change
from citecheck.model.evidence import (
    MetadataMismatchEvidence,
    MissingDoiEvidence,
    PreprintPublishedEvidence,
)
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


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # Crossref writes titles and venues as lists
        value = value[0] if value else None
        if value is None:
            return None
    return str(value).strip() or None


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
    proposed: list[tuple[str, str | None, str | None]] = []  # field, new, old
    why: list[str] = []
    if f.rule == "missing-doi":
        proposed.append(("doi", _text(MissingDoiEvidence.read(f.evidence).record_doi), None))
    elif f.rule == "metadata-mismatch":
        for diff in MetadataMismatchEvidence.read(f.evidence).differences:
            field = _ALIASES.get(diff.field.lower())
            new = diff.record
            if field is None:
                why.append(f"'{diff.field}' is not changed automatically; edit it by hand")
            elif isinstance(new, list) and len(set(map(str, new))) > 1:
                why.append(
                    f"the record gives several values for '{field}' ({', '.join(map(str, new))})"
                )
            else:
                proposed.append((field, _text(new), _text(diff.reference)))
    else:
        preprint = PreprintPublishedEvidence.read(f.evidence)
        versions = preprint.published_versions
        proposed.append(("doi", _text(versions[0].doi if versions else None), None))
        for name, value in preprint.published.items():
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
