"""DOIs and URLs inside reference strings.

Two forms are used everywhere in citecheck:

* the DOI *as printed* (``extract_doi``): prefix (``doi:``, ``https://doi.org/``)
  and trailing punctuation removed, case kept, so a report shows what the author wrote;
* the *normalised* DOI (``normalise_doi``): the same, lower-cased, for comparisons
  (DOIs are case-insensitive by definition, ISO 26324).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

#: The start of every DOI: "10." + registrant code (4-9 digits, dotted sub-codes allowed).
DOI_PREFIX = r"10\.\d{4,9}(?:\.\d+)*"
#: A DOI in running text: the prefix, "/", and a suffix up to the next space.
DOI_IN_TEXT = rf"{DOI_PREFIX}/\S+"
#: Links and identifiers (web addresses, "doi:" forms, bare DOIs), for text that is
#: compared or searched without them.
IDENTIFIERS_RE = re.compile(rf"(?:https?://|www\.)\S+|\bdoi:\s*\S+|\b{DOI_IN_TEXT}", re.IGNORECASE)

# DOI_PREFIX + "/" + suffix, as printed. The suffix may contain almost anything, so it is
# cut by _trim afterwards. PDFs wrap DOIs after "10." or after the "/": whitespace is
# tolerated there only, which is why this one pattern spells the prefix out again.
_DOI_RE = re.compile(
    r"(?<![\w.])10\.[ \t]?\n?[ \t]?(\d{4,9}(?:\.\d+)*)[ \t]?\n?[ \t]?(?:/|%2[Ff])[ \t]?\n?[ \t]?"
    r"([^\s\"]{1,300})"
)
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|doi\s*[:=]?\s*|DOI\s*[:=]?\s*|"
    r"info:doi/|urn:doi:)",
    re.IGNORECASE,
)
_VALID_RE = re.compile(rf"^{DOI_IN_TEXT}$")
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”]{1,2000}", re.IGNORECASE)
_BEFORE_RE = re.compile(
    r"(?:(?:https?://)?(?:dx\.|www\.)?doi\.org/|\bdoi\s*[:=]?\s*|info:doi/)\s*$",
    re.IGNORECASE,
)
_CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<"}
_TRAILING = ".,;:'’\"”"


def _trim(s: str) -> str:
    """Remove trailing punctuation and unbalanced closing brackets.

    Balanced parentheses are part of some DOIs, e.g.
    ``10.1002/(SICI)1097-4636(199907)46:1<1::AID-JBM1>3.0.CO;2-9``.
    """
    while s:
        last = s[-1]
        if last in _TRAILING:
            s = s[:-1]
        elif last in _CLOSERS and s.count(last) > s.count(_CLOSERS[last]):
            s = s[:-1]
        else:
            break
    return s


# What a publisher's landing-page address prints after the DOI it contains
# (".../article/10.3389/fenvs.2015.00080/full", Wiley ".../doi/10.1002/x.1/abstract",
# OUP ".../doi/10.1093/bioinformatics/btx196/3611270/Removal-of-Batch-Effects"): page
# names, not part of the DOI. Cut only inside an address that is not doi.org's.
_PAGE_TAIL_RE = re.compile(
    r"(?:/(?:full|abstract|abs|pdf|epdf|pdfdirect|epub|html|fulltext|full-text|full\.pdf|"
    r"meta|summary|references|figures|tables|supplemental|suppinfo|citedby|"
    r"issuetoc|toc)|/\d{5,}/[A-Za-z][\w-]*)/?$",
    re.IGNORECASE,
)
_URL_BEFORE_RE = re.compile(r"(?:https?://|www\.)(\S*)$", re.IGNORECASE)
_DOI_HOST_RE = re.compile(r"^(?:https?://)?(?:dx\.|www\.)?doi\.org/", re.IGNORECASE)


def _in_publisher_url(text: str, start: int) -> bool:
    """Whether the DOI at ``start`` is inside a web address that is not doi.org's."""
    head = text[max(0, start - 300) : start]
    m = _URL_BEFORE_RE.search(head)
    return m is not None and not _DOI_HOST_RE.match(head[m.start() :])


