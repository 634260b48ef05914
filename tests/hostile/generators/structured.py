"""Deeply nested and alias-expanding JSON, YAML and XML (JATS)."""

from __future__ import annotations

from pathlib import Path

from . import Case, case
from ._base import PROSE, cite, small_manuscript, surname, write_chunks, year

DEPTH = 100_000  # far past any recursion limit; still only a few hundred kB
NESTED = r"too deeply nested \(more than \d[\d,]* levels\)"


def _md_with_bib(folder: Path, bib: str) -> None:
    (folder / "paper.md").write_text(
        f"---\nbibliography: {bib}\n---\n\n{PROSE}[@a1]\n", encoding="utf-8"
    )


@case("nesting")
def gen_json_deep_array(folder: Path, scale: float) -> Case:
    """CSL-JSON whose title field is an array nested 100,000 deep."""
    (folder / "refs.json").write_text(
        '[{"id": "a1", "type": "book", "title": ' + "[" * DEPTH + "]" * DEPTH + "}]",
        encoding="utf-8",
    )
    _md_with_bib(folder, "refs.json")
    return Case("", "", ("paper.md",), frozenset({2}), NESTED + r"|refs\.json")


@case("nesting")
def gen_json_deep_object(folder: Path, scale: float) -> Case:
    """CSL-JSON given directly, an object nested 100,000 deep."""
    (folder / "refs.json").write_text('{"a":' * DEPTH + "1" + "}" * DEPTH, encoding="utf-8")
    (folder / "paper.md").write_text(small_manuscript(), encoding="utf-8")
    return Case("", "", ("paper.md", "-r", "refs.json"), frozenset({2}), NESTED)


@case("nesting")
def gen_json_huge_int(folder: Path, scale: float) -> Case:
    """A CSL-JSON number with 100,000 digits (Python refuses int() past 4,300 digits)."""
    (folder / "refs.json").write_text(
        '[{"id": "a1", "type": "book", "title": "T", "volume": ' + "9" * 100_000 + "}]",
        encoding="utf-8",
    )
    _md_with_bib(folder, "refs.json")
    return Case("", "", ("paper.md",), frozenset({0, 1, 2}))


@case("nesting")
def gen_json_lone_surrogate(folder: Path, scale: float) -> Case:
    """JSON escapes that decode to lone surrogates (cannot be written back as UTF-8)."""
    (folder / "refs.json").write_text(
        '[{"id": "a1", "type": "book", "title": "T\\ud800\\udfff\\udc00", '
        '"author": [{"family": "M\\ud83d"}], "issued": {"date-parts": [[2019]]}}]',
        encoding="utf-8",
    )
    _md_with_bib(folder, "refs.json")
    return Case("", "", ("paper.md", "--format", "json"), frozenset({0, 1, 2}))


@case("nesting")
def gen_yaml_deep_flow(folder: Path, scale: float) -> Case:
    """CSL-YAML with flow sequences nested 100,000 deep."""
    (folder / "refs.yaml").write_text(
        "- id: a1\n  title: " + "[" * DEPTH + "]" * DEPTH + "\n", encoding="utf-8"
    )
    _md_with_bib(folder, "refs.yaml")
    return Case("", "", ("paper.md",), frozenset({2}), NESTED)


@case("nesting")
def gen_yaml_deep_block(folder: Path, scale: float) -> Case:
    """CSL-YAML with block sequences nested 1,000 deep (indentation grows: 1 MB)."""
    depth = 1000  # 3,000 would be 9 MB, refused by size before its depth is seen
    lines = ["- id: a1\n  title:\n"]
    lines += [" " * (2 + 2 * d) + "-\n" for d in range(depth)]
    lines.append(" " * (2 + 2 * depth) + "- x\n")
    (folder / "refs.yaml").write_text("".join(lines), encoding="utf-8")
    _md_with_bib(folder, "refs.yaml")
    return Case("", "", ("paper.md",), frozenset({2}), NESTED)


