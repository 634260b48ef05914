"""Two references on one line: PDF extraction and word processors sometimes lose the
break between entries ("... 2001, 12-19. Jones, K. (2003). Another title ...").

A line is cut where, after the end of an entry, one of these follows:

* the next entry's label ("[13] ", "13. ", "13 " with the number after the entry's own);
* a "———." ditto dash (the same authors as the entry before: never inside an entry);
* an author list of the *same shape* as the entry's first one followed by its year, as
  the entry's own author list is (author-date styles);
* an author list read in the same pattern as the entry's own and followed by the same
  punctuation ("Singh, N., P. Haddad, et al. Title. ... 1977. Bianchi, K., W. Berruto,
  et al. “Title”"), when both parts hold a year: note and numeric styles, whose year is
  not next to the names.

Candidates are tried left to right, so the cost stays linear in the length of the line.
"""

from __future__ import annotations

import re

from citecheck.references.authors import AuthorScan, scan_authors
from citecheck.references.dates import YEAR

# After a sentence, after a number ("... 3255–3275 (10) Andersson", "...31378 Kowalski").
_CUT_RE = re.compile(
    r"(?<=[.)\]”\"])\s+(?=\S)|(?<=\d)\.?\s+(?=[A-Z])|(?<=\d)\s+(?=[\[(]?\d{1,4}[.)\]]?\s[A-Z])"
)
_LABEL_AT_RE = re.compile(r"(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)]?)\s")
# A short-cite key before the entry: "Kumar 1984 : Aino Kumar, ...", "Reiter 1987 = R. Reiter".
_KEY_RE = re.compile(r"[^\W\d][^\d()\[\]:=;.]{0,80}?\s(?:1[5-9]|20)\d\d[a-z]?\s?(?P<sep>[:=])\s")
_NOT_ENTRY_RE = re.compile(
    r"(?:In|in|Dalam|dalam|In:|Hrsg|Hg|Eds?|Retrieved|Available|Diakses|Trans|Transl|Übers|"
    r"Repr|Reprinted|Rev|Review|See|Cf|Edited|Translated|Trad|Éd|éd|Dir|Coord)\b"
)
_MIN_PART = 30
_YEAR_AFTER_RE = re.compile(rf"\s?[.,]?\s?(?:[(\[]{YEAR}[a-z]?[)\],]|{YEAR}[a-z]?[.:](?:\s|$))")
_INITIAL_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.-?){1,4}$")  # "Y.", "J.R.R.", "J.-H."
_DITTO_RE = re.compile(r"[-—–_]{3,}\s?[.,]")
_YEAR_IN_RE = re.compile(rf"(?<!\d){YEAR}(?!\d)")
# A name's first word: capitalised, or a lower-case particle ("van 't Hof", "de Vries").
_NAME_START_RE = re.compile(r"[A-ZÀ-Þ]|(?:van|von|de|da|di|du|del|della|le|la|ter|ten|'t)\s")


def glued_cuts(text: str, number: int | None, shape: re.Pattern[str] | None) -> list[int]:
    """Offsets in ``text`` where a new entry starts (empty for a single entry).

    ``number`` is the entry's printed label, ``shape`` the start pattern its first
    author list matches (see :mod:`segment`), or None when it matches none.
    """
    cuts: list[int] = []
    last = 0
    expect = number + 1 if number is not None else None
    own: AuthorScan | None = None
    for m in _CUT_RE.finditer(text, _MIN_PART):
        at = m.end()
        if at - last < _MIN_PART or len(text) - at < _MIN_PART:
            continue
        rest = text[at : at + 600]  # (long author lists: the year comes late)
        lab = _LABEL_AT_RE.match(rest)
        if lab is not None and expect is not None:
            if int(lab.group(1) or lab.group(2) or lab.group(3)) == expect:
                cuts.append(at)
                last, expect = at, expect + 1
                own = None
            continue
        if expect is not None:
            continue  # numbered entries are cut at labels only
        if _NOT_ENTRY_RE.match(rest):
            continue
        key = _KEY_RE.match(rest)
        if key is not None:
            own_key = _KEY_RE.match(text, last)
            if own_key is not None and own_key.group("sep") == key.group("sep"):
                cuts.append(at)  # "Kumar 1984 : Aino Kumar, ... ter Haar 2005 : Hendrik"
                last, own = at, None
            continue
        if _DITTO_RE.match(rest):
            cuts.append(at)
            last, own = at, None
            continue
        if not _NAME_START_RE.match(rest) or _INITIAL_END_RE.search(text, 0, m.start()):
            continue  # "Y. Nguyen, H. Nugroho": an initial, not the end of an entry
        if own is None:
            own = scan_authors(text[last : last + 600])
        nxt = scan_authors(rest)
        if nxt.authors and _organisation_pair(own, nxt):
            # "… 3820–36. World Health Organization. “Title”": an organisation after a
            # person (or before one), with the same punctuation after the names.
            part = text[last:at]
            if not _title_follows(rest[nxt.end : nxt.end + 200]):
                # "… Cambridge University Press. 2007.", "Monthly Notices of the Royal
                # Astronomical Society. 1985. vol. 11": no title after the names.
                continue
            if (_year_after(part, own) and _year_after(rest, nxt)) or _same_template(
                own, nxt, part, rest, organisation=True
            ):
                cuts.append(at)
                last, own = at, None
            continue
        if not nxt.authors or nxt.style != own.style:
            continue  # "LI, AJ, 2009. Title. Water Res. 2009.": a journal, not a name
        if shape is not None and (
            shape.match(rest) and _year_after(rest, nxt) and _year_after(text[last:at], own)
        ):
            cuts.append(at)
            last, own = at, None
            continue
        if _same_template(own, nxt, text[last:at], rest):
            cuts.append(at)
            last, own = at, None
    return cuts


