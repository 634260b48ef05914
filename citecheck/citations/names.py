"""Splitting an author string into surnames: "Sulistyaningsih, Purnama, dan Kalsum".

The same parser serves both citation forms. Inside brackets the whole author part
must be names except for a leading prefix ("see", "Sumber:"). Before a bracketed
year (narrative form) the parser keeps the longest run of names that ends at the
bracket, reading from right to left, so "According to Smith and Jones" yields
Smith and Jones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.citations.known import is_known
from citecheck.citations.patterns import ACRONYM, TOKEN
from citecheck.text.lexicon import (
    ABBREVIATIONS,
    CONJUNCTIONS,
    CORPORATE_CONNECTORS,
    CORPORATE_KEYWORDS,
    ET_AL_FORMS,
    LABEL_WORDS,
    LEADING_WORDS,
    LOWER_GROUP_WORDS,
    NON_NAME_WORDS,
    PARTICLES,
)
from citecheck.text.names import fold

_CUT_CONNECTORS = CORPORATE_CONNECTORS - PARTICLES
_PREFIXED = re.compile(r"[a-z]{1,3}['’\-]")  # d'Alembert, al-Farabi, l'Hôpital
_INITIAL = re.compile(r"[A-Z]\.")
_HYPHEN = re.compile(r"[-‐‑–]")
_CAMEL = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")
# Surname prefixes written with an inner capital: McDonald, DeLano, LeBlanc, MacArthur.
_NAME_CAMEL = re.compile(
    r"(?:Mc|Mac|De|Di|Du|Da|Dos|La|Le|Van|Von|Fitz|St|Al|El|Ben|Abu|Ter|Ten|Del|Della|Des)"
    r"[A-ZÀ-ÖØ-Þ]"
)
# Agency names that are single words; other single corporate keywords are nouns.
_ONE_WORD_BODIES = frozenset("Bappenas Bappeda Kemenkes Kemendikbud Kemendikbudristek".split())

Token = tuple[str, int, int]  # text, start, end (offsets into the parsed string)
_LONG_NAME = 16  # words an organisation's name may run before a lower-case word in it


@dataclass(frozen=True)
class Authors:
    """Names found in an author string and where they start and end."""

    names: tuple[str, ...]
    et_al: bool
    start: int  # offset of the first name in the parsed string
    end: int  # offset after the last name (or after "et al.")
    corporate: bool = False
    abbreviation: str | None = None
    leading: str | None = None  # the word cut off just before the names ("the", "Menurut")
    known: bool = False  # the reference list vouches for the name ("Republik Indonesia")


def tokens(text: str) -> list[Token]:
    """Tokens of ``text``; Markdown emphasis marks are skipped."""
    out: list[Token] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        if word != "*" and word != "_":
            out.append((word, m.start(), m.end()))
    return out


def _bare(word: str) -> str:
    return word.rstrip(".")


def is_name_word(word: str) -> bool:
    """Capitalised ("Smith", "WHO", "McDonald") or prefixed ("d'Alembert", "al-Farabi")."""
    if word[0].isupper():
        return True
    m = _PREFIXED.match(word)
    return m is not None and word[m.end() : m.end() + 1].isupper()


def _is_sentence_end(word: str) -> bool:
    """A word whose final period ends a sentence (not an initial or abbreviation)."""
    if not word.endswith(".") or _INITIAL.fullmatch(word):
        return False
    low = word[:-1].lower()
    return low not in ABBREVIATIONS and "." not in low


def _strip_et_al(toks: list[Token]) -> bool:
    """Remove a trailing "et al." form (and a comma before it); True if found. A comma
    after it goes too: "FERRAZ et al., (2007)" is a narrative citation with a stray comma."""
    if len(toks) > 2 and toks[-1][0] == "," and _strip_et_al(toks[:-1]):
        del toks[-1]
        return _strip_et_al(toks)
    for size in (2, 1):
        if len(toks) > size:
            tail = tuple(t[0].lower().replace(".", "") for t in toks[-size:])
            if tail in ET_AL_FORMS:
                del toks[-size:]
                if toks and toks[-1][0] == ",":
                    toks.pop()
                return True
    return False


def _strip_abbreviation(toks: list[Token]) -> str | None:
    """Remove a trailing "[WHO]" / "(WHO)" and return "WHO"."""
    if len(toks) >= 4 and toks[-3][0] in "([" and toks[-1][0] in ")]":
        if ACRONYM.fullmatch(toks[-2][0]):
            abbr = toks[-2][0]
            del toks[-3:]
            return abbr
    return None


def _capital_conjunction(text: str, cur: list[Token]) -> bool:
    """ "E" in "(CARDOSO E CARDOSO, 2013)": ABNT prints surnames in capitals, and the
    conjunction between them with them."""
    if not (text.isupper() and text.lower() in CONJUNCTIONS and cur):
        return False
    last = cur[-1][0]
    return len(last) > 1 and last.isupper() and last.isalpha()


def _segments(toks: list[Token]) -> tuple[list[list[Token]], list[str]]:
    """Split into name segments and the separators between them ("," "and", ", and").

    Anything that cannot be in an author string (digits, other marks, a word that
    ends a sentence) discards everything before it.
    """
    segs: list[list[Token]] = []
    seps: list[str] = []
    cur: list[Token] = []
    pending = ""
    for tok in toks:
        text = tok[0]
        if (
            text == ","
            or text == "&"
            or text in CONJUNCTIONS
            or (text == "/" and cur)
            or _capital_conjunction(text, cur)
        ):
            # "/" joins two authors as "and" does: "(Acme Project Team / Jane Doe, 2015)"
            if cur or segs:
                pending += "," if text == "," else "&"
            continue
        if not text[0].isalpha() or _is_sentence_end(text):
            segs, seps, cur, pending = [], [], [], ""
            continue
        if pending and cur:
            segs.append(cur)
            seps.append(pending)
            cur = []
        pending = ""
        cur.append(tok)
    if cur:
        segs.append(cur)
    elif segs:  # a dangling separator: "Smith and" is not an author string
        return [], []
    return segs, seps


def _has_keyword(seg: list[Token]) -> bool:
    return any(_bare(t[0]) in CORPORATE_KEYWORDS for t in seg) or _group_tail(seg)


def _group_tail(seg: list[Token]) -> bool:
    """A name ending in a lower-case group noun: "Posit team", "jamovi project"."""
    return len(seg) > 1 and seg[-1][0] in LOWER_GROUP_WORDS


def _corporate(kept: list[Token]) -> bool:
    """Two or more words, one an organisation word, not ending in a label ("Group B")."""
    return len(kept) > 1 and _has_keyword(kept) and len(kept[-1][0]) > 1


def _merge_corporate(segs: list[list[Token]], seps: list[str]) -> None:
    """Join "Kementerian Pendidikan" + "dan" + "Kebudayaan" into one corporate name."""
    i = 0
    while i < len(seps):
        if "," not in seps[i] and (_has_keyword(segs[i]) or _has_keyword(segs[i + 1])):
            segs[i] = segs[i] + segs[i + 1]
            del segs[i + 1]
            del seps[i]
        else:
            i += 1


@dataclass(frozen=True)
class _Name:
    tokens: list[Token]
    whole: bool  # the name used the whole segment
    corporate: bool
    leading: str | None
    known: bool = False


def _words_key(kept: list[Token]) -> str:
    return " ".join(t[0] for t in kept)


def _known_suffix(kept: list[Token], known: frozenset[str]) -> int | None:
    """Where the longest run ending ``kept`` that the reference list names starts."""
    for j in range(len(kept)):
        if is_name_word(kept[j][0]) and is_known(_words_key(kept[j:]), known):
            return j
    return None


def _name_suffix(
    seg: list[Token], *, lenient: bool, particle: bool = False, known: frozenset[str] = frozenset()
) -> _Name | None:
    """The longest run of name words ending the segment, or None.

    ``particle``: a capitalised particle that is also a leading word ("Di", Indonesian
    "in") starts the name ("Di Matteo") instead of being cut off. ``known``: keys of
    the listed first authors; such a name stands even when the word lists reject it.
    """
    kept: list[Token] = []
    i = len(seg) - 1
    while i >= 0:
        word = seg[i][0]
        if _INITIAL.fullmatch(word) and kept:
            i -= 1
            continue
        group = not kept and word in LOWER_GROUP_WORDS
        if not (group or is_name_word(word) or word in PARTICLES or word in CORPORATE_CONNECTORS):
            break
        kept.append(seg[i])
        i -= 1
    if known and i >= 0:
        # an organisation the list names, with lower-case words inside: "(Beauftragte der
        # Bundesregierung für die Belange von Menschen mit Behinderungen, 2017)"
        for first in range(max(0, i - _LONG_NAME), i):
            if is_name_word(seg[first][0]) and is_known(_words_key(seg[first:]), known):
                return _Name(seg[first:], first == 0, True, None, known=True)
    if known and len(kept) == 1 and kept[0][0] in LOWER_GROUP_WORDS:
        # "(jamovi project, 2017)": lower-case words before the group noun, only as the
        # listed name
        for first in range(i, max(i - 3, -1), -1):
            if is_known(_words_key(seg[first:]), known):
                kept, i = list(reversed(seg[first:])), first - 1
                break
    if known and not kept:
        lower = _known_lower_case(seg, known)
        if lower is not None:
            return lower
    whole = i < 0
    kept.reverse()
    corporate = _corporate(kept)
    if corporate:
        start = _body_start(kept)
        if start:
            kept, whole = kept[start:], False
    if not corporate:
        cut = max((j for j, t in enumerate(kept) if t[0] in _CUT_CONNECTORS), default=-1)
        if cut >= 0:
            kept, whole = kept[cut + 1 :], False
    leading = None
    cut_off: list[Token] = []
    while kept and (kept[0][0] in _CUT_CONNECTORS or _bare(kept[0][0]) in LEADING_WORDS):
        if particle and len(kept) > 1 and kept[0][0].lower() in PARTICLES:
            break
        if len(kept) == 1 and is_known(kept[0][0], known):
            break  # "(Ke & Ng, 2019)": the list names Ke, so Ke is not Indonesian "to"
        cut_off.append(kept.pop(0))
        leading = cut_off[-1][0]
    if cut_off:
        whole = False
    if not kept or kept[-1][0] in PARTICLES or (kept[-1][0] in LOWER_GROUP_WORDS and len(kept) < 2):
        return None
    if not any(is_name_word(t[0]) for t in kept):
        # a lower-case group name only when the list names it: "(jamovi project, 2017)"
        if not (_group_tail(kept) and is_known(_words_key(kept), known)):
            return None
        return _Name(kept, whole, True, leading, known=True)
    if all(_INITIAL.fullmatch(t[0]) for t in kept):
        return None  # "Gaube, S. (2024)": an initial is never a surname on its own
    if known and leading in ("The", "the") and fold(_words_key(cut_off[-1:] + kept)) in known:
        # "The Lancet" is listed with its article: keep it so the names compare equal
        kept.insert(0, cut_off.pop())
        leading = cut_off[-1][0] if cut_off else None
        whole = i < 0 and not cut_off
        return _Name(kept, whole, _corporate(kept), leading, known=True)
    corporate = _corporate(kept)
    if known and len(kept) > 1 and not is_known(_words_key(kept), known):
        j = _known_suffix(kept, known)
        if j and _label_before(kept[:j]):
            # a label or a preposition glued to a listed name: "(English Vance et al.,
            # 2005; Italian Piazzalunga et al., 2019)", "Segundo Gustavo Coelho (1999)"
            return _Name(kept[j:], False, False, kept[j - 1][0], known=True)
    if not corporate and not lenient and not _plausible_person(kept):
        j = _known_suffix(kept, known) if known else None
        if j is None:
            return None
        # a place or label word the list names as an author: "(Republik Indonesia, 2014)"
        if j:
            whole, leading = False, kept[j - 1][0]
        return _Name(kept[j:], whole, False, leading, known=True)
    return _Name(
        kept, whole, corporate, leading, known=bool(known) and is_known(_words_key(kept), known)
    )


def _known_lower_case(seg: list[Token], known: frozenset[str]) -> _Name | None:
    """A lower-case name ending ``seg`` that the list gives as an entry's author:
    "(mastekno, 2017)" for "mastekno. (2017). ..." (a web site named by its domain), or
    the domain itself: "(tilecode.example, 2013)" for "tilecode.example. (n.d.). ..."."""
    for first in range(len(seg) - 1, max(len(seg) - 4, -1), -1):
        run = seg[first:]
        if all(t[0].replace(".", "").replace("-", "").isalpha() for t in run) and is_known(
            _words_key(run), known
        ):
            return _Name(run, first == 0, True, None, known=True)
    return None


def _body_start(kept: list[Token]) -> int:
    """Where an organisation named after a description starts, or 0.

    "el Informe de Desarrollo Humano en Chile del Programa de Naciones Unidas": the
    name starts at the first organisation word that follows a lower-case connector,
    when nothing before that connector is an organisation word ("U.S. National
    Library of Medicine" and "Ministry of Health" stay whole).
    """
    for j in range(2, len(kept)):
        word = _bare(kept[j][0])
        if word in CORPORATE_KEYWORDS and kept[j - 1][0][0].islower():
            return 0 if _has_keyword(kept[: j - 1]) else j
    return 0


def _label_before(cut: list[Token]) -> bool:
    """Words before a listed surname that are not the rest of it.

    A given name ("Gustavo Coelho") or a preposition ("de Wright") is dropped with the
    label, but one capitalised word alone may be the first half of a compound surname
    the list gives shorter ("Rodríguez Bolívar" listed as "Bolívar"): that stays,
    unless the text shows it as a label (a language, a place) or a leading word.
    """
    words = [_bare(t[0]) for t in cut]
    if len(words) > 1 or words[0] in PARTICLES or words[0][0].islower():
        return True
    return words[0] in LABEL_WORDS or words[0] in LEADING_WORDS or words[0] in NON_NAME_WORDS


def _plausible_person(kept: list[Token]) -> bool:
    words = [_bare(t[0]) for t in kept]
    parts = [p for w in words for p in _HYPHEN.split(w)]  # "June-September"
    if any(w in NON_NAME_WORDS for w in words + parts):
        return False
    if any(_CAMEL.search(w) and not _NAME_CAMEL.match(w) for w in words):
        return False  # "HiSeq 2000", "EpiInfo 2007": product names, not surnames
    if len(words) == 1 and words[0] in CORPORATE_KEYWORDS and words[0] not in _ONE_WORD_BODIES:
        return False
    # A bare capital ("Group B", "Wave A") is a label; initials carry a period.
    return not any(len(t[0]) == 1 for t in kept)


def _listed_surname(seg: list[Token]) -> bool:
    """One capitalised word that is rejected only as a month, place or label word."""
    return (
        len(seg) == 1
        and len(_bare(seg[0][0])) > 1
        and seg[0][0][0].isupper()
        and _bare(seg[0][0]) in NON_NAME_WORDS
    )


def _name_text(text: str, name: _Name) -> str:
    first, last = name.tokens[0], name.tokens[-1]
    return " ".join(text[first[1] : last[2]].split()).replace("* ", "").replace(" *", "")


def parse_authors(
    text: str, *, narrative: bool, known: frozenset[str] = frozenset()
) -> Authors | None:
    """Parse the author string ending ``text`` (see the module docstring).

    ``known``: keys (:func:`citecheck.citations.known.known_keys`) of the reference
    list's first authors, accepted even where the word lists reject them.
    """
    toks = tokens(text)
    end = toks[-1][2] if toks else 0
    et_al = _strip_et_al(toks)
    abbreviation = _strip_abbreviation(toks)
    segs, seps = _segments(toks)
    if not segs:
        return None
    _merge_corporate(segs, seps)
    names: list[_Name] = []
    weak: list[bool] = []  # accepted only because the list shows it is a surname
    listed = len(segs) > 1 and any("&" in sep for sep in seps)
    i = len(segs) - 1
    while i >= 0:
        if names and narrative and i == len(segs) - 2 and "&" not in seps[i]:
            break  # "However, Smith (2019)": a comma alone does not join names here
        # "(Di Matteo, 2010)", "Aste, Di Matteo and Hyde": inside brackets or a list
        # "Di" is an Italian particle; starting a sentence it is Indonesian "in"
        particle = not narrative or i > 0
        name = _name_suffix(
            segs[i], lenient=et_al and i == len(segs) - 1, particle=particle, known=known
        )
        is_weak = False
        if name is None and listed and _listed_surname(segs[i]):
            # "Bier, Jan and Jan", "Alexander, Novembre and Lange": month and place
            # words are surnames too when a list with "and" joins them to other names
            name, is_weak = _name_suffix(segs[i], lenient=True), True
        if name is None:
            break
        names.insert(0, name)
        weak.insert(0, is_weak)
        if not name.whole:
            break
        i -= 1
    while names and weak[0] and (narrative or all(weak)):
        # such a word never starts a narrative author string ("March and Smith (2019)")
        # and a list of them alone is a date or place ("Januari dan Februari 2020")
        names.pop(0)
        weak.pop(0)
    if not names:
        return None
    if not et_al:
        end = names[-1].tokens[-1][2]
    return Authors(
        names=tuple(_name_text(text, n) for n in names),
        et_al=et_al,
        start=names[0].tokens[0][1],
        end=end,
        corporate=len(names) == 1 and names[0].corporate,
        abbreviation=abbreviation,
        leading=names[0].leading,
        known=len(names) == 1 and names[0].known,
    )
