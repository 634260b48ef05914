"""Render a :class:`~e2e_model.Manuscript` in one reference style, recording spans.

Styles: ``apa`` (APA 7), ``harvard`` (Cite Them Right), ``chicago`` (author-date,
17th ed.), ``vancouver`` (numeric, ICMJE), ``indonesian`` (APA-like with "dan",
"dkk." and a "Daftar Pustaka" heading, as many Indonesian journals print it).
Every rendered citation and entry records its character span in the output, so
findings can be mapped back to the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.data.e2e_model import Cite, Manuscript, Ref

STYLES = ("apa", "harvard", "chicago", "vancouver", "indonesian")
HEADINGS = {"indonesian": "Daftar Pustaka"}


@dataclass(frozen=True)
class Span:
    """Where something landed: kind "cite" (id = Cite.n), "ref" (id = Ref.id), "group"."""

    kind: str
    id: str
    start: int
    end: int


def _initials(given: str, *, dots: bool = True, space: bool = True) -> str:
    parts = [p for p in re.split(r"[\s.\-]+", given) if p]
    letters: list[str] = []
    for p in parts:
        letters.extend(list(p) if p.isupper() and len(p) <= 3 else [p[0]])
    if not dots:
        return "".join(letters)
    return (" " if space else "").join(f"{x}." for x in letters)


def _shown(ref: Ref, style: str) -> tuple[list[str], bool]:
    """Surnames a citation shows and whether it adds "et al."."""
    if ref.collab:
        return [ref.collab], False
    names = [s for s, _ in ref.authors]
    n = len(names) + (2 if ref.etal else 0)
    limit = {"chicago": 3, "harvard": 3}.get(style, 2)
    if n <= limit and not ref.etal:
        return names, False
    return names[:1], True


def _join(names: list[str], etal: bool, style: str, narrative: bool) -> str:
    amp = {"apa": "and" if narrative else "&", "indonesian": "dan"}.get(style, "and")
    if etal:
        return ", ".join(names) + (" dkk." if style == "indonesian" else " et al.")
    if len(names) <= 2:
        return f" {amp} ".join(names)
    sep = ", and " if style == "chicago" else f" {amp} "
    return ", ".join(names[:-1]) + sep + names[-1]


def _cite_names(ref: Ref, style: str, narrative: bool, c: Cite | None = None) -> str:
    """The author part of an author-year citation (with planted name defects)."""
    names, etal = _shown(ref, style)
    if c is not None:
        names = list(names)
        if c.rename is not None:
            names[c.rename[0]] = c.rename[1]
        if c.drop:
            if etal:
                etal = False
            elif len(names) > 1:
                names = names[:-1]
        if c.add:
            names.append(c.add)
    return _join(names, etal, style, narrative)


def _cite_item(c: Cite, ref: Ref, style: str, narrative: bool) -> str:
    names = _cite_names(ref, style, narrative, c)
    year = c.year if c.year is not None else f"{ref.year}{'' if ref.no_suffix else ref.suffix}"
    loc = f", {c.locator}" if c.locator else ""
    if narrative:
        return f"{c.prefix}{names} ({year}{loc})"
    comma = "," if style in ("apa", "indonesian") else ""
    return f"{c.prefix}{names}{comma} {year}{loc}"


def assign_suffixes(ms: Manuscript, style: str) -> None:
    """Year letters for entries that would be cited identically (same names, year)."""
    seen: dict[tuple[str, str], list[Ref]] = {}
    for r in ms.refs:
        r.suffix = ""
        seen.setdefault((_cite_names(r, style, False), r.year or ""), []).append(r)
    for same in seen.values():
        if len(same) > 1:
            for i, r in enumerate(sorted(same, key=lambda r: r.title.lower())):
                r.suffix = "abcdefghijklmnopqrstuvwxyz"[i % 26]


def _ref_authors(ref: Ref, style: str) -> str:
    if ref.collab:
        return ref.collab
    a = ref.authors
    if style == "vancouver":
        shown = a[:6]
        text = ", ".join(f"{s} {_initials(g, dots=False)}".strip() for s, g in shown)
        return text + (", et al" if len(a) > 6 or ref.etal else "")
    if style == "chicago":
        parts = [f"{a[0][0]}, {_initials(a[0][1])}".rstrip(", ")]
        parts += [f"{_initials(g)} {s}".strip() for s, g in a[1:10]]
        if len(a) > 10 or ref.etal:
            return ", ".join(parts) + ", et al."
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    if style == "harvard":
        parts = [f"{s}, {_initials(g, space=False)}".rstrip(", ") for s, g in a]
        if ref.etal:
            return ", ".join(parts) + " et al."
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    parts = [f"{s}, {_initials(g)}".rstrip(", ") for s, g in a[:20]]
    if ref.etal:  # the source list was cut: "Smith, J., Lee, K., et al."
        return ", ".join(parts) + (", dkk." if style == "indonesian" else ", et al.")
    conj = "dan" if style == "indonesian" else "&"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f", {conj} " + parts[-1]


def _ref_text(ref: Ref, style: str, number: int) -> str:
    who = _ref_authors(ref, style)
    if style == "indonesian" and not who.endswith("."):
        who += "."  # "Sugiyono. (2019)."
    if style in ("chicago", "vancouver"):
        who = who.rstrip(".")  # "et al. 2013", not "et al.. 2013"
    year = f"{ref.year}{'' if ref.no_suffix else ref.suffix}"
    t = ref.title.rstrip(".")
    vol = ref.volume + (f"({ref.issue})" if ref.issue else "")
    doi = f" https://doi.org/{ref.doi}" if ref.doi else (f" {ref.url}" if ref.url else "")
    if ref.kind == "law":
        return f"{who.rstrip('.')}. ({year}). *{t}*. {ref.extra}".rstrip() + "."
    if ref.kind in ("book", "report", "thesis", "web"):
        what = f" [{ref.extra}]" if ref.kind == "thesis" and ref.extra else ""
        pub = ", ".join(x for x in (ref.place, ref.publisher) if x)
        pub = f"{ref.place}: {ref.publisher}" if ref.place and ref.publisher else pub
        if ref.kind == "thesis" and ref.source:
            pub = ref.source
        if style == "vancouver":
            return f"{number}. {who}. {t}{what}. {pub}; {ref.year}.{doi}"
        if style == "chicago":
            return f"{who}. {year}. *{t}*{what}. {pub}.{doi}"
        if style == "harvard":
            return f"{who} ({year}) *{t}*{what}. {pub}.{doi}"
        return f"{who} ({year}). *{t}*{what}. {pub}.{doi}".replace(". .", ".")
    pages = ref.pages
    if style == "vancouver":
        return f"{number}. {who}. {t}. {ref.source}. {ref.year};{vol}:{pages}.{doi}".replace(
            ";:", ";"
        ).replace(":.", ".")
    if style == "chicago":
        issue = f" ({ref.issue})" if ref.issue else ""
        return f"{who}. {year}. \u201c{t}.\u201d *{ref.source}* {ref.volume}{issue}: {pages}.{doi}".replace(
            " : .", "."
        )
    if style == "harvard":
        pp = f", pp. {pages}" if pages else ""
        return f"{who} ({year}) '{t}', *{ref.source}*, {vol}{pp}.{doi}".replace(", .", ".")
    pp = f", {pages}" if pages else ""
    return f"{who} ({year}). {t}. *{ref.source}*, {vol}{pp}.{doi}".replace(", .", ".")


def _sort_key(r: Ref) -> tuple[str, str, str]:
    first = r.collab or (r.authors[0][0] if r.authors else r.title)
    return (first.lower(), r.year or "", r.title.lower())


def render(ms: Manuscript, style: str) -> tuple[str, list[Span]]:
    """Markdown text of ``ms`` in ``style`` and the spans of citations and entries."""
    refs = {**ms.ghosts, **{r.id: r for r in ms.refs}}
    numeric = style == "vancouver"
    if not numeric:
        assign_suffixes(ms, style)
    numbers: dict[str, int] = {}
    if numeric:
        for c in ms.cites():
            numbers.setdefault(c.rid, len(numbers) + 1)
        for r in ms.refs:
            numbers.setdefault(r.id, len(numbers) + 1)
    out: list[str] = []
    spans: list[Span] = []
    pos = 0

    def put(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    for p in ms.pieces:
        if isinstance(p, str):
            put(p)
            continue
        g_start = pos
        if numeric:
            put("[")
            for i, c in enumerate(p.cites):
                if i:
                    put(", ")
                s = pos
                put(str(numbers[c.rid]))
                spans.append(Span("cite", str(c.n), s, pos))
            put("]")
        else:
            narrative = p.mode == "narrative"
            if p.mode == "paren":
                put("(")
            for i, c in enumerate(p.cites):
                if i:
                    put(
                        " and "
                        if narrative and style != "indonesian"
                        else " dan "
                        if narrative
                        else "; "
                    )
                s = pos
                ref = refs[c.rid]
                put(_cite_item(c, ref, style, narrative))
                spans.append(Span("cite", str(c.n), s, pos))
            if p.mode == "paren":
                put(")")
        spans.append(Span("group", ",".join(str(c.n) for c in p.cites), g_start, pos))
    put(f"\n\n## {HEADINGS.get(style, 'References')}\n\n")
    order = sorted(ms.refs, key=lambda r: numbers[r.id] if numeric else _sort_key(r))
    for r in order:
        s = pos
        put(_ref_text(r, style, numbers.get(r.id, 0)))
        spans.append(Span("ref", r.id, s, pos))
        put("\n\n")
    return "".join(out), spans