def _page_tail_cut(suffix: str) -> str:
    """``suffix`` without the page names a landing-page address adds after the DOI."""
    while True:
        cut = _PAGE_TAIL_RE.sub("", suffix)
        if cut == suffix or "/" not in suffix or not cut:
            return suffix
        suffix = cut


def _decode(suffix: str) -> str:
    # URL-encoded DOIs ("10.1000%2Fxyz") appear when authors copy from a browser.
    return unquote(suffix) if "%" in suffix else suffix


def find_doi(text: str) -> tuple[str, int, int] | None:
    """The first DOI in ``text`` as printed, with its start and end offsets.

    The span covers a leading ``doi:`` / ``https://doi.org/`` so callers can remove
    the whole mention from the string.
    """
    if "10." not in text:
        return None  # (every DOI starts so; a substring test is cheaper than the search)
    m = _DOI_RE.search(text)
    if m is None:
        return None
    raw = m.group(2)
    cut = raw.find("](")  # a Markdown link written around the DOI
    raw = _trim(raw if cut < 0 else raw[:cut])
    suffix = _trim(_decode(raw))
    if suffix and _in_publisher_url(text, m.start()):
        # The page names leave the DOI but stay in the span: they are part of the
        # address, not words of the reference.
        suffix = _page_tail_cut(suffix)
    if not suffix:
        return None
    doi = f"10.{m.group(1)}/{suffix}"
    start = m.start()
    # Extend the span backwards over "doi:", "DOI ", "https://doi.org/" and the like.
    head = text[max(0, start - 40) : start]
    pm = _BEFORE_RE.search(head)
    if pm is not None:
        start -= len(head) - pm.start()
    end = m.start(2) + len(raw)
    return doi, start, end


def extract_doi(text: str) -> str | None:
    """The first DOI in ``text`` as printed (no prefix, no trailing punctuation), or None.

    Handles ``doi:``, ``https://doi.org/``, ``http://dx.doi.org/``, bare ``10.x/...``,
    URL-encoded slashes, and DOIs wrapped across lines after ``10.`` or the ``/``.
    """
    found = find_doi(text)
    return found[0] if found is not None else None


def normalise_doi(s: str | None) -> str | None:
    """``s`` as a lower-case bare DOI for comparisons, or None when it is not a DOI.

    >>> normalise_doi("https://doi.org/10.1093/JOPART/mum032.")
    '10.1093/jopart/mum032'
    """
    if not s:
        return None
    stripped = _PREFIX_RE.sub("", s.strip())
    stripped = _trim(_decode(stripped.strip()))
    stripped = re.sub(r"\s+", "", stripped)
    if not _VALID_RE.match(stripped):
        found = extract_doi(s)
        if found is None:
            return None
        stripped = found
    return stripped.lower()


def doi_looks_valid(s: str) -> bool:
    """True when ``s`` has DOI syntax: ``10.`` + 4-9 digit registrant + ``/`` + suffix."""
    return _VALID_RE.match(s.strip()) is not None


def find_url(text: str) -> tuple[str, int, int] | None:
    """The first URL in ``text`` (trailing punctuation removed) with its offsets."""
    low = text.lower()
    if "http" not in low and "www." not in low and "ftp://" not in low:
        return None  # (a substring test first: most strings hold no link)
    m = _URL_RE.search(text)
    if m is None:
        return None
    url = _trim(m.group(0))
    if len(url) < 8:
        return None
    return url, m.start(), m.start() + len(url)


def extract_url(text: str) -> str | None:
    """The first URL in ``text``, trailing punctuation and unbalanced brackets removed."""
    found = find_url(text)
    return found[0] if found is not None else None


def strip_identifiers(text: str | None) -> str:
    """``text`` with its links, "doi:" forms and DOIs replaced by spaces.

    Their digits and words are not the reference's volume, pages, year or journal:
    ``10.1126/science.169.3946.635`` holds the record's own volume and first page, and
    ``10.1136/jclinpath-2020-206745`` its journal abbreviation, so looking for the
    record's values in the unstripped string finds them even when the reference
    gives others; nor are they words to search a registry with.
    """
    return IDENTIFIERS_RE.sub(" ", text or "")
