"""arXiv, PubMed and OpenAlex: parsing real recorded answers, routing by identifier, and
the registry stage end to end over an injected transport (no network)."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from citecheck.model.document import Reference
from citecheck.model.links import Links
from citecheck.model.resolution import Found, NotFound
from citecheck.model.settings import Settings
from citecheck.registry.arxiv import parse_feed
from citecheck.registry.http import Policy
from citecheck.registry.openalex import work_record
from citecheck.registry.pubmed import summary_record
from citecheck.registry.resolve import plan_reference, resolve_all
from citecheck.rules.base import RuleContext
from citecheck.rules.records import doi_mismatch, doi_not_found, preprint_published

from .conftest import document, reference

RECORDED = Path(__file__).parent.parent / "fixtures" / "registries"
ARXIV = "https://export.arxiv.org/api"
EUTILS = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"


def _bytes(name: str) -> bytes:
    return (RECORDED / name).read_bytes()


def _json(name: str) -> dict[str, object]:
    data = json.loads(_bytes(name))
    assert isinstance(data, dict)
    return data


# -- parsing recorded answers -----------------------------------------------------------


def test_arxiv_empty_entries_are_not_records() -> None:
    records = parse_feed(_bytes("arxiv/id_list_2201.13452-13455.xml"))
    assert records is not None and set(records) == {"2201.13452"}
    rec = records["2201.13452"]
    assert rec["title"] == [
        "Asymptotic Analysis for a Nonlinear Reaction-Diffusion System Modeling an Infectious Disease"
    ]
    assert rec["author"] == [
        {"given": "Hong-Ming", "family": "Yin"},
        {"given": "Jun", "family": "Zou"},
    ]
    assert rec["DOI"] == "10.48550/arxiv.2201.13452"
    assert rec["posted"]["date-parts"] == [[2022, 1, 31]]
    assert rec["type"] == "posted-content" and rec["subtype"] == "preprint"
    assert "relation" not in rec


def test_arxiv_published_version_becomes_a_relation() -> None:
    records = parse_feed(_bytes("arxiv/entries_published_versions.xml"))
    assert records is not None
    rec = records["1706.01836"]
    assert rec["relation"] == {"is-preprint-of": [{"id-type": "doi", "id": "10.1063/1.4996038"}]}
    assert rec["journal-ref"] == "The Journal of Chemical Physics 147, 114113 (2017)"
    assert rec["arxiv-version"] == 2
    assert "relation" not in records["2407.11707"]


@pytest.mark.parametrize("body", [b"Rate exceeded.", b"<html>busy</html>", b""])
def test_arxiv_non_feed_is_not_an_answer(body: bytes) -> None:
    assert parse_feed(body) is None


def test_pubmed_summary_in_crossref_field_names() -> None:
    summary = _json("pubmed/esummary_27933103.json")["result"]["27933103"]  # type: ignore[index]
    rec = summary_record(summary)
    assert rec["title"] == [
        "Programmatic conversion of crystal structures into 3D printable files using Jmol"
    ]
    assert rec["author"][0] == {"family": "Scalfani", "given": "V F"}
    assert rec["container-title"] == ["Journal of cheminformatics", "J Cheminform"]
    assert (rec["volume"], rec["page"]) == ("8", "66")
    assert "issue" not in rec  # "" in the summary
    assert rec["DOI"] == "10.1186/s13321-016-0181-z"
    assert rec["issued"]["date-parts"] == [[2016]]
    assert rec["published-online"]["date-parts"] == [[2016, 11, 23]]


def test_pubmed_apostrophe_surname() -> None:
    summary = _json("pubmed/esummary_34813072.json")["result"]["34813072"]  # type: ignore[index]
    rec = summary_record(summary)
    assert rec["author"][-1] == {"family": "O'Connor", "given": "K E"}
    assert rec["page"] == "341-358"


def test_openalex_work_in_crossref_field_names() -> None:
    rec = work_record(_json("openalex/work_W2492449078.json"))
    assert rec["DOI"] == "10.1080/01900692.2016.1201839"
    assert rec["type"] == "journal-article"  # raw_type of the primary location
    assert rec["author"] == [
        {"given": "Orest Sebastian", "family": "Masue"},
        {"given": "Steinar", "family": "Askvik"},
    ]
    assert rec["container-title"] == ["International Journal of Public Administration"]
    assert (rec["volume"], rec["issue"], rec["page"]) == ("40", "9", "780-791")
    assert rec["issued"]["date-parts"] == [[2016, 7, 22]]
    assert "updated-by" not in rec


def test_openalex_retraction_flag() -> None:
    work = {**_json("openalex/work_W2492449078.json"), "is_retracted": True}
    assert work_record(work)["updated-by"][0]["type"] == "retraction"


# -- routing ----------------------------------------------------------------------------


def test_old_style_arxiv_id_asked_in_canonical_form() -> None:
    plan = plan_reference(reference("Gabai D. Knots and 3-manifolds. arXiv:math.GT/0309136v2"))
    assert (plan.id_kind, plan.ident) == ("arxiv", "math/0309136")


@pytest.mark.parametrize(
    ("text", "doi", "kind", "ident", "crossref"),
    [
        (
            "Yin H-M, Zou J. Asymptotic analysis. arXiv:2201.13452v1 [math.AP]",
            None,
            "arxiv",
            "2201.13452",
            None,
        ),
        (
            "Vaswani A. Attention. arXiv. https://doi.org/10.48550/arXiv.1706.03762",
            None,
            "arxiv",
            "1706.03762",
            None,
        ),
        (
            "Scalfani VF et al. Jmol. J Cheminform. 2016;8:66. PMID: 27933103",
            None,
            "pmid",
            "27933103",
            None,
        ),
        (
            "Scalfani VF. Jmol. 2016. PMID: 27933103",
            "10.1186/s13321-016-0181-z",
            "doi",
            None,
            "10.1186/s13321-016-0181-z",
        ),
    ],
)
def test_route_by_identifier(
    text: str, doi: str | None, kind: str, ident: str | None, crossref: str | None
) -> None:
    plan = plan_reference(reference(text, doi=doi))
    assert (plan.id_kind, plan.ident, plan.crossref_doi) == (kind, ident, crossref)


# -- the stage end to end over an injected transport --------------------------------------


class Recorded:
    """A transport answering arXiv and PubMed from the recorded files; counts requests."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.asked.append(url)
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        if url.startswith(f"{ARXIV}/query"):
            feed = _bytes("arxiv/entries_published_versions.xml")
            if "2201.13452" in query["id_list"]:
                feed = _bytes("arxiv/id_list_2201.13452-13455.xml")
            return httpx.Response(
                200, content=feed, headers={"content-type": "application/atom+xml"}
            )
        if url.startswith(f"{EUTILS}/esummary.fcgi"):
            assert query["tool"] == "citecheck" and query["retmode"] == "json"
            return httpx.Response(200, content=_bytes("pubmed/esummary_27933103.json"))
        return httpx.Response(599, text="unexpected request in test")


