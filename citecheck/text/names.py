"""Name normalisation and comparison for linking citations to references.

A cited surname ("Rodríguez Bolívar", "van der Berg", "O'Brien", "WHO") and a listed
family name are compared on *keys*: case-folded, diacritics removed, apostrophes and
hyphens ignored. Comparison gives a tier:

* ``EXACT`` (3): the same letters ("Müller" = "Muller", "O'Brien" = "OBrien").
* ``VARIANT`` (2): the same person written another accepted way: nobiliary particles
  dropped ("Berg" for "van der Berg"), one part of a compound surname ("Bolívar" for
  "Rodríguez Bolívar"), German transliteration ("Mueller"), a corporate acronym
  ("WHO" for "World Health Organization"), an organisation's name declined in the
  sentence ("des Deutschen Jugendinstituts" for "Deutsches Jugendinstitut").
* ``FUZZY`` (1): a likely misspelling, by a similarity threshold measured in
  ``bench/accuracy/name_threshold.py`` (see docs/benchmarks.md, "Name matching thresholds").
* ``NONE`` (0).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from citecheck.text.lexicon import CORPORATE_KEYWORDS, PARTICLES
from citecheck.text.unicode import strip_diacritics

EXACT, VARIANT, FUZZY, NONE = 3, 2, 1, 0

#: Default similarity (normalised Damerau-Levenshtein, 0..100) for a misspelt surname,
#: chosen on measured data (docs/benchmarks.md, "Name matching thresholds").
NAME_THRESHOLD = 75.0
#: Surnames this short (in letters) only match fuzzily by swapping two adjacent
#: letters: "Li"/"Lu", "Kim"/"Kin", "Wang"/"Wong" are different people.
SHORT_NAME = 4

# Words skipped when building an acronym ("World Health Organization" -> "WHO").
_ACRONYM_STOP = frozenset(
    "of the and for on in at to a an & dan untuk dari di ke pada dan/atau "
    "de des du la le el y e et für und der die das".split()
)
# Other Spanish, Portuguese, French and German small words some acronyms skip too
# ("Programa de las Naciones Unidas para el Desarrollo" -> "PNUD") and others keep
# ("Comisión Económica para América Latina" -> "CEPAL"): both acronyms are made.
_ACRONYM_STOP_MORE = _ACRONYM_STOP | frozenset(
    "del los las para por al da do dos das em na no nas nos pour sur aux au "
    "von vom zur zum im bagi".split()
)
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_APOSTROPHES = re.compile(r"[’'`ʼ‘´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./,;:()\[\]*]+")
_NON_ALNUM = re.compile(r"[\W_]+")
# Folded organisation words ("kementerian", "ministry"): such names are not compounds.
_INSTITUTION_WORDS = frozenset(w.lower() for w in CORPORATE_KEYWORDS)
_BRACKETED = re.compile(r"^(?P<name>.*?)\s*[\(\[]\s*(?P<abbr>[^()\[\]]{2,15})\s*[\)\]]\s*$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The one key of a name: lower case, no diacritics or apostrophes, separators
    collapsed to one space ("O'Brien", "OBrien", "O’Brien" -> "obrien")."""
    if not text.isascii():
        text = strip_diacritics(text)
    if not text.isalpha():
        text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text)).strip()
    return text.casefold()


def name_words(text: str) -> list[str]:
    """The words of ``text`` as name keys: :func:`fold`, other punctuation dropped."""
    return _NON_ALNUM.sub(" ", fold(text)).split()


def split_abbreviation(name: str) -> tuple[str, str | None]:
    """``"World Health Organization [WHO]"`` -> ``("World Health Organization", "WHO")``."""
    if "(" not in name and "[" not in name:
        return name.strip(), None
    m = _BRACKETED.match(name.strip())
    if m and m.group("name") and re.fullmatch(r"[A-Za-z0-9&\-. ]+", m.group("abbr")):
        abbr = m.group("abbr").strip()
        if any(ch.isupper() for ch in abbr):
            return m.group("name").strip(), abbr
    return name.strip(), None


def acronyms(name: str) -> frozenset[str]:
    """Folded acronyms of a multi-word name, with and without its small words."""
    words = fold(name).split()
    if len(words) < 2:
        return frozenset()
    every = "".join(w[0] for w in words)
    significant = "".join(w[0] for w in words if w not in _ACRONYM_STOP)
    fewer = "".join(w[0] for w in words if w not in _ACRONYM_STOP_MORE)
    return frozenset(a for a in (every, significant, fewer) if len(a) >= 2)


