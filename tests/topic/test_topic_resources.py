"""Resources (software, data, standards, web pages) and names the manuscript uses."""

from __future__ import annotations

import pytest

from citecheck.loaders.bibtex import parse_bibtex_string
from citecheck.model.document import Location, Reference
from citecheck.references.kinds import resource_kind
from citecheck.topic.methods import methods_reason, named_in_text
from citecheck.topic.terms import manuscript_terms, reference_terms


def _bib(entry: str) -> Reference:
    refs, problems = parse_bibtex_string(entry, "refs.bib")
    assert not problems and len(refs) == 1
    return refs[0]


@pytest.mark.parametrize(
    ("entry", "label"),
    [
        (
            "@Manual{tool, title = {toolx: Tidy tables}, author = {Ann Lee}, year = {2020},"
            " note = {R package version 1.0.1}, url = {https://CRAN.R-project.org/package=toolx}}",
            "documentation",
        ),
        (
            "@misc{plots, title = {plotlib: statistical graphics}, author = {B. Kay},"
            " year = {2017}, url = {https://doi.org/10.5281/zenodo.12345}}",
            "dataset",
        ),
        (
            "@online{cwe, title = {CWE-840: Business Logic Errors}, year = {2019},"
            " url = {https://cwe.mitre.org/data/definitions/840.html}}",
            "web page",
        ),
        (
            "@web{deploy, title = {How to deploy a small model in five steps}, year = {2020},"
            " author = {Some Team}, url = {https://blog.example.org/deploy}}",
            "web page",
        ),
        (
            "@misc{page, title = {What is a web server stack?}, year = {2021},"
            " howpublished = {\\url{https://example.org/stack}}}",
            "web page",
        ),
        (
            "@article{code, title = {A fast simulation code}, journal = {J. Comp. Phys.},"
            " year = {2019}, url = {https://github.com/lab/code}}",
            "software",
        ),
        (
            "@techreport{std, title = {Information security management, ISO 27001 guidance},"
            " institution = {Standards Office}, year = {2013}}",
            "standard",
        ),
    ],
)
def test_resource_kind_from_the_entry(entry: str, label: str) -> None:
    found = resource_kind(_bib(entry))
    assert found is not None and found[0] == label


@pytest.mark.parametrize(
    "entry",
    [
        # a link alone does not make an article a web page (a sneaked article has one too)
        "@article{a, title = {Problem solving of pupils with low vision}, year = {2021},"
        " url = {https://example.org/journal/a.html}}",
        "@article{b, title = {Rotation periods of field stars}, journal = {ApJ},"
        " volume = {8}, pages = {1--9}, year = {2019}, url = {https://example.org/b}}",
        # the abstract talks about anything: not read for style phrases
        "@article{c, title = {Hydrological modelling of basins}, journal = {Water},"
        " year = {2020}, abstract = {we used version 2.1 of the software}}",
        "@misc{d, title = {Deep learning for cells}, eprint = {2101.00001},"
        " archiveprefix = {arXiv}, url = {https://arxiv.org/abs/2101.00001}, year = {2021}}",
    ],
)
def test_publications_are_not_resources(entry: str) -> None:
    assert resource_kind(_bib(entry)) is None


def test_printed_reference_markers() -> None:
    def ref(text: str, **kw: str) -> Reference:
        return Reference(text=text, location=Location(path="m.md"), **kw)

    retrieved = ref("Doe, J. (2020). What is a server stack? Retrieved from https://x.org/a")
    assert resource_kind(retrieved) == ("web page", '"Retrieved"')
    article = ref(
        "Doe, J. (2010). Soil carbon. Soil Journal, 3(2), 1-10. Retrieved from https://x.org",
        volume="3",
        pages="1-10",
    )
    assert resource_kind(article) is None
    software = ref("Lee, A. (2019). Tablr (Version 2.3.1) [Computer software].")
    assert resource_kind(software) is not None and resource_kind(software)[0] == "software"  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "texts", "name"),
    [
        ("samplr: The MCMC sampler", ["We sampled the posterior with samplr."], "samplr"),
        ("What is a LAMP stack?", ["Implementasi LAMP Stack pada server kampus"], "LAMP"),
        (
            "What is Tablr queue? benefits, use cases and how to get started",
            ["Tablr Queue adalah message broker yang menerima data [4]."],
            "Tablr queue",
        ),
        ("From TreeBank to PropBank", ["PropBank is a corpus with semantic roles."], "PropBank"),
        (
            "Shuffled complex evolution approach for global minimization",
            ["calibrated with the Shuffled Complex Evolution algorithm"],
            "Shuffled Complex Evolution",
        ),
    ],
)
def test_named_in_text(title: str, texts: list[str], name: str) -> None:
    assert named_in_text(title, texts) == name


