"""Which reference entries describe the same work (for duplicate-reference).

Two entries are the same work when they share a DOI, a BibTeX key (BibTeX compares
keys without case), or the first author, the year and a title similar enough
(``TITLE_THRESHOLD``, measured in ``bench/accuracy/title_duplicates.py``; see docs/benchmarks.md "Duplicate reference thresholds"). Titles that differ in a
number ("Part 1" / "Part 2", "II" / "III") are different works, and so are entries
the author lettered apart ("2004a" / "2004b") unless title and entry agree, and so
are a book and a chapter of it by the same authors (the chapter's container is the
book's title).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from citecheck.model.document import Reference
from citecheck.text.names import fold, name_key
from citecheck.text.years import parse_year

#: ``fuzz.ratio`` (0..100) of folded titles above which two titles are one title.
TITLE_THRESHOLD = 90.0
# Lettered entries ("2004a"/"2004b") count as one work only when the titles are the
# same (case and punctuation aside) and the entries nearly so: bench/accuracy/e2e.py,
# where "Brettar 2004a/b" (two species) and "Bates 2014a/b" (a paper and its R package)
# are different works and re-keyed copies of one article differ in a journal abbreviation.
_SAME_TITLE, _SAME_REST, _SAME_TEXT = 98.0, 90.0, 97.0
_NUMBERS = re.compile(r"\b(\d+|[ivxlc]+)\b")
_DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


@dataclass(frozen=True)
class Duplicate:
    """``later`` repeats ``earlier`` (indexes into the reference list)."""

    earlier: int
    later: int
    reason: str  # "doi", "key", "title"
    score: float | None = None


def normal_doi(doi: str | None) -> str | None:
    """Lower-case DOI without resolver prefix."""
    if not doi:
        return None
    return _DOI.sub("", doi.strip()).rstrip(".").lower() or None


def title_key(title: str) -> str:
    """Folded title without punctuation."""
    return fold(title)


def same_title(a: str, b: str, threshold: float = TITLE_THRESHOLD) -> tuple[bool, float]:
    """(same title?, score): similar wording (or one is the other without its
    subtitle) and the same numbers."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False, 0.0
    score = float(fuzz.ratio(ka, kb))
    main_a, main_b = title_key(a.split(":")[0]), title_key(b.split(":")[0])
    if (main_a == kb or main_b == ka) and len(min(ka, kb, key=len).split()) >= 4:
        score = max(score, 95.0)  # a dropped subtitle
    if score < threshold:
        return False, score
    if sorted(_NUMBERS.findall(ka)) != sorted(_NUMBERS.findall(kb)):
        return False, score
    return True, score


def _lettered_apart(a: Reference, b: Reference) -> bool:
    """ "2004a" and "2004b": the author told the two works apart on purpose (a series,
    a package and its paper), so similar titles do not make them one work, unless
    the title is the same and the rest of the entry nearly so (one item imported
    twice and lettered by a reference manager)."""
    sa, sb = parse_year(a.year).suffix, parse_year(b.year).suffix
    if not (sa and sb and sa != sb):
        return False
    ta = fold(a.text.replace(a.year or "", " "))
    tb = fold(b.text.replace(b.year or "", " "))
    rest = fuzz.ratio(ta, tb)
    if a.title and b.title:
        return fuzz.ratio(title_key(a.title), title_key(b.title)) < _SAME_TITLE or rest < _SAME_REST
    return rest < _SAME_TEXT


