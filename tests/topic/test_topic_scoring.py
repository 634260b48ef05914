"""Scoring, abstention and the off-topic rule, on the model-free TF-IDF backend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from citecheck.model.document import Citation, Document, Location, Metadata, Reference
from citecheck.model.links import Link, Links
from citecheck.model.prepared import Prepared
from citecheck.model.settings import Settings
from citecheck.rules.base import RuleContext
from citecheck.rules.topic import RULES
from citecheck.rules.topic.off_topic import RULE
from citecheck.topic.backends import TfidfBackend, Vectors
from citecheck.topic.profile import build_inputs, manuscript_passages, named_term, placeholder
from citecheck.topic.scoring import Calibration, score_inputs
from citecheck.topic.stage import score_all

GOVERNANCE = [
    "Collaborative governance in theory and practice",
    "Smart city governance: a collaborative approach for local government",
    "Collaborative governance regimes and smart city innovation",
    "Local government collaboration in smart city programmes",
    "E-government and collaborative governance in Indonesian cities",
    "Smart city initiatives and public governance: a review",
    "Network governance of smart city projects in local government",
    "Citizen participation in collaborative smart city governance",
    "Governance of digital innovation in city government",
    "Public sector collaboration and smart governance outcomes",
    "Collaborative governance and public value in smart cities",
]
OFF = "Thermal denaturation kinetics of lysozyme protein folding intermediates"
METHODS = "R: A language and environment for statistical computing"
CAL = Calibration(
    threshold=-2.0,
    centre={"references": 0.3, "neighbours": 0.35, "manuscript": 0.2, "citing": 0.2},
    scale={"references": 0.1, "neighbours": 0.1, "manuscript": 0.1, "citing": 0.1},
    weights={"neighbours": 1.0, "references": 0.3, "manuscript": 0.5, "citing": 0.0},
)


def _doc(
    titles: Sequence[str], *, title: str = "Collaborative governance of smart cities"
) -> tuple[Document, Links]:
    loc = Location(path="m.md")
    refs = tuple(
        Reference(text=t, title=t, location=Location(path="m.md", line=50 + i))
        for i, t in enumerate(titles)
    )
    cits = tuple(
        Citation(
            text=f"[{i + 1}]",
            number=i + 1,
            location=loc,
            sentence=f"Smart city governance needs collaboration [{i + 1}].",
        )
        for i in range(len(titles))
    )
    links = Links(tuple(Link(citation=i, status="exact", reference=i) for i in range(len(titles))))
    meta = Metadata(
        title=title,
        abstracts=(
            "We study collaborative governance in smart city programmes of local governments.",
        ),
        keywords=("smart city", "collaborative governance"),
    )
    return Document(
        path="m.md", format="markdown", citations=cits, references=refs, metadata=meta
    ), links


def test_distant_reference_is_flagged_and_methods_reference_is_not() -> None:
    doc, links = _doc([*GOVERNANCE, OFF, METHODS])
    topic = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL)
    assert topic.abstained is None
    off = topic.scores[len(GOVERNANCE)]
    assert off.flagged and off.score < CAL.threshold
    assert min(s.score for i, s in topic.scores.items() if i < len(GOVERNANCE)) > off.score
    assert not any(topic.scores[i].flagged for i in range(len(GOVERNANCE)))
    methods = topic.scores[len(GOVERNANCE) + 1]
    assert methods.methods == "software" and not methods.flagged and methods.exempt


def test_abstains_with_too_few_references() -> None:
    doc, links = _doc([*GOVERNANCE[:5], OFF])
    topic = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL)
    assert topic.abstained and "too few" in topic.abstained and not topic.scores


class _EnglishOnly:
    """A fake cross-lingual backend that covers English only."""

    name = "fake"
    languages = frozenset({"en"})
    cross_lingual = True

    def encode(self, texts: Sequence[str]) -> Vectors:
        return TfidfBackend().encode(texts)


def test_abstains_when_backend_cannot_read_the_references() -> None:
    vi = [f"Quản trị hợp tác trong phát triển đô thị thông minh số {i}" for i in range(10)]
    doc, links = _doc(vi)
    topic = score_inputs(build_inputs(doc, links), _EnglishOnly(), CAL)
    assert topic.abstained and "language" in topic.abstained


def test_stage_and_rule_report_the_flag_with_evidence() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    item = Prepared(document=doc, links=links)
    settings = Settings(topic_backend="tfidf", thresholds={"off-topic": -1.5})
    outcome = score_all([item], settings)
    assert not outcome.skipped
    ctx = RuleContext(document=doc, links=links, settings=settings, topic=outcome.topics[0])
    findings = list(RULE.check(ctx))
    assert RULE in RULES and RULE.needs == frozenset({"topic"})
    assert [f.reference["title"] for f in findings if f.reference] == [OFF]
    ev = findings[0].evidence
    assert ev["backend"] == "tfidf" and ev["threshold"] == -1.5 and ev["score"] < -1.5
    assert ev["most_similar"] and ev["least_similar"] and ev["citing_sentences"]
    assert findings[0].location == doc.references[len(GOVERNANCE)].location


def test_stage_records_abstention_as_skipped_check() -> None:
    doc, links = _doc(GOVERNANCE[:3])
    item = Prepared(document=doc, links=links)
    outcome = score_all([item], Settings(topic_backend="tfidf"))
    assert [s.check for s in outcome.skipped] == ["off-topic"]
    assert outcome.skipped[0].path == "m.md"
    ctx = RuleContext(document=doc, links=links, settings=Settings(), topic=outcome.topics[0])
    assert list(RULE.check(ctx)) == []


def test_neighbours_protect_a_group_of_cross_field_references() -> None:
    physics = [
        "Thermodynamic length and dissipated availability in heat engines",
        "Maxwell demon and the thermodynamics of information processing",
        "Entropy production and thermodynamic length in heat engine cycles",
    ]
    doc, links = _doc([*GOVERNANCE, *physics, OFF])
    topic = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL)
    lone = topic.scores[len(GOVERNANCE) + 3].cosines["neighbours"]
    grouped = [topic.scores[len(GOVERNANCE) + k].cosines["neighbours"] for k in range(3)]
    assert min(grouped) > lone
    assert np.isfinite(lone)


def test_only_cited_references_are_judged() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    other = "Tax compliance of small firms under a new value-added tax regime"
    uncited = Reference(text=other, title=other, location=Location(path="refs.bib", line=900))
    doc = doc.model_copy(update={"references": (*doc.references, uncited)})
    inputs = build_inputs(doc, links)
    assert inputs.uncited == 1 and [r.index for r in inputs.context] == [len(GOVERNANCE) + 1]
    topic = score_inputs(inputs, TfidfBackend(), CAL)
    assert len(GOVERNANCE) + 1 not in topic.scores  # an uncited .bib entry is never judged
    assert topic.scores[len(GOVERNANCE)].flagged


def test_message_names_topics_in_words_without_scores() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    item = Prepared(document=doc, links=links)
    settings = Settings(topic_backend="tfidf", thresholds={"off-topic": -1.5})
    topic = score_all([item], settings).topics[0]
    ctx = RuleContext(document=doc, links=links, settings=settings, topic=topic)
    (finding,) = list(RULE.check(ctx))
    msg = finding.message
    assert "lysozyme" in msg and "smart city" in msg and "governance" in msg
    assert "score" not in msg and "-1.5" not in msg and "tfidf" not in msg
    assert finding.evidence["manuscript_terms"] and finding.evidence["reference_terms"]


def test_a_whole_list_far_from_the_manuscript_is_one_finding() -> None:
    # a template's sample list: scattered subjects, none of them the manuscript's
    scattered = [
        "Thermal denaturation kinetics of lysozyme folding intermediates",
        "High-speed digital-to-RF converter for wireless transmitters",
        "Performance of transmission control with rate feedback on satellite links",
        "Laser assisted microtechnology for optical waveguides",
        "The analysis of directional time series with applications to wind",
        "Photonic crystal fibres for dispersion compensation",
        "Ultrafast silicon photodetectors in standard CMOS processes",
        "Sediment transport in braided rivers of alpine valleys",
        "Medieval manuscripts and the economics of parchment",
    ]
    doc, links = _doc(scattered)
    item = Prepared(document=doc, links=links)
    settings = Settings(topic_backend="tfidf")
    topic = score_all([item], settings).topics[0]
    assert topic.list_far is not None and topic.list_far.judged == len(scattered)
    ctx = RuleContext(document=doc, links=links, settings=settings, topic=topic)
    findings = list(RULE.check(ctx))
    whole = [f for f in findings if f.reference is None]
    assert len(whole) == 1 and "reference list as a whole" in whole[0].message
    own = score_all([Prepared(*_doc(GOVERNANCE))], settings).topics[0]
    assert own.list_far is None


def test_an_uncited_database_entry_is_never_reported() -> None:
    """citeproc prints only cited .bib entries: even when a score exists for one, the
    rule does not report a text the manuscript does not contain."""
    doc, links = _doc([*GOVERNANCE, OFF])
    off = doc.references[-1].model_copy(update={"source": "bibtex"})
    doc = doc.model_copy(
        update={"references": (*doc.references[:-1], off), "cited_only_database": True}
    )
    settings = Settings(topic_backend="tfidf", thresholds={"off-topic": -1.5})
    topic = score_all([Prepared(document=doc, links=links)], settings).topics[0]
    cited = Links(tuple(ln for ln in links.links if ln.reference != len(GOVERNANCE)))
    judged = RuleContext(document=doc, links=links, settings=settings, topic=topic)
    unprinted = RuleContext(document=doc, links=cited, settings=settings, topic=topic)
    assert len(list(RULE.check(judged))) == 1
    assert list(RULE.check(unprinted)) == []


def _citing(doc: Document, index: int, sentence: str) -> Document:
    cits = list(doc.citations)
    cits[index] = cits[index].model_copy(update={"sentence": sentence})
    return doc.model_copy(update={"citations": tuple(cits)})


def test_a_sentence_about_the_work_in_own_words_explains_the_citation() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    n = len(GOVERNANCE)
    own_words = "The kinetics of lysozyme denaturation when heated were measured [12]."
    topic = score_inputs(build_inputs(_citing(doc, n, own_words), links), TfidfBackend(), CAL)
    assert not topic.scores[n].flagged
    assert "own words" in (topic.scores[n].exempt or "")
    assert topic.scores[n].cosines["citing"] >= 0.25


def test_a_sentence_restating_the_title_explains_nothing() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    n = len(GOVERNANCE)
    dressed = f"As shown, {OFF.lower()} matter for smart cities [12]."
    topic = score_inputs(build_inputs(_citing(doc, n, dressed), links), TfidfBackend(), CAL)
    assert topic.scores[n].flagged and "citing" not in topic.scores[n].cosines


def test_a_reference_on_the_manuscripts_own_subject_is_not_flagged() -> None:
    # far from the other references but on the manuscript's own subject (a football
    # popularity page in a thesis on football); the manuscript signal is left out of
    # the mean here so that only the gate can spare it
    football = "Football hooliganism and supporter violence in stadiums"
    title = "Football hooliganism and supporter violence in smart cities"
    doc, links = _doc([*GOVERNANCE, football], title=title)
    n = len(GOVERNANCE)
    cal = replace(CAL, weights={**CAL.weights, "manuscript": 0.0})
    score = score_inputs(build_inputs(doc, links), TfidfBackend(), cal).scores[n]
    assert score.score < cal.threshold and score.z["within_document"] < -1.5
    assert not score.flagged
    assert score.z["manuscript"] >= -1.0 and "close to the manuscript" in (score.exempt or "")


def test_a_sentence_using_the_titles_subject_words_explains_the_citation() -> None:
    elections = "How not to predict elections"
    doc, links = _doc([*GOVERNANCE, elections])
    n = len(GOVERNANCE)
    sentence = "One may ask whether posts in city forums predict elections of mayors [12]."
    plain = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL).scores[n]
    topic = score_inputs(build_inputs(_citing(doc, n, sentence), links), TfidfBackend(), CAL)
    assert plain.flagged and not topic.scores[n].flagged
    assert "predict, elections" in (topic.scores[n].exempt or "")


def test_a_reference_list_read_from_a_pdf_is_not_judged() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    pdf = doc.model_copy(update={"format": "pdf", "path": "m.pdf"})
    settings = Settings(topic_backend="tfidf", thresholds={"off-topic": -1.5})
    outcome = score_all([Prepared(document=pdf, links=links)], settings)
    assert [(s.check, s.path) for s in outcome.skipped] == [("off-topic", "m.pdf")]
    assert "PDF" in outcome.skipped[0].reason
    ctx = RuleContext(document=pdf, links=links, settings=settings, topic=outcome.topics[0])
    assert list(RULE.check(ctx)) == []


def test_within_document_spread_falls_back_to_all_scored_references() -> None:
    from citecheck.topic.scoring import _relative

    combined = np.array([-0.2, 0.1, 0.0, -0.1, 0.3, 0.2, -0.3, 0.1, -3.0], dtype=np.float32)
    few = np.zeros(len(combined), dtype=bool)
    few[[0, 1, 8]] = True  # a statistics article: most of its list is exempt
    relative = _relative(combined, few)
    assert relative[8] < -1.5 and abs(relative[1]) < 1.5
    tiny = np.array([0.1, -0.1, 0.0, -3.0], dtype=np.float32)
    assert np.isinf(_relative(tiny, np.ones(4, dtype=bool))).all()


def test_without_a_readable_subject_nothing_is_judged() -> None:
    """No title, abstract or keywords (and too few topical headings): the check abstains
    instead of comparing references only with each other."""
    doc, links = _doc([*GOVERNANCE, OFF])
    bare = doc.model_copy(update={"metadata": Metadata(headings=("Introduction", "Results"))})
    topic = score_inputs(build_inputs(bare, links), TfidfBackend(), CAL)
    assert topic.abstained and "subject could not be read" in topic.abstained
    assert not topic.scores


def test_topical_headings_stand_in_for_a_missing_title() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    heads = (
        "Introduction",
        "Smart city programmes",
        "Collaborative governance",
        "Local government",
    )
    essay = doc.model_copy(update={"metadata": Metadata(headings=heads)})
    topic = score_inputs(build_inputs(essay, links), TfidfBackend(), CAL)
    assert topic.abstained is None and topic.scores[len(GOVERNANCE)].flagged


def test_a_section_heading_read_as_the_title_is_no_title() -> None:
    doc, links = _doc([*GOVERNANCE, OFF])
    for junk in ("Introduction {-}", "1 Abstrakt", "BAB III"):
        meta = Metadata(title=junk)
        topic = score_inputs(
            build_inputs(doc.model_copy(update={"metadata": meta}), links), TfidfBackend(), CAL
        )
        assert topic.abstained and "subject could not be read" in topic.abstained


def _with_body(doc: Document, body: str, headings: tuple[str, ...]) -> Document:
    meta = doc.metadata.model_copy(update={"headings": headings})
    return doc.model_copy(update={"text": body, "metadata": meta})


def _kinetics_case(body: str, headings: tuple[str, ...]) -> tuple[bool, str | None, float]:
    # three titles of the list share "kinetics" with the far reference; the manuscript
    # signal is calibrated low so that only the body-use gate can spare it
    gov = [*GOVERNANCE[:8], *(t + ": the kinetics of change" for t in GOVERNANCE[8:])]
    doc, links = _doc([*gov, OFF])
    cal = replace(CAL, centre={**CAL.centre, "manuscript": 0.4})
    inputs = build_inputs(_with_body(doc, body, headings), links)
    s = score_inputs(inputs, TfidfBackend(), cal).scores[len(gov)]
    return s.flagged, s.exempt, s.z["manuscript"]


def test_a_reference_whose_subject_the_manuscript_writes_about_is_not_flagged() -> None:
    often = "Smart city sensors. " + "Policy kinetics shape city programmes. " * 20
    flagged, exempt, manuscript = _kinetics_case(often, ("Kinetics of governance",))
    assert not flagged and manuscript < -1.0  # not the manuscript gate
    assert '"kinetics" 20 times' in (exempt or "") and "3 other cited titles" in (exempt or "")


@pytest.mark.parametrize(
    ("times", "headings"),
    [
        (19, ("Kinetics of governance",)),  # not used often enough
        (20, ("Water quality sensing",)),  # not one of the manuscript's own subject words
    ],
)
def test_a_word_the_body_uses_is_not_enough_on_its_own(
    times: int, headings: tuple[str, ...]
) -> None:
    body = "Smart city sensors. " + "Policy kinetics shape city programmes. " * times
    flagged, _, _ = _kinetics_case(body, headings)
    assert flagged


def test_subject_words_split_hyphens_for_the_body_count() -> None:
    from citecheck.topic.terms import subject_words, word_counts

    assert subject_words("Implementation of the arrowhead framework with the beia-iot tool") == [
        "implementation",
        "arrowhead",
        "framework",
        "beia-iot",
        "beia",
        "iot",
        "tool",
    ]
    assert word_counts("IoT systems; an IoT-based monitor")["iot"] == 2


def test_nocite_star_makes_every_file_entry_scored_but_an_uncited_one_is_not_flagged() -> None:
    # a template's sample entry printed by \nocite{*}: it is in the manuscript's printed
    # list, so it is scored, but no sentence cites it: the text makes no claim of it
    doc, _ = _doc([*GOVERNANCE, OFF])
    refs = tuple(r.model_copy(update={"source": "bibtex"}) for r in doc.references)
    doc = doc.model_copy(update={"references": refs, "cited_only_database": True})
    none = Links(())
    assert build_inputs(doc, none).references == ()  # which entries are printed: unknown
    star = doc.model_copy(update={"allow_uncited": True})
    inputs = build_inputs(star, none)
    assert len(inputs.references) == len(refs) and inputs.uncited == 0
    topic = score_inputs(inputs, TfidfBackend(), CAL)
    off = topic.scores[len(GOVERNANCE)]
    assert off.score < CAL.threshold and not off.flagged
    assert off.exempt and "no sentence citing it" in off.exempt
    assert any("no sentence citing a reference was read" in n for n in topic.notes)


def test_a_sentence_using_a_phrase_of_the_title_explains_the_citation() -> None:
    # a review citing one application among several it lists: the sentence names what
    # the work is cited for by a two-word phrase of its title, not by half its words
    doc, links = _doc([*GOVERNANCE, OFF])
    n = len(GOVERNANCE)
    sentence = "Uses range from budgeting to protein folding intermediates and transport [12]."
    scattered = "This is consistent with earlier reports on city budgets [12]."
    topic = score_inputs(build_inputs(_citing(doc, n, sentence), links), TfidfBackend(), CAL)
    assert not topic.scores[n].flagged
    assert "protein folding" in (topic.scores[n].exempt or "")
    other = score_inputs(build_inputs(_citing(doc, n, scattered), links), TfidfBackend(), CAL)
    assert other.scores[n].flagged


def test_a_title_without_subject_words_is_not_judged() -> None:
    doc, links = _doc([*GOVERNANCE, "What it is and what it was about"])
    score = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL).scores[len(GOVERNANCE)]
    assert not score.flagged and "names no subject" in (score.exempt or "")


def test_a_placeholder_title_and_its_front_matter_are_not_the_subject() -> None:
    # a thesis template never filled in: its title and abstract are instructions
    doc, _ = _doc(GOVERNANCE)
    meta = Metadata(
        title="BAGIAN INI ADALAH BAGIAN JUDUL - TULIS JUDUL",
        abstracts=("Bagian sari adalah bagian laporan yang berisi ide pokok laporan.",),
        headings=("Tata Kelola Kolaboratif", "Subbab", "BAB III TULISKAN JUDUL BAB DI BARIS INI"),
    )
    passages = manuscript_passages(doc.model_copy(update={"metadata": meta}))
    assert [(p.kind, p.text) for p in passages] == [("heading", "Tata Kelola Kolaboratif")]
    assert placeholder("Insert your title here") and not placeholder("Writing your thesis")


def test_sources_secondary_and_pinpoint_citations_are_uses_and_a_silent_one_is_not_judged() -> None:
    for sentence, why in (
        ("Smart city governance needs collaboration. Sumber: [{n}]", "source"),
        ("Empathy has four dimensions, Davis dkk (dalam Novak, 2019) [{n}].", "secondary"),
        ("Smart city governance needs collaboration [{n}, p. 45].", "pinpoint"),
        ("", "no sentence"),
    ):
        doc, links = _doc([*GOVERNANCE, OFF])
        k = len(GOVERNANCE)
        cits = list(doc.citations)
        cits[k] = cits[k].model_copy(update={"sentence": sentence.format(n=k + 1) or None})
        doc = doc.model_copy(update={"citations": tuple(cits)})
        off = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL).scores[k]
        assert not off.flagged and off.exempt and why in off.exempt, (sentence, off.exempt)


def test_a_citation_right_after_a_named_thing_credits_it() -> None:
    assert named_term("los modelos *transformer* [@v17] y su uso.", "[@v17]") == "transformer"
    assert named_term("pre-trained models such as BERT [5] and RoBERTa [6].", "[5]") == "BERT"
    assert named_term("as \\emph{random forests} \\cite{b} do", "\\cite{b}") == "random forests"
    # a citation closing its sentence names nothing (where a sneaked one is put)
    assert named_term("pre-trained models such as BERT [5] and RoBERTa [6].", "[6]") is None
    assert named_term("Governance needs collaboration [3] [12].", "[12]") is None
    assert named_term("Previous studies (Novak, 2019) have shown it.", "(Novak, 2019)") is None
    doc, links = _doc([*GOVERNANCE, OFF])
    k = len(GOVERNANCE)
    cits = list(doc.citations)
    cits[k] = cits[k].model_copy(
        update={"text": "[12]", "sentence": "Cities run the *Kalman filter* [12] on traffic."}
    )
    doc = doc.model_copy(update={"citations": tuple(cits)})
    off = score_inputs(build_inputs(doc, links), TfidfBackend(), CAL).scores[k]
    assert (
        not off.flagged and off.exempt == 'cited for a thing its sentence names ("Kalman filter")'
    )
