"""Entries of a list labelled alphabetically (``[BrDu15] Bruns, Ralf; …``): the label
is the entry's key, and the entry is parsed without it (:mod:`citecheck.text.labels`)."""

from __future__ import annotations

from citecheck.model.document import Reference
from citecheck.references.parse import parse_reference, to_reference
from citecheck.text.labels import entry_label, is_alphabetic


def keyed_by_label(references: list[Reference]) -> list[Reference]:
    """``references`` with their printed label as key when the list is alphabetic;
    unchanged otherwise (numbered lists, unlabelled lists, keys already set)."""
    if any(r.key for r in references):
        return references
    found = [entry_label(r.text) for r in references]
    if not is_alphabetic([f[0] if f else None for f in found]):
        return references
    out: list[Reference] = []
    for ref, label in zip(references, found, strict=True):
        if label is None:
            out.append(ref)
            continue
        key, rest = label
        keyed = to_reference(
            parse_reference(rest), text=rest, location=ref.location, number=ref.number, key=key
        )
        out.append(keyed.model_copy(update={"suppressed": ref.suppressed}))
    return out
