"""A manuscript's title, abstract and keywords read from its opening paragraphs.

Word files (and plain text) often carry no styles: the title is the first line, the
abstract a paragraph opening with "Abstract:" / "Abstrak -" or a structured abstract
("Background: ... Methods: ... Results: ..."), the keywords a "Keywords:" line. The
off-topic check compares references with these; when they cannot be read it does not
judge topic at all, so a wrong title is worse than none: every test below errs on the
side of reading nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citecheck.text import headings as sections

#: Paragraphs looked at for the front matter (title page, authors, affiliations, abstract).
FRONT_LIMIT = 60
#: Non-empty paragraphs looked at for the title (after a journal banner, "Research
#: article", a running head, a title page's institution lines).
TITLE_LIMIT = 12

_SEP = r"[\s*_]*[:.\u2014\u2013-][\s*_]*"
_ABSTRACT_INLINE = re.compile(
    r"^[\s*_]*(?P<label>abstract|abstrak|summary|ringkasan|intisari|zusammenfassung|"
    r"kurzfassung|résumé|resumen|resumo|riassunto|samenvatting)" + _SEP + r"(?P<rest>.+)$",
    re.I | re.S,
)
_KEYWORDS = re.compile(
    r"^[\s*_]*(?P<label>"
    + "|".join(re.escape(k) for k in sections.KEYWORD_LABELS)
    + r")(?:"
    + _SEP
    + r"|\s+(?=[a-z]))(?P<rest>.+)$",
    re.I | re.S,
)
# Labels of a structured abstract (ICMJE / APA / Indonesian journals).
_STRUCTURED = re.compile(
    r"^[\s*_]*(?P<label>background|context|introduction|objectives?|aims?|purpose|"
    r"methods?|design|setting|participants|materials and methods|results?|findings|"
    r"conclusions?|interpretation|implications|significance|latar belakang|tujuan|"
    r"metode|hasil|kesimpulan|simpulan)\s*[:.\u2014\u2013-]\s+(?P<rest>\S.*)$",
    re.I | re.S,
)
# A line that names the kind of document, not its subject.
_DOCUMENT_KIND = re.compile(
    r"^(?:(?:research|original|review|short|brief)\s+(?:article|paper|report|"
    r"communication)|article|manuscript|preprint|draft|skripsi|tesis|thesis|disertasi|"
    r"dissertation|tugas akhir|laporan(?:\s+\w+){0,3}|proposal(?:\s+\w+){0,3}|makalah|"
    r"jurnal(?:\s+\w+){0,4}|journal(?:\s+\w+){0,4}|bab\s+[ivx\d]+|chapter\s+\d+|"
    r"running head\b.*|title page|cover page|halaman judul)$"
    # title-page furniture: approval sheets, the department or faculty
    r"|^(?:lembar|halaman|departemen|department|fakultas|faculty|program studi|"
    r"jurusan|institut|institute|sekolah tinggi|school of|kementerian|ministry|"
    # Spanish, Portuguese and French title pages: school, faculty, degree, kind of work
    r"escuela|escola|[ée]cole|facultad|faculdade|facult[ée]|grado en|licenciatura en|"
    r"m[áa]ster en|trabajo (?:de )?fin de (?:grado|m[áa]ster|carrera)|tesis doctoral|"
    r"trabalho de conclus[ãa]o|m[ée]moire de)\b",
    re.I,
)
_NOT_A_TITLE = re.compile(
    r"@|https?://|www\.|\b(?:e-?mail|orcid|doi)\b|universi(?:t|dad|dade)", re.I
)
# Superscript affiliation marks flattened into names: "Rifan Alamsyah2", "Smith1,2*".
_AFFILIATION_MARK = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[\d*\u2020\u2021]+(?:,\d+)*(?=[\s,;]|$)")
_WORD = re.compile(r"[^\W\d_]{3,}")
# "Judul : ...", "Title of thesis: ..." on an approval sheet or an abstract page.
_LABELLED_TITLE = re.compile(
    r"^(?:judul|title|titel|título|titre)(?:\s+(?:skripsi|tesis|tugas akhir|penelitian|"
    r"laporan|thesis|of (?:the )?(?:thesis|dissertation|project)|der arbeit))?"
    r"\s*:\s*(?P<title>\S.*)$",
    re.I,
)
# Identity lines of a thesis's abstract page ("Nama : ...", "NIM : ..."), not its text.
IDENTITY_LINE = re.compile(
    r"^(?:nama(?:\s+mahasiswa)?|name|nim|npm|nrp|student (?:id|number)|matrikelnummer|"
    r"program studi|prodi|study program|jurusan|departemen|department|fakultas|faculty|"
    r"pembimbing(?:\s+\w+)?|dosen pembimbing(?:\s+\w+)?|supervisors?|advisors?|"
    r"judul|title|tahun|year|tanggal|date|email)\s*:",
    re.I,
)
#: Paragraphs searched for a labelled title (approval sheets come after the cover).
LABEL_LIMIT = 200


@dataclass(frozen=True)
class FrontMatter:
    """What the opening paragraphs say about the manuscript's subject."""

    title: str | None = None
    abstracts: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" *_")


