"""Wording and grouping shared by the crossmatch rules (messages for editors)."""

from __future__ import annotations

from collections.abc import Sequence

from citecheck.model.document import Citation, Document, Reference
from citecheck.model.links import Link, Links
from citecheck.text.clip import clip
from citecheck.text.names import name_key
from citecheck.text.years import parse_year


def quote(citation: Citation) -> str:
    """The citation as written, for messages."""
    return " ".join(citation.text.split()) or _cited_label(citation)


def _cited_label(citation: Citation) -> str:
    if citation.number is not None:
        return f"[{citation.number}]"
    if citation.key:
        return f"@{citation.key}"
    who = ", ".join(citation.authors) + (" et al." if citation.et_al else "")
    return f"{who}, {citation.year or 'no year'}"


def authors_label(ref: Reference, *, limit: int = 3) -> str:
    """ "Smith", "Smith & Jones", "Smith, Jones, & Lee", "Smith, Jones, Lee, et al."."""
    names = [a.family for a in ref.authors if a.family.strip()]
    if not names:
        return "(no author)"
    if len(names) > limit or ref.et_al:
        return ", ".join(names[:limit]) + ", et al."
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} & {names[1]}"
    return ", ".join(names[:-1]) + f", & {names[-1]}"


def listed(ref: Reference) -> str:
    """A short label of a reference entry: "Rahnawati, 2020" (or its text)."""
    if ref.authors:
        return f"{authors_label(ref)}, {ref.year or 'no year'}"
    if ref.number is not None:
        return f"[{ref.number}] {excerpt(ref, 60)}"
    return excerpt(ref, 80)


def excerpt(ref: Reference, size: int = 90) -> str:
    """The entry's text, shortened for a message (structured entries: key, authors, year, title)."""
    if ref.source != "bibliography" and ref.key:
        title = f" {ref.title}" if ref.title else ""
        text = f"{ref.key}: {authors_label(ref)} ({ref.year or 'no year'}).{title}"
    else:
        text = " ".join(ref.text.split())
    return clip(text, size)


def places(n: int) -> str:
    """ "once" / "2 times"."""
    return "once" if n == 1 else f"{n} times"


def _names(c: Citation) -> tuple[str, ...]:
    return tuple(name_key(a).core for a in c.authors)


def _compatible(a: Citation, b: Citation) -> bool:
    """Two citations that could name the same unlisted work (one may say et al.)."""
    na, nb = _names(a), _names(b)
    if not na or not nb or na[0] != nb[0]:
        return False
    shared = min(len(na), len(nb))
    if na[:shared] != nb[:shared]:
        return False
    if len(na) != len(nb):
        shorter = a if len(na) < len(nb) else b
        return shorter.et_al
    return True


def _year_id(c: Citation) -> tuple[str, str]:
    y = parse_year(c.year)
    return y.base, y.suffix


def missing_groups(document: Document, links: Links) -> list[list[int]]:
    """Unmatched citations grouped by the work they name (numbers, keys, authors+year)."""
    cits = document.citations
    groups: dict[tuple[object, ...], list[list[int]]] = {}
    # per group, one citation of each (authors, et al.) shape: compatibility depends on
    # nothing else, so a group of a million citations of one work costs one check each
    shapes: dict[int, dict[tuple[tuple[str, ...], bool], Citation]] = {}
    for ln in links.links:
        if ln.status != "unmatched":
            continue
        c = cits[ln.citation]
        if c.style == "numeric":
            bucket: tuple[object, ...] = ("n", c.number)
        elif c.style == "key":
            bucket = ("k", c.key)
        else:
            first = _names(c)[0] if c.authors else c.text
            bucket = ("a", first, *_year_id(c))
        lists = groups.setdefault(bucket, [])
        shape = (_names(c), c.et_al)
        for members in lists:
            seen = shapes.setdefault(id(members), {})
            if c.style != "author-year" or all(_compatible(c, o) for o in seen.values()):
                members.append(ln.citation)
                seen.setdefault(shape, c)
                break
        else:
            lists.append([ln.citation])
            shapes[id(lists[-1])] = {shape: c}
    out = _merge_near_years([m for lists in groups.values() for m in lists], cits)
    return sorted(out, key=lambda m: m[0])


def same_work_years(years: Sequence[int], several_authors: bool) -> bool:
    """Years close enough that one unlisted work was probably cited with a typo:
    within 3 years for several authors ("et al." included), 1 for a single author."""
    return bool(years) and max(years) - min(years) <= (3 if several_authors else 1)


def _merge_near_years(groups: list[list[int]], cits: Sequence[Citation]) -> list[list[int]]:
    """Join groups of an unlisted work cited by identical authors with close years
    ("Putra, 2022" and "Putra (2023)"): one missing work, cited inconsistently."""
    by_authors: dict[tuple[tuple[str, ...], bool], list[list[int]]] = {}
    out: list[list[int]] = []
    # An author the text cites with three or more years has several works: two close
    # years of theirs ("Rusdi, 2012" and "Rusdi (2013)") are two works, not one typo.
    years_of: dict[str, set[str]] = {}
    for c in cits:
        if c.style == "author-year" and c.authors:
            years_of.setdefault(_names(c)[0], set()).add(parse_year(c.year).base)
    for members in sorted(groups, key=lambda m: m[0]):
        c = cits[members[0]]
        if (
            c.style != "author-year"
            or not c.authors
            or parse_year(c.year).kind != "year"
            or len(years_of.get(_names(c)[0], ())) >= 3
        ):
            out.append(members)
            continue
        sig = (_names(c), c.et_al)
        for joined in by_authors.setdefault(sig, []):
            years = [y for m in (*joined, members[0]) for y in parse_year(cits[m].year).years]
            if same_work_years(years, len(sig[0]) > 1 or c.et_al):
                joined.extend(members)
                break
        else:
            fresh = list(members)
            by_authors[sig].append(fresh)
            out.append(fresh)
    return out


def linked(links: Links, statuses: Sequence[str]) -> list[Link]:
    """Links with one of ``statuses``, in citation order."""
    return [ln for ln in links.links if ln.status in statuses]
