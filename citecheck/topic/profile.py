"""What the off-topic scorer reads: manuscript passages, reference texts, citing sentences.

:func:`build_inputs` turns a document (plus its links and, when online, the
registry records) into plain :class:`TopicInputs`, so the scorer and the
benchmark do not depend on how a loader or the linker represent things.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from citecheck.model.document import Document, Reference
from citecheck.model.links import Links
from citecheck.model.resolution import Found, ReferenceResolution, Resolutions
from citecheck.topic.methods import exemption, named_by_entry, named_in_text
from citecheck.topic.terms import content_words, subject_words, word_counts

# Section headings that say nothing about the topic (English and Indonesian).
_GENERIC_HEADING = re.compile(
    r"^(?:abstract|abstrak|introduction|background|methods?|materials and methods|"
    r"methodology|results?|discussion|results and discussion|conclusions?|summary|"
    r"references|bibliography|acknowledge?ments?|supporting information|funding|"
    r"author contributions|competing interests|data availability|appendix|limitations|"
    r"pendahuluan|latar belakang(?: masalah| penelitian)?|metode(?: penelitian)?|metodologi|hasil|pembahasan|"
    r"hasil dan pembahasan|kesimpulan|kesimpulan dan saran|saran|penutup|daftar pustaka|"
    r"referensi|ucapan terima kasih|tinjauan pustaka|kajian pustaka|landasan teori|"
    r"kerangka (?:teori|pemikiran)|simpulan|abstrakt|zusammenfassung|kurzfassung|einleitung|"
    r"fazit|literaturverzeichnis|résumé|resumen|resumo|introducción|introdução|conclusión|"
    r"conclusão|table of contents|contents|daftar isi|kata pengantar|prakata|preface|foreword|"
    r"lembar pengesahan|halaman (?:judul|pengesahan)|title page|"
    # a thesis's fixed sections (they say it is a thesis, not what it is about)
    r"(?:halaman|lembar|surat) \w+(?: \w+){0,4}|pernyataan (?:orisinalitas|keaslian)(?: .*)?|"
    r"daftar (?:tabel|gambar|lampiran|singkatan|istilah|simbol|notasi|kode program)|"
    r"lampiran(?: .*)?|bab [ivx\d]+(?: \w+){0,3}|"
    r"(?:rumusan|batasan|identifikasi|perumusan|pembatasan) masalah|"
    r"(?:tujuan|manfaat|sasaran|ruang lingkup|batasan|kontribusi)(?: penelitian)?|"
    r"sistematika (?:penulisan|pembahasan|laporan)|penelitian (?:terkait|terdahulu|sebelumnya)|"
    r"list of (?:figures|tables|abbreviations|symbols)|abbreviations|declaration|dedication|"
    r"research questions?|(?:research )?objectives?|scope(?: and limitations)?|"
    r"thesis (?:outline|structure)|related work|future work)$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*(?:[IVX]+|\d+(?:\.\d+)*|[A-Z])[.)]?\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_TAGS = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Passage:
    """One piece of the manuscript profile: its kind and its text."""

    kind: str  # "title", "abstract", "keywords", "heading"
    text: str


@dataclass(frozen=True)
class ReferenceText:
    """The text the scorer embeds for one reference, and why it may be exempt."""

    index: int
    text: str  # title (+ container, + registry subjects/abstract when known)
    title: str
    methods: str | None = None  # methods label ("software", ...) or None
    sentences: tuple[str, ...] = ()  # citing sentences
    why: str | None = None  # the evidence behind ``methods`` ("@manual entry", "named ...")
    # The title's subject words the manuscript's own text uses: (word, uses in the body,
    # other titles of the list that have it, whether the profile has it).
    uses: tuple[tuple[str, int, int, bool], ...] = ()
    # The named thing a citation of it stands right after, mid-sentence ("modelos
    # *transformer* [@Vaswani2017] y ...", "BERT [5] and RoBERTa [6]"): what it credits.
    term: str | None = None


@dataclass(frozen=True)
class TopicInputs:
    """Everything one document contributes to the off-topic scores."""

    passages: tuple[Passage, ...]
    references: tuple[ReferenceText, ...]
    untitled: int = 0  # references without a usable title
    uncited: int = 0  # entries of the reference files that no citation points to (not scored)
    # Some uncited entries with titles: the author's library, context for the centre and
    # the neighbours of the cited ones (never judged themselves).
    context: tuple[ReferenceText, ...] = ()
    notes: tuple[str, ...] = field(default=())


def split_sentences(text: str) -> list[str]:
    """Abstract sentences (a naive splitter is enough for profiling)."""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    return [p for p in parts if len(p) >= 20] or ([text.strip()] if text.strip() else [])


def manuscript_passages(document: Document) -> tuple[Passage, ...]:
    """Title, abstract sentences, keywords and topical headings of ``document``.

    A template's placeholders are not the manuscript's subject: a title or heading made
    only of words naming a document's parts and what to write in them ("BAGIAN INI
    ADALAH BAGIAN JUDUL - TULIS JUDUL", "Insert your title here", "Subbab") is left
    out, and with a placeholder title the front matter was not filled in, so the
    abstract and keywords read with it (the template's own instructions on writing an
    abstract) are left out too."""
    meta = document.metadata
    out: list[Passage] = []
    unfilled = bool(meta.title and placeholder(meta.title))
    if meta.title and meta.title.strip() and not _generic_title(meta.title) and not unfilled:
        out.append(Passage("title", meta.title.strip()))
    if not unfilled:
        for abstract in meta.abstracts:
            out.extend(Passage("abstract", s) for s in split_sentences(abstract))
        if meta.keywords:
            kws = "; ".join(k.strip() for k in meta.keywords if k.strip())
            out.append(Passage("keywords", kws))
    for heading in meta.headings:
        h = _NUMBERING.sub("", heading).strip(" .:")
        if len(h) >= 4 and not _GENERIC_HEADING.match(h) and not placeholder(h):
            out.append(Passage("heading", h))
    return tuple(out)


#: Words that name a document's parts or tell a writer what to put in them (English
#: and Indonesian templates): a title made only of these is a placeholder.
_PLACEHOLDER_WORDS = frozenset(
    """
    title subtitle abstract keywords keyword chapter section subsection heading headings
    paragraph page template insert write type enter replace here your style name author
    authors text line manuscript thesis dissertation
    judul subjudul abstrak sari kata kunci bab subbab bagian paragraf halaman templat
    template tulis tuliskan ketik ketikkan isi isikan ganti masukkan baris sini nama
    penulis teks gaya skripsi tesis
    """.split()
)
_ROMAN = re.compile(r"^[ivxlc]+$")


def placeholder(text: str) -> bool:
    """Is ``text`` a template's placeholder (every content word names a document part or
    an instruction: "Tuliskan judul bab di baris ini", "Paper Title (use style: ...)")?"""
    words = [w for w in content_words(text) if not _ROMAN.match(w)]
    return bool(words) and all(w in _PLACEHOLDER_WORDS for w in words)


_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")  # pandoc's "Introduction {-}"
_CHAPTER_LABEL = re.compile(
    r"^(?:bab|chapter|kapitel|chapitre|cap[ií]tulo)\s+(?:[IVX]+|\d+)$", re.I
)


def _generic_title(title: str) -> bool:
    """A "title" that is the first section's heading ("Introduction {-}", "1 Abstrakt",
    "BAB III"): read where a manuscript has no title, it says nothing about the subject."""
    t = _NUMBERING.sub("", _ATTRIBUTES.sub("", title.strip())).strip(" .:")
    return bool(_GENERIC_HEADING.match(t) or _CHAPTER_LABEL.match(t))


def _registry_extra(resolution: ReferenceResolution | None) -> str:
    """Crossref subjects and abstract of a found record (empty when offline)."""
    if resolution is None or not isinstance(resolution.by_doi, Found):
        return ""
    record: Mapping[str, Any] = resolution.by_doi.record
    parts: list[str] = []
    subjects = record.get("subject")
    if isinstance(subjects, list):
        parts.append("; ".join(str(s) for s in subjects))
    abstract = record.get("abstract")
    if isinstance(abstract, str):
        clean = " ".join(_TAGS.sub(" ", abstract).split())
        parts.append(clean[:600])
    return " ".join(p for p in parts if p)


def build_inputs(
    document: Document, links: Links, resolutions: Resolutions | None = None
) -> TopicInputs:
    """Collect the scorer's inputs from a linked (and maybe resolved) document."""
    sentences: dict[int, list[str]] = {}
    terms: dict[int, str] = {}
    for ln in links.links:
        if ln.reference is None or not 0 <= ln.citation < len(document.citations):
            continue
        citation = document.citations[ln.citation]
        if citation.sentence and ln.reference not in terms:
            term = named_term(citation.sentence, citation.text)
            if term:
                terms[ln.reference] = term
        sentence = citation.sentence
        if sentence and sentence not in sentences.setdefault(ln.reference, []):
            sentences[ln.reference].append(sentence)
    refs: list[ReferenceText] = []
    untitled = uncited = 0
    passages = manuscript_passages(document)
    own_text = [p.text for p in passages]
    # Only what the manuscript cites is judged: the other entries of a shared .bib or a
    # template's sample list are not claims of this manuscript (the unused-reference
    # rule reports them). With no citation linked at all, every entry is judged.
    cited = {ln.reference for ln in links.links if ln.reference is not None}
    if document.allow_uncited:
        # ``\nocite{*}`` / ``nocite: '@*'``: every entry of the files is printed, so
        # every one is the manuscript's reference (a template's sample entries too)
        cited = set()
    elif not cited and any(r.source in _FILE_SOURCES for r in document.references):
        # No citation read: which entries of the reference files the manuscript cites is
        # unknown, so none is judged (only a printed list is all cited by definition).
        cited = {-1}
    context: list[ReferenceText] = []
    body: str | None = None  # the manuscript's own text, read only when needed
    for i, ref in enumerate(document.references):
        title = (ref.title or "").strip()
        if cited and i not in cited:
            uncited += 1
            if len(title) >= 8 and len(context) < CONTEXT_LIMIT:
                context.append(
                    ReferenceText(index=i, text=_reference_text(ref, title), title=title)
                )
            continue
        if len(title) < 8:
            untitled += 1
            continue
        text = _reference_text(ref, title)
        extra = _registry_extra((resolutions or {}).get(i))
        if extra:
            text = f"{text}. {extra}"
        citing = tuple(sentences.get(i, ()))
        found = exemption(ref)
        if found is None:
            name = named_in_text(title, [*citing, *own_text])
            if name is None:
                if body is None:
                    body = _body(document)
                name = named_by_entry(ref, title, citing, body)
            if name:
                found = ("named in the text", f'the manuscript names "{name}"')
        refs.append(
            ReferenceText(
                index=i,
                text=text,
                title=title,
                methods=found[0] if found else None,
                sentences=citing,
                why=found[1] if found else None,
                term=terms.get(i),
            )
        )
    if refs:
        refs = _with_uses(refs, context, passages, body if body is not None else _body(document))
    return TopicInputs(
        passages=passages,
        references=tuple(refs),
        untitled=untitled,
        uncited=uncited,
        context=tuple(context),
    )


