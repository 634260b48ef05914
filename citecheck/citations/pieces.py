"""One citation inside brackets: "see Sugiyono, 2019, p. 45" -> prefix, authors, years, locator."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from citecheck.citations.names import Authors, parse_authors
from citecheck.citations.patterns import (
    CITED_IN,
    LOCATOR,
    LOCATOR_SEP,
    MORE_YEAR,
    SUFFIX_ONLY,
    YEAR,
)
from citecheck.text.lexicon import LEADING_WORDS

# A species name right before the names: "(Rattus rattus Linnaeus, 1758)" gives the
# authority that named the species, not a work of the manuscript's list. The genus
# follows a lower-case word or a bracket, never a sentence start ("Sudah lama (...)").
# A dash after a panel label counts as such a mark ("(A)— Europolemur klatti"), and the
# name may be quoted ("the species “Pronycticebus neglectus” (Thalmann, 1989)").
_BINOMIAL = re.compile(
    r"(?:\b[a-z]+[,;:]?[ \t]+|[(,;:—–][ \t]*)[*_“\"‘«]*(?P<genus>[A-Z][a-z]+)\.?\s+"
    r"(?:\([A-Z][a-z]+\)\s+)?(?P<epithet>[a-z]{3,})[*_]*\s*\Z"
)
# Species epithets are Latin adjectives or genitives: rattus, klatti, natalensis, sapiens.
_LATIN_ENDING = re.compile(r"(?:us|um|a|ae|i|is|ens|ans|ix|ex|oides|ides)\Z")
# English (and Indonesian) nouns with those endings that follow capitalised words in prose:
# "Bayesian analysis (Smith, 2019)", "Diabetes mellitus (Lee, 2020)".
_LATIN_LOOKING = frozenset(
    "analysis analyses basis thesis hypothesis synthesis emphasis diagnosis prognosis "
    "crisis axis status focus census consensus corpus campus bonus virus genus nexus "
    "stimulus apparatus radius versus mellitus data media criteria formula agenda area "
    "idea era arena camera drama schema trauma dementia malaria pneumonia bacteria "
    "museum forum minimum maximum optimum spectrum medium series species indices "
    "matrices values rates types cases studies approaches methods models countries "
    "variables features samples sites scores classes regions analytics dynamics "
    "ethics economics politics statistics metrics genomics proteomics".split()
)
# Words after a capitalised one that make prose, not a species ("Modified from Smith").
_NOT_EPITHETS = frozenset(
    "from with after following according since using based reported cited quoted "
    "described reviewed modified adapted see also and but the this that than for his "
    "dari oleh dalam pada yang dan menurut dengan sesuai untuk para por desde segundo "
    "com con und von aus nach selon par avec".split()
)
# A prefix ending in a conjunction: the names are the last item of a list whose other
# items are not names ("(KLP2, ZID3, WQ7 and Okonkwo 2021)"): a dataset or model named
# after a work, not a citation of it. A real citation's co-authors parse as names.
_LIST_ITEM_BEFORE = re.compile(r"(?:\b(?:and|or|dan|atau|und|oder|et|ou|y|e|o)|&)[ \t]*\Z", re.I)
# A plural noun right after the number: what it counts ("2018 sentences", "1950 items"),
# not a comment after a year ("2010 for a review", "2019 as cited").
_COUNTED = re.compile(
    r"[ \t]+(?!(?:this|thus|was|has|does|his|its|hers|ours|plus|versus|less|unless|"
    r"whereas|always|perhaps|besides|towards|afterwards|regardless|across)\b)"
    r"[a-z]{3,}s\b(?![-'’])"
)
# The imprint of a reference entry right before the names: "... of Games. London: "
# after a sentence or an item of the entry, as in an example list quoted in the text.
_IMPRINT = re.compile(r"[.,][ \t]+(?P<place>(?:[A-Z][a-z]+\.?[ \t]){0,2}[A-Z][a-z]+\.?):[ \t]*\Z")
_NOT_PLACES = frozenset("Note Notes Catatan Keterangan Quelle Abbildung Tabel Gambar".split())
_MAX_PREFIX = 200  # prose before a citation in the same bracket: "(Figure 1, Smith 2019)"
_SHOWN_PREFIX = 60


@dataclass(frozen=True)
class Piece:
    """A parsed piece; offsets are relative to the piece string."""

    authors: Authors | None  # None: only a year ("2019, p. 4"), the narrative form
    years: tuple[str, ...]
    start: int  # where the citation text begins (after the prefix)
    end: int  # where it ends (after the year or locator)
    prefix: str | None = None
    locator: str | None = None
    comma: bool = True  # "Smith, 2019" rather than "Smith 2019"


def species_before(text: str, pos: int) -> bool:
    """A species name ends right before ``pos``: "Europolemur klatti (Weigelt, 1933)"."""
    return _species(text[max(0, pos - 80) : pos].rstrip(' \t*_”"’»'))


def _species(prefix: str) -> bool:
    m = _BINOMIAL.search(prefix)
    if m is None or m.group("genus") in LEADING_WORDS:
        return False
    epithet = m.group("epithet")
    return (
        _LATIN_ENDING.search(epithet) is not None
        and epithet not in _NOT_EPITHETS
        and epithet not in _LATIN_LOOKING
    )


def _year_text(m: re.Match[str]) -> str:
    if m.group("nd") is not None:
        nd = " ".join(m.group("nd").split())
        return nd.replace(". ", ".").lower() if "." in nd else nd.lower()
    suffix = m.group("s") or m.group("s2") or ""
    return m.group("y") + suffix


def _shown_prefix(prefix: str) -> str | None:
    """The prefix as reported: its last words when the bracket holds a long remark."""
    prefix = prefix.strip().rstrip(",").strip()
    if len(prefix) > _SHOWN_PREFIX:
        cut = prefix[-_SHOWN_PREFIX:]
        prefix = cut[cut.find(" ") + 1 :] if " " in cut else cut
    return prefix or None


@lru_cache(maxsize=4096)  # manuscripts repeat the same citations many times
def parse_piece(piece: str, known: frozenset[str] = frozenset()) -> Piece | None:
    """Parse one ";"-separated piece of a bracket, or None if it is not a citation.

    ``known``: keys of the reference list's first authors (see :mod:`.known`).
    """
    m = YEAR.search(piece)
    if m is None:
        return None
    head = piece[: m.start()]
    authors: Authors | None = None
    prefix = ""
    start = m.start()
    if head.strip():
        if head[-1] not in ", \t\n\u00a0":
            return None
        author_part = head.rstrip().rstrip(",").rstrip()
        authors = parse_authors(author_part, narrative=False, known=known)
        if authors is None:
            return None
        prefix = author_part[: authors.start]
        if len(prefix) > _MAX_PREFIX:
            return None
        if _species("(" + prefix) and not (authors.known or authors.et_al):
            return None
        if _LIST_ITEM_BEFORE.search(prefix) and not authors.known:
            return None
        imprint = _IMPRINT.search(prefix)
        if imprint is not None and not authors.known:
            words = imprint.group("place").split()
            if not any(w.rstrip(".") in LEADING_WORDS or w in _NOT_PLACES for w in words):
                # a reference entry quoted in brackets: "(... Theory of Games. London:
                # Wiley, 1950, ch. 2)" names its publisher after the place, no author
                return None
        start = authors.start
    years = [_year_text(m)]
    pos, locator = m.end(), None
    while pos < len(piece) and piece[pos:].strip():
        more = SUFFIX_ONLY.match(piece, pos)
        if more and years[-1][:4].isdigit() and years[-1][-1].isalpha():
            years.append(years[-1][:-1] + more.group("s"))
            pos = more.end()
            continue
        sep = MORE_YEAR.match(piece, pos)
        nxt = YEAR.match(piece, sep.end()) if sep else None
        if nxt is not None:
            years.append(_year_text(nxt))
            pos = nxt.end()
            continue
        cited = CITED_IN.match(piece, pos)
        inner = parse_piece(piece[cited.end() :], known) if cited is not None else None
        if cited is not None and (inner is None or inner.authors is None):
            if "dalam" not in cited.group():
                return None
            cited = None  # "(Putri, 2019, dalam konteks ini)": Indonesian 'in', a comment
        if cited is not None and inner is not None and inner.authors is not None:
            # the secondary source is the work in the list
            shift = cited.end()
            return Piece(
                authors=inner.authors,
                years=inner.years,
                start=inner.start + shift,
                end=inner.end + shift,
                prefix=piece[pos : cited.end()].strip(" ,"),
                locator=inner.locator,
            )
        lsep = LOCATOR_SEP.match(piece, pos)
        loc = LOCATOR.match(piece, lsep.end()) if lsep else None
        if loc is not None and locator is None:
            locator = loc.group().strip()
            pos = loc.end()
            continue
        rest = piece[pos:]
        if authors is None and pos == m.end() and _COUNTED.match(rest):
            return None  # a count, not a year: "Corpus (2018 sentences in all)"
        if rest.lstrip().startswith(",") or (rest[0].isspace() and rest.lstrip()[0].islower()):
            break  # a comment after the citation: "2010 for a recent review"
        return None
    end = pos
    while end > start and piece[end - 1].isspace():
        end -= 1
    return Piece(
        authors=authors,
        years=tuple(years),
        start=start,
        end=end,
        prefix=_shown_prefix(prefix),
        locator=locator,
        comma=head.rstrip().endswith(","),
    )