def test_a_topic_sentence_is_not_a_name() -> None:
    title = "Personal bankruptcy law and the fresh start in Slovenia"
    assert named_in_text(title, ["Previous work examined personal bankruptcy law [3]."]) is None
    assert named_in_text(title, ["Smart-city programmes need collaboration [3]."]) is None


def test_terms_in_words() -> None:
    terms = manuscript_terms(
        "Collaborative governance of smart cities",
        ["smart city"],
        ["Governance of smart city programmes. Local governance matters."],
    )
    assert terms[0] == "smart city" and "collaborative" in terms and "governance" in terms
    assert reference_terms("The analysis of personal bankruptcy law in Slovenia") == [
        "personal",
        "bankruptcy",
        "law",
        "slovenia",
    ]


@pytest.mark.parametrize(
    ("entry", "why"),
    [
        (
            "@incollection{cave, author = {Plato}, booktitle = {The Republic},"
            " title = {Book VII: The Allegory of the Cave},"
            " publisher = {Trans. Benjamin Jowett. Clarendon Press}, year = {370 BCE [1888]}}",
            "a translated work",
        ),
        (
            "@book{punish, author = {Foucault, Michel}, title = {Discipline and punish:"
            " the birth of the prison}, translator = {Sheridan, Alan}, year = {1977}}",
            "a translated work",
        ),
        (
            "@article{origin, author = {Darwin, Charles}, title = {On the tendency of"
            " species to form varieties}, journal = {J. Proc. Linn. Soc.}, year = {1858}}",
            "a classic (1858)",
        ),
        (
            "@article{odk, title = {Mobile data collection using an android device},"
            " author = {Singh, H.}, journal = {IJCST}, volume = {4}, year = {2013}}",
            "its title",
        ),
    ],
)
def test_classics_translations_and_data_collection_are_exempt(entry: str, why: str) -> None:
    from citecheck.topic.methods import exemption

    found = exemption(_bib(entry))
    assert found is not None and found[1] == why


@pytest.mark.parametrize(
    "entry",
    [
        "@article{he, title = {Deep residual learning for image recognition}, author = {He, K.},"
        " journal = {IEEE Trans. Pattern Anal. Mach. Intell.}, volume = {3}, year = {2016}}",
        "@article{ams, title = {Knot invariants of low-dimensional manifolds},"
        " author = {Ng, L.}, journal = {Trans. Am. Math. Soc.}, volume = {9}, year = {2005}}",
    ],
)
def test_transactions_journals_are_not_translations(entry: str) -> None:
    from citecheck.topic.methods import exemption

    assert exemption(_bib(entry)) is None


def test_entries_under_a_tools_or_data_sub_heading_are_resources() -> None:
    from citecheck.loaders.markdown import parse_markdown

    text = (
        "# Report\n\nWe follow Kang et al. (2018).\n\n## References\n\n### Papers\n"
        "1. Kang et al. (2018). PeerRead: A Dataset of Peer Reviews. NAACL.\n\n"
        "### Datasets\n- PeerRead ICLR 2017 reviews\n\n### Tools\n"
        "- scipy, matplotlib, seaborn for analysis and visualization\n"
    )
    refs = parse_markdown(text, "r.md").references
    assert [r.fields.get("group") for r in refs] == ["Papers", "Datasets", "Tools"]
    assert resource_kind(refs[0]) is None
    assert resource_kind(refs[1]) == ("dataset", 'listed under "Datasets"')
    assert resource_kind(refs[2]) == ("software", 'listed under "Tools"')


@pytest.mark.parametrize(
    "text",
    [
        "Editor. (2020). Code Editor Docs. Diambil kembali dari Editor: http://editor.example",
        "Tienda. (2019). Guía de uso. Obtenido de https://tienda.example/guia",
        "Loja. (2018). Manual do sistema. Disponível em: https://loja.example. Acesso em: 3 mar.",
        "Site. (2017). Guide du site. Récupéré sur https://site.example/guide",
    ],
)
def test_retrieved_from_in_other_languages(text: str) -> None:
    found = resource_kind(Reference(text=text, location=Location(path="m.docx")))
    assert found is not None and found[0] == "web page"