@case("nesting")
def gen_frontmatter_deep(folder: Path, scale: float) -> Case:
    """Markdown front matter with flow mappings nested 100,000 deep."""
    (folder / "paper.md").write_text(
        "---\ntitle: " + "{a: " * DEPTH + "1" + "}" * DEPTH + f"\n---\n\n{PROSE}{cite(0)}\n",
        encoding="utf-8",
    )
    return Case("", "", ("paper.md",), frozenset({2}), NESTED)


def _laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for k in range(1, levels):
        refs = ", ".join(f"*a{k - 1}" for _ in range(width))
        lines.append(f"a{k}: &a{k} [{refs}]")
    return "\n".join(lines)


ALIAS = r"alias"


@case("alias")
def gen_yaml_alias_bomb(folder: Path, scale: float) -> Case:
    """CSL-YAML "billion laughs": 9 levels of 9 aliases (< 1 kB, 387 million nodes)."""
    (folder / "refs.yaml").write_text(
        _laughs() + f"\nreferences:\n  - id: a1\n    title: *a{8}\n", encoding="utf-8"
    )
    _md_with_bib(folder, "refs.yaml")
    return Case("", "", ("paper.md",), frozenset({2}), ALIAS)


@case("alias")
def gen_frontmatter_alias_bomb(folder: Path, scale: float) -> Case:
    """The same alias bomb in a Markdown front matter."""
    (folder / "paper.md").write_text(
        "---\n" + _laughs() + "\nbibliography: refs.bib\n---\n\n" + PROSE + "[@a1]\n",
        encoding="utf-8",
    )
    return Case("", "", ("paper.md",), frozenset({2}), ALIAS)


@case("alias")
def gen_yaml_alias_wide(folder: Path, scale: float) -> Case:
    """Many aliases to one large anchored list (linear, not exponential: 10,000 x 1,000)."""
    anchor = "base: &b [" + ", ".join(f"w{i}" for i in range(1000)) + "]\n"
    items = "".join(f"  - id: a{i}\n    title: *b\n" for i in range(10_000))
    (folder / "refs.yaml").write_text(anchor + "references:\n" + items, encoding="utf-8")
    _md_with_bib(folder, "refs.yaml")
    return Case("", "", ("paper.md",), frozenset({2}), ALIAS)


@case("alias")
def gen_yaml_recursive_alias(folder: Path, scale: float) -> Case:
    """A YAML node that contains itself (``&a [*a]``)."""
    (folder / "refs.yaml").write_text(
        "references: &a\n  - id: a1\n    title: *a\n", encoding="utf-8"
    )
    _md_with_bib(folder, "refs.yaml")
    return Case("", "", ("paper.md",), frozenset({2}), ALIAS)


def _jats(body: str, back: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<article><front><article-meta><title-group>'
        "<article-title>A study</article-title></title-group></article-meta></front>"
        f"<body>{body}</body><back>{back}</back></article>\n"
    )


def _jats_refs(n: int) -> str:
    refs = "".join(
        f'<ref id="r{i}"><mixed-citation>{surname(i)}, A. ({year(i)}). Study {i}. '
        "<source>J</source>.</mixed-citation></ref>"
        for i in range(n)
    )
    return f"<ref-list><title>References</title>{refs}</ref-list>"


@case("nesting")
def gen_jats_deep_sec(folder: Path, scale: float) -> Case:
    """JATS with 100,000 nested ``<sec>`` elements (1 MB)."""
    (folder / "paper.xml").write_text(
        _jats("<sec>" * DEPTH + f"<p>{PROSE}</p>" + "</sec>" * DEPTH, _jats_refs(2)),
        encoding="utf-8",
    )
    return Case("", "", ("paper.xml",), frozenset({2}), NESTED)


@case("nesting")
def gen_jats_deep_inline(folder: Path, scale: float) -> Case:
    """JATS with 100,000 nested ``<italic>`` inside a reference."""
    ref = (
        '<ref-list><ref id="r0"><mixed-citation>'
        + "<italic>" * DEPTH
        + "X"
        + "</italic>" * DEPTH
        + "</mixed-citation></ref></ref-list>"
    )
    (folder / "paper.xml").write_text(_jats(f"<p>{PROSE}</p>", ref), encoding="utf-8")
    return Case("", "", ("paper.xml",), frozenset({2}), NESTED)


