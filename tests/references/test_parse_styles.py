"""Parsing reference strings in the common styles (all strings written for these tests)."""

from __future__ import annotations

from citecheck.references import parse_reference
from citecheck.references.parse import ParsedReference


def fams(p: ParsedReference) -> list[str]:
    return [a.family for a in p.authors]


def test_apa7_article() -> None:
    p = parse_reference(
        "Ansell, C., & Gash, A. (2008). Collaborative governance in theory and practice. "
        "Journal of Public Administration Research and Theory, 18(4), 543–571. "
        "https://doi.org/10.1093/jopart/mum032"
    )
    assert fams(p) == ["Ansell", "Gash"]
    assert p.authors[0].given == "C."
    assert p.year == "2008"
    assert p.title == "Collaborative governance in theory and practice"
    assert p.container == "Journal of Public Administration Research and Theory"
    assert (p.volume, p.issue, p.pages) == ("18", "4", "543–571")
    assert p.doi == "10.1093/jopart/mum032"
    assert p.url is None
    assert p.kind == "article"


def test_apa_with_year_suffix_particles_and_compound_surname() -> None:
    p = parse_reference(
        "Rodríguez Bolívar, M. P., van der Berg, J., & De Souza, L. (2020a). Smart cities "
        "and open data. Government Information Quarterly, 37(2), 101–110."
    )
    assert fams(p) == ["Rodríguez Bolívar", "van der Berg", "De Souza"]
    assert p.year == "2020a"
    assert p.container == "Government Information Quarterly"


def test_apa7_ellipsis_author_list() -> None:
    p = parse_reference(
        "Kim, A., Lee, B., Park, C., Choi, D., Jung, E., Kang, F., … Yoon, T. (2021). "
        "Many authors wrote this. Science Reports, 11, 200."
    )
    assert fams(p)[0] == "Kim"
    assert fams(p)[-1] == "Yoon"
    assert p.et_al is True
    assert p.year == "2021"


def test_apa_et_al_and_no_date_and_in_press() -> None:
    p = parse_reference(
        "Nguyen, T., et al. (n.d.). Draft guidance on reporting. Retrieved from https://example.org/guide"
    )
    assert fams(p) == ["Nguyen"]
    assert p.et_al is True
    assert p.year == "n.d."
    assert p.url == "https://example.org/guide"
    assert p.kind == "web"
    q = parse_reference("Okafor, C. (in press). Forthcoming results. Journal of Futures.")
    assert q.year == "in press"


def test_apa_corporate_authors() -> None:
    p = parse_reference(
        "World Health Organization [WHO]. (2020). Global tuberculosis report 2020. Geneva: WHO."
    )
    assert len(p.authors) == 1
    a = p.authors[0]
    assert (a.family, a.corporate, a.abbreviation) == ("World Health Organization", True, "WHO")
    assert p.year == "2020"
    assert p.title == "Global tuberculosis report 2020"
    q = parse_reference("Badan Pusat Statistik. (2021). Statistik Indonesia 2021. Jakarta: BPS.")
    assert q.authors[0].family == "Badan Pusat Statistik"
    assert q.authors[0].corporate
    assert q.publisher == "BPS"


def test_apa_edited_book_and_chapter() -> None:
    p = parse_reference(
        "Brown, L. E. (Ed.). (2000). Isokinetics in human performance. Champaign, IL: Human Kinetics."
    )
    assert fams(p) == ["Brown"]
    assert p.editors is True
    assert p.title == "Isokinetics in human performance"
    assert p.publisher == "Human Kinetics"
    assert p.kind == "book"
    c = parse_reference(
        "Lieven, E. (1978). Turn-taking and pragmatics. In R. N. Campbell & P. T. Smith (Eds.), "
        "Recent advances in the psychology of language (pp. 215–236). London: Plenum."
    )
    assert c.title == "Turn-taking and pragmatics"
    assert c.container == "Recent advances in the psychology of language"
    assert c.pages == "215–236"
    assert c.publisher == "Plenum"
    assert c.kind == "chapter"


def test_harvard() -> None:
    p = parse_reference(
        "Derrick, D., Stavness, I. and Gick, B. 2015. Three speech sounds, one motor action. "
        "Journal of the Acoustical Society of America 137, 1493-1502."
    )
    assert fams(p) == ["Derrick", "Stavness", "Gick"]
    assert p.year == "2015"
    assert p.container == "Journal of the Acoustical Society of America"
    assert (p.volume, p.pages) == ("137", "1493-1502")


def test_chicago_author_date() -> None:
    p = parse_reference(
        "Lin, Hongli, Xiangmei Chen, Jianzhong Wang, and Zhiheng Yu. 2002. “Inhibition of "
        "Apoptosis in Rat Mesangial Cells.” Kidney International 62 (1) (July): 60–69."
    )
    assert fams(p) == ["Lin", "Chen", "Wang", "Yu"]
    assert p.authors[1].given == "Xiangmei"
    assert p.year == "2002"
    assert p.title == "Inhibition of Apoptosis in Rat Mesangial Cells"
    assert (p.container, p.volume, p.issue, p.pages) == ("Kidney International", "62", "1", "60–69")


