"""What kind of work a reference describes (article, book, thesis, law, web page, ...).

Decided from words in the string ("Skripsi", "Proceedings", "[Data set]", "arXiv")
and from which fields were found (a container with a volume is an article).
"""

from __future__ import annotations

import re

from citecheck.model.document import Reference, ReferenceKind

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
# Substrings every match of a rule contains: ``in`` tests are ~50x cheaper than the
# regex search, which most strings fail.
_RULE_KEYS: dict[ReferenceKind, tuple[str, ...]] = {
    "thesis": (
        "Skripsi",
        "Tesis",
        "Disertasi",
        "Tugas Akhir",
        "hesis",
        "issertation",
        "Ph.",
        "PhD",
        "Master",
        "Doctoral",
        "Doktor",
        "Magister",
        "Sarjana",
    ),
    "preprint": (
        "arXiv",
        "ArXiv",
        "Rxiv",
        "SSRN",
        "reprint",
        "Research Square",
        "10.48550/",
        "10.1101/",
    ),
    "dataset": ("[Data", "Zenodo", "Dryad", "figshare", "Dataverse"),
    "software": ("[Computer ", "[Software]", "R package", "oftware"),
    "conference": (
        "Proc",
        "Prosiding",
        "Conf",
        "Symp",
        "Workshop",
        "Congress",
        "Konferensi",
        "Seminar",
        "Colloquium",
        "Annual Meeting",
        "Convention",
        "Kongres",
        "Semnas",
    ),
    "report": (
        "Report",
        "Laporan",
        "Working Paper",
        "Tech. Rep.",
        "White Paper",
        "Policy Brief",
        "Discussion Paper",
        "Occasional Paper",
        "Briefing",
        "Statistical Yearbook",
        "Dalam Angka",
    ),
}
_RULE_KEY_RE = re.compile("|".join(re.escape(k) for keys in _RULE_KEYS.values() for k in keys))
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
    rules = _RULES if _RULE_KEY_RE.search(text) is not None else ()
    for kind, rx in rules:
        if not any(k in text for k in _RULE_KEYS[kind]):
            continue  # (a substring test first: each rule's regex needs one of these)
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


# --- Resources: what a paper uses rather than a claim it cites for support -----------
# Evidence the entry itself carries. No product names: hosts, entry types and the
# phrases that styles print for software, data, standards and web pages.
_ENTRY_TYPE = re.compile(r"^\s*@\s*(\w+)\s*[{(]")
# Sub-headings of a reference list that say its entries are resources, not literature:
# "### Tools", "Software and packages", "Datasets", "Perangkat Lunak", "Herramientas".
_RESOURCE_GROUP = re.compile(
    r"^[\W\d]*(?:tools?|software|packages?|libraries|code|datasets?|data(?: sources?)?|"
    r"corpora|korpus|perangkat lunak|alat|herramientas|ferramentas|logiciels?|outils|"
    r"donn[ée]es|datos|dados|daten|werkzeuge)\b",
    re.IGNORECASE,
)
_RESOURCE_TYPES: dict[str, str] = {
    "software": "software",
    "codefragment": "software",
    "softwareversion": "software",
    "softwaremodule": "software",
    "dataset": "dataset",
    "data": "dataset",
    "manual": "documentation",
    "online": "web page",
    "electronic": "web page",
    "www": "web page",
    "webpage": "web page",
    "web": "web page",  # a template's own type (UNPAR's skripsi class)
    "standard": "standard",
    "patent": "patent",
    "legislation": "statute",
    "legal": "statute",
    "jurisdiction": "statute",
}
_HOSTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "software",
        re.compile(
            r"(?:^|[/.@])(?:github\.com|gitlab\.\w+|bitbucket\.org|sourceforge\.net|"
            r"cran\.r-project\.org|pypi\.(?:org|python\.org)|bioconductor\.org|"
            r"readthedocs\.(?:io|org)|npmjs\.com|crates\.io|anaconda\.org|"
            r"rdocumentation\.org|r-universe\.dev|ascl\.net|hackage\.haskell\.org|"
            r"packagist\.org|rubygems\.org|nuget\.org|huggingface\.co/(?!datasets))",
            re.IGNORECASE,
        ),
    ),
    (
        "dataset",
        re.compile(
            r"(?:^|[/.])(?:zenodo\.org|figshare\.com|datadryad\.org|dataverse\.\w+|"
            r"kaggle\.com|huggingface\.co/datasets|data\.gov|pangaea\.de|"
            r"10\.5281/zenodo|10\.6084/m9\.figshare|10\.5061/dryad)",
            re.IGNORECASE,
        ),
    ),
    (
        "standard",
        re.compile(
            r"(?:^|[/.])(?:w3\.org|ietf\.org|rfc-editor\.org|iso\.org|cwe\.mitre\.org|"
            r"cve\.mitre\.org|owasp\.org)",
            re.IGNORECASE,
        ),
    ),
    (
        "statute",
        re.compile(
            r"(?:^|[/.])(?:eur-lex\.europa\.eu|legislation\.gov\.\w+|peraturan\.go\.id|"
            r"jdih\.\w+|congress\.gov|govinfo\.gov)",
            re.IGNORECASE,
        ),
    ),
)
_TEXT_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "software",
        re.compile(
            r"\[(?:Computer (?:software|program)|Software|Source code)\]|"
            r"\b(?:R|Python|Julia|Stata|MATLAB) (?:package|module|library|toolbox)\b|"
            r"\b[Vv]ersion\s?\d+(?:\.\d+)+|\bv\d+\.\d+(?:\.\d+)?\b|"
            r"\b(?:source code|command[- ]line tool)\b",
            re.IGNORECASE,
        ),
    ),
    ("dataset", re.compile(r"\[(?:Data ?set|Dataset|Data|Database)\]", re.IGNORECASE)),
    (
        "standard",
        re.compile(
            r"\b(?:ISO(?:/IEC)?\s?\d{3,}|IEC\s?\d{3,}|RFC\s?\d{3,}|IEEE Std|ANSI\s[A-Z]?\d|"
            r"CWE-\d+|CVE-\d{4}-\d+|W3C Recommendation|SNI\s\d+)\b"
        ),
    ),
    (
        "documentation",
        re.compile(
            r"\b(?:[Uu]ser'?s? (?:[Gg]uide|[Mm]anual)|[Rr]eference [Mm]anual|[Dd]ocumentation|"
            r"[Dd]atasheet|[Dd]ata [Ss]heet)\b"
        ),
    ),
)
# Phrases of a web citation: "Retrieved from", "Accessed", "Diakses", "[Online]", and
# the "Retrieved from" that Word's citation styles print in other languages ("Diambil
# kembali dari", "Obtenido de", "Disponível em", "Récupéré sur", "Opgehaald van").
WEB_MARKERS = re.compile(
    r"\b(?:Retrieved|Accessed|accessed|Diakses|diakses|Tersedia|Available (?:at|from|online)|"
    r"Consultado|Consulté|Abgerufen|Zugriff|Last (?:modified|visited|accessed)|"
    r"[Dd]iambil (?:kembali )?dari|Obtenido de|Recuperado de|Disponível em|Acesso em|"
    r"Récupéré (?:sur|de)|Opgehaald van|Tratto da|Pobrano z)\b|\[Online\]"
)


