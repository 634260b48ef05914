"""Journal and book titles, full or abbreviated.

References abbreviate containers ISO 4 / NLM style ("J Muscle Res Cell Motil" for
"Journal of Muscle Research and Cell Motility", "Proc Natl Acad Sci USA"), drop
articles and prepositions, and sometimes drop words ("Proc Biol Sci" for
"Proceedings of the Royal Society B: Biological Sciences"). An abbreviated word
matches a full word when it starts with the same letter and its letters occur in
order in it ("Natl" in "National").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from citecheck.registry.matching.record import RecordView
from citecheck.text.folding import norm

# Words ISO 4 drops; skipping them in the full title costs nothing.
STOPWORDS = frozenset(
    {
        "of",
        "and",
        "the",
        "for",
        "in",
        "on",
        "a",
        "an",
        "to",
        "at",
        "by",
        "with",
        "from",
        "de",
        "des",
        "der",
        "die",
        "und",
        "la",
        "le",
        "les",
        "du",
        "et",
        "el",
        "y",
        "di",
        "da",
        "do",
        "dan",
        "untuk",
        "dalam",
        "pada",
        "journal",
        "l",
        "d",
    }
)


def _is_abbreviation_of(short: str, word: str) -> bool:
    if short == word:
        return True
    if not short or not word or short[0] != word[0] or len(short) > len(word):
        return False
    it = iter(word)
    return all(ch in it for ch in short)


def _acronym_end(word: str, full: list[str], start: int) -> int | None:
    """End index when ``word`` spells the initials of ``full[start:]`` ("usa")."""
    if len(word) < 2 or start >= len(full):
        return None
    k = start
    for ch in word:
        while k < len(full) and full[k] in STOPWORDS:
            k += 1
        if k >= len(full) or full[k][0] != ch:
            return None
        k += 1
    return k


def abbreviation_score(short: str, full: str) -> float:
    """0..1: how well ``short`` reads as an abbreviation of ``full``.

    Every word of ``short`` must abbreviate a later word of ``full`` in order
    (else 0). Content words of ``full`` left unmatched inside lower the score a
    little (dropped words), content words left over at either end lower it more;
    stop words cost nothing.
    """
    sw, fw = norm(short).split(), norm(full).split()
    if not sw or not fw:
        return 0.0
    j = 0
    skipped = 0
    leading = 0  # content words skipped before the first match
    for n, word in enumerate(sw):
        acronym = _acronym_end(word, fw, j)
        if acronym is not None:
            j = acronym
            continue
        while j < len(fw) and not _is_abbreviation_of(word, fw[j]):
            if fw[j] not in STOPWORDS:
                skipped += 1
                if n == 0:
                    leading += 1
            j += 1
        if j == len(fw):
            # "journal" is a stop word on the full side only; "J" must still match.
            return 0.0
        j += 1
    # Words dropped inside are typical of NLM abbreviations ("Proc Biol Sci" for
    # "Proceedings of the Royal Society B: Biological Sciences"); words missing at
    # either end usually mean another venue ("Nature" vs "Nature Medicine",
    # "Proceedings of the International Conference on X" vs "X").
    trailing = sum(1 for w in fw[j:] if w not in STOPWORDS)
    content = sum(1 for w in fw if w not in STOPWORDS) or 1
    inner = skipped - leading
    return max(0.0, 1.0 - (0.5 * inner + leading + trailing) / content)


def _words_match(a: str, b: str) -> bool:
    if a == b or _is_abbreviation_of(a, b) or _is_abbreviation_of(b, a):
        return True
    return min(len(a), len(b)) >= 5 and fuzz.ratio(a, b) >= 85


def overlap_score(a: str, b: str) -> float:
    """Content words matched in order (equal, abbreviated or misspelt), over the longer name."""
    wa = [w for w in norm(a).split() if w not in STOPWORDS]
    wb = [w for w in norm(b).split() if w not in STOPWORDS]
    if not wa or not wb:
        return 0.0
    matched = 0
    j = 0
    for word in wa:
        for k in range(j, len(wb)):
            if _words_match(word, wb[k]):
                matched += 1
                j = k + 1
                break
    return matched / max(len(wa), len(wb))


def name_variants(name: str) -> list[str]:
    """A container name, without its parenthetical parts, and those parts alone
    ("International Journal on Document Analysis and Recognition (IJDAR)")."""
    out = [name]
    inner = re.findall(r"\(([^()]+)\)", name)
    bare = re.sub(r"\s*\([^()]*\)", "", name).strip()
    if bare and bare != name:
        out.append(bare)
    out.extend(p for p in inner if len(p.strip()) >= 2)
    return out


def container_similarity(reference_container: str | None, record: RecordView) -> float | None:
    """0..1 similarity of a cited container to the record's (None: nothing to compare)."""
    if not reference_container or not norm(reference_container):
        return None
    names = [v for n in (*record.container, *record.short_container) for v in name_variants(n)]
    if not names:
        return None
    best = 0.0
    for cited in name_variants(reference_container):
        ref = norm(cited)
        for name in names:
            full = norm(name)
            if not full or not ref:
                continue
            if ref == full or ref.replace(" ", "") == full.replace(" ", ""):
                return 1.0
            best = max(
                best,
                abbreviation_score(ref, full),
                abbreviation_score(full, ref),
                overlap_score(ref, full),
            )
    return best
