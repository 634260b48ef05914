"""Entries BibTeX keeps although bibtexparser refuses them.

BibTeX defines an entry as soon as it has read ``@type{key,``: a later syntax error
("I was expecting an '='") ends the entry but keeps the fields read before it, and a
field given twice keeps its first value ("I'm ignoring key's extra 'note' field").
bibtexparser 2 puts both in ``failed_blocks``; dropping them would report every
citation of such an entry as undefined although TeX prints it. Here they are read as
BibTeX reads them, and the defect stays a :class:`Problem` at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import bibtexparser

from citecheck.model.document import Location, Problem

# Re-reads of broken entries per file: each is one small parse (well under a millisecond),
# so a file of hundreds of broken entries stays fast; past the budget only keys are kept.
MAX_TRIES = 2000
MAX_LINES = 80  # lines of one broken entry tried; past that only the key is kept


@dataclass
class Budget:
    """Parses left for re-reading the broken entries of one file."""

    left: int = MAX_TRIES


_HEAD = re.compile(r"\s*@\s*(\w+)\s*[{(]\s*([^,\s{}()\"#%'=]+)\s*,")
_NOT_ENTRIES = frozenset({"string", "preamble", "comment"})


@dataclass(frozen=True)
class Salvaged:
    """An entry read from a failed block: type, key, own fields, 0-based line, raw."""

    entry_type: str
    key: str
    fields: dict[str, str]
    start_line: int
    raw: str


def first_values(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Fields by lower-case name, the first value of a repeated field kept (as BibTeX)."""
    out: dict[str, str] = {}
    for name, value in pairs:
        out.setdefault(name.lower(), value)
    return out


def duplicate_field(
    entry_type: str, key: str, pairs: list[tuple[str, str]], start: int, raw: str, path: str
) -> tuple[Salvaged, Problem]:
    """A field given twice: the entry with the first values, and a warning naming them."""
    fields = first_values(pairs)
    seen: set[str] = set()
    twice: list[str] = []
    for name, _ in pairs:
        low = name.lower()
        if low in seen and low not in twice:
            twice.append(low)
        seen.add(low)
    shown = ", ".join(f"'{n}'" for n in twice)
    problem = Problem(
        message=f"BibTeX entry '{key}' gives the field {shown} more than once; BibTeX keeps "
        "the first value and ignores the others (so does citecheck)",
        location=Location(path=path, line=start + 1, column=1),
        kind="duplicate-field",
        evidence={"key": key, "fields": twice, "severity": "warning"},
    )
    return Salvaged(entry_type, key, fields, start, raw), problem


def broken_entry(raw: str, start: int, strings: dict[str, str], budget: Budget) -> Salvaged | None:
    """The part of a failed entry BibTeX keeps: its key and the fields before the error.

    The entry is cut after ever fewer of its lines and closed until bibtexparser reads
    it (while ``budget`` lasts; then the key alone is kept); ``None`` when the block
    does not even start with ``@type{key,``."""
    head = _HEAD.match(raw)
    if head is None or head.group(1).lower() in _NOT_ENTRIES:
        return None
    entry_type, key = head.group(1), head.group(2)
    lines = raw.split("\n")[:MAX_LINES]
    for n in range(len(lines), 0, -1):
        if budget.left <= 0:
            break
        budget.left -= 1
        text = raw[: head.end()] if n == 1 else "\n".join(lines[:n])
        try:
            lib = bibtexparser.parse_string(  # type: ignore[attr-defined,unused-ignore]
                text + "\n}\n", parse_stack=[]
            )
        except Exception:  # never let a re-read crash the run
            continue
        if len(lib.entries) == 1 and lib.entries[0].key == key and not lib.failed_blocks:
            pairs = [(f.key, resolve(str(f.value), strings)) for f in lib.entries[0].fields]
            return Salvaged(entry_type, key, first_values(pairs), start, raw)
    return Salvaged(entry_type, key, {}, start, raw)


def resolve(value: str, strings: dict[str, str]) -> str:
    """A bare ``@string`` name replaced by its value (the block was read without them)."""
    return strings.get(value.strip().lower(), value)
