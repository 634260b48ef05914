"""BibTeX reference files through bibtexparser 2.

Parse failures are data: a broken entry or a duplicate key becomes a
:class:`~citecheck.model.document.Problem` with its line, and the rest is still read.
Handles ``@string`` macros, month macros, ``crossref``/``xdata`` inheritance,
brace-protected corporate authors and LaTeX accents.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import bibtexparser
from bibtexparser.middlewares.names import (
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from citecheck.gcpause import gc_paused
from citecheck.loaders._bibtex_inherit import MAX_CHAIN, Inheritance
from citecheck.loaders._bibtex_salvage import (
    Budget,
    Salvaged,
    broken_entry,
    duplicate_field,
    resolve,
)
from citecheck.loaders.files import read_text
from citecheck.loaders.refcap import Taker
from citecheck.loaders.suppress import assign_suppressions, suppressions_for
from citecheck.model.document import Author, LineIndex, Location, Problem, Reference, ReferenceKind

# bibtexparser logs every failed block; we report them as findings instead.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())
logging.getLogger("bibtexparser").propagate = False

_KINDS: dict[str, ReferenceKind] = {
    "article": "article",
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "conference",
    "conference": "conference",
    "proceedings": "conference",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "techreport": "report",
    "report": "report",
    "online": "web",
    "electronic": "web",
    "www": "web",
    "dataset": "dataset",
    "data": "dataset",
    "software": "software",
    "unpublished": "other",
    "misc": "other",
    "manual": "report",
    "booklet": "book",
    "collection": "book",
    "legislation": "law",
    "legal": "law",
    "jurisdiction": "law",
}
_YEAR = re.compile(r"(\d{4}[a-z]?)")


@lru_cache(maxsize=1)
def _latex() -> Any:
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


def latex_to_text(value: str) -> str:
    """LaTeX accents and commands to Unicode; braces and runs of spaces removed."""
    if "\\" in value or "{" in value or "$" in value or "~" in value:
        try:
            value = _latex().latex_to_text(value)
        except Exception:  # pylatexenc is lenient, but never let a field crash a run
            value = value.replace("{", "").replace("}", "")
    return " ".join(value.split())


# "Family, Given and Family, Given" with nothing for LaTeX to convert: every name has one
# comma, so its family part is all before the comma (von and last alike) and its given
# names all after (bibtexparser's reading, at a fraction of the cost on a shared .bib).
_PLAIN_NAMES = re.compile(r"[^{}\\$~]*")
_AND = re.compile(r"\s+and\s+")


def _plain_authors(raw: str) -> tuple[tuple[Author, ...], bool] | None:
    """:func:`_authors` of a plain "Family, Given and ..." list, or None when it is not
    one (braces, LaTeX, names without exactly one comma, "and" written otherwise)."""
    text = raw.strip(" \r\n\t")
    if (
        not text
        or not _PLAIN_NAMES.fullmatch(text)
        or re.search(r"(?i)\band\b", text.replace(" and ", " "))
    ):
        return None
    people: list[Author] = []
    et_al = False
    for name in _AND.split(text):
        name = name.strip()
        if name.lower() == "others":
            et_al = True
            continue
        if name.count(",") != 1:
            return None
        family, given = (" ".join(p.split()) for p in name.split(","))
        if not family or not given:
            return None
        people.append(Author(family=family, given=given))
    return tuple(people), et_al


def _authors(raw: str) -> tuple[tuple[Author, ...], bool]:
    plain = _plain_authors(raw)
    if plain is not None:
        return plain
    return _bibtex_authors(raw)


def _bibtex_authors(raw: str) -> tuple[tuple[Author, ...], bool]:
    people: list[Author] = []
    et_al = False
    for name in split_multiple_persons_names(raw):
        name = name.strip()
        if not name:
            continue
        if name.lower() == "others":
            et_al = True
            continue
        if name.startswith("{") and name.endswith("}") and name.count("{") == 1:
            people.append(Author(family=latex_to_text(name[1:-1]), corporate=True))
            continue
        try:
            parts = parse_single_name_into_parts(name, strict=False)
        except Exception:
            people.append(Author(family=latex_to_text(name)))
            continue
        family = latex_to_text(" ".join(parts.von + parts.last))
        given = latex_to_text(" ".join(parts.first)) or None
        if family:
            people.append(Author(family=family, given=given))
    return tuple(people), et_al


def _field(fields: dict[str, str], *names: str) -> str | None:
    for n in names:
        v = fields.get(n)
        if v:
            text = latex_to_text(v)
            if text:
                return text
    return None


def _reference(
    entry_type: str, key: str, fields: dict[str, str], loc: Location, raw: str
) -> Reference:
    authors, et_al = _authors(fields.get("author") or fields.get("editor") or "")
    year = None
    year_src = fields.get("year") or fields.get("date") or ""
    m = _YEAR.search(year_src)
    if m:
        year = m.group(1)
    elif year_src.strip().lower() in {"n.d.", "nd", "in press", "forthcoming"}:
        year = year_src.strip().lower()
    doi = _field(fields, "doi")
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I).strip()
    kind = _KINDS.get(entry_type.lower(), "other")
    eprint_type = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    if eprint_type in {"arxiv", "biorxiv", "medrxiv"}:
        kind = "preprint"
    pages = _field(fields, "pages")
    if pages:
        pages = pages.replace("--", "-").replace("–", "-")
    return Reference(
        text=raw,
        authors=authors,
        et_al=et_al,
        year=year,
        title=_field(fields, "title"),
        container=_field(fields, "journal", "journaltitle", "booktitle", "series"),
        volume=_field(fields, "volume"),
        issue=_field(fields, "number", "issue"),
        pages=pages,
        publisher=_field(fields, "publisher", "institution", "school", "organization"),
        doi=doi,
        url=_field(fields, "url"),
        key=key,
        kind=kind,
        location=loc,
        source="bibtex",
        fields={k: v for k, v in fields.items()},
    )


# the start of a block: "@type{key," at the start of a line (what a pre-scan can see)
_BLOCK = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s{}()\"#%'=]*)", re.MULTILINE)
_NOT_ENTRIES = frozenset({"string", "preamble", "comment"})
_PARENT = re.compile(r"\b(?:crossref|xdata)\s*=\s*[{\"]?([^}\"\n]*)", re.IGNORECASE)


def _select_blocks(text: str, taker: Taker) -> str:
    """``text`` with the entries ``taker`` does not read blanked (their lines kept).

    Runs before bibtexparser, which would otherwise build every entry of a huge file.
    ``@string`` and ``@preamble`` blocks are always kept, and so are the ``crossref`` and
    ``xdata`` parents of kept entries (up to the chain limit).
    """
    blocks = list(_BLOCK.finditer(text))
    bounds = [m.start() for m in blocks] + [len(text)]
    keep = [False] * len(blocks)
    by_key: dict[str, int] = {}
    line, last = 1, 0
    for j, m in enumerate(blocks):
        line += text.count("\n", last, m.start())
        last = m.start()
        kind, key = m.group(1).lower(), m.group(2)
        if kind in _NOT_ENTRIES:
            keep[j] = True
            continue
        by_key.setdefault(key.lower(), j)
        keep[j] = kind == "xdata" or taker.take(key or None, line)
    wanted = [j for j, k in enumerate(keep) if k]
    for _ in range(MAX_CHAIN):  # parents of kept entries, level by level
        parents = []
        for j in wanted:
            body = text[bounds[j] : bounds[j + 1]]
            for m in _PARENT.finditer(body):
                for name in m.group(1).split(","):
                    p = by_key.get(name.strip().lower())
                    if p is not None and not keep[p]:
                        keep[p] = True
                        parents.append(p)
        if not parents:
            break
        wanted = parents
    pieces = [text[: bounds[0]]]
    for j in range(len(blocks)):
        block = text[bounds[j] : bounds[j + 1]]
        pieces.append(block if keep[j] else "\n" * block.count("\n"))
    return "".join(pieces)


def parse_bibtex_string(text: str, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Every entry of a BibTeX source as a :class:`Reference`; broken ones as problems.

    At most the references budget of :mod:`citecheck.loaders.refcap` is read (cited
    entries first); a problem says where reading stopped. The entries hold no reference
    cycles, so the cyclic garbage collector is paused while they are built.
    """
    with gc_paused():
        return _parse_bibtex_string(text, display_path)


