"""Headings of manuscripts: which ones open a bibliography, an abstract, back matter.

Shared by every loader that sees paragraphs with headings (Markdown, plain text,
DOCX, PDF), in the languages our users write.
"""

from __future__ import annotations

import re
import unicodedata

# Whole-heading names of a reference list, lower-case, accents kept.
BIBLIOGRAPHY_HEADINGS = frozenset(
    {
        # English
        "references",
        "reference list",
        "reference",
        "bibliography",
        "works cited",
        "literature cited",
        "references cited",
        "cited literature",
        "literature",
        "references and notes",
        "notes and references",
        "list of references",
        "annotated bibliography",
        # Indonesian / Malay
        "daftar pustaka",
        "daftar referensi",
        "referensi",
        "rujukan",
        "bibliografi",
        "daftar rujukan",
        "pustaka acuan",
        "kepustakaan",
        "rujukan pustaka",
        "pustaka",
        # German, Dutch, Scandinavian
        "literaturverzeichnis",
        "literatur",
        "quellenverzeichnis",
        "quellen",
        "literatuur",
        "literatuurlijst",
        "referenties",
        "referenser",
        "litteratur",
        "källor",
        # French, Spanish, Portuguese, Italian, Turkish
        "références",
        "références bibliographiques",
        "bibliographie",
        "referencias",
        "referencias bibliográficas",
        "bibliografía",
        "referências",
        "referências bibliográficas",
        "bibliografia",
        "riferimenti bibliografici",
        "riferimenti",
        "kaynaklar",
        "kaynakça",
        # Indonesian lists of related works under a bold label
        "referensi terkait",
        "related references",
        # Chinese, Japanese, Korean
        "参考文献",
        "参考资料",
        "参考書目",
        "引用文献",
        "参考文献一覧",
        "참고문헌",
        "참고 문헌",
    }
)
# CJK writes no space between words: "参考文献与理论来源" ("references and theoretical
# sources") is a reference-list heading with a qualifier glued on.
_CJK_BIBLIOGRAPHY_STARTS = ("参考文献", "参考资料", "引用文献", "참고문헌")
# Names that usually mean a reference list but also head other sections.
WEAK_BIBLIOGRAPHY_HEADINGS = frozenset({"sources", "source", "sumber", "fuentes", "fontes"})

ABSTRACT_HEADINGS = frozenset(
    {
        "abstract",
        "abstrak",
        "summary",
        "ringkasan",
        "intisari",
        "sari",
        "zusammenfassung",
        "kurzfassung",
        "résumé",
        "resume",
        "resumen",
        "resumo",
        "riassunto",
        "sommario",
        "samenvatting",
        "sammanfattning",
        "özet",
    }
)

# Sections that follow a reference list and are not references.
BACK_MATTER_HEADINGS = frozenset(
    {
        "appendix",
        "appendices",
        "lampiran",
        "anhang",
        "annexe",
        "annexes",
        "anexo",
        "anexos",
        "apéndice",
        "appendice",
        "bijlage",
        "acknowledgements",
        "acknowledgments",
        "acknowledgement",
        "ucapan terima kasih",
        "terima kasih",
        "danksagung",
        "remerciements",
        "agradecimientos",
        "biodata",
        "biodata penulis",
        "riwayat hidup",
        "riwayat hidup penulis",
        "daftar riwayat hidup",
        "daftar riwayat hidup penulis",
        "curriculum vitae",
        "lebenslauf",
        "listing program",
        "tentang penulis",
        "about the authors",
        "about the author",
        "author biographies",
        "supplementary material",
        "supplementary materials",
        "supporting information",
        "author contributions",
        "funding",
        "conflict of interest",
        "conflicts of interest",
        "competing interests",
        "notes",
        "endnotes",
        "figures",
        "tables",
        "figure legends",
        "figure legend",
        "figure captions",
        "figure caption",
        "table captions",
        "figures and tables",
        "tables and figures",
        "captions",
        "data availability",
    }
)

