"""The same manuscript in other Unicode encodings and legacy code pages.

Each case writes ``enc/<file>`` in the encoding under test and ``utf8/<file>`` in
UTF-8; a correct build gives both the same citations, references and findings.
The texts are written for this suite: prose in the language the code page serves, so
that detection has something to go on, and names that only that code page spells.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from . import Case, case

_LANG = {
    "de": (
        ["Müller", "Größer", "Weiß"],
        "Die Grundwasserneubildung in tropischen Becken hängt von der Landbedeckung und der "
        "Niederschlagsintensität ab. Über die Verwaltung gemeinsamer Grundwasserleiter wird "
        "zwischen den örtlichen Behörden gestritten, und die Ergebnisse sind schwer zu überprüfen. ",
    ),
    "es": (
        ["Núñez", "García", "Peña"],
        "La recarga de los acuíferos en cuencas tropicales depende de la cobertura del suelo y de "
        "la intensidad de la lluvia. La gestión compartida de los acuíferos sigue siendo objeto de "
        "discusión entre los organismos locales, según señalan varios estudios del año pasado. ",
    ),
    "cs": (
        ["Dvořák", "Šťastný", "Łukasiewicz"],
        "Doplňování podzemní vody v tropických povodích závisí na krajinném pokryvu a na intenzitě "
        "srážek. Správa sdílených zvodní zůstává předmětem sporů mezi místními úřady, což ukazují "
        "výsledky několika nezávislých měření. Źródła wód są też przedmiotem badań w Polsce. ",
    ),
    "ru": (
        ["Иванов", "Петрова", "Сидоров"],
        "Пополнение подземных вод в тропических бассейнах зависит от растительного покрова и "
        "интенсивности осадков. Управление общими водоносными горизонтами остаётся предметом "
        "споров между местными ведомствами, что подтверждают результаты нескольких измерений. ",
    ),
    "mixed": (
        ["Müller", "Dvořák", "王"],
        "Groundwater recharge depends on land cover — see the “basin” studies. Über die "
        "Verwaltung wird gestritten; 地下水の補給は土地被覆に依存する. ",
    ),
}


def manuscript(lang: str) -> str:
    """A Markdown manuscript in ``lang`` with one finding of each common kind."""
    names, prose = _LANG[lang]
    a, b, c = names
    return (
        f"# {prose.split('.')[0]}\n\n{prose * 3}\n\n"
        f"{prose} ({a}, 2019). {b} (2020) {prose}\n\n"
        f"{prose} ({a} & {b}, 2018). ({c}, 2015). ({a}, 2021)\n\n"
        "## References\n\n"
        f"{a}, A. (2019). {prose[:60].strip()}. Journal of Tests, 3(2), 1-9.\n\n"
        f"{b}, B. (2020). {prose[60:120].strip()}. Journal of Tests, 4(1), 10-19.\n\n"
        f"{a}, A., & {b}, B. (2017). {prose[120:170].strip()}. Journal of Tests, 5, 1-9.\n\n"
        f"{c}, C. (2011). {prose[30:90].strip()}. Uncited Press.\n"
    )


def _bom(encoding: str) -> bytes:
    return {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
        "utf-8": codecs.BOM_UTF8,
    }[encoding]


def _pair(folder: Path, name: str, text: str, encoding: str, bom: bool) -> Case:
    (folder / "enc").mkdir()
    (folder / "utf8").mkdir()
    (folder / "utf8" / name).write_text(text, encoding="utf-8")
    (folder / "enc" / name).write_bytes((_bom(encoding) if bom else b"") + text.encode(encoding))
    return Case(
        "",
        "",
        (f"enc/{name}", "--format", "json"),
        frozenset({0, 1}),
        twin=(f"utf8/{name}", "--format", "json"),
    )


def _register(label: str, lang: str, encoding: str, bom: bool) -> None:
    def gen(folder: Path, scale: float) -> Case:
        return _pair(folder, "paper.md", manuscript(lang), encoding, bom)

    gen.__name__ = f"gen_md_{label}"
    gen.__doc__ = (
        f"A {lang} Markdown manuscript in {encoding}{' with' if bom else ' without'} a BOM."
    )
    case("encoding")(gen)


for _label, _lang, _enc, _bom_on in (
    ("utf16le_nobom", "mixed", "utf-16-le", False),
    ("utf16be_nobom", "mixed", "utf-16-be", False),
    ("utf16le_bom", "mixed", "utf-16-le", True),
    ("utf16be_bom", "ru", "utf-16-be", True),
    ("utf32le_bom", "mixed", "utf-32-le", True),
    ("utf32be_bom", "de", "utf-32-be", True),
    ("utf32le_nobom", "mixed", "utf-32-le", False),
    ("utf8_bom", "mixed", "utf-8", True),
    ("cp1252", "de", "cp1252", False),
    ("latin1", "es", "latin-1", False),
    ("cp1250", "cs", "cp1250", False),
    ("koi8r", "ru", "koi8-r", False),
    ("cp1251", "ru", "cp1251", False),
):
    _register(_label, _lang, _enc, _bom_on)


def _bib_text() -> str:
    names, prose = _LANG["de"]
    return "".join(
        f"@article{{k{i},\n  author = {{{n}, A.}},\n  title = {{{prose[i * 40 : i * 40 + 60].strip()}}},\n"
        f"  journal = {{Zeitschrift für Tests}},\n  year = {{{2015 + i}}},\n}}\n\n"
        for i, n in enumerate(names)
    )


def _paired_refs(folder: Path, ref_name: str, ref_text: str, encoding: str, bom: bool) -> Case:
    for sub, enc, b in (("enc", encoding, bom), ("utf8", "utf-8", False)):
        (folder / sub).mkdir()
        (folder / sub / ref_name).write_bytes((_bom(enc) if b else b"") + ref_text.encode(enc))
        (folder / sub / "paper.md").write_text(
            f"---\nbibliography: {ref_name}\n---\n\n{_LANG['de'][1]}[@k0; @k1] [@k9]\n",
            encoding="utf-8",
        )
    return Case(
        "",
        "",
        ("enc/paper.md", "--format", "json"),
        frozenset({0, 1}),
        twin=("utf8/paper.md", "--format", "json"),
    )


@case("encoding")
def gen_bib_utf16le_nobom(folder: Path, scale: float) -> Case:
    """A ``.bib`` in UTF-16 LE without a BOM."""
    return _paired_refs(folder, "refs.bib", _bib_text(), "utf-16-le", False)


@case("encoding")
def gen_bib_cp1252(folder: Path, scale: float) -> Case:
    """A ``.bib`` in Windows-1252."""
    return _paired_refs(folder, "refs.bib", _bib_text(), "cp1252", False)


@case("encoding")
def gen_json_utf32be_bom(folder: Path, scale: float) -> Case:
    """CSL-JSON in UTF-32 BE with a BOM."""
    import json

    names, prose = _LANG["de"]
    items = [
        {
            "id": f"k{i}",
            "type": "article-journal",
            "title": prose[i * 40 : i * 40 + 60].strip(),
            "author": [{"family": n, "given": "A."}],
            "issued": {"date-parts": [[2015 + i]]},
        }
        for i, n in enumerate(names)
    ]
    return _paired_refs(
        folder, "refs.json", json.dumps(items, ensure_ascii=False), "utf-32-be", True
    )


@case("encoding")
def gen_yaml_utf16be_nobom(folder: Path, scale: float) -> Case:
    """CSL-YAML in UTF-16 BE without a BOM."""
    names, prose = _LANG["de"]
    items = "".join(
        f'- id: k{i}\n  type: article-journal\n  title: "{prose[i * 40 : i * 40 + 60].strip()}"\n'
        f"  author:\n    - family: {n}\n  issued:\n    date-parts: [[{2015 + i}]]\n"
        for i, n in enumerate(names)
    )
    return _paired_refs(folder, "refs.yaml", items, "utf-16-be", False)


@case("encoding")
def gen_ris_latin1(folder: Path, scale: float) -> Case:
    """A RIS file in Latin-1."""
    names, prose = _LANG["de"]
    items = "".join(
        f"TY  - JOUR\nID  - k{i}\nAU  - {n}, A.\nTI  - {prose[i * 40 : i * 40 + 60].strip()}\n"
        f"PY  - {2015 + i}\nER  - \n\n"
        for i, n in enumerate(names[:2])
    )
    return _paired_refs(folder, "refs.ris", items, "latin-1", False)


@case("encoding")
def gen_tex_latin1(folder: Path, scale: float) -> Case:
    """A LaTeX manuscript in Latin-1 (``inputenc`` latin1) with a UTF-8 ``.bib``."""
    _names, prose = _LANG["de"]
    tex = (
        "\\documentclass{article}\n\\usepackage[latin1]{inputenc}\n\\begin{document}\n"
        f"{prose * 3}\\cite{{k0}} und \\citet{{k1}}. Weiß \\cite{{k9}}.\n"
        "\\bibliography{refs}\n\\end{document}\n"
    )
    for sub, enc in (("enc", "latin-1"), ("utf8", "utf-8")):
        (folder / sub).mkdir()
        (folder / sub / "paper.tex").write_bytes(tex.encode(enc))
        (folder / sub / "refs.bib").write_text(_bib_text(), encoding="utf-8")
    return Case(
        "",
        "",
        ("enc/paper.tex", "--format", "json"),
        frozenset({0, 1}),
        twin=("utf8/paper.tex", "--format", "json"),
    )