def _rules(
    refs: tuple[Reference, ...], settings: Settings, transport: Recorded
) -> dict[str, list[str]]:
    doc = document(*refs)
    client = httpx.Client(transport=httpx.MockTransport(transport))
    outcome = resolve_all([doc], settings, client=client, policy=Policy(backoff_base=0.01))
    ctx = RuleContext(
        document=doc, links=Links(), settings=settings, resolutions=outcome.resolutions[0]
    )
    found: dict[str, list[str]] = {}
    for rule in (doi_not_found.RULE, doi_mismatch.RULE, preprint_published.RULE):
        found[rule.name] = [f.message for f in rule.check(ctx)]
    return found


def test_arxiv_ids_and_pmid_resolved_by_their_registries(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    transport = Recorded()
    refs = (
        reference(
            "Yang Y, Brorsen KR, Culpitt T, Pak MV, Hammes-Schiffer S. Development of a practical "
            "multicomponent density functional for electron-proton correlation to produce accurate "
            "proton densities. arXiv:1706.01836. 2017."
        ),
        reference(
            "Scalfani VF, Williams AJ, Tkachenko V, et al. Programmatic conversion of crystal "
            "structures into 3D printable files using Jmol. J Cheminform. 2016;8:66. PMID: 27933103"
        ),
    )
    doc = document(*refs)
    client = httpx.Client(transport=httpx.MockTransport(transport))
    outcome = resolve_all([doc], settings, client=client, policy=Policy(backoff_base=0.01))
    first, second = outcome.resolutions[0][0], outcome.resolutions[0][1]
    assert isinstance(first.by_doi, Found) and first.by_doi.source == "arxiv"
    assert first.cited_id == "arXiv:1706.01836"
    assert isinstance(second.by_doi, Found) and second.by_doi.source == "pubmed"
    assert second.cited_id == "PMID 27933103"
    assert not any("crossref" in u for u in transport.asked)  # asked where it is registered
    assert len(transport.asked) == 2
    found = _rules(refs, settings, Recorded())
    assert found["doi-mismatch"] == [] and found["doi-not-found"] == []
    assert found["preprint-published"] == [
        "Cited preprint 10.48550/arxiv.1706.01836 has a published version: 10.1063/1.4996038 "
        "(relation is-preprint-of); cite the published article"
    ]


def test_unknown_arxiv_id_is_reported_as_such(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    refs = (
        reference(
            "Yin H-M, Zou J. Asymptotic Analysis for a Nonlinear Reaction-Diffusion System. arXiv:2201.13452"
        ),
        reference("Doe J. A work that was never posted. arXiv:2201.13455"),
    )
    found = _rules(refs, settings, Recorded())
    assert found["doi-not-found"] == ["arXiv:2201.13455 does not exist (asked: arxiv)"]
    assert found["doi-mismatch"] == []


def test_arxiv_id_naming_another_work(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    refs = (
        reference(
            "Smith J, Lee K. Quantum gravity without tears in five dimensions. arXiv:2201.13452"
        ),
    )
    found = _rules(refs, settings, Recorded())
    assert len(found["doi-mismatch"]) == 1
    assert found["doi-mismatch"][0].startswith("arXiv:2201.13452 belongs to another work")


def test_offline_second_run_answers_from_cache(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    refs = (reference("Doe J. Something. PMID: 27933103"),)
    resolve_all(
        [document(*refs)],
        settings,
        client=httpx.Client(transport=httpx.MockTransport(Recorded())),
        policy=Policy(backoff_base=0.01),
    )
    offline = settings.model_copy(update={"offline": True})
    again = Recorded()
    outcome = resolve_all(
        [document(*refs)], offline, client=httpx.Client(transport=httpx.MockTransport(again))
    )
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, Found) and res.by_doi.from_cache
    assert again.asked == []


def test_pubmed_unknown_pmid_is_not_found(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)

    def answer(request: httpx.Request) -> httpx.Response:
        # NCBI's answer for a PMID it cannot summarise (the shape of the recorded error).
        body = {
            "header": {"type": "esummary", "version": "0.3"},
            "result": {
                "uids": ["99999999"],
                "99999999": {"uid": "99999999", "error": "cannot get document summary"},
            },
        }
        return httpx.Response(200, json=body)

    outcome = resolve_all(
        [document(reference("Doe J. Nothing here at all. PMID: 99999999"))],
        settings,
        client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    res = outcome.resolutions[0][0]
    assert isinstance(res.by_doi, NotFound) and res.by_doi.sources == ("pubmed",)


def test_withdrawn_arxiv_paper_is_reported_by_retracted(tmp_path: Path) -> None:
    from citecheck.rules.records import retracted

    # The recorded entry of 2201.13452 with the comment arXiv writes on a withdrawn
    # version put in place of "34 pages" (no withdrawn entry was recorded).
    feed = _bytes("arxiv/id_list_2201.13452-13455.xml").replace(
        b">34 pages<", b">This paper has been withdrawn by the author due to an error<"
    )
    records = parse_feed(feed)
    assert records is not None
    assert records["2201.13452"]["updated-by"][0]["type"] == "withdrawal"

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=feed)

    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    doc = document(
        reference(
            "Yin HM, Zou J. Asymptotic analysis for a nonlinear reaction-diffusion system "
            "modeling an infectious disease. arXiv:2201.13452. 2022."
        )
    )
    outcome = resolve_all(
        [doc], settings, client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    ctx = RuleContext(
        document=doc, links=Links(), settings=settings, resolutions=outcome.resolutions[0]
    )
    (finding,) = list(retracted.RULE.check(ctx))
    assert finding.message.startswith("The cited work 10.48550/arxiv.2201.13452 is retracted")
    assert finding.evidence["notices"][0]["type"] == "withdrawal"


def test_journal_version_cited_with_a_courtesy_arxiv_id(tmp_path: Path) -> None:
    """Physics style: the journal is cited and the arXiv id added; nothing to report."""
    from citecheck.rules.records import metadata_mismatch

    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    ref = reference(
        "Y. Yang, K. R. Brorsen, T. Culpitt, M. V. Pak, and S. Hammes-Schiffer, Development of a "
        "practical multicomponent density functional for electron-proton correlation to produce "
        "accurate proton densities, J. Chem. Phys. 147, 114113 (2017), arXiv:1706.01836."
    )
    found = _rules((ref,), settings, Recorded())
    assert found == {"doi-not-found": [], "doi-mismatch": [], "preprint-published": []}
    doc = document(ref)
    client = httpx.Client(transport=httpx.MockTransport(Recorded()))
    outcome = resolve_all([doc], settings.model_copy(update={"no_cache": True}), client=client)
    ctx = RuleContext(
        document=doc, links=Links(), settings=settings, resolutions=outcome.resolutions[0]
    )
    assert [f.message for f in metadata_mismatch.RULE.check(ctx)] == []


def test_no_entry_for_several_ids_is_not_evidence(tmp_path: Path) -> None:
    """A feed of empty entries for every identifier of a batch is not trusted."""
    recorded = _bytes("arxiv/id_list_2201.13452-13455.xml").decode()
    start = recorded.index("  <entry>\n    <id>http://arxiv.org/abs/2201.13452v1")
    end = recorded.index("</entry>", start) + len("</entry>\n")
    empty = (recorded[:start] + recorded[end:]).encode()  # the three empty entries only

    def answer(request: httpx.Request) -> httpx.Response:
        if "arxiv" in str(request.url):
            return httpx.Response(200, content=empty)
        return httpx.Response(503)

    settings = Settings(cache_dir=str(tmp_path), mailto="t@example.org", deadline=30)
    refs = tuple(reference(f"Doe J. Paper number {n}. arXiv:2201.1345{n}") for n in (3, 4, 5))
    doc = document(*refs)
    outcome = resolve_all(
        [doc],
        settings,
        client=httpx.Client(transport=httpx.MockTransport(answer)),
        policy=Policy(backoff_base=0.001, max_attempts=1),
    )
    ctx = RuleContext(
        document=doc, links=Links(), settings=settings, resolutions=outcome.resolutions[0]
    )
    assert list(doi_not_found.RULE.check(ctx)) == []
    assert any("no entry for any of 3" in s.reason for s in outcome.skipped)