# Words that name the kind of a regional unit, which a citation of a regional office
# often leaves out: "BPS DKI Jakarta (2024)" for "Badan Pusat Statistik (BPS) Provinsi
# DKI Jakarta".
_REGION_UNIT_WORDS = frozenset(
    "provinsi kabupaten kab kota kecamatan province provincial regency city county "
    "district state".split()
)


def abbreviated_forms(name: str, abbreviation: str | None) -> tuple[str, ...]:
    """How a text may cite an organisation's office by its abbreviation and the rest of
    its name: ``("Badan Pusat Statistik Provinsi DKI Jakarta", "BPS")`` gives
    "BPS Provinsi DKI Jakarta" and "BPS DKI Jakarta". The abbreviation must spell the
    words it replaces, and something must follow them; otherwise nothing."""
    if not abbreviation:
        return ()
    words = name.split()
    want = fold(abbreviation).replace(" ", "")
    for k in range(2, len(words)):
        if want in acronyms(" ".join(words[:k])):
            tail = words[k:]
            forms = [" ".join([abbreviation, *tail])]
            short = [w for w in tail if fold(w).strip(".") not in _REGION_UNIT_WORDS]
            if short and len(short) < len(tail):
                forms.append(" ".join([abbreviation, *short]))
            return tuple(forms)
    return ()


def _looks_like_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return (
        2 <= len(letters) <= 12 and " " not in text.strip() and all(ch.isupper() for ch in letters)
    )


@dataclass(frozen=True)
class NameKey:
    """The comparable forms of one name (cited or listed)."""

    display: str  # as written, for messages
    full: str  # every token joined: "vanderberg"
    core: str  # particles dropped: "berg"
    tokens: tuple[str, ...]  # core tokens: ("rodriguez", "bolivar")
    alternates: frozenset[str]  # other spellings of full/core (German transliteration)
    abbreviation: str | None  # folded declared abbreviation ("who")
    abbreviated: frozenset[str]  # folded "bpsdkijakarta" for a regional office's name
    acronyms: frozenset[str]  # folded acronyms of a multi-word (corporate) name
    is_acronym: bool  # written in capitals like "WHO", "BPS"
    # a name of two or more words without its endings: "deutschjugendinstitut" for
    # "Deutsches Jugendinstitut" and "des Deutschen Jugendinstituts"; else ""
    uninflected: str = ""


@lru_cache(maxsize=65536)
def name_key(name: str, abbreviation: str | None = None) -> NameKey:
    """Keys for one surname or corporate name as written."""
    base, declared = split_abbreviation(name)
    abbreviation = abbreviation or declared
    tokens = tuple(fold(base).split())
    core_tokens = _strip_particles(tokens)
    german = tuple(fold(base.translate(_GERMAN)).split()) if not base.isascii() else tokens
    alternates = {"".join(german), "".join(_strip_particles(german))}
    if tokens and tokens[0] == "the":  # "The World Bank"
        alternates.add("".join(tokens[1:]))
    full, core = "".join(tokens), "".join(core_tokens)
    alternates.discard(full)
    alternates.discard(core)
    return NameKey(
        display=name.strip(),
        full=full,
        core=core,
        tokens=core_tokens,
        alternates=frozenset(a for a in alternates if a),
        abbreviation=fold(abbreviation).replace(" ", "") if abbreviation else None,
        abbreviated=frozenset(
            "".join(fold(f).split()) for f in abbreviated_forms(base, abbreviation)
        ),
        acronyms=acronyms(base),
        is_acronym=_looks_like_acronym(base),
        uninflected=uninflected(core_tokens) if len(core_tokens) >= 2 else "",
    )


# Case and number endings of German (and Dutch, Scandinavian) adjectives and nouns in an
# organisation's name: "des Deutschen Jugendinstituts" is "Deutsches Jugendinstitut".
_ENDING = re.compile(r"(?:es|en|er|em|s|e|n)$")


def uninflected(tokens: Sequence[str]) -> str:
    """Folded words of a name of two or more words, joined without their endings; two
    names with the same result differ only in inflection."""
    return "".join(_ENDING.sub("", t) if len(t) > 4 else t for t in tokens)