def test_chicago_notes_book() -> None:
    p = parse_reference(
        "Douglas, Mary. Risk and Blame: Essays in Cultural Theory. London: Routledge, 1992."
    )
    assert fams(p) == ["Douglas"]
    assert p.year == "1992"
    assert p.title == "Risk and Blame: Essays in Cultural Theory"
    assert p.publisher == "Routledge"
    assert p.kind == "book"


def test_mla() -> None:
    p = parse_reference(
        "Stravinsky, Igor, and Robert Craft. Memories and Commentaries. University of California Press, 1959."
    )
    assert fams(p) == ["Stravinsky", "Craft"]
    assert p.title == "Memories and Commentaries"
    assert p.year == "1959"


def test_vancouver() -> None:
    p = parse_reference(
        "12. Marras WS, Lavender SA, Ferguson SA, Yang G. Quantitative biomechanical workplace "
        "exposure measures: distribution centers. J Electromyogr Kinesiol. 2010;20(5):813-22."
    )
    assert fams(p) == ["Marras", "Lavender", "Ferguson", "Yang"]
    assert p.authors[0].given == "WS"
    assert p.year == "2010"
    assert p.container == "J Electromyogr Kinesiol"
    assert (p.volume, p.issue, p.pages) == ("20", "5", "813-22")
    e = parse_reference(
        "Schnatz PF, Jiang X, Vila-Wright S, et al. Calcium and cholesterol. Menopause. 2014;21:823-33."
    )
    assert fams(e) == ["Schnatz", "Jiang", "Vila-Wright"]
    assert e.et_al


def test_journal_styles_year_after_authors() -> None:
    p = parse_reference(
        "Adio S, Reth J. 2006. Myosin motors in muscle. J Muscle Res Cell Motil 27:153–60."
    )
    assert fams(p) == ["Adio", "Reth"]
    assert (p.year, p.container, p.volume, p.pages) == (
        "2006",
        "J Muscle Res Cell Motil",
        "27",
        "153–60",
    )
    q = parse_reference(
        "Smith J, Doe A (2019) Soil carbon in drylands. Journal of Arid Soils 12(3):45–67"
    )
    assert fams(q) == ["Smith", "Doe"]
    assert (q.year, q.title, q.volume, q.issue, q.pages) == (
        "2019",
        "Soil carbon in drylands",
        "12",
        "3",
        "45–67",
    )


def test_bmc_style_colon_and_year_volume() -> None:
    p = parse_reference(
        "Malladi V, Puthenedam M, Williams PH: Outer membrane proteins induce iNOS. Inflammation 2004, 28:345-353."
    )
    assert fams(p) == ["Malladi", "Puthenedam", "Williams"]
    assert (p.container, p.year, p.volume, p.pages) == ("Inflammation", "2004", "28", "345-353")


def test_ieee() -> None:
    p = parse_reference(
        "[32] G. R. Seeman and A. B. Cambel, “Observations concerning magnetoaerodynamic drag,” "
        "IEEE Trans. Plasma Sci., vol. 55, no. 3, pp. 1–8, 1966."
    )
    assert fams(p) == ["Seeman", "Cambel"]
    assert p.authors[0].given == "G. R."
    assert p.title == "Observations concerning magnetoaerodynamic drag"
    assert p.container == "IEEE Trans. Plasma Sci"
    assert (p.volume, p.issue, p.pages, p.year) == ("55", "3", "1–8", "1966")


def test_given_first_full_names() -> None:
    p = parse_reference(
        "Rui Lin, Shujie Liu, and Sheng Li. Hierarchical recurrent neural network for document modeling. In EMNLP, 2015."
    )
    assert fams(p) == ["Lin", "Liu", "Li"]
    assert p.title == "Hierarchical recurrent neural network for document modeling"
    assert p.year == "2015"


def test_surname_initials_without_periods() -> None:
    p = parse_reference("Smith, JA, Jones, B (2017) Notes on initials. Journal 1:1-2")
    assert fams(p) == ["Smith", "Jones"]
    q = parse_reference(
        "J.A. Smith, K. van der Berg, A study of particles, Phys. Rev. 10, 1-5 (2001)."
    )
    assert fams(q) == ["Smith", "van der Berg"]
    assert q.year == "2001"


def test_no_author_title_first() -> None:
    p = parse_reference(
        "How to Teach the Missing Basics of Professionalism. (2015). Bridging the Soft Skills Gap, 69–138."
    )
    assert p.authors == ()
    assert p.title == "How to Teach the Missing Basics of Professionalism"
    assert p.year == "2015"
    assert p.pages == "69–138"


def test_ditto_dashes() -> None:
    p = parse_reference(
        "———. 1996. Classical Archaeology: Experiences of the Discipline. London: Routledge."
    )
    assert p.ditto and p.authors == ()
    assert p.year == "1996"
    assert p.title == "Classical Archaeology: Experiences of the Discipline"


def test_markdown_input() -> None:
    p = parse_reference(
        "Doe, A. (2020). Title of it. *Journal of Tests*, **5**(1), 1–2. <https://doi.org/10.5555/ABC.1>"
    )
    assert p.container == "Journal of Tests"
    assert p.doi == "10.5555/ABC.1"
    assert (p.volume, p.issue) == ("5", "1")