def _year_after(s: str, scan: AuthorScan) -> bool:
    """An author-date start: names, then the year right after them ("Doe, A. (2003).")."""
    # "(2003)" or ". 2003." only: "Multiple Classifier Systems, 1857, 1-15" has a volume.
    return bool(scan.authors) and _YEAR_AFTER_RE.match(s, scan.end) is not None


def _after_names(s: str, end: int) -> str:
    """The punctuation after an author list and the kind of character after it:
    ". “" -> '.q', ". T" -> '.A', " (" -> '(', ", " -> ',A'."""
    tail = s[end : end + 4].replace(" ", "")
    punct = ""
    for ch in tail:
        if ch in ".,:;":
            punct += ch
            continue
        if ch in "“\"«‘'„":
            return punct + "q"
        if ch in "([":
            return punct + "("
        return punct + ("A" if ch.isupper() else "a" if ch.isalpha() else "9")
    return punct


_PERSONAL = frozenset("ABCDEFSUP")
# Three words or more in a row, one of them in lower case: a title ("Tides and
# Currents"), not a place ("San Diego, CA") or a journal's locator ("1985. vol. 11").
_WORD_RUN_RE = re.compile(r"[^\W\d_]{2,}(?:[\s,:;'’-]+[^\W\d_]{2,}){2,}")


def _title_follows(s: str) -> bool:
    return any(
        any(w.islower() for w in re.split(r"[\s,:;'’-]+", m.group(0)))
        for m in _WORD_RUN_RE.finditer(s)
    )


def _organisation_pair(own: AuthorScan, nxt: AuthorScan) -> bool:
    """One of the two lists is an organisation of two words or more ("CMS
    Collaboration"), the other a list of persons or another organisation."""
    styles = {own.style, nxt.style}
    if "K" not in styles or not styles <= _PERSONAL | {"K"}:
        return False
    if any(sc.style == "E" and len(sc.authors) < 2 for sc in (own, nxt)):
        return False  # ("Artificial Intelligence. 1992.": a journal, not "Given Family")
    orgs = [a for sc in (own, nxt) if sc.style == "K" for a in sc.authors]
    return all(len(a.family.split()) >= 2 and not _JOURNAL_WORD_RE.search(a.family) for a in orgs)


# Journals and meetings are named like organisations ("Journal of the American Chemical
# Society"): never the start of an entry.
_JOURNAL_WORD_RE = re.compile(
    r"\b(?:Journal|Jurnal|Proceedings|Proc\.|Annals|Transactions|Trans\.|Bulletin|Review|Revue|"
    r"Revista|Rivista|Zeitschrift|Acta|Archives?|Advances|Letters|Reports|Studies|Quarterly|"
    r"Conference|Symposium|Workshop|Congress|Bull\.|Ann\.|J\.|Press|Publish\w*|Verlag|Books|"
    r"Éditions|Edizioni|Ediciones|Editora|Penerbit)(?!\w)"
)


def _same_template(
    own: AuthorScan, nxt: AuthorScan, part: str, rest: str, *, organisation: bool = False
) -> bool:
    """``rest`` starts with an author list read as the entry's own (same pattern, same
    punctuation after it) and both the entry and ``rest`` hold a year."""
    if (own.style in ("M", "K", "") and not organisation) or nxt.editors != own.editors:
        return False
    if any(len(a.family) < 2 for a in nxt.authors):
        return False
    if len(part) - own.end < 25:
        return False  # names and a year only: a short-cite key ("Rahman, Sutrisno 1973 Siti")
    # A quoted title and an unquoted one are alike ("et al. “Title”" / "et al. Book").
    after_own = _after_names(part, own.end).replace("q", "A")
    after_nxt = _after_names(rest, nxt.end).replace("q", "A")
    if organisation:
        # ("Schäfer, O. “Title”" / "R Core Team. “Title”": the initial took the period.)
        after_own, after_nxt = after_own.lstrip("."), after_nxt.lstrip(".")
    if after_own != after_nxt:
        return False
    return bool(_YEAR_IN_RE.search(part)) and bool(_YEAR_IN_RE.search(rest))