def _parse_bibtex_string(text: str, display_path: str) -> tuple[list[Reference], list[Problem]]:
    from bibtexparser.middlewares import ResolveStringReferencesMiddleware

    taker = Taker()
    preselected = len(text) > 1_000_000  # a big file: choose before bibtexparser builds it
    if preselected:
        text = _select_blocks(text, taker)

    library = bibtexparser.parse_string(  # type: ignore[attr-defined,unused-ignore]
        text, parse_stack=[ResolveStringReferencesMiddleware(allow_inplace_modification=True)]
    )
    problems: list[Problem] = []
    lines = text.split("\n")
    items = _items(library, display_path, problems)
    entries: dict[str, dict[str, str]] = {}  # crossref/xdata parents by key (first wins)
    for item in items:
        entries.setdefault(item.key.lower(), item.fields)
    refs: list[Reference] = []
    inheritance = Inheritance(entries)
    first_line: dict[str, int] = {}
    for item in items:
        fields = dict(item.fields)
        if "crossref" in fields or "xdata" in fields:
            fields = inheritance.fields(item.key.lower(), fields)
        line = item.start_line + 1
        first_line.setdefault(item.key.lower(), line)
        if item.entry_type.lower() == "xdata":
            continue  # a field container for other entries (biblatex): never cited or printed
        if not preselected and not taker.take(item.key, line):
            continue
        if fields.get("month"):
            fields["month"] = _month(fields["month"])
        raw = item.raw or "\n".join(lines[line - 1 : line])
        loc = Location(path=display_path, line=line, column=1)
        refs.append(_reference(item.entry_type, item.key, fields, loc, raw))
    for found in (inheritance.issues.cycles, inheritance.issues.too_long):
        if found:
            key, what = next(iter(found.items()))
            more = f" (and {len(found) - 1:,} more entries)" if len(found) > 1 else ""
            problems.append(
                Problem(
                    message=f"BibTeX {what}{more}: inherited fields beyond it are not read",
                    location=Location(path=display_path, line=first_line.get(key, 1), column=1),
                    kind="inheritance-limit",
                    evidence={"entries": len(found)},
                )
            )
    capped = taker.problem(display_path)
    if capped is not None:
        problems.append(capped)
    marks = suppressions_for(text, "bibtex")
    if marks and refs:
        index = LineIndex(text)
        starts = [index.line_start(r.location.line) for r in refs]
        _, by_ref = assign_suppressions(marks, (), starts)
        refs = [
            r.model_copy(update={"suppressed": by_ref[i]}) if i in by_ref else r
            for i, r in enumerate(refs)
        ]
    return refs, problems


