"""The PDF reader on page furniture and list ends seen in real submissions: diagonal
watermarks, page numbers above the margin strip, footnotes at a column's foot, labels
with a raised "+", bulleted headings, wide justified gaps, centred headings after the
list. The PDFs are drawn here, run by run (``pdfmake``)."""

from __future__ import annotations

from pathlib import Path

from citecheck.loaders.pdf import extract_pages, load
from tests.loaders.pdfmake import Run, lines, write_pdf

BODY = [
    "Rivers move sediment to the coast (Abernathy, 2019) and the delta grows",
    "each year as the floods spread silt over the plain (Bramwell & Ode, 2020).",
]
HANGING = [
    "Abernathy, K. (2019). Sediment budgets of small rivers. Journal of Coastal",
    "  Studies, 12(3), 101-118.",
    "Bramwell, T., & Ode, L. (2020). Flood plains and the silt they keep. Water",
    "  Research Letters, 8(1), 22-35.",
]


def _families(doc: object) -> list[str]:
    return [r.authors[0].family for r in doc.references]  # type: ignore[attr-defined]


def test_diagonal_watermark_letters_are_not_text(tmp_path: Path) -> None:
    runs = [*lines(72, 760, BODY), Run(72, 700, "References", 12), *lines(72, 680, HANGING)]
    # a DRAFT watermark: large grey letters set at 45 degrees across the list
    runs += [Run(60 + 90 * k, 560 + 90 * k, ch, 120, 45) for k, ch in enumerate("DRAFT")]
    path = write_pdf(tmp_path / "draft.pdf", [runs])
    texts = [ln.text for ln in extract_pages(path)[0]]
    assert not any(t.strip() in set("DRAFT") for t in texts)
    doc = load(path, "draft.pdf")
    assert _families(doc) == ["Abernathy", "Bramwell"]
    assert doc.references[1].text.endswith("Research Letters, 8(1), 22-35.")
    assert not doc.problems


def test_page_numbers_above_the_margin_strip(tmp_path: Path) -> None:
    # a thesis class prints the page number 120 pt above the paper's edge (the 10 %
    # margin strip is 84 pt): the bare, counting numbers are furniture all the same
    texts = [[f"Page {n} says one thing.", "And then another."] for n in range(3)]
    pages = [[*lines(72, 700, t), Run(290, 120, str(n + 31))] for n, t in enumerate(texts)]
    path = write_pdf(tmp_path / "numbers.pdf", pages)
    assert [[ln.text for ln in page] for page in extract_pages(path)] == texts


def test_alphabetic_label_with_a_raised_plus(tmp_path: Path) -> None:
    runs = lines(72, 760, ["Clause proofs were checked [ABC+ 17] and trimmed [Heu16]."])
    runs.append(Run(72, 720, "Bibliography", 12))
    runs += lines(
        72,
        700,
        [
            "[ABC+ 17] Ana Abel, Bo Berg, Cy Chu, and Di Dorn. Efficient certified",
            "          proof checking. In Automated Deduction, pages 1-20, 2017.",
            "[Heu16]   Mara Heule. The proof format and its checker. CoRR, 2016.",
        ],
    )
    doc = load(write_pdf(tmp_path / "alpha.pdf", [runs]), "alpha.pdf")
    assert [r.key for r in doc.references] == ["ABC+17", "Heu16"]
    # the label is the key; the entry's text (and so its authors and title) starts after it
    assert doc.references[1].text.startswith("Mara Heule. The proof format")
    assert doc.references[0].text.startswith("Ana Abel, Bo Berg")
    assert sorted(c.key or "" for c in doc.citations) == ["ABC+17", "Heu16"]


def _two_column_list(footnote: str) -> list[Run]:
    body = lines(50, 780, ["Coastal work [1], [2] and [3] leads on to [4] and [5]."])
    left = [Run(50, 700, "REFERENCES", 8)]
    left += lines(
        50,
        685,
        [
            "[1] A. Ackerman, Sediment in small rivers, Coastal Studies,",
            "     vol. 12, pp. 101-118, 2019.",
            "[2] T. Bramwell, Flood plains and silt, Water Letters, 2020.",
            "[3] L. Castell, Deltas over a century, Earth Notes, 2018.",
        ],
        pitch=9,
        size=8,
    )
    left.append(Run(56, 60, footnote, 8))
    right = lines(
        310,
        780,
        [
            "[4] R. Dunmore, Tides and the shore, Marine Review, 2017.",
            "[5] E. Fair, Silt and salt marshes, Estuary Science,",
            "     vol. 3, pp. 1-9, 2021.",
        ],
        pitch=9,
        size=8,
    )
    right.append(Run(380, 600, "Ana Ackerman Biography text here.", 8))
    return body + left + right


