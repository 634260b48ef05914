"""Author-year citations: choose one reference by names and year.

Candidates come from an index of listed first-author keys (exact and variant forms);
only a citation without a same-year candidate searches for misspellings, and only
among the first authors listed with that year (``rapidfuzz.process.extract`` over a
short list), so linking stays linear in the size of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from citecheck.linking.assess import Assessment, Cited, Listed, assess, label
from citecheck.linking.decision import Decision
from citecheck.linking.printed import printed_pieces
from citecheck.model.document import Citation, Reference
from citecheck.model.links import CitedEvidence, Labelled, LinkStatus
from citecheck.text.lexicon import CONJUNCTIONS
from citecheck.text.names import NameKey, fold, index_keys, lookup_keys, name_key, name_words
from citecheck.text.years import agreement, only_accessed, parse_year, printed_years

EXACT_BUCKET, YEAR_BUCKET, AUTHOR_BUCKET = 0, 1, 2


@dataclass
class _Index:
    """Listed references by first-author key, and first-author keys per year."""

    listed: list[Listed]
    by_key: dict[str, list[int]]
    by_year: dict[str, dict[str, list[int]]]  # "year ^first-letter" / "year last$" -> core -> refs
    abbreviations: dict[str, NameKey]
    year_keys: dict[str, list[str]] = field(default_factory=dict)  # by_year's keys, as lists
    fuzzy_memo: dict[tuple[str, str], tuple[int, ...]] = field(default_factory=dict)


def _build_index(refs: Sequence[Reference], cited: Sequence[Cited]) -> _Index:
    listed: list[Listed] = []
    by_key: dict[str, list[int]] = {}
    by_year: dict[str, dict[str, list[int]]] = {}
    abbreviations: dict[str, NameKey] = {}
    for i, ref in enumerate(refs):
        names = tuple(name_key(a.family, a.abbreviation) for a in ref.authors if a.family.strip())
        printed = printed_pieces(ref) if ref.source in ("bibliography", "docx-field") else ()
        item = Listed(
            index=i,
            names=names,
            et_al=ref.et_al,
            # an undated web page: the year read from its access date is not its year
            year=parse_year(None if only_accessed(ref.text, ref.year) else ref.year),
            # "de Haas, Miller, y Castles. (2015)": three printed names, read as two
            more_in_text=len(names) < 3
            and (
                len([p for p in printed if p]) > len(names)
                or _more_authors_in_text(ref, len(names))
            ),
            printed=printed,
            other_years=printed_years(ref.text),
        )
        listed.append(item)
        if not names:
            continue
        keys = set(index_keys(names[0]))
        if item.printed:  # "Kurnia Hu, Satria Damai, ...": the first piece may be the surname
            keys.add("".join(item.printed[0]))
        for k in keys:
            by_key.setdefault(k, []).append(i)
        core = names[0].core
        if core:
            # misspellings rarely change both the first and the last letter, so the
            # fuzzy search looks only at same-year names sharing one of them
            for end in (f"^{core[0]}", f"{core[-1]}$"):
                by_year.setdefault(f"{item.year.bucket} {end}", {}).setdefault(core, []).append(i)
        for n in names:
            if n.abbreviation:
                abbreviations.setdefault(n.abbreviation, n)
    for c in cited:
        for n in c.names:
            if n.abbreviation:
                abbreviations.setdefault(n.abbreviation, n)
    return _Index(listed, by_key, by_year, abbreviations)


_MORE = re.compile(r"\bet\.? al\b|\bdkk\b|\band others\b|&|\band\b|\bdan\b|;", re.IGNORECASE)


def _more_authors_in_text(ref: Reference, parsed: int) -> bool:
    """Signs in the entry's author part that the parser missed authors (so "et al."
    in the text is not blamed on a parsing gap): "et al.", "&", "and", or more commas
    than the parsed names explain ("Wolfe MS, De Los Angeles J, Miller DD")."""
    head = ref.text[:200]
    if ref.year and ref.year[:4] in head:
        head = head[: head.index(ref.year[:4])]
    if parsed <= 1:
        return bool(_MORE.search(head)) or head.count(",") >= 3
    return bool(re.search(r"\bet\.? al\b|\bdkk\b|\band others\b", head, re.IGNORECASE)) or (
        head.count(",") >= 2 * parsed + 2
    )


def _cited(citation: Citation) -> Cited:
    declared = getattr(citation, "abbreviation", None)  # optional field of the extractor
    names = tuple(
        name_key(a, declared if i == 0 and isinstance(declared, str) else None)
        for i, a in enumerate(citation.authors)
        if a.strip()
    )
    return Cited(names=names, et_al=citation.et_al, year=parse_year(citation.year))


def _candidates(cit: Cited, index: _Index) -> set[int]:
    first = cit.names[0]
    keys = set(lookup_keys(first)) | {t for t in first.tokens if len(t) >= 3}
    expanded = index.abbreviations.get(first.full)
    if expanded is not None:
        keys |= lookup_keys(expanded)
    out: set[int] = set()
    for k in keys:
        out.update(index.by_key.get(k, ()))
    return out


def _fuzzy_candidates(cit: Cited, index: _Index) -> set[int]:
    """Refs of the same year whose first author is spelt similarly (checked later)."""
    out: set[int] = set()
    query = cit.names[0].core
    if not query:
        return out
    for bucket in {
        f"{y} {end}" for y in (cit.year.bucket, "none") for end in (f"^{query[0]}", f"{query[-1]}$")
    }:
        table = index.by_year.get(bucket)
        if not table:
            continue
        memo = index.fuzzy_memo.get((query, bucket))
        if memo is None:
            keys = index.year_keys.setdefault(bucket, list(table))
            hits = process.extract(
                query,
                keys,
                scorer=DamerauLevenshtein.normalized_similarity,
                score_cutoff=0.5,
                limit=8,
            )
            memo = tuple(r for key, _score, _pos in hits for r in table[key])
            index.fuzzy_memo[(query, bucket)] = memo
        out.update(memo)
    return out


def _assessments(cit: Cited, index: _Index, threshold: float) -> list[Assessment]:
    found = [
        a
        for r in _candidates(cit, index)
        if (a := assess(cit, index.listed[r], threshold, index.abbreviations)) is not None
    ]
    if not any(a.bucket in (EXACT_BUCKET, AUTHOR_BUCKET) for a in found):
        seen = {a.ref for a in found}
        for r in _fuzzy_candidates(cit, index) - seen:
            a = assess(cit, index.listed[r], threshold, index.abbreviations)
            if a is not None and a.bucket == AUTHOR_BUCKET:
                found.append(a)
    return found


def link_author_year(
    citations: Sequence[Citation],
    refs: Sequence[Reference],
    indexes: Sequence[int],
    *,
    threshold: float,
) -> list[Decision]:
    """Decisions for the author-year citations ``indexes`` (see ``citecheck.linking``)."""
    if not indexes:
        # Nothing to link by names (a key-cited manuscript): the index of a shared .bib's
        # 20,000 first authors would be built for nothing.
        return []
    seen: dict[tuple[Any, ...], Cited] = {}
    cited: dict[int, Cited] = {}
    for ci in indexes:
        c = citations[ci]
        sig_c = (c.authors, c.et_al, c.year, getattr(c, "abbreviation", None))
        if sig_c not in seen:
            seen[sig_c] = _cited(c)
        cited[ci] = seen[sig_c]
    index = _build_index(refs, list(cited.values()))
    memo: dict[tuple[Any, ...], list[Assessment]] = {}
    options: dict[int, list[Assessment]] = {}
    for ci, cit in cited.items():
        if not cit.names:
            options[ci] = []
            continue
        sig = (tuple(n.display for n in cit.names), cit.et_al, cit.year.text)
        if sig not in memo:
            memo[sig] = _assessments(cit, index, threshold)
        options[ci] = memo[sig]

    decisions: dict[int, Decision] = {}
    claimed: set[int] = set()
    three_in_full = any(len(c.names) >= 3 and not c.et_al for c in cited.values())
    # pass 1: exact matches claim their reference
    for ci, found in options.items():
        exact = [a for a in found if a.bucket == EXACT_BUCKET]
        if not exact:
            continue
        best = _top(exact)
        if len(best) > 1 and cited[ci].et_al and three_in_full:
            best = _four_or_more(best, index) or best
        if len(best) > 1:
            best = _printed_first(best, cited[ci], refs) or best
        if len(best) == 1:
            convention = "three authors are named in full elsewhere" if len(exact) > 1 else None
            evidence = best[0].evidence(cited[ci], index.listed, et_al_convention=convention)
            decisions[ci] = Decision(ci, "exact", best[0].ref, (), evidence)
            claimed.add(best[0].ref)
        else:
            decisions[ci] = _ambiguous(ci, cited[ci], best, index)
    # pass 2: mismatches prefer references no exact citation claimed
    for ci, found in options.items():
        if ci not in decisions:
            decisions[ci] = _near_miss(ci, cited[ci], found, claimed, index, refs)
    # pass 3: a citation no parsed name explains, by the text the entry starts with
    unmatched = [ci for ci, d in decisions.items() if d.status == "unmatched"]
    if unmatched:
        heads = _EntryHeads(refs, index)
        for ci in unmatched:
            hit = heads.find(cited[ci])
            status: LinkStatus = "exact"
            if hit is None and cited[ci].year.kind != "none":
                # the one entry filed under this name gives another year (or none):
                # "(tilecode.example, 2013)" for "tilecode.example. (n.d.)" is that entry, dated wrong
                hit, status = heads.find(cited[ci], any_year=True), "year-mismatch"
            if hit is not None:
                decisions[ci] = Decision(
                    ci,
                    status,
                    hit,
                    (),
                    _cited_evidence(cited[ci], matched_on="entry text"),
                )
    return [decisions[ci] for ci in indexes]


def _printed_first(
    best: list[Assessment], cit: Cited, refs: Sequence[Reference]
) -> list[Assessment]:
    """The one candidate whose entry opens with the cited first name as printed.

    "Andi. (2015)" and "Juansyah Andi. (2015)" both read as family "Andi" (an
    Indonesian name written given-first); "(Andi, 2015)" is the entry that opens with
    "Andi", "(Juansyah Andi, 2015)" the one that opens with "Juansyah Andi".
    """
    if not cit.names:
        return []
    shown = [cit.names[0].display]
    if len(cit.names) > 1:
        # or with every cited name as printed: citeproc prints an undated entry's
        # names alike in both ("(Okafor C.A., Lind B., )" for "Okafor C.A., Lind B. Title")
        shown.append(" ".join(n.display for n in cit.names))
    for names in shown:
        want = name_words(names)
        if not want:
            continue
        opens = [a for a in best if name_words(refs[a.ref].text[:160])[: len(want)] == want]
        if len(opens) == 1:
            return opens
    return []


def _opens_with_all(cit: Cited, ref: Reference) -> bool:
    """Whether the entry's text opens with every cited name as printed, in order."""
    want = _without_and(name_words(" ".join(n.display for n in cit.names)))
    return bool(want) and _without_and(name_words(ref.text[:160]))[: len(want)] == want


