"""What kind of work a reference describes (article, book, thesis, law, web page, ...).

Decided from words in the string ("Skripsi", "Proceedings", "[Data set]", "arXiv")
and from which fields were found (a container with a volume is an article).
"""

from __future__ import annotations

import re

from citecheck.model.document import ReferenceKind

LAW_START_RE = re.compile(
    r"^(?:Undang[- ]Undang|UU(?:D)?\b|Peraturan|Keputusan|Instruksi|Surat Edaran|Permen\w*|"
    r"Perpres|PP\s(?:No|Nomor)|Perda|Perppu|Qanun|Ketetapan|TAP\sMPR|Kitab Undang|"
    r"Public Law|Regulation \(E[UC]\)|Directive \d|Council Directive|Commission Regulation)"
)
LAW_ANY_RE = re.compile(
    r"\b(?:Nomor|No\.)\s?\d+\s(?:[Tt]ahun|TAHUN)\s(?:1[89]|20)\d\d\b|\b\d+\sU\.S\.C\.|"
    r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,6}\sAct(?:\sof)?\s(?:1[89]|20)\d\d\b"
)
_LAW_WORDS = ("ahun", "AHUN", "U.S.C.", "Act")
_RULES: tuple[tuple[ReferenceKind, re.Pattern[str]], ...] = (
    (
        "thesis",
        re.compile(
            r"\b(?:Skripsi|Tesis|Disertasi|Tugas Akhir|[Tt]hesis|[Dd]issertation|Ph\.\s?D\.?"
            r"|PhD|Master'?s|Doctoral|Doktor|Magister|Sarjana)\b"
        ),
    ),
    (
        "preprint",
        re.compile(
            r"\b(?:arXiv|bioRxiv|medRxiv|SSRN|[Pp]reprint|Research Square|PsyArXiv|SocArXiv|"
            r"ChemRxiv|OSF Preprints|EarthArXiv)\b|10\.48550/|10\.1101/"
        ),
    ),
    (
        "dataset",
        re.compile(r"\[(?:Data ?set|Dataset|Data)\]|\b(?:Zenodo|Dryad|figshare|Dataverse)\b"),
    ),
    (
        "software",
        re.compile(r"\[(?:Computer (?:software|program)|Software)\]|\bR package\b|\b[Ss]oftware\b"),
    ),
    (
        "conference",
        re.compile(
            r"\b(?:Proceedings|Conference|Symposium|Workshop|Congress|Konferensi|"
            r"Seminar|Prosiding|Colloquium|Annual Meeting|Convention|Kongres|Semnas)\b"
            r"|\b(?:Proc|Conf|Symp)\.(?=\s)"
        ),
    ),
    (
        "report",
        re.compile(
            r"\b(?:Report|Laporan|Working Paper|Technical Report|Tech\. Rep\.|White Paper|"
            r"Policy Brief|Discussion Paper|Occasional Paper|Briefing|Statistical Yearbook|"
            r"Dalam Angka)\b"
        ),
    ),
)
_WEB_RE = re.compile(
    r"\b(?:Retrieved|Accessed|accessed|Diakses|diakses|Available|Tersedia|\[Online\]|Online|"
    r"Website|Blog|web page|Web page|Last modified|Viewed)\b"
)


def is_law(text: str) -> bool:
    """True for statutes and regulations ("Undang-Undang Nomor 23 Tahun 2014 tentang ...")."""
    if LAW_START_RE.match(text):
        return True
    # LAW_ANY_RE needs one of these words; checking for them first is ~50x cheaper.
    return any(w in text for w in _LAW_WORDS) and LAW_ANY_RE.search(text) is not None


def classify(
    text: str,
    *,
    container: str | None,
    volume: str | None,
    pages: str | None,
    publisher: str | None,
    url: str | None,
    chapter: bool,
) -> ReferenceKind:
    """The kind of work, from keywords first and then from the fields found."""
    if is_law(text):
        return "law"
    for kind, rx in _RULES:
        if rx.search(text):
            if kind == "conference" and volume is not None and not chapter:
                # "Proceedings of the National Academy of Sciences, 117(3)" is a journal.
                continue
            if kind == "report" and volume is not None:
                continue
            return kind
    if chapter and container is not None:
        return "chapter"
    if container is not None and (volume is not None or pages is not None):
        return "article"
    if url is not None and (_WEB_RE.search(text) or container is None):
        return "web"
    if publisher is not None:
        return "book"
    if container is not None:
        return "article"
    return "other"
