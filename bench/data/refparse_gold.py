"""Surnames from a *labelled* author field (AnyStyle gold), for scoring only.

The field holds nothing but names, so a few rules suffice: pieces are split at
commas, semicolons, "and" and "&"; a piece followed by an initials-only piece is an
inverted "Surname, I." name; "Surname AB" (Vancouver) drops the initials; "J. Smith"
and "John Smith" take the last word (with lower-case particles). Written separately
from citecheck's parser so the two do not share mistakes.
"""

from __future__ import annotations

import re
import unicodedata

_INIT_WORD = re.compile(r"^(?:[A-Z]\.?-?|[A-Z][a-z]\.-?){1,4}$")
_CORPORATE = re.compile(
    r"\b(?:Department|Organi[sz]ation|Association|Institute|Ministry|Council|Society|University|"
    r"Office|Bureau|Agency|Committee|Foundation|Group|Commission|Center|Centre|Service|Board)\b"
)
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "dos"}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def _initials_only(piece: str) -> bool:
    words = piece.replace("-", "").replace(".", ". ").split()
    return (
        bool(words)
        and all(
            _INIT_WORD.match(w) and (len(w) <= 2 or w.isupper() or w.endswith(".")) for w in words
        )
        and not (len(words) == 1 and len(words[0]) > 3)
    )


def _last_name(words: list[str]) -> str:
    out = [words[-1]]
    for w in reversed(words[:-1]):
        if w.lower() in _PARTICLES:
            out.insert(0, w)
        else:
            break
    return " ".join(out)


def gold_surnames(field: str) -> list[str]:
    """Normalised surnames of the names in ``field``, in order."""
    s = field.strip().rstrip(".,;: ")
    s = re.sub(
        r"\((?:eds?|Eds?|Hrsg|Editors?)\.?\)|,?\s(?:eds?\b\.?|edited by|Edited by|ed\. by)", "", s
    )
    s = re.sub(r",?\s*(?:et al\.?|and others|dkk\.?)", "", s)
    s = re.sub(r"^(?:In|in)\s", "", s).replace("…", ",").replace("...", ",")
    s = re.sub(r",?\s(?:Jr|Sr)\.?(?=,|$)", "", s)
    if _CORPORATE.search(s):
        return [_norm(s)]
    if ";" in s:
        persons = [p for p in re.split(r"\s*;\s*(?:&\s*|and\s+)?", s) if p.strip()]
        return [
            _norm(p.split(",")[0]) if "," in p else _norm(_last_name(p.split())) for p in persons
        ]
    pieces = [
        p.strip() for p in re.split(r"\s*,,?\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", s) if p.strip()
    ]
    out: list[str] = []
    i = 0
    while i < len(pieces):
        p = pieces[i]
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        words = p.split()
        if (
            nxt is not None
            and _initials_only(nxt)
            and not _initials_only(p)
            and not any(_initials_only(w) for w in words[-1:])
        ):
            out.append(p)
            i += 2
            continue
        if (
            nxt is not None
            and len([w for w in words if w.lower() not in _PARTICLES]) == 1
            and not _initials_only(p)
            and nxt.split()[0][:1].isupper()
            and not _initials_only(nxt.split()[0])
        ):
            out.append(p)  # "Waxman, Sandra R., & Senghas, Ann": inverted names
            i += 2
            continue
        if (
            i == 0
            and nxt is not None
            and not _initials_only(nxt.split()[0])
            and all(_initials_only(w) for w in nxt.split()[1:])
            and not _initials_only(p)
            and not _initials_only(words[0])
            and not _initials_only(words[-1])
            and len(words) <= 3
            and (i + 2 >= len(pieces) or len(pieces[i + 2].split()) >= 2)
        ):
            out.append(p)  # "Lin, Hongli, Xiangmei Chen": the first name inverted
            i += 2
            continue
        if len(words) >= 2 and _initials_only(words[-1]):
            out.append(" ".join(w for w in words if not _initials_only(w)))
        elif len(words) >= 2:
            out.append(_last_name(words))
        else:
            out.append(p)
        i += 1
    return [_norm(x) for x in out if _norm(x)]
