"""Names the reference list vouches for: "Republik Indonesia", "The Lancet", "WHO".

The word lists reject place, month and label words as authors ("Indonesia (2019)",
"Maret 2021") and a lone acronym before a year without a comma ("GBD 2010"). Some
of those are real authors: Indonesian statutes are listed under "Republik
Indonesia", journals under "The Lancet". When the loader passes the first authors
(and their abbreviations) of the document's reference entries, such a name counts
exactly when it equals one of them after :func:`citecheck.text.names.fold`, the key
the linker compares names on.

A manuscript whose list is in a file of its own (``--references``: a chapter-split
thesis) has no such names in its own text; the engine names the entries of those files
with :func:`listed_beside` while it reads the manuscript.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from citecheck.model.document import Reference
from citecheck.text.names import abbreviated_forms, fold, uninflected

_THE = "the "
_BESIDE: ContextVar[tuple[str, ...]] = ContextVar("listed_beside", default=())


@contextmanager
def listed_beside(names: Iterable[str]) -> Iterator[None]:
    """Count ``names`` (first authors of reference files read beside the manuscript) as
    listed for every :func:`known_keys` call inside the block."""
    token = _BESIDE.set(tuple(names))
    try:
        yield
    finally:
        _BESIDE.reset(token)


_YEAR = r"\(?\s*(?:1[5-9]\d\d|20\d\d)(?!\d)"
# An entry whose author the parser could not read, named by its head: "[APJII] Asosiasi
# Penyelenggara Jasa Internet Indonesia. 2016." (IPB style: the abbreviation in
# brackets), "[MongoDB]. 2017.", "mastekno. (2017, desember 7)."
_BRACKETED_HEAD = re.compile(
    r"\s*\[(?P<abbr>[^\[\]\d]{2,20})\][.,]?\s*(?P<rest>[^.\[\]()\d]{0,80})"
)
_PLAIN_HEAD = re.compile(rf"\s*(?P<name>[^.,;:\[\]()\d]{{2,60}}?)\s*[.,]?\s*{_YEAR}")
_HEAD_WORDS = 6
# An editor's mark after an organisation the parser took for a title: "(Hrsg.)", "(Ed.)"
_EDITOR_MARK = re.compile(r"\s*\((?:Hrsg|Hg|Eds?|eds?|Coords?|Orgs?|Dir|Comp|Red)\.?\)\s*$")


def known_keys(names: Iterable[str | None]) -> frozenset[str]:
    """Keys of ``names`` and of the names :func:`listed_beside` gives; a name with a
    leading "The" also counts without it."""
    out: set[str] = set()
    for name in (*names, *_BESIDE.get()):
        key = fold(name) if name else ""
        if not key:
            continue
        out.add(key)
        if key.startswith(_THE) and len(key) > len(_THE):
            out.add(key[len(_THE) :])
    return frozenset(out)


def is_known(name: str, known: frozenset[str]) -> bool:
    """True if ``name`` (with or without a leading "The") is one of ``known``."""
    if not known:
        return False
    key = fold(name)
    if key in known or (key.startswith(_THE) and key[len(_THE) :] in known):
        return True
    words = key.split()
    return len(words) >= 2 and uninflected(words) in _uninflected(known)


@lru_cache(maxsize=32)
def _uninflected(known: frozenset[str]) -> frozenset[str]:
    """Names of two or more words in ``known`` without their endings: "des Deutschen
    Jugendinstituts" names the listed "Deutsches Jugendinstitut"."""
    return frozenset(uninflected(k.split()) for k in known if " " in k)


def listed_names(references: Iterable[Reference]) -> list[str]:
    """First-author family names and abbreviations of ``references``, and the titles of
    entries without authors ("“SmartNoise.” 2023."), for
    ``extract_citations(listed_authors=...)``."""
    out: list[str] = []
    for ref in references:
        if ref.authors:
            first = ref.authors[0]
            out.append(first.family)
            if first.abbreviation:
                out.append(first.abbreviation)
                out.extend(abbreviated_forms(first.family, first.abbreviation))
        else:
            if ref.title:  # filed under its title, which takes the author's place
                out.append(ref.title)
                body = _EDITOR_MARK.sub("", ref.title)
                if body != ref.title:  # "Beauftragte der ... (Hrsg.)": an editing body
                    out.append(body)
            out.extend(entry_heads(ref.text))
    return out


def entry_heads(text: str) -> list[str]:
    """The name an entry without parsed authors starts with, and its bracketed
    abbreviation: ``"[JSON] JavaScript Object Notation. 2002. ..."`` gives ``JSON`` and
    ``JavaScript Object Notation``; ``"mastekno. (2017). ..."`` gives ``mastekno``."""
    m = _BRACKETED_HEAD.match(text)
    if m:
        rest = " ".join(m.group("rest").split())
        heads = [m.group("abbr").strip(), rest]
    else:
        m = _PLAIN_HEAD.match(text)
        heads = [m.group("name")] if m else []
    return [h for h in heads if h and len(h.split()) <= _HEAD_WORDS]
