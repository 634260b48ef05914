"""Unicode normalisation with a way back to the original offsets.

The extractor's patterns read precomposed letters ("ü" as U+00FC). Text from a
Mac, a PDF or a DOCX may carry the decomposed form ("u" + U+0308), in which a
name like "Müller" is no longer one word. :func:`to_nfc` gives the NFC text and an
:class:`OffsetMap` that turns offsets in it back into offsets of the original, so
citations keep pointing at the characters the user wrote.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# A run of non-ASCII characters together with the ASCII character before it (the
# base a combining mark may attach to). ASCII characters never compose with what
# precedes them, so NFC of the whole text is NFC of these runs, each on its own.
_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass(frozen=True)
class OffsetMap:
    """Offsets in the NFC text -> offsets in the original text.

    Between anchors the two texts agree character for character; an anchor pair
    (``nfc[i]``, ``orig[i]``) marks where a changed piece starts or ends.
    """

    nfc: tuple[int, ...]
    orig: tuple[int, ...]

    def _locate(self, offset: int) -> tuple[int, bool]:
        """Index of the anchor at or before ``offset``; whether it lies inside a change."""
        i = bisect.bisect_right(self.nfc, offset) - 1
        # Anchors come in pairs after the first: odd ones open a changed piece.
        return i, i % 2 == 1 and offset > self.nfc[i]

    def start(self, offset: int) -> int:
        """Original offset for a span starting at ``offset`` (rounded down)."""
        i, inside = self._locate(offset)
        return self.orig[i] if inside else self.orig[i] + offset - self.nfc[i]

    def end(self, offset: int) -> int:
        """Original offset for a span ending at ``offset`` (rounded up)."""
        i, inside = self._locate(offset)
        return self.orig[i + 1] if inside else self.orig[i] + offset - self.nfc[i]


def _clusters(run: str) -> list[str]:
    """Pieces that normalise on their own: a starter with the marks that follow it.

    A few starters compose with the one before (Hangul jamo, some Indic vowel
    signs), so they join the previous piece too.
    """
    out: list[str] = []
    for ch in run:
        if out and (
            unicodedata.combining(ch)
            or unicodedata.normalize("NFC", out[-1] + ch)
            != unicodedata.normalize("NFC", out[-1]) + ch
        ):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def to_nfc(text: str) -> tuple[str, OffsetMap] | None:
    """``(NFC text, map back)``, or None when ``text`` is already NFC."""
    if unicodedata.is_normalized("NFC", text):
        return None
    parts: list[str] = []
    nfc_anchors, orig_anchors = [0], [0]
    done = 0  # original offset copied so far
    size = 0  # length of the NFC text built so far

    def changed(old: str, new: str, at: int) -> None:
        nonlocal size
        nfc_anchors.extend((size, size + len(new)))
        orig_anchors.extend((at, at + len(old)))
        parts.append(new)
        size += len(new)

    for m in _RUN.finditer(text):
        run = m.group()
        whole = unicodedata.normalize("NFC", run)
        if whole == run:
            continue
        parts.append(text[done : m.start()])
        size += m.start() - done
        clusters = _clusters(run)
        pieces = [unicodedata.normalize("NFC", c) for c in clusters]
        if "".join(pieces) != whole:  # starters that compose (Hangul jamo, some Indic)
            clusters, pieces = [run], [whole]
        at = m.start()
        for old, new in zip(clusters, pieces, strict=True):
            if old == new:
                parts.append(new)
                size += len(new)
            else:
                changed(old, new, at)
            at += len(old)
        done = m.end()
    parts.append(text[done:])
    return "".join(parts), OffsetMap(nfc=tuple(nfc_anchors), orig=tuple(orig_anchors))


# Letters NFKD does not decompose into ASCII (the one table, for names and titles).
_SPECIAL = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "ﬁ": "fi",
        "ﬂ": "fl",
    }
)


def strip_diacritics(text: str) -> str:
    """``text`` without accents and with the letters NFKD keeps as they are spelt out
    ("Bolívar" -> "Bolivar", "Łódź" -> "Lodz", "Æsop" -> "AEsop"); case is kept."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch))
