"""Recognise methods references: software, statistics, method textbooks, data, guidelines.

These are cited across every field (R, ImageJ, SPSS, beta regression, Sugiyono's
*Metode Penelitian*, PRISMA), so their distance from the manuscript's topic says
nothing. The off-topic rule down-weights them. Patterns are deliberately narrow:
a topical study that merely *uses* regression is not a methods reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.model.document import Reference
from citecheck.references.kinds import resource_kind
from citecheck.topic.terms import content_words

# Software and tools named in a title, container or publisher (case matters for
# the short all-caps names, so these are matched case-sensitively).
_SOFTWARE_CS = re.compile(
    r"\b(?:R(?=:| Core| [Ff]oundation| package| version)|SPSS|SAS|STATA|Stata|MATLAB|GraphPad|ImageJ|Fiji|PyMOL|GROMACS|CHARMM|AMBER|"
    r"MEGA\d*|MrBayes|BEAST\d?|RAxML|PhyML|PAML|PHYLIP|BLAST|ClustalW|Clustal|MUSCLE|MAFFT|"
    r"SAMtools|BWA|Bowtie\d?|TopHat\d?|Cufflinks|DESeq\d?|edgeR|limma|GATK|PLINK|ADMIXTURE|"
    r"EIGENSOFT|STRUCTURE|Trimmomatic|FastQC|SmartPLS|AMOS|LISREL|Mplus|NVivo|ATLAS\.ti|"
    r"WinBUGS|OpenBUGS|JAGS|Stan|lme4|ggplot2|nlme|vegan|Bioconductor|Cytoscape|"
    r"EViews|Minitab|RevMan|SciPy|NumPy|scikit-learn|PyTorch|TensorFlow|Python|CLUSTAL\w*|"
    r"PRIMER|STATISTICA|Maestro|LigPrep|Glide|Schrodinger|NLTK|WordNet|BioImageXD|"
    r"Phenix|PHENIX|Coot|CCP4|Chimera|MODELLER|AutoDock|FlowJo|CellProfiler|QIIME\d?)\b"
)
_SOFTWARE_WORDS = re.compile(
    r"\b(?:software (?:for|package|tool|system|suite|environment|library|version)|"
    r"(?:statistical|analysis|open[- ]source|scientific) software|statistical computing|R package|package for|toolkit|toolbox|"
    r"web server|program for|computer program|user'?s? (?:guide|manual)|version \d|"
    r"image[- ]processing platform|windows interface|sequence alignment)",
    re.IGNORECASE,
)
# Titles that name a statistical or analytic method as their subject.
_STATISTICS = re.compile(
    r"\b(?:regression|mixed[- ]effects? models?|linear models?|additive models?|"
    r"false discovery rate|multiple (?:testing|comparisons)|bootstrap|jackknife|"
    r"maximum likelihood|likelihood ratio|bayesian (?:inference|analysis|data analysis)|"
    r"structural equation|partial least squares|PLS-SEM|factor analysis|"
    r"coefficient alpha|cronbach|observer agreement|inter-?rater|kappa|"
    r"statistical power|power analysis|sample size|effect sizes?|"
    r"meta-analys[ie]s (?:in clinical trials|of observational)|heterogeneity in meta|"
    r"inconsistency in meta|publication bias|funnel plot|graphical test|"
    r"life[- ]tables|survival analysis|proportional hazards|kaplan|"
    r"model selection|information criterion|multimodel inference|akaike|"
    r"nonparametric|non-parametric|rank[- ]sum|chi-?square|analysis of variance|anova|"
    r"multivariate (?:analysis|data analysis)|analisis multivariat\w*|statistik\w*|statistics|"
    r"imputation|missing data|response rates?|questionnaires?|resampling|indirect effects?|"
    r"mediation analysis|dichotomi[sz]ation|confounding|selection bias|bias in|"
    r"distributions? on|data fitting|curve fitting|probability|stochastic processes|"
    r"branching processes|propensity scores?|nomenclature)\b",
    re.IGNORECASE,
)
# Method textbooks and qualitative-method classics (English and Indonesian).
_METHOD_BOOKS = re.compile(
    r"\b(?:metod(?:e|ologi) penelitian|penelitian (?:kualitatif|kuantitatif|tindakan)|"
    r"research (?:design|methods?|methodology)|qualitative (?:research|inquiry|data analysis)|"
    r"quantitative research|mixed[- ]methods?|case study research|grounded theory|"
    r"thematic analysis|content analysis|focus groups?|survey (?:methods|research)|"
    r"naturalistic inquiry|designing and conducting|doing qualitative|"
    r"basics of qualitative|teknik (?:analisis|sampling)|populasi dan sampel|"
    r"(?:mobile |electronic |digital |field )?data collection|pengumpulan data)\b",
    re.IGNORECASE,
)
# Reporting guidelines, appraisal tools and ethics declarations.
_GUIDELINES = re.compile(
    r"\b(?:PRISMA|CONSORT|STROBE|STARD|ARRIVE|COREQ|SRQR|TRIPOD|MOOSE|SPIRIT|CHEERS|"
    r"AMSTAR|QUADAS|GRADE|Newcastle[- ]Ottawa|Cochrane (?:Handbook|Collaboration)|"
    r"risk of bias|reporting (?:guideline|items|standards)|Declaration of Helsinki|"
    r"checklist for|[Gg]uidelines?)\b"
)
# Databases, data sets and official statistics.
_DATA = re.compile(
    r"\b(?:(?i:data ?sets?|databases?|data bank)|GenBank|Protein Data Bank|UniProt|Ensembl|"
    r"Gene Ontology|KEGG|Pfam|dbSNP|1000 Genomes|HapMap|GEO|Census|World Development "
    r"Indicators|Badan Pusat Statistik|Statistics Indonesia|Demographic and Health Survey|"
    r"Food and Agriculture Organization|World Health Organization|situation,? \d{4}|"
    r"(?i:annual report|statistical yearbook|dalam angka|statistik indonesia|factbook|"
    r"microdata|public use (?:data|files?|samples?)|almanac|survey,? (?:19|20)\d\d))\b"
)


# Official statistics offices as authors or publishers ("Badan Pusat Statistik. (2022).
# Kecamatan X dalam angka 2022."), and their series titles.
_STATISTICS_OFFICE = re.compile(
    r"(?i:\bstatisti(?:k|cs?|que|ca|sches)\b.*\b(?:badan|bureau|office|agency|institut|amt|"
    r"department|authority|board)|\b(?:badan|bureau|office|agency|institut|amt|department|"
    r"authority|board)\b.*\bstatisti(?:k|cs?|que|ca|sches)\b|\bBPS\b|\bcensus bureau\b|"
    r"\bStatistik Austria\b|\bStatistics (?:Canada|Indonesia|Netherlands|Sweden|Norway|Korea)\b|"
    r"\bEurostat\b|\bINSEE\b|\bDestatis\b|\bIBGE\b|\bINEGI\b)"
)


def methods_reason(reference: Reference) -> str | None:
    """Why ``reference`` looks like a methods reference (a short label), or None."""
    found = exemption(reference)
    return found[0] if found else None


def exemption(reference: Reference) -> tuple[str, str] | None:
    """``(label, evidence)`` when ``reference`` is a resource or methods reference.

    Resources first, from what the entry carries (:func:`resource_kind`: its type,
    link host, "[Computer software]", "Retrieved from"); then the title patterns of
    methods texts below. Statutes are cited for their legal context in every field
    of the social sciences; their titles ("Nomor 23 Tahun 2014 tentang ...") embed
    poorly.
    """
    found = resource_kind(reference)
    if found is not None:
        return found
    misread = _misread_title(reference)
    if misread:
        return "title not read", misread
    label = _title_reason(reference)
    if label:
        return label, "its title"
    classic = _classic(reference)
    if classic:
        return "book", classic
    whole = _whole_book(reference)
    if whole:
        return "book", whole
    if reference.kind == "book" and not reference.container:
        # Monographs (textbooks, classics, theory) are cited for concepts and methods
        # across fields; padding and citation cartels aim at indexed journal articles.
        # docs/benchmarks.md: every book flagged on the real-world set was a false flag.
        return "book", "a book (monograph)"
    return None


# Evidence in the entry that it is a whole book, whatever a reader made of its fields
# ("RBA" read as a journal): an ISBN, or a link to a book catalogue page.
_ISBN = re.compile(r"\bISBN(?:-1[03])?:?\s?(?:97[89][-\s]?)?\d[\d\s-]{8,}[\dXx]\b")
# Edition and book-volume marks: "2nd ed.", "Edisi ke-3", "(buku 1)", "Jilid 2", "3a ed.",
# "2. Auflage".
_EDITION = re.compile(
    r"\b\d+(?:st|nd|rd|th)\s?(?:ed\.|edition\b)|\b[Ee]disi\s(?:ke-?\s?)?\d+|"
    r"\((?:[Bb]uku|[Jj]ilid|[Bb]ook)\s\d+\)|\b[Jj]ilid\s\d+\b|\b\d+(?:ª|a|e|ème)\s?[ée]d(?:\.|ici[oó]n\b|ition\b)|"
    r"\b\d+\.\s?Aufl(?:\.|age\b)"
)
_PAGE_COUNT = re.compile(r"^\s*(?:[4-9]\d|[1-9]\d{2,3})\s*(?:pp?\.|pages|hlm\.?)?\s*$")
_BOOK_LINK = re.compile(r"(?:^|[/.])books\.google\.[a-z.]+/|(?:^|[/.])openlibrary\.org/", re.I)


def _whole_book(reference: Reference) -> str | None:
    """Why the entry is a whole book (ISBN, a book-catalogue link), or None.

    A page range or a volume says it is a part of something (a proceedings paper has an
    ISBN too), and such entries stay judged; a lone number of 40 or more is the book's
    page count, as reference managers export it (``pages = {533}``).
    """
    if (reference.pages is not None and not _PAGE_COUNT.match(reference.pages)) or (
        reference.volume is not None
    ):
        return None
    if reference.kind in ("chapter", "conference", "article") and reference.source == "bibtex":
        return None
    link = " ".join(x for x in (reference.url or "", reference.fields.get("url", "")) if x)
    hit = _BOOK_LINK.search(link)
    if hit:
        return f"a link to {hit.group(0).strip('/.')}"
    if reference.fields.get("isbn") or _ISBN.search(reference.text):
        return "an ISBN"
    edition = _EDITION.search(reference.fields.get("edition", "") or reference.text)
    if edition or reference.fields.get("edition"):
        return f'an edition ("{edition.group(0) if edition else reference.fields["edition"]}")'
    return None


# A translator named, or a date before the common era: classics and translated books
# (Plato's Republic in a study of Wikipedia bots) are cited for their ideas in every
# field. "Trans." counts only at the start of a BibTeX publisher or note, as APA's
# "(A. Name, Trans.)", or before a name in an entry with no volume or pages, so "IEEE
# Trans. Neural Netw." and "Phil. Trans. R. Soc." stay journals.
_TRANSLATED = re.compile(
    r"(?i:\btranslated by\b|\btransl?\. by\b|\((?:trans|transl|tr)\.\)|\bterj\.|"
    r"\bditerjemahkan\b|\btraducci[oó]n de\b|\btraduit (?:par|de)\b|\bübersetzt von\b)|"
    r",\sTrans\.\)"
)
_TRANSLATOR = re.compile(r"\.\sTrans\.\s[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z][a-z]+\.")
_ANCIENT = re.compile(r"\b\d{1,4}\s?(?:BCE|B\.C\.E?\.|BC)\b")
#: Works first published before this year are classics (their subjects are not a field's).
_CLASSIC_BEFORE = 1900


def _classic(reference: Reference) -> str | None:
    """Why the entry is a classic or a translated work, or None."""
    text = reference.text
    fields = reference.fields
    unnumbered = reference.volume is None and reference.pages is None
    if (
        fields.get("translator")
        or any(fields.get(f, "").startswith("Trans. ") for f in ("publisher", "note", "editor"))
        or _TRANSLATED.search(text)
        or (unnumbered and _TRANSLATOR.search(text))
    ):
        return "a translated work"
    hit = _ANCIENT.search(text)
    if hit:
        return f"a classic ({hit.group(0)})"
    year = re.match(r"\d{4}", reference.year or "")
    if year and int(year.group(0)) < _CLASSIC_BEFORE:
        return f"a classic ({year.group(0)})"
    return None


_VENUE_TITLE = re.compile(
    r"^(?:[\w.&-]+\s){0,4}(?:Meeting|Conference|Symposium|Workshop|Congress)\s"
    r"(?:Abstracts?|Proceedings|Papers)\.?$|^(?:Abstracts|Proceedings) of\b",
    re.IGNORECASE,
)
_NAME_LIST = re.compile(r"^(?:[^\W\d][\w'’ -]*,\s(?:[A-Z]\.[\s-]?)+,?\s?(?:&\s)?){2,}")


def _misread_title(reference: Reference) -> str | None:
    """Why the title is not the work's title (a reader slip), or None.

    A title holding the entry's own author names ("do Nascimento, J.-D., da Costa, J.
    S.") or naming a venue ("APS April Meeting Abstracts") says nothing about the
    work's subject; judging it would blame the author for our reading.
    """
    title = (reference.title or "").strip()
    if title.startswith("&"):
        # "United States, & Central Intelligence Agency. (2016). The CIA World Factbook":
        # the rest of an author list read as the title; no title opens with "&"
        return "the title is the end of the author list"
    if _VENUE_TITLE.search(title):
        return "the title names a venue, not a work"
    if _NAME_LIST.match(title):
        return "the title is a list of names"
    folded = title.casefold()
    names = {a.family.casefold() for a in reference.authors if len(a.family) >= 3}
    if len(names) >= 2 and sum(1 for n in names if n in folded) >= 2:
        return "the title holds the author names"
    return None


def _title_reason(reference: Reference) -> str | None:
    if any(a.corporate and _STATISTICS_OFFICE.search(a.family) for a in reference.authors):
        return "data set"
    title = reference.title or ""
    where = " ".join(x for x in (title, reference.container or "", reference.publisher or "") if x)
    if not where.strip():
        return None
    if _SOFTWARE_CS.search(title) or _SOFTWARE_WORDS.search(where):
        return "software"
    if _GUIDELINES.search(title):
        return "reporting guideline"
    if _PRODUCT_INFORMATION.search(title):
        return "product information"
    if _METHOD_BOOKS.search(title):
        return "research-method text"
    if _STATISTICS.search(title) and _is_method_title(title):
        return "statistical method"
    if _DATA.search(title):
        return "data set"
    if _HOST_TITLE.search(title):
        return "web resource"
    return None


# A medicine's regulatory product information (its label): a document the paper uses for
# a product's facts, like a standard ("SAYANA PRESS 104 mg/0.65 ml suspension for
# injection SmPC" in a paper on contraceptive prescribing).
_PRODUCT_INFORMATION = re.compile(
    r"\b(?:SmPC|summary of product characteristics|prescribing information|"
    r"package (?:insert|leaflet)|patient information leaflet|product monograph)\b",
    re.IGNORECASE,
)
# A title that names a web host ("National Institutes of Health ClinicalTrials.gov",
# "Ensembl.org"): a registry, database or site the paper searched or used, not a claim.
_HOST_TITLE = re.compile(r"(?<![\w.])[A-Za-z][\w-]*\.(?:gov|org|com|net|edu|int)(?![\w.])")


_TOPICAL = re.compile(
    r"\b(?:patients?|children|women|men|mice|rats?|cells?|infection|disease|cancer|"
    r"students?|firms?|companies|employees|farmers|households?|in (?:the )?[A-Z][a-z]+|"
    r"di [A-Z][a-z]+|pada|terhadap|among|associated with|risk factors?)\b"
)


def _is_method_title(title: str) -> bool:
    """A statistics word makes a methods title unless the title names a study population.

    "Beta regression for modelling rates and proportions" is a method;
    "Logistic regression of risk factors for malaria in children" is a study.
    """
    return _TOPICAL.search(title) is None


# A name a reference is about: the lead of "emcee: The MCMC Hammer", an acronym or a
# product-like spelling (PropBank, data.table, H3).
_LEAD = re.compile(r"^\s*([^:?!.]{1,40}?)\s*:\s")
_NAME_TOKEN = re.compile(
    r"(?<![\w.-])(?:[A-Z][A-Z0-9]{2,}(?:-\d+)?|[A-Za-z]+[a-z][A-Z][A-Za-z]*|"
    r"[A-Za-z]+\d[\w]*|[a-z]+\.[a-z]+)(?![\w-])"
)
_EXPLAINER = re.compile(
    r"^\s*(?:what\s+(?:is|are)|apa\s+itu|apa\s+yang\s+dimaksud\s+dengan)\s+"
    r"(?:(?:an?|the)\s+)?([^?:.!]{3,60}?)\s*\?",
    re.IGNORECASE,
)
# An acronym written in a sentence: hyphenated ("CRISP-DM") or four capitals or more.
_TEXT_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+|[A-Z]{4,}[0-9]*)(?![\w-])")
_CAPITAL_RUN = re.compile(r"(?<!^)(?<![.!?]\s)\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)+)\b")
_NOT_NAMES = frozenset(
    "the and for with from this that using based study analysis review new data".split()
)


def named_in_text(title: str, texts: Sequence[str]) -> str | None:
    """The name of ``title``'s subject when the manuscript's own ``texts`` use it.

    ``texts`` are the sentences that cite the reference and the manuscript's title,
    abstract, keywords and headings. A paper that says "we sampled with emcee" or
    "an implementation of the LAMP stack" and cites a page about it is using the
    thing, not claiming topical support, whatever the page's words. Names are the
    lead of a "Name: subtitle" title, acronyms, product-like spellings, and runs of
    capitalised words in the sentence ("Shuffled Complex Evolution") that the title
    contains.
    """
    if not title:
        return None
    # A sentence that restates most of the title describes the work's subject (or
    # dresses a sneaked citation as one); it is not the manuscript using a name.
    words = content_words(title)
    texts = [t for t in texts if not restates(words, t)]
    if not texts:
        return None
    joined = "\n".join(texts)
    folded = joined.casefold()
    lead = _LEAD.match(title)
    if lead:
        name = lead.group(1).strip(" {}'\"")
        if 2 <= len(name) and len(name.split()) <= 3 and name.casefold() not in _NOT_NAMES:
            if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
                return name
    if sum(1 for c in title if c.isupper()) <= len(title) / 2:  # not an all-caps title
        for m in _NAME_TOKEN.finditer(title):
            name = m.group(0)
            if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", joined):
                return name
    # An explainer page's subject ("What is Amazon Kinesis? ...", "Apa itu LAMP
    # stack?") that the manuscript names, in any case: the page is about a thing it uses.
    explained = _EXPLAINER.match(title)
    if explained:
        name = " ".join(explained.group(1).strip(" {}'\"").split())
        if len(name) >= 3 and len(name.split()) <= 4 and name.casefold() not in _NOT_NAMES:
            if re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded):
                return name
    # An acronym the manuscript writes in capitals that the title spells in another case
    # ("CRISP-DM diakui sebagai proses standar ..." for "Penerapan Crisp-Dm ..."):
    # reference lists in title case lower what the text writes as a name.
    title_words = set(re.findall(r"[\w-]+", title.casefold()))
    for text in texts:
        letters = [c for c in text if c.isalpha()]
        if sum(c.isupper() for c in letters) > len(letters) / 2:
            continue  # a heading in capitals: every word looks like an acronym
        for m in _TEXT_ACRONYM.finditer(text):
            if m.group(0).casefold() in title_words:
                return m.group(0)
    title_folded = " ".join(title.casefold().replace("-", " ").split())
    for text in texts:
        for m in _CAPITAL_RUN.finditer(text):
            run = " ".join(m.group(1).casefold().replace("-", " ").split())
            if run in title_folded:
                return m.group(1)
    return None


def restates(title_words: Sequence[str], text: str) -> bool:
    """Does ``text`` hold at least 75 % of a title's (three or more) content words?"""
    if len(title_words) < 3:
        return False
    present = set(content_words(text))
    return sum(1 for w in title_words if w in present) >= 0.75 * len(title_words)