def find_duplicates(
    refs: Sequence[Reference], threshold: float = TITLE_THRESHOLD
) -> list[Duplicate]:
    """Every later entry that repeats an earlier one (each later entry once)."""
    out: dict[int, Duplicate] = {}
    first_by: dict[tuple[str, str], int] = {}
    groups: dict[tuple[str, str], list[int]] = {}
    for i, ref in enumerate(refs):
        doi = normal_doi(ref.doi)
        key = ref.key.casefold() if ref.key else None
        for kind, value in (("doi", doi), ("key", key)):
            if value is None:
                continue
            earlier = first_by.setdefault((kind, value), i)
            if earlier != i and i not in out:
                out[i] = Duplicate(earlier, i, kind)
        if ref.authors and ref.authors[0].family.strip():
            group = (name_key(ref.authors[0].family).core, parse_year(ref.year).base)
            groups.setdefault(group, []).append(i)
    for members in groups.values():
        for block in _blocks(refs, members):
            _compare(refs, block, threshold, out)
    return [out[k] for k in sorted(out)]


#: One (first author, year) group of more entries than this is compared in blocks.
GROUP_LIMIT = 1000
#: In a block, each entry is compared with at most this many entries before it.
WINDOW = 1000


def _blocks(refs: Sequence[Reference], members: list[int]) -> list[list[int]]:
    """Comparison blocks of one group: the group itself when it is of a real size; for
    a huge group (a generated or hostile file: 20,000 works of one author in one
    year) blocks of entries that share the first or the last two title words (a
    typo that keeps a title 90 % similar rarely changes both), so the cost stays
    linear instead of quadratic. An entry may sit in two blocks."""
    if len(members) <= GROUP_LIMIT:
        return [members]
    by: dict[tuple[str, str], list[int]] = {}
    for i in members:
        words = title_key(refs[i].title or refs[i].text).split()
        by.setdefault(("head", " ".join(words[:2])), []).append(i)
        by.setdefault(("tail", " ".join(words[-2:])), []).append(i)
    return list(by.values())


def _address(ref: Reference) -> str | None:
    doi = normal_doi(ref.doi)
    if doi:
        return "doi:" + doi
    url = (ref.url or "").strip().rstrip("/").casefold()
    return url.split("://", 1)[-1] if url else None


def _elsewhere_apart(a: Reference, b: Reference) -> bool:
    """Two entries whose parsed titles agree but that point to different places and
    are printed in different containers: two works of one organisation whose name the
    parser took for the title ("GBIF: The Global Biodiversity Information Facility.
    The global ... facility 2021. https://www.gbif.org/" and "GBIF: The Global ...
    Facility. Occurrence download 2021. https://doi.org/10.15468/...")."""
    where_a, where_b = _address(a), _address(b)
    if not (where_a and where_b) or where_a == where_b:
        return False
    if not (a.container or b.container or a.doi or b.doi):
        # two pages of one site under its name ("EllisLab (2020). CodeIgniter. <url of
        # the guide>" and "... <url of a chapter>"): different addresses, no venue
        return True
    if not (a.container and b.container):
        return False
    return fuzz.token_set_ratio(fold(a.container), fold(b.container)) < 50


def _chapter_of(part: Reference, whole: Reference) -> bool:
    """``part`` is printed inside ``whole``: its container is the other's title ("Intro:
    Where X Meets Y. In X (pp. 1-12)" beside the book "X"), a chapter and its book by the
    same authors, two works."""
    if not (part.container and whole.title) or whole.container:
        return False
    return title_key(part.container) == title_key(whole.title)


def _compare(
    refs: Sequence[Reference], members: list[int], threshold: float, out: dict[int, Duplicate]
) -> None:
    for pos, j in enumerate(members):
        if j in out:
            continue
        for i in members[max(0, pos - WINDOW) : pos]:
            a, b = refs[i], refs[j]
            if _lettered_apart(a, b) or _chapter_of(a, b) or _chapter_of(b, a):
                continue
            if a.title and b.title:
                same, score = same_title(a.title, b.title, threshold)
            elif not a.title and not b.title:
                score = float(fuzz.ratio(fold(a.text), fold(b.text)))
                same = score >= 97.0  # no titles parsed: near-identical entries only
            else:
                continue
            if same and (normal_doi(a.doi) == normal_doi(b.doi) or not (a.doi and b.doi)):
                if _elsewhere_apart(a, b):
                    continue
                out[j] = Duplicate(i, j, "title", score)
                break