# Labels of figure and table captions: a caption after the reference list ends it.
CAPTION_LABELS = (
    "figure",
    "fig",
    "table",
    "gambar",
    "tabel",
    "grafik",
    "abbildung",
    "abb",
    "tabelle",
    "tableau",
    "tabla",
    "figura",
    "quadro",
    "tabela",
    "supplementary figure",
    "supplementary table",
)

KEYWORD_LABELS = (
    "keywords",
    "key words",
    "kata kunci",
    "kata-kata kunci",
    "schlüsselwörter",
    "schlagwörter",
    "mots-clés",
    "mots clés",
    "palabras clave",
    "palavras-chave",
    "parole chiave",
    "trefwoorden",
    "nyckelord",
    "anahtar kelimeler",
    "index terms",
)

# "7. References", "VII. REFERENCES", "**References**", "References:", "A. Daftar Pustaka"
# "5 References", "1\tReferences" (a Word heading number followed by a tab): a number
# needs no period; a letter or roman numeral does ("I References" is not numbering).
_DECOR = re.compile(
    r"^[\s#*_=\-\u2013\u2014.:]*"
    r"(?:(?:\d+(?:\.\d+)*|[ivxlcdm]+|[a-z])[.)]\s+|\d+(?:\.\d+)*\.?\s+)?",
    re.I,
)
# The look-behind starts a match only where a run of these characters starts: without
# it "a----...----b" is quadratic (every dash starts a run that fails at "b").
_TRAIL = re.compile(r"(?<![\s#*_:.\u2013\u2014\-])[\s#*_:.\u2013\u2014\-]+$")


_QUALIFIER = re.compile(r"(?:\s*(?:\{[^{}\n]{0,80}\}|\([^()\n]{1,40}\)))+\s*$")


def heading_key(text: str) -> str:
    """The heading's words, lower-case, without numbering, markup or final colon."""
    text = unicodedata.normalize("NFC", text)
    text = _DECOR.sub("", text.strip())
    # "References {-}" (Pandoc attributes), "Annotated Bibliography (Key Papers)"
    text = _QUALIFIER.sub("", text)
    text = _TRAIL.sub("", text)
    return " ".join(text.replace("*", "").replace("_", " ").split()).lower()


def is_bibliography_heading(text: str, *, weak: bool = False) -> bool:
    """True if ``text`` names a reference list (``weak`` also accepts "Sources")."""
    key = heading_key(text)
    return (
        key in BIBLIOGRAPHY_HEADINGS
        or key.startswith(_CJK_BIBLIOGRAPHY_STARTS)
        or (weak and key in WEAK_BIBLIOGRAPHY_HEADINGS)
    )


def is_abstract_heading(text: str) -> bool:
    """True if ``text`` names an abstract."""
    return heading_key(text) in ABSTRACT_HEADINGS


_CAPTION = re.compile(
    r"^[\s|*_>#]*(?:" + "|".join(re.escape(w) for w in CAPTION_LABELS) + r")\.?\s+"
    r"(?:[A-Z]?\d+(?:[.\-]\d+)*|[IVX]+)[a-z]?\s*[.:|\u2013\u2014-]",
    re.I,
)


def is_caption(text: str) -> bool:
    """True if ``text`` starts like a figure or table caption ("Figure 3:", "Tabel 2.1.")."""
    return _CAPTION.match(text[:80]) is not None


_RUN_IN = re.compile(r"^[\s*_#]*([^\W\d][^:.\n*_]{2,40}?)[\s*_]*[:.][*_]*(?:\s|$)")


def is_back_matter_label(text: str) -> bool:
    """True if ``text`` opens with a run-in back-matter label ("**Funding:** The ...")."""
    m = _RUN_IN.match(text[:80])
    return m is not None and is_back_matter_heading(m.group(1))


def is_back_matter_heading(text: str) -> bool:
    """True if ``text`` names a section that follows references (appendix, funding...)."""
    key = heading_key(text)
    return key in BACK_MATTER_HEADINGS or key.startswith(("appendix ", "lampiran ", "anhang "))