@pytest.mark.parametrize(
    ("ref", "why"),
    [
        (
            Reference(
                text="Ruiz A. La suerte explicada. Editorial X, https://books.google.es/books?id=ab (2011).",
                title="La suerte explicada",
                container="Editorial X",
                url="https://books.google.es/books?id=ab",
                location=Location(path="m.docx"),
            ),
            "a link to books.google.es",
        ),
        (
            Reference(
                text="Putra, A. (2002). Rekayasa Sistem (buku 1). Yogyakarta: Andi",
                title="Rekayasa Sistem (buku 1). Yogyakarta: Andi",
                location=Location(path="m.docx"),
            ),
            'an edition ("(buku 1)")',
        ),
        (
            Reference(
                text="Lee, K. (2015). Urban water in practice. Tech Press. ISBN 978-1-23-456789-7",
                title="Urban water in practice",
                container="Tech Press",
                location=Location(path="m.md"),
            ),
            "an ISBN",
        ),
    ],
)
def test_whole_books_from_the_entry(ref: Reference, why: str) -> None:
    from citecheck.topic.methods import exemption

    assert exemption(ref) == ("book", why)


def test_a_proceedings_paper_with_an_isbn_is_still_judged() -> None:
    from citecheck.topic.methods import exemption

    paper = Reference(
        text="Ng, B. (2019). Tax courts in Asia. Proc. Law Conf., 11-19. ISBN 978-1-23-456789-7",
        title="Tax courts in Asia",
        container="Proc. Law Conf.",
        pages="11-19",
        location=Location(path="m.md"),
    )
    assert exemption(paper) is None


@pytest.mark.parametrize(
    ("title", "acronym"),
    [
        ("Profile of mood states (poms)", "POMS"),
        ("Unified Theory of Acceptance and Use of Technology (UTAUT)", "UTAUT"),
        ("Personal bankruptcy law (in Slovenia)", None),
        ("A study of things (ABC)", None),
    ],
)
def test_defined_acronym(title: str, acronym: str | None) -> None:
    from citecheck.topic.methods import defined_acronym

    assert defined_acronym(title) == acronym


def test_names_the_entry_carries() -> None:
    from citecheck.model.document import Author
    from citecheck.topic.methods import named_by_entry

    scale = Reference(
        text="Moe, D. (1989). Profile of mood states (poms).",
        title="Profile of mood states (poms)",
        location=Location(path="m.md"),
    )
    body = "Mood improved, as measured by the POMS scale, in two trials."
    assert named_by_entry(scale, scale.title or "", [], body) == "POMS"
    assert named_by_entry(scale, scale.title or "", [], "Mood improved in two trials.") is None
    guideline = Reference(
        text="Council on Trials. 2004. CTX Harmonised Guideline, Safety Data, Step 4.",
        title="Council on Trials",
        location=Location(path="m.md"),
    )
    cited = ["Adverse events were defined as per standard CTX definitions [10]."]
    assert named_by_entry(guideline, guideline.title or "", cited, "") == "CTX"
    # an author's surname in capitals (ABNT "segundo SILVA (2010)") is not a name of the work
    abnt = Reference(
        text="SILVA, J. Tributos e empresas. São Paulo: Atlas, 2010.",
        title="Tributos e empresas",
        authors=(Author(family="Silva", given="J."),),
        location=Location(path="m.md"),
    )
    assert named_by_entry(abnt, "Tributos e empresas", ["Segundo SILVA (2010), ..."], "") is None


def test_the_end_of_an_author_list_read_as_the_title_is_not_judged() -> None:
    from citecheck.topic.methods import exemption

    ref = Reference(
        text="Kingdom of Examples, & Office of Records. (2016). The Example Yearbook. Capital.",
        title="& Office of Records",
        location=Location(path="m.docx", line=9),
    )
    assert exemption(ref) == ("title not read", "the title is the end of the author list")


@pytest.mark.parametrize(
    ("title", "exempt"),
    [
        ("National Institutes of Health ExampleTrials.gov", True),
        ("The Example Registry at registry.org", True),
        ("Sample entropy of heart rate in example.js applications", False),
        ("Reading the U.S. census in 2010", False),
    ],
)
def test_a_title_naming_a_web_host_is_a_web_resource(title: str, exempt: bool) -> None:
    from citecheck.topic.methods import exemption

    ref = Reference(text=f"{title}. 2020.", title=title, location=Location(path="m.md"))
    assert (exemption(ref) == ("web resource", "its title")) is exempt


def test_a_medicines_product_information_is_a_resource() -> None:
    label = Reference(
        text="Acme. Tablrex 10 mg film-coated tablets SmPC. 2021.",
        title="Tablrex 10 mg film-coated tablets SmPC",
        location=Location(path="m.md"),
    )
    assert methods_reason(label) == "product information"