def _with_uses(
    refs: list[ReferenceText],
    context: list[ReferenceText],
    passages: tuple[Passage, ...],
    body: str,
) -> list[ReferenceText]:
    """Each reference with the subject words of its title that the manuscript's own text
    uses (the scorer decides what counts; see ``scoring.BODY_USES``). Linear: one pass
    over the body and one over the titles."""
    counts = word_counts(body)
    words = [subject_words(r.title) for r in refs]
    titles: Counter[str] = Counter()
    for ws in words:
        titles.update(ws)
    for r in context:
        titles.update(subject_words(r.title))
    profile = {w for p in passages for w in subject_words(p.text)}
    out = []
    for r, ws in zip(refs, words, strict=True):
        uses = tuple((w, counts[w], titles[w] - 1, w in profile) for w in ws if counts[w])
        out.append(replace(r, uses=uses) if uses else r)
    return out


def _body(document: Document) -> str:
    """The manuscript's text without its printed reference list (cut at the first line
    of an entry read from the text), so a title's words in the list are not a use."""
    lines = [
        r.location.line
        for r in document.references
        if r.source == "bibliography" and r.location.path == document.path
    ]
    if not lines:
        return document.text
    return "\n".join(document.text.split("\n")[: max(0, min(lines) - 1)])


# A name right before a citation: emphasised ("*transformer*", "\\emph{...}", "_x_"),
# quoted, or spelt as one (an acronym of three capitals or more, CamelCase, letters with
# digits: "BERT", "RoBERTa", "YOLOv7").
_MARKED_END = re.compile(
    r"(?:\*{1,2}([^*\n]{2,40}?)\*{1,2}|(?<!\w)_([^_\n]{2,40}?)_|"
    r"\\(?:emph|textit|textbf|texttt|textsc)\{([^{}]{2,40})\}|"
    r"[\"“‘]([^\"“”‘’]{2,40})[\"”’]|"
    r"(?<![\w-])([A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Za-z]*[a-z][A-Z][A-Za-z]*|"
    r"[A-Za-z]+\d[\w.]*))$"
)
_GOES_ON = re.compile(r"^[\s,;:)\]]*[^\W\d_]")


