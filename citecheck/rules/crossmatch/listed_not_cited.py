"""listed-not-cited (CC102): a reference entry is never cited in the text.

Why it matters
--------------
Most styles (APA, Harvard, Vancouver, and Indonesian journals' "Daftar Pustaka"
rules) require that every listed work is cited. An uncited entry is padding, a
leftover from an earlier draft, or a citation that was lost while editing.
An entry counts as cited when any citation links to it, even one with a misspelt
name or a wrong year (those are reported by their own rules).

Example
-------
Bad: "Emerson, K. (2012). An integrative framework ..." is listed, but no
"(Emerson, 2012)" appears in the text.

Good: cite it where it is used, or remove the entry.

Statutes are usually named in the prose rather than cited by author and year
("sebagaimana diatur dalam Undang-Undang Nomor 23 Tahun 2014"): an entry whose title
carries a statute number and year ("Nomor 23 Tahun 2014", "No. 6 of 2014") counts as
cited when the text outside the reference list names the same number and year. So
does a typed entry whose authors the prose names with its year, without a citation
("In 2016, Ayu Wiranata and Budi Halim studied ..." for "Wiranata, A., & Halim, B.
(2016)"): the first author's surname, the second's when there are
two or more, and the year in one paragraph, within a few lines. An entry without a
year counts as cited when the text names its first author with the first initial as
the entry prints them ("MEYER A.H."): a citation of an undated work has no year to read
(a bracketed one with an empty year slot, "(MEYER A.H., )", is year-mismatch's). An
organisation's entry counts as cited when the prose introduces the organisation by its
full name and its abbreviation ("... a report of the Association of Invented Examiners
(AIE) ...") and no other entry has it as first author. An undated ABNT entry of a body
in capitals ("GIT. Documentação oficial. ... Acesso em 16 set. 2019.": the access date
is not a publication year) counts as cited by "(GIT)" or "(GIT, s.d.)" in the text, or
by the uncertain date the entry prints ("BOOTSTRAP. ... [201-]." cited "(BOOTSTRAP,
[201-])").

Entries of a bibliography database are not reported: when Pandoc (``bibliography:``
or inline ``references:`` metadata, R Markdown, Quarto) or LaTeX (``\\bibliography``,
``\\addbibresource``) makes the printed list, citeproc, BibTeX and biber print only
the cited entries, so an uncited entry of the ``.bib``/CSL file never reaches the
reader; the file is a library, not the manuscript's list. ``nocite`` keys count as
cited and ``nocite: '@*'`` / ``\\nocite{*}`` print everything on purpose. A database
entry whose key the Pandoc text names in brackets without ``@`` ("[smith2019]", printed
as it is) is reported, at that line. Typed lists
(Markdown, text, DOCX, PDF, ``\\bibitem``) are checked, and so are reference files
given to a manuscript whose list is not made from them (``--references`` with a DOCX).

Configuration
-------------
``unused-database-entries = true`` also reports the database entries nobody cites, as
info (to tidy a ``.bib`` file).

``allow-uncited = ["emerson2012", "Emerson, K. (2012)"]`` lists entries (by key, or by
the start of their text) that are listed on purpose (a further-reading list).
Shared bibliographies (``shared-bibliography = true`` or a reference file used by
several manuscripts) are not checked. When no in-text citation is read at all, the
entries are not reported one by one (the text may cite them in a form citecheck does
not read, such as footnotes): one error says that none of the typed list's entries is
linked to the text, so a manuscript that was not checked does not pass (a further-reading
list is allowed with ``allow-uncited``). Bibliography databases
and reference files checked on their own are exempt. When every entry is printed on
purpose (``\\nocite{*}``, ``nocite: '@*'``, a shared bibliography) and no in-text
citation is read, one warning says so: nothing in the list was checked against the
text, and a run must not call that "no problems". The same warning, once, when the
text declares a bibliography database (Pandoc ``bibliography:``, ``\\bibliography``)
and not one citation of it is read: a template's unused ``.bib``, or chapters and
citations citecheck did not find.

A list of more than 3,000 entries is not a manuscript's own reference list (the
longest real lists we have measured are shared bibliographies: ``tugboat.bib`` holds
about 4,800 entries; a long review cites a few hundred works). Its uncited entries are
reported as one finding with their count and the first few, not one warning each.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from citecheck.model.document import Document, LineIndex, Location, Reference
from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.crossmatch._common import excerpt
from citecheck.text.names import acronyms, fold
from citecheck.text.years import ACCESSED


def _allowed(ref: Reference, allowed: tuple[str, ...]) -> bool:
    text = " ".join(ref.text.split()).casefold()
    for item in allowed:
        want = item.strip()
        if not want:
            continue
        if ref.key and (want == ref.key or want.casefold() == ref.key.casefold()):
            return True
        if text.startswith(" ".join(want.split()).casefold()):
            return True
    return False


# "Nomor 23 Tahun 2014", "No. 12 Tahun 2019", "No 6/2014", "Number 6 of 2014"
_STATUTE_ID = re.compile(
    r"\b(?:Nomor|Nomer|No|Nr|Number)\.?\s*(\d{1,4})\s*(?:Tahun|of|/)\s*((?:1[89]|20)\d\d)\b",
    re.IGNORECASE,
)


def _statute_ids(text: str) -> list[tuple[str, str]]:
    """(number, year) of every statute number in ``text``."""
    return [(m.group(1).lstrip("0"), m.group(2)) for m in _STATUTE_ID.finditer(text)]


def _named_in_prose(doc: Document) -> set[tuple[str, str]]:
    """Statute numbers the text names outside the reference entries themselves
    (the document text may include the bibliography, so its mentions are subtracted)."""
    seen = Counter(_statute_ids(doc.text))
    for ref in doc.references:
        seen.subtract(_statute_ids(ref.text))
    return {k for k, n in seen.items() if n > 0}


_WINDOW = 250  # how far from the author's name the year may stand in a prose mention


def _list_region(doc: Document) -> tuple[int, int]:
    """Offsets of the typed list in ``doc.text`` (from its first to after its last
    entry), or an empty span when the entries do not come from the text."""
    index = LineIndex(doc.text)
    starts = []
    for ref in doc.references:
        if ref.source != "bibliography" or ref.location.line is None:
            continue
        if ref.location.path != doc.path:
            continue  # a reference file read beside the manuscript: not in its text
        try:
            starts.append((index.line_start(ref.location.line), len(ref.text)))
        except IndexError:
            continue
    if not starts:
        return (0, 0)
    first = min(a for a, _n in starts)
    last, size = max(starts)
    return (first, last + size)


def _mentioned_in_prose(doc: Document, ref: Reference, region: tuple[int, int]) -> bool:
    """The entry's authors and its year named together in the running text, without a
    citation: "In 2016, Ayu Wiranata and Budi Halim studied ..." for
    "Wiranata, A., & Halim, B. (2016)". The first author's surname (and the
    second's, for two or more authors) and the year stand in one paragraph within
    a few lines of each other, outside the list."""
    if not ref.authors:
        return False
    if ref.authors[0].corporate:
        return _organisation_introduced(doc, ref, region)
    year = (ref.year or "")[:4]
    names = [a.family for a in ref.authors[:2] if not a.corporate]
    if not names or any(len(n) < 3 for n in names):
        return False
    text = doc.text
    if not year.isdigit():
        return _undated_named(text, ref, region)
    for m in re.finditer(rf"(?<!\w){re.escape(names[0])}(?!\w)", text):
        if region[0] <= m.start() < region[1]:
            continue
        lo, hi = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        para_lo = text.rfind("\n\n", lo, m.start())
        para_hi = text.find("\n\n", m.end(), hi)
        window = text[para_lo + 1 if para_lo >= 0 else lo : para_hi if para_hi >= 0 else hi]
        if ref.text[:40] in window:
            continue  # the entry itself, where its place in the text is not known
        if not re.search(rf"(?<!\d){year}(?!\d)", window):
            continue
        if all(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", window) for n in names[1:]):
            return True
    return False


def _organisation_introduced(doc: Document, ref: Reference, region: tuple[int, int]) -> bool:
    """The text introduces the entry's organisation by its full name and abbreviation,
    "... menurut laporan Association of Certified Fraud Examiners (ACFE), ...", outside
    the list, and no other entry has that organisation as its first author: the prose
    names the source, as a narrative citation would, only without a year."""
    first = ref.authors[0]
    name = " ".join(first.family.split())
    if len(name.split()) < 2:
        return False
    key = fold(name)
    if sum(1 for r in doc.references if r.authors and fold(r.authors[0].family) == key) > 1:
        return False
    spelled = r"\s+".join(re.escape(w) for w in name.split())
    entry = " ".join(ref.text.split())[:80]
    for m in re.finditer(rf"(?<!\w){spelled}\s?[(\[]([^()\[\]\n]{{2,15}})[)\]]", doc.text):
        if region[0] <= m.start() < region[1]:
            continue
        if " ".join(doc.text[m.start() : m.start() + 2 * len(entry)].split()).startswith(entry):
            continue  # the entry itself, where its place in the text is not known
        abbr = m.group(1).strip()
        folded = fold(abbr).replace(" ", "")
        if (first.abbreviation and folded == fold(first.abbreviation).replace(" ", "")) or (
            abbr.isupper() and folded in acronyms(name)
        ):
            return True
    return False


def _undated_named(text: str, ref: Reference, region: tuple[int, int]) -> bool:
    """An undated entry named in the text by its first author's surname and first
    initial as the entry prints them ("MEYER A.H." for "MEYER A.H. Structure ...",
    "(CONDÉ T.M., )" as citeproc prints an entry without a year): there is no year
    for a citation to carry, so the name is the citation."""
    first = ref.authors[0]
    initial = (first.given or "").lstrip()[:1]
    if not initial.isalpha():
        return False
    pattern = rf"(?<!\w){re.escape(first.family)},?[ \t]+{re.escape(initial)}\."
    for m in re.finditer(pattern, text):
        if region[0] <= m.start() < region[1] or ref.text[:40] in text[m.start() : m.start() + 60]:
            continue
        return True
    return False


# ABNT's corporate author in capitals, then a period: "GIT. Documentação oficial."
_CAPITAL_BODY = re.compile(r"(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ0-9&-]{2,40})\.\s")
# ABNT's uncertain dates: "[201-]" (the decade), "[20--]" (the century), "[2015?]".
_UNCERTAIN = r"\[(?:1[5-9]|20)(?:\d-|--)\??\]|\[(?:1[5-9]|20)\d\d\?\]"
_NO_DATE = re.compile(r"(?<!\w)(?:s\.\s?d\.|s/d|\[s\.d\.\]|n\.\s?d\.)(?!\w)", re.IGNORECASE)


def _undated_body_cited(doc: Document, ref: Reference, region: tuple[int, int]) -> bool:
    """An undated entry of a body in capitals ("GIT. Documentação oficial. ... Acesso em
    16 set. 2019.") cited as ABNT cites it, by the name alone: "(GIT)", "(GIT, s.d.)",
    or with the uncertain date the entry prints: "(BOOTSTRAP, [201-])".
    Only when no other entry starts with that name."""
    m = _CAPITAL_BODY.match(" ".join(ref.text.split()))
    if m is None:
        return False
    name = m.group("name")
    rest = ACCESSED.sub(" ", ref.text)  # an access date's year is not the work's
    if re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", rest) and not _NO_DATE.search(rest):
        return False  # a dated entry: its citation carries the year
    if sum(1 for r in doc.references if " ".join(r.text.split()).startswith(name + ".")) > 1:
        return False
    pattern = rf"\({re.escape(name)}(?:,\s*(?:s\.\s?d\.|s/d|\[s\.d\.\]|n\.\s?d\.|{_UNCERTAIN}))?\)"
    for hit in re.finditer(pattern, doc.text):
        if not region[0] <= hit.start() < region[1]:
            return True
    return False


#: above this many entries the uncited ones are summarised in one finding
LARGE_LIST = 3000
_SHOWN = 5  # uncited entries named in the summary


def _uncited(ctx: RuleContext) -> Iterator[int]:
    """Indices of the entries no citation links to (allowed and named statutes left out)."""
    doc = ctx.document
    cited = ctx.links.cited_references()
    parents = _parents_of(doc.references, cited)
    named: set[tuple[str, str]] | None = None
    region: tuple[int, int] | None = None
    for i, ref in enumerate(doc.references):
        if i in cited or _allowed(ref, ctx.settings.allow_uncited):
            continue
        if ref.key and ref.key.lower() in parents:
            continue  # BibTeX/biber read it for a cited entry: deleting it breaks that one
        ids = set(_statute_ids(ref.title or ref.text))
        if ids:
            named = _named_in_prose(doc) if named is None else named
            if ids & named:
                continue
        if ref.source == "bibliography":
            region = _list_region(doc) if region is None else region
            if _mentioned_in_prose(doc, ref, region) or _undated_body_cited(doc, ref, region):
                continue
        yield i


def _parents_of(refs: tuple[Reference, ...], cited: AbstractSet[int]) -> set[str]:
    """Keys (lower case) of the ``crossref``/``xdata`` parents of cited entries, and of
    their parents in turn: the entries whose fields a cited entry inherits."""
    by_key = {r.key.lower(): r for r in refs if r.key}
    todo = [refs[i] for i in cited if 0 <= i < len(refs)]
    found: set[str] = set()
    while todo:
        ref = todo.pop()
        for link in ("crossref", "xdata"):
            for raw in str(ref.fields.get(link) or "").split(","):
                key = raw.strip().strip("{}").lower()
                if key and key not in found:
                    found.add(key)
                    if key in by_key:
                        todo.append(by_key[key])
    return found


def _unprinted(doc: Document, ref: Reference) -> bool:
    """An entry of a database that citeproc/BibTeX print only when cited."""
    return doc.cited_only_database and ref.source != "bibliography"


def _key_without_at(doc: Document, key: str | None) -> Location | None:
    """Where Pandoc text names ``key`` in brackets without its ``@`` ("[smith2019]"):
    printed literally, so the work is not cited though the author meant to."""
    if doc.format != "pandoc" or not key or key not in doc.text:
        return None
    token = re.compile(rf"(?:^|(?<=[;\s])){re.escape(key)}(?=[;,\s]|$)")
    for m in _BRACKETS.finditer(doc.text):
        inside = m.group(1)
        if key not in inside or token.search(inside) is None:
            continue
        # a citation group: the key alone, after a ";", or next to an "@key"; never the
        # alt text of an image or the text of a link ("![… RStudio 2023 …](fig.png)")
        if inside.strip() == key or "@" in inside or re.search(rf";\s*{re.escape(key)}", inside):
            line, column = LineIndex(doc.text).line_col(m.start())
            return Location(path=doc.path, line=line, column=column)
    return None


_BRACKETS = re.compile(r"(?<!!)\[([^\[\]\n]{1,500})\](?![(\[])")


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each entry no citation links to (one summary for a huge list)."""
    doc = ctx.document
    if doc.allow_uncited:
        if not doc.citations:
            yield from _printed_uncited(ctx)
        return
    if not doc.citations:
        yield from _nothing_cited(ctx)
        return
    uncited = list(_uncited(ctx))
    printed = [i for i in uncited if not _unprinted(doc, doc.references[i])]
    for i in uncited:
        ref = doc.references[i]
        where = _key_without_at(doc, ref.key) if _unprinted(doc, ref) else None
        if where is not None:
            yield RULE.finding(
                message=f"Reference entry '{ref.key}' is never cited: line {where.line} has "
                f"'[{ref.key}]' without '@', which Pandoc prints as it is",
                location=where,
                reference=ref,
                evidence={"reference_index": i, "key": ref.key, "missing_at": True},
            )
    if ctx.settings.unused_database_entries:
        for i in uncited:
            ref = doc.references[i]
            if _unprinted(doc, ref):
                yield RULE.finding(
                    message=f"Bibliography database entry '{excerpt(ref)}' is never cited "
                    "(it is not printed, so this only tidies the file)",
                    location=ref.location,
                    reference=ref,
                    evidence={"reference_index": i, "key": ref.key, "database": True},
                    severity=Severity.INFO,
                )
    if len(doc.references) > LARGE_LIST:
        yield from _summary(doc, printed)
        return
    for i in printed:
        ref = doc.references[i]
        label = f"[{ref.number}] " if ref.number is not None else ""
        yield RULE.finding(
            message=f"Reference entry {label}'{excerpt(ref)}' is never cited in the text",
            location=ref.location,
            reference=ref,
            evidence={"reference_index": i, "key": ref.key},
        )


def _named(doc: Document, indices: list[int]) -> str:
    """The first few entries quoted, and how many more: "'A…', 'B…' and 12 more"."""
    named = ", ".join(f"'{excerpt(doc.references[i])}'" for i in indices[:_SHOWN])
    more = f" and {len(indices) - _SHOWN:,} more" if len(indices) > _SHOWN else ""
    return named + more


def _nothing_cited(ctx: RuleContext) -> Iterator[Finding]:
    """One warning when a typed list has entries but the text yields no citation at all:
    either the list is a reading list or the citations are in a form not read, and in
    both cases the entries were not checked against the text."""
    doc = ctx.document
    if doc.format == "references":  # a reference file checked on its own
        return
    listed = [i for i in _uncited(ctx) if not _unprinted(doc, doc.references[i])]
    if not listed:
        if doc.references and all(_unprinted(doc, r) for r in doc.references):
            # a declared database and not one citation read from the text
            yield _database_unused(doc)
        return
    first = doc.references[listed[0]]
    yield RULE.finding(
        message=f"No in-text citation was read, so none of the {len(listed):,} listed "
        f"reference entries is linked to the text ({_named(doc, listed)}): cite them, or, if the "
        "text cites them in a form citecheck does not read (footnotes, images), check by "
        "hand; a further-reading list can be allowed with allow-uncited",
        location=first.location,
        reference=first,
        evidence={
            "citations_read": 0,
            "uncited": len(listed),
            "entries": len(doc.references),
            "first_indices": listed[:100],
        },
        severity=Severity.ERROR,
    )


def _database_unused(doc: Document) -> Finding:
    """A warning when the text declares a bibliography database but no citation of it
    is read: a template's unused ``.bib`` or citations in a form not read (chapters
    not found, a citation syntax citecheck does not know); either way nothing was
    checked, and a run must not call that "no problems"."""
    first = doc.references[0]
    return RULE.finding(
        message=f"No in-text citation was read, though the manuscript declares a "
        f"bibliography database of {len(doc.references):,} entries: nothing was checked "
        "against it (are the chapters or the citations in a form citecheck does not read?)",
        location=first.location,
        reference=first,
        evidence={"citations_read": 0, "entries": len(doc.references), "database": True},
        severity=Severity.WARNING,
    )


def _printed_uncited(ctx: RuleContext) -> Iterator[Finding]:
    """One warning when every entry is printed on purpose (``\\nocite{*}``, ``nocite:
    '@*'``, a shared bibliography) and the text yields no citation: nothing in the list
    was checked against the text, which a run must not hide behind "no problems"."""
    doc = ctx.document
    if doc.format == "references" or not doc.references:
        return
    first = doc.references[0]
    yield RULE.finding(
        message=f"No in-text citation was read; the {len(doc.references):,} reference entries "
        "are printed without being cited (\\nocite{*}, nocite '@*' or a shared bibliography), so "
        f"none was checked against the text ({_named(doc, list(range(len(doc.references))))})",
        location=first.location,
        reference=first,
        evidence={"citations_read": 0, "entries": len(doc.references), "printed_by": "nocite"},
        severity=Severity.WARNING,
    )


def _summary(doc: Document, uncited: list[int]) -> Iterator[Finding]:
    """One finding for the uncited entries of a list too long to be the manuscript's own."""
    if not uncited:
        return
    first = doc.references[uncited[0]]
    yield RULE.finding(
        message=f"{len(uncited):,} of {len(doc.references):,} reference entries are never "
        f"cited in the text: {_named(doc, uncited)} (a list of more than {LARGE_LIST:,} entries is "
        "summarised; is it a shared bibliography? see shared-bibliography)",
        location=first.location,
        reference=first,
        evidence={
            "uncited": len(uncited),
            "entries": len(doc.references),
            "summarised_above": LARGE_LIST,
            "first_indices": uncited[:100],
            "first_keys": [doc.references[i].key for i in uncited[:100] if doc.references[i].key],
        },
    )


RULE = Rule(
    code="CC102",
    name="listed-not-cited",
    severity=Severity.WARNING,
    summary="a reference entry is never cited",
    check=check,
    doc=__doc__ or "",
)
