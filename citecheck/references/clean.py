"""Cleaning one reference string before parsing: markup, line wraps, spacing.

Loaders hand over text as written (Markdown emphasis, HTML-ish tags from JATS or
PDF converters, lines wrapped by a PDF). The parser wants one line of plain text.
"""

from __future__ import annotations

import re
import unicodedata

from citecheck.text.doi import DOI_PREFIX

_LINK_RE = re.compile(r"\[([^\[\]\n]{0,500})\]\(\s*<?([^()\s<>]{1,2000})>?\s*\)")
_ANGLE_RE = re.compile(r"<((?:https?|ftp)://[^<>\s]{1,2000}|doi:[^<>\s]{1,300})>", re.IGNORECASE)
_TAG_RE = re.compile(
    r"</?(?:i|b|em|strong|italic|bold|sup|sub|u|span|sc|small)(?:\s[^<>]{0,200})?>",
    re.IGNORECASE,
)
_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)([^*\n]{1,2000}?)(?<=\S)\1")
_STAR_RE = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,2000}?)(?<=[^\s*\\])\*(?![\w*])")
# "_x_" only at word boundaries: underscores inside URLs, DOIs ("2_suppl") and
# identifiers are not emphasis.
_UNDER_RE = re.compile(r"(?<![\w\\])_(?=[^\s_])([^_\n]{1,2000}?)(?<=[^\s_\\])_(?!\w)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!&])")
# A word broken by a PDF line wrap: "tol-\nerance". The hyphen is kept (it may be a
# real compound: "low-\nand"); only the break goes.
_HYPHEN_WRAP_RE = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=\w)")
# A URL or DOI broken at a line end after "/" "." "-" "_": glue without a space.
_URL_WRAP_RE = re.compile(
    rf"((?:https?://|doi\.org/|{DOI_PREFIX}/)[^\s]{{0,300}}[/._-])[ \t]*\n[ \t]*(?=\S)"
)
_PRIVATE_RE = re.compile("[\ue000-\uf8ff]")
_ENTITY_RE = re.compile(r"&(?:#(\d{2,5})|#x([0-9A-Fa-f]{2,4})|(amp|nbsp|lt|gt|quot|apos));")
_NAMED = {"amp": "&", "nbsp": " ", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _entity(m: re.Match[str]) -> str:
    if m.group(3):
        return _NAMED[m.group(3)]
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    char = chr(code) if 32 <= code < 0xD800 else " "
    return " " if char == "\u00a0" else char


def strip_markup(text: str) -> str:
    """Remove Markdown/HTML emphasis and links, keeping link text and targets.

    ``[text](url)`` becomes ``text url`` (``url`` alone when the text is the URL),
    ``<https://...>`` becomes the bare URL, ``*x*``/``_x_``/``**x**`` become ``x``.
    """
    if not any(c in text for c in "*_[<\\"):
        return text
    text = _LINK_RE.sub(_link, text)
    text = _ANGLE_RE.sub(r"\1", text)
    text = _TAG_RE.sub("", text)
    text = _BOLD_RE.sub(r"\2", text)
    text = _STAR_RE.sub(r"\1", text)
    text = _UNDER_RE.sub(r"\1", text)
    return _ESCAPE_RE.sub(r"\1", text)


def _link(m: re.Match[str]) -> str:
    label, target = m.group(1).strip(), m.group(2)
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", target).rstrip("/")
    shown = re.sub(r"^(?:https?://)?(?:www\.)?", "", label).rstrip("/")
    if not label or shown == bare or label == target:
        return target
    if bare.lower().endswith(shown.lower()) and "/" in shown:
        return target  # "[10.1/x](https://doi.org/10.1/x)": the DOI once
    return f"{label} {target}"


def join_lines(text: str) -> str:
    """Join wrapped lines: hyphen wraps and broken URLs glued, other breaks -> one space."""
    if "\n" in text:
        text = _URL_WRAP_RE.sub(r"\1", text)
        text = _HYPHEN_WRAP_RE.sub("-", text)
    return " ".join(text.split())  # str.split and re's \s agree on what a space is


def clean_reference(text: str) -> str:
    """The reference as one line of plain text (markup removed, spaces collapsed)."""
    # PDF and macOS text often carries decomposed accents ("a" + U+0301).
    text = unicodedata.normalize("NFC", text)
    # CR LF / CR from pasted or API input: the same reference as with LF.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00ad", "").replace("\ufeff", "").replace("\u200b", "")
    text = text.replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff")
    # Non-breaking hyphens (French page ranges "2990‑3014") and HTML entities left by
    # web pages and citation processors ("1991&#160;: 1305").
    text = text.replace("\u2011", "-").replace("nᵒ", "no").replace("n˚", "n°")
    text = text.replace("\u060c", ",")  # the Arabic comma (Persian and Arabic styles)
    if "&" in text:
        text = _ENTITY_RE.sub(_entity, text)
    if _PRIVATE_RE.search(text) is not None:
        # Private-use code points are PDF symbol-font bullets and dashes (U+F02D).
        text = _PRIVATE_RE.sub(" ", text)
    return repair_hyphenation(join_lines(strip_markup(text)))


# "Geo- metric": a word a PDF broke at a line end and joined back with a space.
_BROKEN_RE = re.compile(r"(?<![\w-])([A-Za-zÀ-ÿ]+)- (?=([A-Za-zÀ-ÿ]+)(-?))")
# "self- and group affirmation", "syndrome- a definition": a suspended hyphen or a dash.
_SUSPENDED_NEXT = frozenset("and or to und oder dan atau et ou y e a an the of".split())
# First parts of compounds that keep their hyphen ("self- report", "non- linear").
_COMPOUND_HEADS = frozenset(
    "self non well long short high low cross full half semi quasi anti co bi tri two three four "
    "one low".split()
)


def repair_hyphenation(text: str) -> str:
    """Undo PDF line-end hyphenation left as "Geo- metric" -> "Geometric".

    The hyphen stays (and the space goes) when the part after it is capitalised
    ("Francis- McIntyre" -> "Francis-McIntyre", "non- LTE"), when the first part is a
    common compound head ("self- assessment", "long- term"), or when the hyphenated
    form is written elsewhere in the same string, or when the next word goes on
    with a hyphen ("Nap- of-the-Earth"). Before "and"/"or" ("self- and group") the
    hyphen is a suspended one and nothing changes.
    """
    if "- " not in text:
        return text

    def fix(m: re.Match[str]) -> str:
        head, nxt = m.group(1), m.group(2)
        if nxt.lower() in _SUSPENDED_NEXT and not m.group(3):
            return m.group(0)
        keep = (
            (bool(m.group(3)) and len(nxt) <= 3)  # "Nap- of-the-Earth", not "ado- lescent-family"
            or (nxt[:1].isupper() and not (head.isupper() and nxt.isupper()))  # not "LIBLIN- EAR"
            or head.lower() in _COMPOUND_HEADS
            or f"{head}-{nxt}".lower() in text.lower()
        )
        return head + "-" if keep else head

    return _BROKEN_RE.sub(fix, text)