def named_term(sentence: str, citation: str) -> str | None:
    """The named thing a citation stands right after, when the sentence goes on after it
    ("nacen los modelos *transformer* [@Vaswani2017] y su ..." gives "transformer"): the
    citation credits where that method, model or tool comes from. A citation closing its
    sentence ("... reports [12].") names nothing: that is where a sneaked one is put."""
    cite = " ".join(citation.split())
    pos = sentence.find(cite) if cite else -1
    if pos < 0 or not _GOES_ON.match(sentence[pos + len(cite) :]):
        return None
    m = _MARKED_END.search(sentence[:pos].rstrip())
    if m is None:
        return None
    return next(g for g in m.groups() if g)


_FILE_SOURCES = ("bibtex", "csl-json")
#: Uncited entries kept as context (the first ones of the file; a lab's 20,000-entry
#: .bib would otherwise cost 20,000 embeddings for nothing judged).
CONTEXT_LIMIT = 200


def _reference_text(ref: Reference, title: str) -> str:
    title = unshout(title)
    if ref.container and ref.container.strip().casefold() not in title.casefold():
        return f"{title}. {unshout(ref.container.strip())}"
    return title


def unshout(text: str) -> str:
    """An all-capitals title in sentence case ("TRENDS IN TICKET PRICING" -> "Trends in
    ticket pricing"): encoders read capitals as other tokens, so a shouted title of the
    manuscript's own field looked foreign. Short acronyms in mixed-case text are kept."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]