def _name_like(word: str) -> bool:
    """A word a name can be ("Smith", "SMITH", "smith"), not a product spelling with a
    version ("YOLOv7", "IPv6", "ResNet50"): only a name's digits are affiliation marks."""
    return word.isupper() or word.islower() or (word[:1].isupper() and word[1:].islower())


def is_title_like(text: str) -> bool:
    """Could ``text`` (one paragraph) be a manuscript's title?"""
    t = _clean(text)
    words = t.split()
    if not 4 <= len(words) <= 40 or len(t) > 300:
        return False
    if len(_WORD.findall(t)) < 3 or _NOT_A_TITLE.search(t) or _DOCUMENT_KIND.match(t):
        return False
    if any(_name_like(m.group(1)) for m in _AFFILIATION_MARK.finditer(t)) or t.count(",") >= 3:
        return False  # an author line
    # one sentence at most: a title does not run on into prose
    return len(re.findall(r"[.!?](?:\s|$)", t)) <= 1


def labelled_title(paragraphs: Sequence[str]) -> str | None:
    """The title an approval sheet or an abstract page states ("Judul : ..."): on a
    thesis's cover the title is often broken into short lines none of which reads like
    a title, and the first line that does is the author's name."""
    for text in paragraphs:
        t = _clean(text)
        m = _LABELLED_TITLE.match(t) if len(t) <= 400 else None
        if m and is_title_like(m.group("title")):
            return _clean(m.group("title"))
    return None


def _stops_title_search(text: str) -> bool:
    """A paragraph after which no title comes any more (the abstract, the body)."""
    t = _clean(text)
    key = sections.heading_key(t) if len(t) <= 60 else ""
    return bool(
        sections.is_abstract_heading(t)
        or _ABSTRACT_INLINE.match(t)
        or _KEYWORDS.match(t)
        or key in _BODY_HEADINGS
        or re.match(r"^(?:bab|chapter)\s+(?:[ivx]+|\d+)\b", t, re.I)
    )


_BODY_HEADINGS = frozenset(
    {
        "introduction",
        "pendahuluan",
        "einleitung",
        "introducción",
        "introdução",
        "background",
        "latar belakang",
    }
)


def read_front(paragraphs: Sequence[str], *, title: str | None = None) -> FrontMatter:
    """Title (unless given), abstracts and keywords from a manuscript's opening paragraphs.

    Only the first :data:`FRONT_LIMIT` paragraphs are read. The title is the first
    paragraph among the first :data:`TITLE_LIMIT` that reads like one, before any
    abstract, keywords or introduction; an abstract is a paragraph opening with its
    label, or two or more consecutive paragraphs opening with structured-abstract labels
    ("Background:", "Methods:", ...) before the body starts.
    """
    front = list(paragraphs[:FRONT_LIMIT])
    found_title = title
    if found_title is None:
        found_title = labelled_title(paragraphs[:LABEL_LIMIT])
    if found_title is None:
        for text in [p for p in front if p.strip()][:TITLE_LIMIT]:
            if _stops_title_search(text):
                break
            if is_title_like(text):
                found_title = _clean(text)
                break
    abstracts: list[str] = []
    keywords: list[str] = []
    run: list[str] = []
    for text in front:
        t = _clean(text)
        if not t:
            continue
        m = _STRUCTURED.match(t)
        if m and not (len(t) <= 60 and sections.heading_key(t) in _BODY_HEADINGS):
            run.append(t)
            continue
        if len(run) >= 2:
            abstracts.append(" ".join(run))
        run = []
        if sections.heading_key(t) in _BODY_HEADINGS and len(t) <= 60:
            break  # the body starts
        m = _ABSTRACT_INLINE.match(t)
        if m and len(m.group("rest")) > 40:
            abstracts.append(_clean(m.group("rest")))
            continue
        m = _KEYWORDS.match(t)
        if m and len(t) <= 400:
            for kw in re.split(r"[;,·]", m.group("rest")):
                kw = kw.strip(" *_.")
                if kw and len(kw) < 80:
                    keywords.append(kw)
    if len(run) >= 2:
        abstracts.append(" ".join(run))
    return FrontMatter(
        title=found_title,
        abstracts=tuple(dict.fromkeys(a[:5000] for a in abstracts)),
        keywords=tuple(dict.fromkeys(keywords)),
    )