def _marker_text(ref: Reference) -> str:
    """Where style phrases are looked for: the entry as printed, or for BibTeX the
    fields a style prints (not the abstract or the keywords, which talk about anything)."""
    if ref.source != "bibtex":
        return ref.text
    fields = {k.lower(): v for k, v in ref.fields.items()}
    parts = [fields.get(k, "") for k in _PRINTED_FIELDS]
    if fields.get("version"):
        parts.append(f"version {fields['version']}")
    return " ".join(p for p in parts if p)


_PRINTED_FIELDS = (
    "title",
    "note",
    "howpublished",
    "type",
    "publisher",
    "organization",
    "institution",
    "journal",
    "journaltitle",
    "booktitle",
    "series",
    "addendum",
)


def resource_kind(ref: Reference) -> tuple[str, str] | None:
    """``(label, why)`` when the entry describes a resource a paper *uses*.

    Labels: software, dataset, documentation, standard, statute, web page, patent.
    Evidence comes only from the entry: its BibTeX/CSL type, the host of its URL or
    DOI, and the phrases styles print for such works ("[Computer software]",
    "R package", "version 2.1", "Retrieved from"). A journal article with a volume or
    pages is never a web page because of a URL or "Retrieved from" alone (older APA
    styles print that for articles too), and a preprint is not a resource.
    """
    kind = ref.kind
    if kind in ("software", "dataset"):
        return kind, f"entry type {kind}"
    group = _RESOURCE_GROUP.search(ref.fields.get("group", ""))
    if group is not None:
        what = "dataset" if group.group(0).lower().startswith(("dat", "korpus")) else "software"
        return what, f'listed under "{ref.fields["group"].strip()}"'
    text = _marker_text(ref)
    if kind == "law" or is_law(text):
        return "statute", "a statute or regulation"
    if ref.source == "bibtex":
        m = _ENTRY_TYPE.match(ref.text)
        entry = m.group(1).lower() if m else ""
        label = _RESOURCE_TYPES.get(entry)
        if label:
            return label, f"@{entry} entry"
    where = " ".join(x for x in (ref.url or "", ref.doi or "", ref.fields.get("url", "")) if x)
    if where:
        for label, rx in _HOSTS:
            hit = rx.search(where)
            if hit:
                return label, f"link to {hit.group(0).strip('/.@')}"
    for label, rx in _TEXT_MARKERS:
        hit = rx.search(text)
        if hit:
            return label, f'"{hit.group(0).strip()}"'
    if ref.volume is not None or ref.pages is not None or kind == "preprint":
        return None
    hit = WEB_MARKERS.search(text)
    if hit:
        return "web page", f'"{hit.group(0)}"'
    if kind == "web":
        return "web page", "a web page"
    if ref.source == "bibtex":
        # Only an entry that does not claim to be a publication: an @article with a
        # link and no journal is still an article (and may be a sneaked one).
        m = _ENTRY_TYPE.match(ref.text)
        if not m or m.group(1).lower() not in ("misc", "unpublished"):
            return None
        link = ref.url or ref.fields.get("howpublished", "")
        if "http" not in link and ref.container is None and ref.publisher is None:
            if not ref.doi:
                return "unpublished resource", f"@{m.group(1).lower()} entry with no venue"
    else:
        if kind not in (None, "other"):
            return None
        link = ref.url or ""
    if "http" in link and ref.container is None and not ref.doi and ref.publisher is None:
        return "web page", "a link with no journal or publisher"
    return None