def _without_and(words: list[str]) -> list[str]:
    """Name words without the conjunctions that join the last two names ("de Haas,
    Miller, y Castles" opens "de Haas, Miller, and Castles (2015)" too)."""
    return [w for w in words if w not in CONJUNCTIONS]


def _four_or_more(best: list[Assessment], index: _Index) -> list[Assessment]:
    """The one candidate with four or more authors, when the others have three.

    Chicago and Harvard write "et al." only from four authors; a document that names
    three authors in full elsewhere follows them, so "Maher et al. 2012" is not the
    three-author "Maher, Richter and Stock 2012" (bench/accuracy/e2e.py).
    """

    def size(a: Assessment) -> int:
        ref = index.listed[a.ref]
        return 4 if ref.et_al else len(ref.names)

    many = [a for a in best if size(a) >= 4]
    return many if len(many) == 1 and all(size(a) == 3 for a in best if a not in many) else []


def _top(found: list[Assessment]) -> list[Assessment]:
    """The best assessments (several when they tie), one per reference."""
    if len(found) == 1:
        return found
    ranked = sorted(found, key=lambda a: a.rank)
    return [a for a in ranked if a.rank == ranked[0].rank]


def _ambiguous(ci: int, cit: Cited, best: list[Assessment], index: _Index) -> Decision:
    refs = tuple(a.ref for a in sorted(best, key=lambda a: a.ref))
    candidates = tuple(Labelled(r, label(index.listed[r])) for r in refs)
    return Decision(ci, "ambiguous", None, refs, _cited_evidence(cit, candidates=candidates))