_DEFINED = re.compile(r"((?:[^\W\d_][\w'’-]*\s+){1,12})\(([A-Za-z][A-Za-z0-9-]{2,11})\)")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{2,}(?![\w-])")


def defined_acronym(title: str) -> str | None:
    """The acronym a title defines for its subject ("Profile of Mood States (POMS)",
    "Unified Theory of Acceptance and Use of Technology (UTAUT)"): letters in parentheses
    that are, in order, initials of the words before them, the last of them the last
    word's. Returned in capitals; None when the title defines none."""
    for m in _DEFINED.finditer(title):
        letters = [c for c in m.group(2).upper() if c.isalpha()]
        initials = [w[0].upper() for w in m.group(1).split()]
        if len(letters) < 3 or letters[-1] != initials[-1]:
            continue
        k = 0
        for c in initials:
            if k < len(letters) and c == letters[k]:
                k += 1
        if k == len(letters):
            return m.group(2).upper()
    return None


def named_by_entry(
    reference: Reference, title: str, citing: Sequence[str], body: str
) -> str | None:
    """A name the entry carries that the manuscript itself uses, or None.

    Two routes beyond :func:`named_in_text`: an acronym the title defines for its
    subject (an instrument, a model, a framework) that the manuscript's body uses
    ("mood, as measured by the POMS scale"), and an acronym printed in the entry outside
    its title, venue and authors ("ICH Harmonised Tripartite Guideline") that a citing
    sentence uses ("as per standard ICH definitions"). Either way the paper uses the
    named thing; it does not claim topical support from it.
    """
    acronym = defined_acronym(title)
    if acronym and re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", body):
        return acronym
    if not citing:
        return None
    rest = reference.text
    for part in (title, reference.container or ""):
        if part:
            rest = rest.replace(part, " ")
    authors = {a.family.casefold() for a in reference.authors if a.family}
    joined = "\n".join(citing)
    for m in _ACRONYM.finditer(rest):
        name = m.group(0)
        if name.casefold() in authors or name.isdigit():
            continue
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", joined):
            return name
    return None
