"""arXiv identifiers in reference strings.

Physics and astronomy bibliographies print them as "arXiv:2101.01234 [hep-th]",
"arXiv preprint arXiv:1706.03762", "e-print arXiv:hep-lat/0201010" or a bare old-style
"[hep-lat/0201010]"; the identifier is taken out before the rest is parsed (like a
DOI) so its digits are not read as a volume or pages.
"""

from __future__ import annotations

import re

_OLD_ARCHIVES = (
    r"(?:hep-th|hep-ph|hep-lat|hep-ex|astro-ph|gr-qc|nucl-th|nucl-ex|quant-ph|cond-mat|math-ph|"
    r"nlin|math|physics|cs|q-bio|q-fin|stat|chao-dyn|solv-int|patt-sol|adap-org|alg-geom|dg-ga|"
    r"funct-an|q-alg|chem-ph|atom-ph|supr-con|mtrl-th|acc-phys|plasm-ph|comp-gas)"
)
_ID = rf"(?:\d{{4}}\.\d{{4,5}}|{_OLD_ARCHIVES}(?:\.[A-Z]{{2}})?/\d{{7}})(?:v\d{{1,2}})?"
# The spoken forms around an id, taken out with it.
_LEAD = r"(?:,?\s?(?:arXiv\s(?:preprint|e-prints?)|e-?[Pp]rint|[Pp]reprint),?\s?)?"
_ARXIV_RE = re.compile(
    rf"{_LEAD}(?:arXiv:\s?|arXiv\s(?=\d{{4}}\.))(?P<id>{_ID})(?:\s?\[[a-zA-Z.-]{{2,20}}\])?"
    rf"|[\[(](?P<old>{_OLD_ARCHIVES}(?:\.[A-Z]{{2}})?/\d{{7}}(?:v\d{{1,2}})?)[\])]"
    rf"|(?<![\w/.])(?P<bare>{_OLD_ARCHIVES}(?:\.[A-Z]{{2}})?/\d{{7}})(?:v\d{{1,2}})?(?![\w/])",
    re.IGNORECASE,
)
_OLD_HINT_RE = re.compile(r"[a-z]/\d{7}")
_FROM_LINK_RE = re.compile(rf"(?:arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.)(?P<id>{_ID})", re.I)


def take_arxiv(s: str) -> tuple[str, str | None]:
    """``s`` without its arXiv mention, and the identifier (version dropped)."""
    if "rxiv" not in s.lower() and ("/" not in s or _OLD_HINT_RE.search(s) is None):
        return s, None  # most strings: one cheap scan instead of the full pattern
    m = _ARXIV_RE.search(s)
    if m is None:
        return s, None
    ident = m.group("id") or m.group("old") or m.group("bare")
    head, tail = s[: m.start()].rstrip(), s[m.end() :].lstrip()
    if tail[:1] in (",", ";", ".") and head[-1:] in (".", "?", "!"):
        rest = head + " " + tail[1:].lstrip()  # "spaces. Preprint, arXiv:1206.5454, 2012."
    elif tail[:1] in ("", ".", ",", ";", ")", "]") or head[-1:] in ("(", "["):
        rest = head.rstrip(",;") + tail
    else:
        rest = head + " " + tail
    return rest.strip(), _canonical(ident)


def arxiv_in_link(*links: str | None) -> str | None:
    """The identifier in an arxiv.org URL or a 10.48550 DOI."""
    for link in links:
        if link and (m := _FROM_LINK_RE.search(link)):
            return _canonical(m.group("id"))
    return None


def _canonical(ident: str) -> str:
    return re.sub(r"v\d{1,2}$", "", ident).lower()