def _near_miss(
    ci: int,
    cit: Cited,
    found: list[Assessment],
    claimed: set[int],
    index: _Index,
    refs: Sequence[Reference],
) -> Decision:
    years = [a for a in found if a.bucket == YEAR_BUCKET]
    authors = [a for a in found if a.bucket == AUTHOR_BUCKET]
    usable: list[Assessment] = [a for a in years + authors if a.ref not in claimed]
    if not usable:
        # a reference cited exactly elsewhere is still the answer when it is the only
        # work by these authors, or the names differ only by a typo / missing name
        usable = years if len(years) == 1 else []
        usable += [a for a in authors if not a.substitution]
    if not usable:
        return Decision(ci, "unmatched", None, (), _similar(cit, found, index))
    best = _top(usable)
    if len(best) > 1 and best[0].bucket == AUTHOR_BUCKET:
        best = _printed_first(best, cit, refs) or best
    if len(best) > 1 and best[0].bucket == AUTHOR_BUCKET:
        return _ambiguous(ci, cit, best, index)
    if len(best) > 1:
        return Decision(ci, "unmatched", None, (), _similar(cit, found, index))
    choice = best[0]
    status: LinkStatus = "year-mismatch" if choice.bucket == YEAR_BUCKET else "author-mismatch"
    if (
        status == "author-mismatch"
        and len(cit.names) > max(1, len(index.listed[choice.ref].names))
        and _opens_with_all(cit, refs[choice.ref])
    ):
        # the entry prints these very names first, yet fewer were parsed from it: the
        # parsed author list is what differs ("OKAFOR C.A., B. D., Reis F. Title")
        return Decision(ci, "exact", choice.ref, (), choice.evidence(cit, index.listed))
    evidence = choice.evidence(cit, index.listed, cited_exactly_elsewhere=choice.ref in claimed)
    return Decision(ci, status, choice.ref, (), evidence)


