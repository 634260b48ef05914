"""Numeric and key citations: link by label, not by names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from citecheck.linking.decision import Decision
from citecheck.model.document import Citation, Reference
from citecheck.model.links import KeyEvidence, NumberEvidence
from citecheck.references.segment import label_numbers


def link_numbers(
    citations: Sequence[Citation], refs: Sequence[Reference], indexes: Sequence[int]
) -> list[Decision]:
    """``[3]`` means the entry labelled 3, or the third entry of an unlabelled list."""
    if not indexes:
        return []
    by_number: dict[int, int] = {}
    how: Literal["label", "position"]
    if any(r.number is not None for r in refs):
        for i, labels in enumerate(entry_numbers(refs)):
            for label in labels:
                by_number.setdefault(label, i)
        how = "label"
    else:
        by_number = {i + 1: i for i in range(len(refs))}
        how = "position"
    out: list[Decision] = []
    for ci in indexes:
        number = citations[ci].number
        ref = by_number.get(number) if number is not None else None
        evidence = NumberEvidence(number=number, matched_on=how, list_size=len(refs))
        if ref is None:
            out.append(Decision(ci, "unmatched", None, (), evidence))
        else:
            out.append(Decision(ci, "exact", ref, (), evidence))
    return out


def entry_numbers(refs: Sequence[Reference]) -> list[tuple[int, ...]]:
    """Each entry's labels; entries without one that fill a gap exactly take its numbers.

    "19. ...", "2006. The Handbook ...", "21. ...": the middle entry lost its label (or
    starts with a number that is not one) and is entry 20; two unlabelled entries
    between 6 and 9 are 7 and 8. A run that does not fit its gap keeps no number. An
    entry labelled with several numbers ("2,3,4) https://...") has each of them.
    """
    out: list[tuple[int, ...]] = []
    for r in refs:
        many = label_numbers(r.text) if r.number is not None else ()
        out.append(many if many and many[0] == r.number else _one(r.number))
    last_i, last_n = -1, 0  # before the list: "entry 0" at position -1
    for i, numbers in enumerate(out):
        if not numbers:
            continue
        gap = i - last_i - 1
        if gap and numbers[0] - last_n - 1 == gap:
            for k in range(gap):
                out[last_i + 1 + k] = (last_n + 1 + k,)
        last_i, last_n = i, numbers[-1]
    return out


def _one(number: int | None) -> tuple[int, ...]:
    return () if number is None else (number,)


def link_keys(
    citations: Sequence[Citation], refs: Sequence[Reference], indexes: Sequence[int]
) -> list[Decision]:
    """``\\cite{smith2019}`` / ``@smith2019`` means the entry with that key.

    Keys are matched case-sensitively (biber, Pandoc); a key that only matches with
    case ignored (accepted by classic BibTeX) links too, with ``key_case_differs``
    in the evidence so the inconsistent-citation rule can say so.
    """
    if not indexes:
        return []
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    for i, r in enumerate(refs):
        if r.key:
            exact.setdefault(r.key, i)
            folded.setdefault(r.key.casefold(), i)
    out: list[Decision] = []
    for ci in indexes:
        key = citations[ci].key
        if key is None:
            out.append(Decision(ci, "unmatched", None, (), KeyEvidence(key=None)))
        elif key in exact:
            out.append(Decision(ci, "exact", exact[key], (), KeyEvidence(key=key)))
        elif key.casefold() in folded:
            ref = folded[key.casefold()]
            evidence = KeyEvidence(key=key, listed_key=refs[ref].key, key_case_differs=True)
            out.append(Decision(ci, "exact", ref, (), evidence))
        else:
            out.append(Decision(ci, "unmatched", None, (), KeyEvidence(key=key)))
    return out
