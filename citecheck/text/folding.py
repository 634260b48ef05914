"""Text normalisation shared by every comparison.

Registry titles carry inline markup (``<i>KRAS</i>``, JATS tags), entities and
whitespace runs; reference strings carry PDF line breaks, hyphenation at line ends,
curly quotes and diacritics that citing authors often drop. Everything compared is
first put through :func:`norm`.
"""

from __future__ import annotations

import html
import re

from citecheck.text.unicode import strip_diacritics

_TAG = re.compile(r"<[^>]{1,200}>")
_HYPHEN_BREAK = re.compile(r"(\w)[-\u00ad\u2010\u2011]\s*\n\s*(\w)")
_NON_ALNUM = re.compile(r"[\W_]+")
_YEAR = re.compile(r"(?<![0-9])(1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])")
_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,6}(?![0-9])")


def strip_markup(text: str) -> str:
    """Remove HTML/JATS tags and entities; collapse whitespace."""
    text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower-case fold of running text: diacritics dropped (``Bolívar`` -> ``bolivar``).

    Names are keyed with :func:`citecheck.text.names.fold`, which also drops
    apostrophes; this fold is for titles and venues, compared after :func:`norm`.
    """
    return strip_diacritics(text).lower()


def norm(text: str | None) -> str:
    """Markup-free, folded, punctuation-free text with single spaces.

    Letters of every script are kept (a CJK name must still match itself).

    A word hyphenated across a line break is joined first ("sub-\\narachnoid").
    """
    if not text:
        return ""
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = fold(strip_markup(text))
    return _NON_ALNUM.sub(" ", text).strip()


def squash(text: str | None) -> str:
    """:func:`norm` without spaces: robust to spacing accidents ("ofAg+ions")."""
    return norm(text).replace(" ", "")


def tokens(text: str | None) -> list[str]:
    """The words of :func:`norm`."""
    return norm(text).split()


def years_in(text: str | None) -> list[int]:
    """Plausible publication years (1500-2099) written in ``text``, in order."""
    return [int(m) for m in _YEAR.findall(text or "")]


def numbers_in(text: str | None) -> list[str]:
    """Every standalone run of digits in ``text`` (without leading zeros)."""
    return [n.lstrip("0") or "0" for n in _NUMBER.findall(text or "")]