def _similar(cit: Cited, found: list[Assessment], index: _Index) -> CitedEvidence:
    if not found:
        return _cited_evidence(cit)
    similar = tuple(
        Labelled(a.ref, label(index.listed[a.ref])) for a in sorted(found, key=lambda a: a.rank)[:5]
    )
    return _cited_evidence(cit, similar=similar)


def _cited_evidence(
    cit: Cited,
    *,
    candidates: tuple[Labelled, ...] | None = None,
    similar: tuple[Labelled, ...] | None = None,
    matched_on: str | None = None,
) -> CitedEvidence:
    return CitedEvidence(
        cited_authors=tuple(n.display for n in cit.names),
        cited_et_al=cit.et_al,
        cited_year=cit.year.text or None,
        candidates=candidates,
        similar=similar,
        matched_on=matched_on,
    )


class _EntryHeads:
    """Entries by the words they start with, for citations no parsed name explains.

    An entry whose authors the parser could not read ("[JSON] JavaScript Object
    Notation. 2002", "mastekno. (2017)") is found when its text starts with the cited
    name or the name's declared abbreviation; an entry with parsed authors only when
    its text starts with a cited name of two or more words followed by the year, as
    corporate authors are written ("United States, & Central Intelligence Agency.
    (2016)" for "United States & Central Intelligence Agency, 2016"); an entry without
    parsed authors also when its title is the cited name (a work filed under its
    title: "(“SmartNoise” 2023)"). The year must agree, except that a name only one
    entry without parsed authors opens links to it as a year mismatch
    ("(tilecode.example, 2013)" for "tilecode.example. (n.d.)").
    """

    _WORDS = 12

    def __init__(self, refs: Sequence[Reference], index: _Index) -> None:
        self.refs, self.index = refs, index
        self.by_first: dict[str, list[tuple[int, list[str]]]] = {}
        self.by_title: dict[str, list[int]] = {}
        for i, ref in enumerate(refs):
            if ref.title and not index.listed[i].names:
                self.by_title.setdefault(fold(ref.title), []).append(i)
            words = name_words(ref.text[:300])[: self._WORDS]
            if words:
                self.by_first.setdefault(words[0], []).append((i, words))

    def find(self, cit: Cited, *, any_year: bool = False) -> int | None:
        """The one entry the cited name opens (see the class docstring); with
        ``any_year``, among entries without parsed authors whatever their year."""
        if not cit.names:
            return None
        first = cit.names[0]
        heads = {tuple(name_words(first.display.split("[")[0]))}
        if first.abbreviation:
            heads.add((first.abbreviation,))
        hits = {
            i
            for head in heads
            if head
            for i, words in self.by_first.get(head[0], ())
            if words[: len(head)] == list(head) and self._fits(i, words, head, cit, any_year)
        }
        hits.update(
            i
            for i in self.by_title.get(fold(first.display.split("[")[0]), ())
            if self._fits(i, [], (), cit, any_year)
        )
        return hits.pop() if len(hits) == 1 else None

    def _fits(
        self, i: int, words: list[str], head: tuple[str, ...], cit: Cited, any_year: bool
    ) -> bool:
        listed = self.index.listed[i]
        if listed.names and any_year:
            return False
        if any_year:
            return True
        if listed.names:
            after = words[len(head) : len(head) + 1]
            if len(head) < 2 or not after or parse_year(after[0]).kind == "none":
                return False
        year = listed.year if listed.year.kind != "none" else parse_year(self.refs[i].text)
        return agreement(cit.year, year) > 0