def _items(library: Any, path: str, problems: list[Problem]) -> list[Salvaged]:
    """The entries of ``library`` in file order, with those BibTeX keeps although
    bibtexparser refused them (:mod:`~citecheck.loaders._bibtex_salvage`); keyless,
    duplicate and broken entries are added to ``problems``."""
    strings = {str(b.key).lower(): _unquote(str(b.value)) for b in library.strings}
    items: list[Salvaged] = []
    keys: set[str] = set()

    def add(item: Salvaged) -> None:
        if not item.key.strip():
            problems.append(_problem(path, item.start_line, "keyless", item.raw))
        elif item.key in keys:  # a repeated key is ignored (the first wins)
            problems.append(_problem(path, item.start_line, "duplicate-key", item.key))
        else:
            keys.add(item.key)
            items.append(item)

    found: list[tuple[int, Salvaged | None, Problem | None]] = []
    for e in library.entries:
        fields = {f.key.lower(): _unquote(str(f.value)) for f in e.fields}
        found.append(
            (
                e.start_line or 0,
                Salvaged(e.entry_type, e.key, fields, e.start_line or 0, e.raw or ""),
                None,
            )
        )
    budget = Budget()
    for block in library.failed_blocks:
        start = block.start_line or 0
        kind = type(block).__name__
        if kind == "DuplicateBlockKeyBlock":
            key = str(getattr(block, "key", "?"))
            if not key.strip():  # a second entry without a key is not a repeated key
                found.append((start, None, _problem(path, start, "keyless", block.raw or "")))
                continue
            found.append((start, None, _problem(path, start, "duplicate-key", key)))
            continue
        entry = block.ignore_error_block
        if kind == "DuplicateFieldKeyBlock" and entry is not None:
            pairs = [(f.key, _unquote(resolve(str(f.value), strings))) for f in entry.fields]
            item, problem = duplicate_field(
                entry.entry_type, entry.key, pairs, start, block.raw or "", path
            )
            found.append((start, item, problem))
            continue
        got = broken_entry(block.raw or "", start, strings, budget)
        if got is not None:
            fields = {k: _unquote(v) for k, v in got.fields.items()}
            got = Salvaged(got.entry_type, got.key, fields, start, got.raw)
        first = (block.raw or "").split("\n", 1)[0][:80]
        kept = (
            f"; BibTeX keeps the entry '{got.key}' with the fields before the error, and so does citecheck"
            if got is not None
            else ""
        )
        found.append(
            (
                start,
                got,
                Problem(
                    message=f"BibTeX entry could not be parsed: {first}{kept}",
                    location=Location(path=path, line=start + 1, column=1),
                    evidence={"error": _reason(getattr(block, "error", None))},
                ),
            )
        )
    for _, got_item, got_problem in sorted(found, key=lambda f: f[0]):
        if got_item is not None:
            add(got_item)
        if got_problem is not None:
            problems.append(got_problem)
    return items


def _reason(error: object) -> str:
    """What bibtexparser says went wrong (its abort exceptions keep it in an attribute)."""
    text = str(error or "") or str(getattr(error, "abort_reason", "") or "")
    return " ".join(text.split())[:300] or "syntax error"


def _problem(path: str, start: int, kind: str, what: str) -> Problem:
    loc = Location(path=path, line=start + 1, column=1)
    if kind == "duplicate-key":
        return Problem(
            message=f"duplicate BibTeX key '{what}': this entry is ignored by BibTeX",
            location=loc,
            kind="duplicate-key",
            evidence={"key": what},
        )
    first = what.split("\n", 1)[0][:80]
    return Problem(
        message=f"BibTeX entry without a key: {first}; it can never be cited (and Pandoc "
        "refuses the whole file)",
        location=loc,
        kind="keyless-entry",
    )


_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


def _month(value: str) -> str:
    v = value.strip().lower()[:3]
    return str(_MONTHS[v]) if v in _MONTHS else value


def _unquote(value: str) -> str:
    v = value.strip()
    if len(v) >= 2 and ((v[0] == "{" and v[-1] == "}") or (v[0] == '"' and v[-1] == '"')):
        return v[1:-1]
    return v


def load_references(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Read a ``.bib`` file."""
    text, _encoding = read_text(path)
    return parse_bibtex_string(text, display_path)
