"""Unquoted titles in comma-only styles: "A. Smith, Title words, Journal, 24, 9-10".

Without quotes or a sentence end, the title runs into the container. The container
starts before the first locator that only numbers follow ("..., Math. Methods, 60
(1993), pp. 295-337"), at the first comma before a journal-like name, or before a
meeting name ("..., Proceedings of the Ninth Python Conference, Long Beach").
"""

from __future__ import annotations

import re

from citecheck.references.fields import first_locator

_EXPLICIT_LOC_RE = re.compile(r",\s(?:pp?\.\s?\d|[Vv]ol\.?\s?\d|v\.\s?\d|[Nn]o\.\s?\d)")
_ONLY_NUMBERS_RE = re.compile(
    r"[\s\d,:;.()\[\]–—-]*(?:(?:[Pp]p?\.|pages?|hlm\.?|hal\.?)[\s\d,:;.()–—-]*)?$"
)
# What may follow the first locator when the title runs into the journal: numbers, a
# date in parentheses, page and issue words, article numbers ("Journal 496/3 (2011), S.
# 278913", "A&A, 1985, 812, p R101", "PLoS ONE, 2 (2007) e485", "92 (2007), Nummer 1").
_ONLY_LOCATOR_RE = re.compile(
    r"(?:[\s\d,:;.()\[\]–—‐-]|(?:[Pp]p?|[Pp]ages?|hlm|hal|S|s|ss|Nr|Nummer|[Nn]o|H|Heft)(?![\w-])"
    r"|[A-Za-z]{1,2}\d+(?!\d))*$"
)
# A journal's name: capitalised words and function words ("Journal of Physics A").
_JOURNAL_NAME_RE = re.compile(
    r"[A-Z][\w&'’.-]*(?:[ ,]\s?(?:[A-Z&][\w&'’.-]*|(?:of|and|the|in|on|for|de|der|des|du|la|le|"
    r"et|und|für|di|del|della|da|do|dos|e|y)(?![\w'’-])))*"
)
_ABBREV_RUN_RE = re.compile(r"(?:[A-Z][A-Za-z]*\.?\s?(?:(?:of|&|and|the)\s)?){1,8}")
_JOURNAL_START_RE = re.compile(
    r"(?:Journal|Jurnal|Transactions|Trans\.|Proceedings|Proc\.|IEEE|ACM|Annals|Ann\.|Review|"
    r"Bulletin|Letters|Revue|Zeitschrift|Revista|Rivista|J\.|Acta|Archives|Advances|"
    r"[A-Z][a-z]{0,6}\.\s[A-Z][a-z]{0,6}\.)"
)
# "Title, «Physics Letters»" (Italian and French styles quote the journal, not the title)
_QUOTED_PART_RE = re.compile(
    r",\s[«“„]([^«»“”„]{2,150})[»”](?=,|\.?$|\s(?:1[5-9]|20)\d\d\b)"  # „Journal” 1992 (Polish)
)
_COMMA_RE = re.compile(r",\s")
_COMMA_CAPITAL_RE = re.compile(r",\s(?=[A-Z0-9])")
_MEETING_RE = re.compile(
    r"^(?:Proc\.|Proceedings\b)|\b(?:Conference|Symposium|Workshop|Congress|Colloquium|Konferensi|"
    r"Seminar Nasional|Prosiding)\b"
)


def split_unquoted(title: str) -> tuple[str | None, str | None]:
    """Split "Title, Journal, vol. 24, pp. 9-10" (no quotes, commas only) into its parts.

    Returns (title, text to parse as the tail), the tail None when nothing was split.
    """
    quoted = _QUOTED_PART_RE.search(title)
    if quoted is not None:
        return title[: quoted.start()], quoted.group(1) + title[quoted.end() :]
    start = None
    em = _EXPLICIT_LOC_RE.search(title)
    if em is not None:
        start = em.start()
    found = first_locator(title, 0)
    if found is not None and _ONLY_LOCATOR_RE.match(title, found[0].end()):
        start = found[0].start() if start is None else min(start, found[0].start())
    if start is None:
        return _split_at_meeting(title)
    before = title[:start].rstrip(" ,")
    head, sep, _container = before.rpartition(", ")
    if not sep:
        if (
            _ONLY_NUMBERS_RE.match(title, start)
            and len(before.split()) <= 6
            and ("," in title[start - 2 : start] or _ABBREV_RUN_RE.fullmatch(before))
        ):
            return None, title  # "ApJ, 475, 163" / "J. Appl. Phys. 87": only a journal
        head, colon, journal = before.rpartition(": ")
        if colon and len(head.split()) >= 2 and _JOURNAL_NAME_RE.fullmatch(journal):
            # "Title: Astronomy & Astrophysics, 510, A32" (SEG, GSA): no comma before the
            # journal, the colon is the last separator.
            return head, title[len(head) + 2 :]
        return title, None
    # The container starts at the first comma followed by a journal-like name
    # ("..., IEEE Transactions on Systems, Man, and Cybernetics, 21(6)"), else the last.
    for cm in _COMMA_RE.finditer(before):
        if _JOURNAL_START_RE.match(before, cm.end()):
            head = before[: cm.start()]
            break
    return head, title[len(head) :].lstrip(" ,")


def _split_at_meeting(title: str) -> tuple[str | None, str | None]:
    """ "Title, Proceedings of the Ninth Python Conference, Long Beach": the first comma
    followed by a capitalised phrase naming a meeting starts the container."""
    for cm in _COMMA_CAPITAL_RE.finditer(title):
        if len(title[: cm.start()].split()) < 3:
            continue
        segment = title[cm.end() : cm.end() + 120].split(", ")[0]
        if _MEETING_RE.search(segment):
            return title[: cm.start()], title[cm.end() :]
    return title, None
