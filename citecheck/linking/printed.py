"""The author block of an entry as printed, read piece by piece.

The reference parser must choose one reading of "Haryati, Kusworo Adi, and Suryono.
2014": Chicago inverts the first author ("Family, Given"), so it reads one author
Haryati with the given name Kusworo Adi. Word and many Indonesian, Malaysian or
Indian lists print people known by one name the same way, and the citation
"(Haryati, Adi and Suryono 2014)" shows the other reading was meant: three people,
the first and the last mononyms. "Venkatesh, Morris, Davis, & Davis. (2003)" (surnames
without initials) is the same ambiguity in APA.

Before the linker calls such a pair an author mismatch it asks whether the citation
fits the printed pieces: every cited name ends one piece, in order, the first cited
name ends the first piece, and every piece is named except, possibly, the second (the
given name of an inverted first author, "Kurnia Hu, Satria Damai, ..."). In a block
with initials ("Yuhefizar, Mooduto, H., & Hidayat, R.") given names are initials, so
every piece must be named: "Smith & Lee" for "Smith, J., Jones, K., & Lee, M." still
misses Jones. A missing or extra co-author still fails,
because then a piece other than the second is left unnamed or a cited name is left
without a piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model.document import Reference
from citecheck.text.lexicon import PARTICLES
from citecheck.text.names import NameKey, fold

_HEAD_CHARS = 300
_YEAR = re.compile(r"[\s.,(]\(?(?:1[5-9]|20)\d\d[a-z]?\)?(?=[\s.,;:)]|$)")
_SPLIT = re.compile(r"\s*(?:,\s*(?:&|and|dan|y|e|und|et)\s+|\s+(?:&|and|dan|y|e|und)\s+|[,;])\s*")
_INITIALS = re.compile(r"(?:[A-Z\u00c0-\u00de][a-z]?\.?[\s-]*){1,4}")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")


def printed_pieces(ref: Reference) -> tuple[tuple[str, ...], ...]:
    """The folded words of each name piece before the year (initials belong to the
    piece before them; a block with initials ends in an empty piece, see
    :func:`fits_printed`); empty when the head is not a list of names (a title, a
    corporate body)."""
    text = ref.text[:_HEAD_CHARS]
    m = _YEAR.search(text)
    if m is None:
        return ()
    head = text[: m.start()].strip(" .,;:&")
    pieces: list[tuple[str, ...]] = []
    initials = False
    for part in _SPLIT.split(head):
        part = part.strip(" .")
        if not part:
            continue
        if _INITIALS.fullmatch(part + "."):
            if not pieces:
                return ()
            initials = True  # "Mooduto, H.": the initials of the name before
            continue
        words = _WORD.findall(part)
        # a piece of one to three capitalised words; anything else is not a name list
        if not words or len(words) > 3 or " ".join(words) != part.replace("  ", " "):
            return ()
        # a particle may open a surname: "de Haas", "van der Berg"
        if not words[-1][0].isupper() or not all(w[0].isupper() or w in PARTICLES for w in words):
            return ()
        pieces.append(tuple(fold(w) for w in words))
    if len(pieces) < 2:
        return ()
    return (*pieces, ()) if initials else tuple(pieces)


def _ends(name: NameKey, piece: tuple[str, ...]) -> bool:
    """``name`` is the piece's last word(s) ("Adi" for "Kusworo Adi") or the whole piece."""
    joined = name.full
    return any("".join(piece[j:]) == joined for j in range(len(piece)))


def fits_printed(names: Sequence[NameKey], pieces: tuple[tuple[str, ...], ...]) -> bool:
    """True when the cited ``names`` name the printed pieces (see the module doc)."""
    initials = bool(pieces) and not pieces[-1]
    if initials:  # with initials, no piece can be a given name: all must be named
        pieces = pieces[:-1]
    if len(names) < 2 or not pieces or not _ends(names[0], pieces[0]):
        return False
    covered = [0]
    j = 1
    for name in names[1:]:
        while j < len(pieces) and not _ends(name, pieces[j]):
            j += 1
        if j == len(pieces):
            return False
        covered.append(j)
        j += 1
    return set(range(len(pieces))) - set(covered) <= (set() if initials else {1})