def test_numbered_footnote_at_a_column_foot_is_not_the_end(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "foot.pdf", [_two_column_list("1. https://example.org/coastal/data")]
    )
    doc = load(path, "foot.pdf")
    assert [r.number for r in doc.references] == [1, 2, 3, 4, 5]
    # the author biography far below the last entry is not part of it
    assert doc.references[-1].text.endswith("vol. 3, pp. 1-9, 2021.")
    assert not doc.problems


def test_bulleted_heading_and_a_wide_justified_gap(tmp_path: Path) -> None:
    runs = lines(72, 760, ["Noise is removed by smoothing [1] and by filters [2], [3]."])
    runs.append(Run(72, 720, "\u2022 DAFTAR PUSTAKA", 10))
    runs += lines(
        72,
        700,
        [
            "[1] S. Aripin, Deteksi tepi citra, Jurnal Informatika, 2020.",
            "[2] A. Bacchelli and C. Bird.",
            "     outcomes of modern code review, Technical Report, 2012.",
            "[3] W. Gazali, Metode konvolusi, Jurnal Citra, 2012.",
        ],
    )
    # "[2] ... Bird." and "Appendix to expectations," on one baseline, a justified gap apart
    runs.append(Run(290, 688, "Appendix to expectations,"))
    doc = load(write_pdf(tmp_path / "bullet.pdf", [runs]), "bullet.pdf")
    assert [r.number for r in doc.references] == [1, 2, 3]
    assert "Appendix to expectations" in doc.references[1].text
    assert not doc.problems


def test_a_centred_heading_on_the_next_page_ends_the_list(tmp_path: Path) -> None:
    first = [*lines(72, 760, BODY), Run(72, 700, "References", 12), *lines(72, 680, HANGING)]
    second = [Run(210, 760, "Personal Details")]  # centred, as large as the list
    second += lines(100, 730, ["Name : Kim Abernathy", "Born : 1 July 1997, Depok"])
    doc = load(write_pdf(tmp_path / "cv.pdf", [first, second]), "cv.pdf")
    assert _families(doc) == ["Abernathy", "Bramwell"]
    assert "Personal" not in doc.references[1].text


def test_a_page_that_is_a_picture_of_text_is_said_and_uncited_entries_kept_quiet(
    tmp_path: Path,
) -> None:
    # page 2 is a scan inside a text PDF (only its running header is text): a citation
    # of Bramwell may stand there, so "never cited" cannot be said of that entry
    first = lines(72, 700, [BODY[0], "and the plain grows (Abernathy, 2019)."])
    second = [Run(72, 800, "For Peer Review Only")]
    third = [Run(72, 700, "References", 12), *lines(72, 680, HANGING)]
    path = write_pdf(tmp_path / "scan.pdf", [first, second, third], pictures=frozenset({1}))
    doc = load(path, "scan.pdf")
    assert _families(doc) == ["Abernathy", "Bramwell"]
    assert [p.kind for p in doc.problems] == ["pdf-image-pages"]
    assert "page 2 of the PDF is an image" in doc.problems[0].message
    assert doc.allow_uncited
    # the same PDF without the picture: nothing to say
    plain = load(write_pdf(tmp_path / "plain.pdf", [first, second, third]), "plain.pdf")
    assert not plain.problems and not plain.allow_uncited


def test_a_numbered_heading_with_its_number_set_apart_still_ends_the_list(
    tmp_path: Path,
) -> None:
    # Word puts a tab after "VI.": the number and the word are read as two pieces of
    # one row, and the piece after the number is still a heading
    runs = [*lines(72, 760, BODY), Run(72, 700, "References", 12), *lines(72, 680, HANGING)]
    runs += [Run(72, 600, "VI."), Run(160, 600, "Appendix")]
    runs += lines(72, 580, ["The survey form asked four questions of every farmer."])
    doc = load(write_pdf(tmp_path / "numbered.pdf", [runs]), "numbered.pdf")
    assert _families(doc) == ["Abernathy", "Bramwell"]
    assert "survey form" not in doc.references[-1].text


def test_tex_dotless_i_accents_are_one_letter() -> None:
    from citecheck.loaders.pdf import _compose

    assert _compose("Lu\u0131\u0301s Cruz-Filipe") == "Luís Cruz-Filipe"
    assert _compose("Mu\u0308ller") == "Müller"


