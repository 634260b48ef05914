"""Parsing one reference string into fields.

The string is read left to right: number label, DOI/URL (taken out first so their
digits and dots confuse nothing), authors (:mod:`authors`), year, title
(:mod:`title`), then the tail (:mod:`fields`). Every step is a small linear-time
regex or scanner, so a pathological megabyte input costs milliseconds, not minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from citecheck.model.document import Author, Location, Reference, ReferenceKind
from citecheck.references.arxiv import arxiv_in_link, take_arxiv
from citecheck.references.authors import AuthorScan, scan_authors
from citecheck.references.clean import clean_reference
from citecheck.references.dates import YEAR, find_year, year_at
from citecheck.references.fields import Tail, parse_tail
from citecheck.references.kinds import classify, is_law
from citecheck.references.mononyms import extend_with_mononyms
from citecheck.references.names import EDITORS_RE
from citecheck.references.title import (
    journal_first,
    names_before_anchor,
    names_left,
    publisher_in,
    split_run_in,
    split_title,
    title_sentences_in,
    trim_title,
)
from citecheck.references.unquoted import split_unquoted
from citecheck.text.doi import find_doi, find_url
from citecheck.text.honorifics import strip_leading_titles

MAX_CHARS = 4000  # a longer "reference" is a mis-split section; parse its start only
# "[3] ", "3. ", "(3) ", and "1- ", "1. - ", "[1] .Name" (French veterinary and Latin
# American styles).
_LABEL_RE = re.compile(
    r"^\s?(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)]|(\d{1,4})-(?=\s)|〔(\d{1,4})〕(?=\S))"
    r"\s?(?:[-–]\s|\.(?=[A-Z]))?"
)
_ACCESS_RE = re.compile(
    r"(?:[.,]?\s?(?:Retrieved|Diakses|Accessed|Available|Tersedia|Viewed|Last accessed)"
    r"(?:\s(?:from|on|at|dari|pada|di|online))?(?:\s[^:]{0,40}?)?[:,]?\s?|"
    r"[.,]?\s?(?:URL|\[Online\]|Online|Available online|Link)\s?:?\s?|[.,]?\s?(?:doi|DOI)\s?:?\s?)$"
)
_ACCESS_AFTER_RE = re.compile(
    r"^[.,]?\s?[(\[]?(?:[Aa]ccessed|[Dd]iakses|[Rr]etrieved|[Cc]ited|[Vv]iewed)(?:\s(?:on|pada|tanggal))?"
    r"\s?:?\s?[^()\[\]]{0,40}[)\]]?\.?"
)
_DITTO_RE = re.compile(r"^[-—–_]{2,}\s?[.,]?\s?")
_BARE_LABEL_RE = re.compile(r"^\d{1,3}\s(?=[A-Z])")
# "Costa et alii 1975 : Sarah Costa et alii, «Title», ...", "Liu 2003 = K. Liu, ...",
# "Berruto, Pereira 1984 Aino Berruto, L. Pereira, ...": a short-cite key (French,
# Italian archaeology and history styles) before the full entry, which repeats the
# names and the year.
_SHORT_KEY_RE = re.compile(
    rf"(?P<key>[^\W\d][^\d()\[\]:=;.]{{0,80}}?(?:\set\sal\.|\set\salii|\su\.\sa\.)?)\s\(?(?P<year>{YEAR})[a-z]?\)?"
    r"(?P<sep>\s?[:=]\s|,\s|\s)(?=[^\W\d])"
)
_EQ_KEY_RE = re.compile(r"(?P<key>[^\W\d][^\d()\[\]:=;]{0,60}?)\s=\s(?=\S)")
_GSA_LOCATOR_RE = re.compile(r"[\s,.]*v\.\s?\d")
# Preprint servers and repositories: a publisher of preprints, software and data, no journal.
_SERVERS = frozenset(
    (
        *("arxiv", "arxiv preprint", "biorxiv", "medrxiv", "ssrn", "preprint"),
        *("zenodo", "github", "gitlab", "cran", "pypi", "figshare", "dryad", "pangaea", "osf"),
    )
)
_KEY_WORD_RE = re.compile(r"[A-ZÀ-Ý][\w'’-]+")
# A genre or a preprint server alone is no title.
_GENRE_ONLY_RE = re.compile(
    r"(?:(?:Doctoral|Master's|Masters|Master|PhD|Ph\.D\.?|Bachelor's|Unpublished)\s)?"
    r"(?:[Dd]issertation|[Tt]hesis|Thèse(?:\sde\sdoctorat)?|Tesis|Tese|Skripsi|Disertasi|Diss\.?)"
    r"|arXiv|bioRxiv|medRxiv|SSRN|[Pp]reprint"
)
_DIGIT_RE = re.compile(r"\d")
_YEAR_AT_RE = re.compile(YEAR)
# After the names, "in Book Title" / "en Actes": the container, no title printed.
_CHAPTER_ONLY_RE = re.compile(
    r"[\s.,:;]*(?:(?:in|en|em|dans)\s?:?\s(?=[A-Z«“\"])"
    # "In Book Title; Mensah, R., Eds.; Publisher" (ACS), "In Book (Ed.: Kaya, G.)",
    # "In Proceedings of ...": a chapter or a paper whose own title is not printed
    r"|In\s(?=(?:Proceedings|Proc\.|Prosiding|Advances\sin)\b|[^.;]{3,200}?(?:(?:;\s[^;]{2,60}?){1,8},?\s"
    r"(?:Eds?|Hrsg)\.;|\s\((?:Eds?|Hrsg)[.:])))"
)
# A statute's designation with its date (Portuguese, Spanish): "Lei nº 9.605, de 12 de
# fevereiro de 1998", "Projeto de Lei do Senado nº 470, de 2018", "Decreto n.º 5, de 2001".
_LAW_OWN_YEAR_RE = re.compile(
    r"\b(?:Lei|Ley|Decreto(?:-[Ll]ei)?|Portaria|Resolução|Resolución|Medida Provisória|"
    r"Instrução Normativa|Emenda Constitucional)\b[^.;]{0,40}?\s[Nn](?:\.\s?)?[º°o]\.?\s?"
    r"\d[\d.]*(?:/\d+)?,?\sde\s(?:\d{1,2}º?\sde\s[a-zç]+\sde\s)?(?P<y>(?:1[89]|20)\d\d)\b"
)
_LAW_YEAR_RE = re.compile(r"\b(?:[Tt]ahun|TAHUN|of)\s((?:1[89]|20)\d\d)\b")


@dataclass(frozen=True)
class ParsedReference:
    """The fields of one reference string (``None`` where not found).

    ``doi`` is as printed without prefix and trailing punctuation (compare with
    :func:`citecheck.text.doi.normalise_doi`); ``editors`` says the names are
    editors ("(Eds.)"); ``ditto`` says the authors were written as "———" (Chicago/MLA
    "same authors as above"), so a loader should copy them from the previous entry.
    """

    authors: tuple[Author, ...] = ()
    et_al: bool = False
    year: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    kind: ReferenceKind = "other"
    editors: bool = False
    ditto: bool = False  # "———." in place of the authors: same as the entry before
    arxiv: str | None = None  # "2101.01234" / "hep-lat/0201010", version dropped


def strip_label(s: str) -> tuple[int | None, str]:
    """Remove a leading "[3]" / "3." / "(3)" label; return (number, rest)."""
    m = _LABEL_RE.match(s)
    if m is None:
        return None, s
    num = next(g for g in m.groups() if g is not None)
    return int(num), s[m.end() :]


def _take_links(s: str) -> tuple[str, str | None, str | None]:
    """Remove the DOI and URL mentions (with "Retrieved from", "doi:") from ``s``."""
    doi = url = None
    found = find_doi(s)
    found_url = find_url(s)
    if (
        found is not None
        and found_url is not None
        and found_url[1] <= found[1] < found[2] <= found_url[2]
        and "doi.org/" not in found_url[0].lower()
    ):
        # A DOI inside a publisher's address ("https://academic.oup.com/.../doi/10.1093/
        # x/btx196/3611270/Title"): one mention; the address stays whole, not cut at
        # the DOI into a head that is no page.
        doi, (url, start, end) = found[0], found_url
        return _cut(s, start, end).strip(), doi, url
    if found is not None:
        doi, start, end = found
        s = _cut(s, start, end)
        found_url = find_url(s)  # (``s`` changed; otherwise the search above stands)
    if found_url is not None:
        url, start, end = found_url
        s = _cut(s, start, end)
        if "doi.org/10." in url.lower() and doi is not None:
            url = None
    return s.strip(), doi, url


def _cut(s: str, start: int, end: int) -> str:
    head = _ACCESS_RE.sub("", s[:start][-80:])
    head = s[: max(0, start - 80)] + head
    tail = _ACCESS_AFTER_RE.sub("", s[end:], count=1)
    tail = tail.lstrip(" ")
    if tail[:1] in (",", ";", ".") and head.rstrip()[-1:] in (".", "?", "!"):
        return head.rstrip() + " " + tail[1:].lstrip()  # "simulation. <url>, Berkeley"
    if tail[:1] in ("", ".", ",", ";", ")", "]"):
        return head.rstrip(" ,;") + tail
    return head.rstrip() + " " + tail


def parse_reference(text: str) -> ParsedReference:
    """Parse one reference string (any common style; see the package docstring)."""
    s = clean_reference(text[: MAX_CHARS * 2])[:MAX_CHARS]
    num, s = strip_label(s)
    if num is None:
        bare = _BARE_LABEL_RE.match(s)
        if bare is not None and scan_authors(s, bare.end()).authors:
            s = s[bare.end() :]  # "37 Cluxton, R. J. J., ..." (a label that lost its period)
    s, key_year = _strip_short_key(s)
    s, doi, url = _take_links(s)
    s, arxiv = take_arxiv(s)
    arxiv = arxiv or arxiv_in_link(url, doi)
    ditto = _DITTO_RE.match(s)
    if ditto is not None:
        s = s[ditto.end() :]  # "———. 1996. Title": same authors as the entry before
    s = strip_leading_titles(s)  # "Dipl.-Ing. Luber, S., & Litzel, N. (2018)"
    if is_law(s[:200]) and _law_first(s):
        return _law(s, doi, url)
    scan = _ditto_scan(s) if ditto is not None else extend_with_mononyms(s, scan_authors(s))
    late = _names_after_title(s) if not scan.authors and ditto is None else None
    if late is not None:
        first_title, scan = late  # "Title G. Hidayat, C. Hernández und N. Yilmaz Journal 7"
    pos = scan.end
    year = None
    at = year_at(s, pos)
    if at is not None:
        year, pos = at
    lead = s[pos : pos + 6].lstrip(" .,:;")[:1]
    quoted = bool(lead) and lead in "“\"«‘'„`"  # ("" is in every string)
    titleless = bool(scan.authors) and not quoted and journal_first(s, pos)
    if late is not None:
        title, quoted = first_title, True
    elif titleless:
        title = None  # "Phys. Rev. D 65, 094516 (2002)": no title printed
    elif _CHAPTER_ONLY_RE.match(s, pos):
        title = None  # "A. Park, in Proceedings of ICML, 1995, pp. 86": no chapter title
    else:
        if year is None and scan.authors:
            pos, year = names_before_anchor(s, pos)  # names the scanner could not read
        start = pos
        title, pos = split_title(s, pos)
        if title is not None and scan.authors and names_left(s, start, pos):
            if journal_first(s, pos):
                title = None  # "…, Allen, W., Hoelbling, E. J. Chem. Phys., 2002, 455"
            else:
                title, pos = split_title(s, pos)  # "Pratama D, Sutrisno, Supriyadi. Title"
    if (
        title is None
        and not titleless
        and scan.style == "E"
        and len(scan.authors) == 1
        and not scan.et_al
    ):
        # "Buffer Overflow Exploit Code. <url>, 2001": a title, not a given-first name.
        scan = AuthorScan((), False, 0)
        title, pos = split_title(s, 0)
    rest = s[pos:]
    if title is not None and not quoted and title[-1:].isdigit() and not rest.strip(" .,;"):
        run_in = split_run_in(title)
        if run_in is not None:
            title, rest = run_in  # "… in waveguides J. Phys. A 932 065051": no punctuation
    moved_out = ""
    if title is not None and not quoted:
        title, container_hint = split_unquoted(title)
        if container_hint is not None:
            rest = container_hint + ". " + rest.lstrip()
        if title is not None:
            title, moved_out = trim_title(title)
            if _GENRE_ONLY_RE.fullmatch(title):
                title = None  # "M. E. Becker, Tesis, Universitas Indonesia, 2003": no title
            if moved_out:
                rest = moved_out + ". " + rest.lstrip(" .")
    tail = parse_tail(rest, year or key_year) if rest.strip() else Tail()
    if (
        moved_out
        and tail.container is not None
        and tail.volume is None
        and tail.container in moved_out
    ):
        # "Title, Paris, Seuil, 2001": what trim_title moved is place and publisher.
        publisher = tail.publisher or publisher_in(moved_out) or tail.container
        tail = replace(tail, container=None, publisher=publisher)
    if (
        title is not None
        and tail.container is not None
        and not tail.chapter
        and (tail.volume is not None or tail.pages is not None)
    ):
        more, journal = title_sentences_in(tail.container)
        if more is not None:
            # "Title. Subtitle sentence. Journal 5:1": the journal is the last sentence.
            title = title + ("" if title.endswith(("?", "!", "”", '"')) else ".") + " " + more
            tail = replace(tail, container=journal)
    if (
        title is not None
        and tail.container is None
        and tail.volume is not None
        and _GSA_LOCATOR_RE.match(rest)
    ):
        # "Title: Geological Society of America Bulletin, v. 102, p. 12" (GSA, AJS,
        # USGS): the journal follows the last colon (or sentence end) of the title.
        head, colon, journal = title.rpartition(": ")
        if colon and head and journal[:1].isupper():
            title, tail = head, replace(tail, container=journal)
        else:
            more, journal = title_sentences_in(title)
            if more is not None:
                title, tail = more, replace(tail, container=journal)
    if tail.container is not None and tail.container.strip(" .,").lower() in _SERVERS:
        # "Title. arXiv.": a preprint, no journal; "Title [online]. Zenodo, 2006": data
        tail = replace(tail, container=None, publisher=tail.publisher or tail.container)
    if year is None and title is not None and ("º" in title or "°" in title):
        own = _LAW_OWN_YEAR_RE.search(title)
        if own is not None:
            # "BRASIL. Projeto de Lei do Senado nº 470, de 2018. Altera a Lei nº 9.605, de
            # 12 de fevereiro de 1998": the law's year is in its own designation; the
            # tail's first year is the law it amends.
            year = own.group("y")
    if year is None:
        year = tail.year or key_year
    if year is None:
        y = find_year(s, scan.end)
        year = y[0] if y is not None else None
    kind = classify(
        s,
        container=tail.container,
        volume=tail.volume,
        pages=tail.pages,
        publisher=tail.publisher,
        url=url,
        chapter=tail.chapter,
    )
    if kind == "law" and not scan.authors:
        title = title or s.rstrip(". ")
    return ParsedReference(
        authors=scan.authors,
        et_al=scan.et_al,
        year=year,
        title=title,
        container=tail.container,
        volume=tail.volume,
        issue=tail.issue,
        pages=tail.pages,
        publisher=tail.publisher,
        doi=doi,
        url=url,
        kind=kind,
        editors=scan.editors,
        ditto=ditto is not None,
        arxiv=arxiv,
    )


def _strip_short_key(s: str) -> tuple[str, str | None]:
    """The entry without a leading short-cite key ("Liu 2003 = Kwame Liu, ...").

    A key is cut only when the entry after it repeats the key's year and its first
    name word within 150 characters, and (without a ":" or "=" after the year) the
    names read there include one of the key's.
    """
    # (The key holds no digit: the year is the first digit of the string, near its start;
    # an "=" key needs "=". Cheap tests before the regexes, which most strings fail.)
    digit = _DIGIT_RE.search(s, 0, 100)
    year_first = digit is not None and _YEAR_AT_RE.match(s, digit.start()) is not None
    m = _SHORT_KEY_RE.match(s) if year_first else None
    if m is None:
        eq = _EQ_KEY_RE.match(s) if "=" in s[:70] else None
        first = _KEY_WORD_RE.search(eq.group("key")) if eq is not None else None
        if eq is not None and first is not None:
            rest = s[eq.end() :]
            if first.group(0).lower() in rest[:60].lower():
                return rest, None  # "Garmire = E. Garmire, Title" (Italian archival styles)
        return s, None
    key, rest = m.group("key"), s[m.end() :]
    first = _KEY_WORD_RE.search(key)
    if first is None or first.group(0).lower() not in rest[:150].lower():
        return s, None  # ("Wagner et alii 1995 : J.-P. WAGNER, ...": any case)
    if m.group("year") not in rest:
        # "Parker 2002, Parker R. “Title”, Journal, 92, 3, 343": the entry does not
        # print its year again, but starts with the key's name and its initials.
        if m.group("sep").strip() in (":", "="):
            return rest, m.group("year")  # "Chua 2008 : AC Chua, « Title », Hepatology, 47"
        word = first.group(0).lower()
        lead = scan_authors(rest).authors[:1] if rest.lower().startswith(word) else ()
        keep = bool(lead) and lead[0].given is not None and word in lead[0].family.lower()
        return (rest, m.group("year")) if keep else (s, None)
    if m.group("sep").strip() in (":", "="):
        return rest, None
    scan = scan_authors(rest)
    if any(first.group(0).lower() in a.family.lower().split() for a in scan.authors[:3]):
        return rest, None
    return s, None


# Where a name list may start after a title: initials-first names ("… Buildings G.
# Hidayat III, C. Hernández") or "by" ("“Title” by Eleni Fernández et al.").
_LATE_NAMES_RE = re.compile(
    r"(?<=[\w”\"’?!)])(?:[.,]?\sby\s|\s(?=[A-Z]\.(?:\s?-?[A-Z]\.)*\s?[A-Z][a-zà-ÿ]))"
)
_SENTENCE_END_RE = re.compile(r"[a-z]{3}[.?!]\s[A-Z]")


def _names_after_title(s: str) -> tuple[str, AuthorScan] | None:
    """Styles that print the title first (IEEE-like German and French styles, ARLIS/NA):
    a list of two or more initials-first names, or any names after "by", inside the
    first sentence, after at least three words of title."""
    window = s[:300]
    stop = _SENTENCE_END_RE.search(window)
    limit = stop.start() + 4 if stop else len(window)
    for m in _LATE_NAMES_RE.finditer(window, 8, limit):
        head = s[: m.start()].strip(" ,.;:")
        if len(head.split()) < 3:
            continue
        scan = scan_authors(s, m.end())
        by = "by" in m.group(0)
        if not scan.authors or (
            not by and (scan.style != "D" or (len(scan.authors) < 2 and not scan.et_al))
        ):
            continue
        title = head.strip('“”"‘’«» ').rstrip(",.;: ") or None
        return (title, scan) if title else None
    return None


def _ditto_scan(s: str) -> AuthorScan:
    """After "———." the authors are the previous entry's: what follows is the title
    (reading names there took "Speech Genres" for a person). Only "ed." may follow."""
    m = EDITORS_RE.match(s)
    return AuthorScan((), False, m.end() if m else 0, editors=m is not None)


def _law_first(s: str) -> bool:
    # Statutes listed by title; an author list in front ("Republik Indonesia. (2014).")
    # is parsed the ordinary way and classified as law afterwards.
    return scan_authors(s).end == 0 or bool(re.match(r"^(?:Undang|Peraturan|Keputusan|UU)", s))


def _law(s: str, doi: str | None, url: str | None) -> ParsedReference:
    m = _LAW_YEAR_RE.search(s)
    year = m.group(1) if m else None
    if year is None:
        y = find_year(s)
        year = y[0] if y else None
    title = s.strip().rstrip(".").strip() or None
    return ParsedReference(year=year, title=title, doi=doi, url=url, kind="law")


def to_reference(
    parsed: ParsedReference,
    *,
    text: str,
    location: Location,
    number: int | None = None,
    key: str | None = None,
    source: Literal["bibliography", "bibtex", "csl-json", "jats", "docx-field", "other"] = (
        "bibliography"
    ),
) -> Reference:
    """A :class:`~citecheck.model.document.Reference` from parsed fields and where they stand."""
    fields: dict[str, str] = {}
    if parsed.editors:
        fields["editors"] = "true"
    if parsed.ditto:
        fields["ditto"] = "true"
    if parsed.arxiv:
        fields["arxiv"] = parsed.arxiv
    return Reference(
        text=text,
        authors=parsed.authors,
        et_al=parsed.et_al,
        year=parsed.year,
        title=parsed.title,
        container=parsed.container,
        volume=parsed.volume,
        issue=parsed.issue,
        pages=parsed.pages,
        publisher=parsed.publisher,
        doi=parsed.doi,
        url=parsed.url,
        key=key,
        number=number,
        kind=parsed.kind,
        location=location,
        source=source,
        fields=fields,
    )