def _strip_particles(tokens: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(t for t in tokens if t not in PARTICLES)
    return kept or tokens


def index_keys(key: NameKey) -> frozenset[str]:
    """Every key under which a listed name should be found by an exact look-up."""
    keys = {key.full, key.core, *key.alternates, *key.tokens, key.uninflected}
    if key.abbreviation:
        keys.add(key.abbreviation)
    keys.update(key.acronyms)
    keys.update(key.abbreviated)
    return frozenset(k for k in keys if k)


def lookup_keys(key: NameKey) -> frozenset[str]:
    """Keys a cited name is looked up under (its own forms, not its parts)."""
    keys = {key.full, key.core, *key.alternates, key.uninflected}
    if key.abbreviation:
        keys.add(key.abbreviation)
    keys.update(key.acronyms)
    return frozenset(k for k in keys if k)


def similarity(a: str, b: str) -> float:
    """Normalised Damerau-Levenshtein similarity of two keys, 0..100."""
    return 100.0 * DamerauLevenshtein.normalized_similarity(a, b)


def fuzzy_accepts(a: str, b: str, threshold: float = NAME_THRESHOLD) -> tuple[bool, float]:
    """(is it a likely misspelling of ``b``?, score) for two different keys.

    Short names (``b``, the listed spelling, ≤ ``SHORT_NAME`` letters) accept only a
    swap of two adjacent letters ("Wnag" for "Wang"), since one changed letter there
    is usually another person ("Li"/"Lu", "Kim"/"Kin"). A dropped letter that makes a
    longer name short ("More" for "Moore", "Sith" for "Smith") is judged by the
    threshold like other typos of that name (bench/accuracy/e2e.py).
    """
    score = similarity(a, b)
    if len(b) <= SHORT_NAME:
        swapped = (
            len(a) == len(b)
            and len(a) >= 3
            and Levenshtein.distance(a, b) == 2
            and (DamerauLevenshtein.distance(a, b) == 1)
        )
        return swapped, score
    return score >= threshold, score


@dataclass(frozen=True)
class NameMatch:
    """How a cited name compares to a listed one."""

    tier: int
    score: float  # 100 for exact, 99 variant, similarity for fuzzy
    how: str  # "exact", "particle", "compound", "transliteration", "abbreviation", "fuzzy", "none"


def compare(cited: NameKey, listed: NameKey, threshold: float = NAME_THRESHOLD) -> NameMatch:
    """Compare a cited name with a listed one (see the module doc for the tiers)."""
    if cited.full and cited.full == listed.full:
        return NameMatch(EXACT, 100.0, "exact")
    if not cited.full or not listed.full:
        return NameMatch(NONE, 0.0, "none")
    if cited.core == listed.core:
        return NameMatch(VARIANT, 99.0, "particle")
    mine = {cited.full, cited.core, *cited.alternates}
    theirs = {listed.full, listed.core, *listed.alternates}
    if mine & theirs:
        return NameMatch(VARIANT, 99.0, "transliteration")
    if cited.uninflected and cited.uninflected == listed.uninflected:
        return NameMatch(VARIANT, 99.0, "inflection")  # a German genitive, a plural
    if _abbreviates(cited, listed) or _abbreviates(listed, cited):
        return NameMatch(VARIANT, 99.0, "abbreviation")
    if _part_of(cited.tokens, listed.tokens) or _part_of(listed.tokens, cited.tokens):
        return NameMatch(VARIANT, 98.0, "compound")
    if cited.is_acronym or listed.is_acronym:
        return NameMatch(NONE, 0.0, "none")  # "WHO" is never a misspelling of "Who"
    ok, score = fuzzy_accepts(cited.core, listed.core, threshold)
    return NameMatch(FUZZY if ok else NONE, score, "fuzzy" if ok else "none")


def _abbreviates(short: NameKey, long: NameKey) -> bool:
    """``short`` is the declared or derived acronym of ``long``."""
    if long.abbreviation and short.full == long.abbreviation:
        return True
    if short.full in long.abbreviated:
        return True  # "BPS DKI Jakarta" for "Badan Pusat Statistik (BPS) Provinsi DKI Jakarta"
    return short.is_acronym and short.full in long.acronyms


def _part_of(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """``part`` is a run of whole tokens of a longer compound surname.

    Not for institutions: "Republik Indonesia" is another author than "Kementerian
    Keuangan Republik Indonesia", "Badan Pusat Statistik" than "Badan Pusat
    Statistik Kota Bandung" (bench/accuracy/e2e.py: such pairs became year-mismatch
    errors when the institution's own entry was missing).
    """
    if not part or len(part) >= len(whole) or max(len(t) for t in part) < 3:
        return False
    if any(t in _INSTITUTION_WORDS for t in whole):
        return False
    n = len(part)
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))