def _right_edge(tmp_path: Path, text: str, size: float = 10.0) -> float:
    """Where ``text`` set at x = 0 ends (measured by PDFium on a drawn page)."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(write_pdf(tmp_path / "measure.pdf", [[Run(0, 400, text, size)]]))
    tp = pdf[0].get_textpage()
    right = tp.get_charbox(tp.count_chars() - 1)[2]
    tp.close()
    pdf.close()
    return float(right)


def test_a_raised_number_after_a_name_ending_in_a_digit_cites_when_next_in_order(
    tmp_path: Path,
) -> None:
    # "H3" and "v6.1" end in a digit: their raised 2 and 3 are the next numbers in the
    # order of first mention, so they cite; the raised 2 of "10" and the raised 9 after
    # "H3" (not the next number) stay exponents
    runs: list[Run] = []
    y = 760.0
    for base, raised, rest in [
        ("Cells on a grid", "1", " are counted."),
        ("They are indexed with H3", "2", " hexagons."),
        ("The code ran in box v6.1", "3", " today."),
        ("Rates near 10", "2", " per year were seen."),
        ("Again with H3", "9", " cells, as before."),
        ("Deltas grow", "4", " each year."),
    ]:
        at = 72 + _right_edge(tmp_path, base)
        runs += [Run(72, y, base), Run(at, y + 4, raised, 6)]
        runs.append(Run(at + _right_edge(tmp_path, raised, 6) + 0.5, y, rest))
        y -= 14
    runs.append(Run(72, y - 20, "References", 12))
    runs += lines(
        72,
        y - 40,
        [
            "1. Abernathy, K. Sediment budgets of small rivers. J. Coast. 12, 1-9 (2019).",
            "2. Brodsky, I. Hexagonal hierarchical spatial index. Web page (2018).",
            "3. Castell, L. A containerised platform for data science. Zenodo (2020).",
            "4. Dunmore, R. Deltas over a century. Earth Notes 3, 4-8 (2018).",
        ],
    )
    doc = load(write_pdf(tmp_path / "h3.pdf", [runs]), "h3.pdf")
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    assert [c.number for c in doc.citations] == [1, 2, 3, 4]


def test_a_numbered_entry_without_space_above_it_still_starts_an_entry(tmp_path: Path) -> None:
    # a Word list, every line at the left edge, entries parted by space after each
    # paragraph; entry 2 was typed without that space, so only its number shows it starts
    body = lines(72, 780, ["Pods were weighed [1] and sown [2]; trees grew [3], [4]."])
    entries = [
        ["1. Hughes, C.; Lewis, G. Disintegration of the genus. Phyto 2022, 205,", "147-189."],
        [
            "2. Bessega, C.; Vilardi, J. Heritability in a stand of trees. Bot. 2009,",
            "96, 458-465.",
        ],
        ["3. Grados, N.; Felker, P. Pods as food for arid lands. Press 2022,", "pp. 241-251."],
        ["4. Duval, V.; Camara, R. Carbon in a secondary forest. Estud. 2021,", "82, 73-80."],
    ]
    runs = [*body, Run(72, 740, "REFERENCES", 10)]
    y = 720.0
    for n, entry in enumerate(entries):
        for text in entry:
            runs.append(Run(72, y, text))
            y -= 12
        y -= 0 if n == 0 else 6  # no space between entries 1 and 2
    doc = load(write_pdf(tmp_path / "word.pdf", [runs]), "word.pdf")
    assert [r.number for r in doc.references] == [1, 2, 3, 4]
    assert doc.references[0].text.endswith("147-189.")
    assert sorted(c.number for c in doc.citations) == [1, 2, 3, 4]


def test_a_work_without_authors_is_cited_by_its_quoted_title(tmp_path: Path) -> None:
    # Chicago author-date files a work without authors under its title, and cites it so:
    # "(“Noise Tools” 2023)", the title running over a line end
    body = [
        "Noise is added to the counts (“Noise Tools” 2023) before release, and errors",
        "are checked (“Guide to the Census of Rivers, 2021 / Chapter 9 - Data",
        "Quality” 2021) as the rivers are (Abernathy 2019; “Unlisted Film” 1975).",
    ]
    runs = [*lines(72, 760, body), Run(72, 700, "References", 12)]
    runs += lines(
        72,
        680,
        [
            "Abernathy, Kim. 2019. “Sediment Budgets of Small Rivers.” Journal of Coastal",
            "  Studies 12 (3): 101-118.",
            "“Guide to the Census of Rivers, 2021 / Chapter 9 - Data Quality.” 2021.",
            "  https://example.org/census/guide.",
            "“Noise Tools.” 2023. Noise Tools. https://example.org/noise/.",
        ],
    )
    path = write_pdf(tmp_path / "titles.pdf", [runs])
    doc = load(path, "titles.pdf")
    assert [r.title for r in doc.references][1:] == [
        "Guide to the Census of Rivers, 2021 / Chapter 9 - Data Quality",
        "Noise Tools",
    ]
    cited = {c.authors[0]: c.year for c in doc.citations}
    assert cited["Noise Tools"] == "2023" and "Unlisted Film" not in cited
    from citecheck.api import check
    from citecheck.model.settings import Settings

    report = check([path], Settings(offline=True, no_cache=True))
    assert not report.findings, [f.message for f in report.findings]


def test_fonts_set_at_size_one_and_scaled_by_the_matrix_are_read_at_their_printed_size(
    tmp_path: Path,
) -> None:
    # macOS Quartz writes Word files with "1 Tf" and the size in the text matrix: read at
    # size 1, every space between words looked like a column gap and the lines fell apart
    texts = [
        "Work grew (Abel & Brown, 2015; Clark, 2009) as before.",
        "References",
        "Abel, A., & Brown, B. (2015). Methods for assessing growth in small",
        "trees. Bristol: Forest Press.",
        "Clark, C. (2009). A path to sound change. Language, 85(4), 785-832.",
    ]
    runs: list[Run] = []
    y = 780.0
    for n, text in enumerate(texts):
        runs.append(Run(72, y, text, 12.0, in_matrix=True))
        y -= 28 if n in (0, 1, 3) else 14
    doc = load(write_pdf(tmp_path / "quartz.pdf", [runs]), "quartz.pdf")
    assert [r.authors[0].family for r in doc.references] == ["Abel", "Clark"]
    assert doc.references[0].text.endswith("Forest Press.")
    assert not doc.problems


def test_an_author_year_entry_without_space_above_it_still_starts_an_entry(
    tmp_path: Path,
) -> None:
    # an APA list parted by space after each paragraph; one entry lost that space
    entries = [
        ["Abel, A. (2015). Methods for assessing growth. Bristol: Forest", "Press."],
        ["Beddor, P. S. (2009). A path to sound change. Language, 85(4), 785-832."],
        ["Bermudez-Otero, R. (2015). Amphichronic explanation and the life", "cycle."],
        ["Clark, C., & Dunn, D. (2001). Nonword repetition. Psychology, 22(3),", "441-469."],
        ["Evans, E. (2010). Doing phonetics by computer. Retrieved from the web."],
    ]
    runs = [*lines(72, 780, ["Seen before (Bermudez-Otero, 2015; Beddor, 2009)."])]
    runs.append(Run(72, 750, "References", 12))
    y = 730.0
    for n, entry in enumerate(entries):
        for text in entry:
            runs.append(Run(72, y, text))
            y -= 12
        y -= 0 if n == 1 else 8  # no space between the Beddor and Bermudez-Otero entries
    doc = load(write_pdf(tmp_path / "apa.pdf", [runs]), "apa.pdf")
    assert [r.authors[0].family for r in doc.references] == [
        "Abel",
        "Beddor",
        "Bermudez-Otero",
        "Clark",
        "Evans",
    ]


def test_a_list_read_as_fragments_is_not_checked(tmp_path: Path) -> None:
    # a list whose lines came apart (pieces of entries, each read as an entry: here each
    # line is bulleted) must not give a finding per piece: the PDF is said to be unchecked instead
    pieces = ["gual matters.", "Intelligence,", "49, 134-143.", "Press.", "of birth order and"]
    texts = [f"Abel, A. ({2000 + n}). A full entry about a subject, number {n}." for n in range(5)]
    runs = [*lines(72, 780, ["Seen (Abel, 2000)."]), Run(72, 750, "References", 12)]
    y = 730.0
    for text in [t for pair in zip(texts, pieces, strict=True) for t in pair]:
        runs.append(Run(72, y, "\u2022 " + text))
        y -= 14
    doc = load(write_pdf(tmp_path / "bits.pdf", [runs]), "bits.pdf")
    assert [p.kind for p in doc.problems] == ["pdf-unchecked"]
    assert "fragments" in doc.problems[0].message
    assert not doc.references and not doc.citations


def test_citations_in_wrapped_table_cells_are_read_cell_by_cell(tmp_path: Path) -> None:
    # a table printed row by row whose cells wrap: read line by line, "Okafor &" and
    # "Brandt" / "(2022)" were cut apart by the "yes" and "two levels" beside them
    runs = [*lines(72, 780, ["Tools for the task are compared in Table 1."])]
    rows = [
        # (top of the row, cells: (centre x, lines))
        (
            740.0,
            [
                (120, ["simr"]),
                (250, ["yes"]),
                (350, ["limited to", "two levels"]),
                (480, ["Okafor &", "Brandt", "(2022)"]),
            ],
        ),
        (
            690.0,
            [(120, ["pamm"]), (250, ["no"]), (350, ["none"]), (480, ["Tanaka et al.", "(2019)"])],
        ),
        (
            650.0,
            [
                (120, ["webpower"]),
                (250, ["yes"]),
                (350, ["limited to", "two levels"]),
                (480, ["Lindqvist", "(2021)"]),
            ],
        ),
    ]
    for top, cells in rows:
        height = max(len(c) for _, c in cells)
        for centre, texts in cells:
            y = top - (height - len(texts)) * 6.0  # cells centred in their row
            for text in texts:
                width = 5.0 * len(text)  # near enough for Helvetica at 10 pt
                runs.append(Run(centre - width / 2, y, text))
                y -= 12
    note = "Note. Design limits: whether only a limited set of designs can be specified."
    runs += [Run(72, 610, note), Run(72, 580, "References", 12)]
    runs += lines(
        72,
        560,
        [
            "Lindqvist, L. (2021). Power by simulation. Journal of Tools, 3, 1-9.",
            "Okafor, O., & Brandt, B. (2022). Sample sizes for mixed models. Methods, 4, 2-8.",
            "Tanaka, T., Mori, M., & Abe, A. (2019). Planning studies. Methods, 2, 5-6.",
        ],
        pitch=18,
    )
    path = write_pdf(tmp_path / "table.pdf", [runs])
    doc = load(path, "table.pdf")
    cited = sorted((c.authors, c.year) for c in doc.citations)
    assert cited == [
        (("Lindqvist",), "2021"),
        (("Okafor", "Brandt"), "2022"),
        (("Tanaka",), "2019"),
    ]


def test_an_entry_word_left_without_its_number_is_an_entry(tmp_path: Path) -> None:
    # Word numbering skipped one paragraph (a repeated entry): it sits, unnumbered and
    # with no space above it, under entry 2 of a list parted by space after each entry
    body = lines(72, 780, ["Filters smooth images [1], [2], [3] as shown [4]."])
    entries = [
        ["[1] Abel, A., & Brandt, B. (2020). Edge detection in", "teeth images."],
        [
            "[2] Clark, C. (2012). Convolution in image",
            "processing.",
            "Dunn, D., & Evans, E. (2018). Digital image",
            "processing. Pearson.",
        ],
        ["[3] Dunn, D., & Evans, E. (2018). Digital image", "processing. Pearson."],
        ["[4] Fox, F. (2019). Noise measures. Electronics, 8(11),", "1284."],
    ]
    runs = [*body, Run(72, 740, "REFERENCES", 10)]
    y = 720.0
    for entry in entries:
        for text in entry:
            runs.append(Run(72, y, text))
            y -= 12
        y -= 8
    doc = load(write_pdf(tmp_path / "skip.pdf", [runs]), "skip.pdf")
    assert [r.number for r in doc.references] == [1, 2, None, 3, 4]
    assert doc.references[1].text.endswith("processing.")


def test_supplement_with_its_own_list_after_the_main_one(tmp_path: Path) -> None:
    supplement = [
        "Supplementary Material",
        "The model controls for age as the backdoor rule asks (Quill, 1999).",
    ]
    runs = [*lines(72, 760, BODY), Run(72, 700, "References", 12), *lines(72, 680, HANGING)]
    runs2 = [*lines(72, 760, supplement), Run(72, 700, "Supplementary References", 12)]
    runs2 += lines(72, 680, ["Quill, J. (1999). Causal graphs for field data. Biometrics, 8, 1-9."])
    doc = load(write_pdf(tmp_path / "supp.pdf", [runs, runs2]), "supp.pdf")
    assert _families(doc) == ["Abernathy", "Bramwell", "Quill"]
    assert any(c.authors == ("Quill",) for c in doc.citations)