@case("size")
def gen_jats_many_titles(folder: Path, scale: float) -> Case:
    """JATS with 200,000 sections, each with a title (7 MB)."""
    n = int(200_000 * scale)
    secs = "".join(f"<sec><title>Part {i}</title><p>x</p></sec>" for i in range(n))
    (folder / "paper.xml").write_text(_jats(secs, _jats_refs(2)), encoding="utf-8")
    return Case("", "", ("paper.xml",), frozenset({0, 1}))


@case("nesting")
def gen_jats_entities(folder: Path, scale: float) -> Case:
    """XML "billion laughs" entity expansion (already refused: keep it so)."""
    ents = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10)
    )
    (folder / "paper.xml").write_text(
        f'<?xml version="1.0"?><!DOCTYPE article [{ents}]><article><body><p>&l9;</p></body></article>',
        encoding="utf-8",
    )
    return Case("", "", ("paper.xml",), frozenset({2}), r"entit")


@case("paths")
def gen_jats_external_entity(folder: Path, scale: float) -> Case:
    """XML external entity pointing at a file outside the project (XXE)."""
    (folder / "paper.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<article><body><p>&x;</p></body></article>",
        encoding="utf-8",
    )
    return Case("", "", ("paper.xml",), frozenset({2}), r"entit")


@case("size")
def gen_json_many_items(folder: Path, scale: float) -> Case:
    """CSL-JSON with 200,000 items against a short manuscript."""
    n = int(200_000 * scale)
    items = ",".join(
        f'{{"id":"k{i}","type":"article-journal","title":"Study {i}",'
        f'"author":[{{"family":"{surname(i)}"}}],"issued":{{"date-parts":[[{year(i)}]]}}}}'
        for i in range(n)
    )
    (folder / "refs.json").write_text(f"[{items}]", encoding="utf-8")
    (folder / "paper.md").write_text(
        f"---\nbibliography: refs.json\n---\n\n{PROSE}[@k0; @k1]\n", encoding="utf-8"
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))


def _csl_yaml(folder: Path, n: int) -> None:
    write_chunks(
        folder / "refs.yaml",
        (
            f"- id: k{i}\n  type: article-journal\n  title: Study {i}\n"
            f"  author:\n  - family: {surname(i)}\n  issued:\n    date-parts:\n    - [{year(i)}]\n"
            for i in range(n)
        ),
    )
    (folder / "paper.md").write_text(
        f"---\nbibliography: refs.yaml\n---\n\n{PROSE}[@k0; @k1]\n", encoding="utf-8"
    )


@case("size")
def gen_yaml_many_items(folder: Path, scale: float) -> Case:
    """CSL-YAML of 40,000 items (5 MB): past the YAML size read, refused at once."""
    _csl_yaml(folder, max(int(40_000 * scale), 20_000))  # always past 2,000,000 characters
    return Case("", "", ("paper.md",), frozenset({2}), r"characters of YAML is more than")


@case("size")
def gen_yaml_items(folder: Path, scale: float) -> Case:
    """CSL-YAML of 40,000 items (5 MB) at any scale: read below the YAML limit, else refused."""
    _csl_yaml(folder, max(int(40_000 * scale), 1))
    return Case("", "", ("paper.md",), frozenset({0, 1, 2}))


@case("size")
def gen_ris_many_records(folder: Path, scale: float) -> Case:
    """RIS of 200,000 records (13 MB) against a short manuscript."""
    n = max(int(200_000 * scale), 1)
    write_chunks(
        folder / "refs.ris",
        (
            f"TY  - JOUR\nID  - k{i}\nAU  - {surname(i)}, A.\nTI  - Study {i}\n"
            f"PY  - {year(i)}\nER  - \n"
            for i in range(n)
        ),
    )
    (folder / "paper.md").write_text(
        f"---\nbibliography: refs.ris\n---\n\n{PROSE}[@k0; @k1]\n", encoding="utf-8"
    )
    return Case("", "", ("paper.md",), frozenset({0, 1}))
