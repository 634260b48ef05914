"""unverified-reference (CC210): no registry record could be found for the reference.

Why it matters
--------------
A reference that no registry search can confirm may carry a wrong title, wrong
authors or a wrong year, or may not exist at all: invented references have
appeared in submitted manuscripts. This finding is NOT proof of fabrication: many
real works have no DOI (books, theses, laws, reports, web pages, and journals not
registered with Crossref). It is a warning for journal articles, which mostly do
have DOIs, and information for everything else. The rule fires only when the
search ran and none of its hits is even plausible (validator score below
``unverified-reference.plausible``, a title less similar than
``unverified-reference.plausible-title`` (0.7) — authors, year and journal that
agree do not make another title the cited work: an invented title under real
authors finds their other papers — or a hard contradiction: another year, a
preprint, a journal issue); the best rejected hit and why it failed are in the
evidence. A reference that gives only a title (no year, and no author, or an
"author" that is a word of the record's title, as when "DanQ: a hybrid ..." is read
with DanQ as a name) cannot reach that score however exact its title, so a hit
whose title matches it at least ``unverified-reference.title-only`` (0.95) over at
least ``unverified-reference.title-only-words`` (6) words is plausible: reading lists
cite works by title alone, and a short title names too many works to count. A computer-science reference (a conference, LNCS, an ACM or IEEE venue,
CoRR or arXiv cs.*) is searched in DBLP first, and in Crossref only when DBLP has no
matching record; a plausible DBLP hit also silences the rule.
When an OpenAlex API key is configured, OpenAlex is searched next
(it indexes many journals Crossref does not) and a plausible OpenAlex hit
silences the rule; the message names every registry that answered, and the
evidence (``asked``) lists each registry asked and its answer, including those
that could not be reached or were not asked.

Example
-------
Bad (Crossref's best hit is "Reference to the Non-Existent", Philosophy, 1971)::

    Foo, A., & Bar, B. (2003). A non-existent article that should remain a plain
    text reference. Journal of Imaginary Results, 12(3), 45-67.

Good: a reference whose title, authors and year the registry confirms, or a
suppression comment when the work is known to be absent from registries.

Configuration
-------------
Thresholds ``unverified-reference.plausible``,
``unverified-reference.plausible-title``, ``unverified-reference.title-only`` and
``unverified-reference.title-only-words`` (chosen on the dev split of the
real-string registry benchmark, docs/benchmarks.md). Kinds other than journal articles
(decided from the reference) are reported at info level.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from citecheck.model.document import Reference
from citecheck.model.findings import Finding, Severity
from citecheck.references import parse_reference
from citecheck.references.kinds import classify
from citecheck.registry.matching.candidates import judge
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.registry.verdict import NAMES
from citecheck.registry.verdict import verdict as registry_verdict
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import resolved, search_hits, search_verdict, shorten

_NAMES = {
    "article": "journal article",
    "book": "book",
    "chapter": "book chapter",
    "thesis": "thesis",
    "report": "report",
    "conference": "conference paper",
    "web": "web page",
    "law": "law or regulation",
    "dataset": "dataset",
    "software": "software",
    "preprint": "preprint",
    "other": "reference",
}


def kind_of(ref: Reference) -> str:
    """The reference's kind: as loaded, else as the reference parser reads the string,
    else decided from the fields the loader gave."""
    if ref.kind is not None:
        return ref.kind
    parsed = parse_reference(ref.text).kind
    if parsed is not None and parsed != "other":
        return parsed
    return classify(
        ref.text,
        container=ref.container,
        volume=ref.volume,
        pages=ref.pages,
        publisher=ref.publisher,
        url=ref.url,
        chapter=False,
    )


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A finding for each searched reference that no hit plausibly matches."""
    t = Thresholds.from_settings(ctx.settings)
    for _, ref, res in resolved(ctx):
        if res.doi is not None:
            continue  # a DOI was looked up: doi-not-found / doi-mismatch speak for it
        verdict = search_verdict(ref, res, t)
        if verdict is None or verdict.plausible:
            continue
        fallback = search_hits(res, fallback=True)
        if fallback and judge(ref, [h.record for h in fallback], t).plausible:
            continue  # OpenAlex knows the work (journals Crossref does not index)
        dblp = res.dblp if isinstance(res.dblp, tuple) else ()
        if dblp and judge(ref, [h.record for h in dblp], t).plausible:
            continue  # DBLP knows the work (proceedings Crossref does not index)
        overall = registry_verdict(ref, res, t)
        kind = kind_of(ref)
        hits = search_hits(res) or ()
        evidence: dict[str, Any] = {
            "source": "crossref",
            "searched": shorten(ref.text, 300),
            "hits": len(hits),
            "kind": kind,
            "thresholds": {"plausible": t.plausible, "accept": t.accept},
            "asked": [a.to_json() for a in overall.asked],
        }
        detail = "the search returned nothing"
        best = verdict.best
        if best is not None:
            reasons = list(best.reasons(t)) or [f"score {best.score:.2f} < {t.plausible}"]
            evidence["best_candidate"] = {
                "doi": best.record.doi,
                "url": best.record.url,
                "title": best.record.full_title,
                "score": round(best.score, 3),
                "rejected_because": reasons,
                "signals": best.signals,
            }
            if best.title_score >= t.candidate_title and best.conflicts:
                # The same title under another year or type: worth naming. A record
                # with another title is unrelated and would only mislead (it stays
                # in the evidence).
                detail = (
                    f"the record with this title, {best.record.doi}, disagrees: {best.conflicts[0]}"
                )
            else:
                detail = "none has its title, authors and year"
        severity = Severity.WARNING if kind == "article" else Severity.INFO
        answered = [NAMES.get(r, r) for r in overall.answered] or ["Crossref"]
        where = " or ".join(answered)
        if len(answered) > 1:
            where += f" ({len(answered)} registries asked; Crossref: "
        else:
            where += " ("
        message = (
            f"This {_NAMES.get(kind, 'reference')} could not be verified in {where}"
            f"{len(hits)} search hits; {detail}). Check its details; many real works "
            "have no registry record"
        )
        yield RULE.finding(
            message=message,
            location=ref.location,
            reference=ref,
            evidence=evidence,
            severity=severity,
            confidence=None if best is None else round(1.0 - best.score, 3),
        )


RULE = Rule(
    code="CC210",
    name="unverified-reference",
    severity=Severity.WARNING,
    summary="no registry record could be found for the reference",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
