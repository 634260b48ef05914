"""One manuscript in the HTML report: its text with citations highlighted, its entries.

Everything from the manuscript is escaped with :func:`html.escape` before it is
placed in the page; ids and classes are built only from numbers and our own names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from typing import Any

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Severity

LocKey = tuple[str, int, int, int | None, int | None]


def loc_key(loc: Location | dict[str, Any] | None) -> LocKey | None:
    """A hashable identity for a place, from a Location or its JSON shape."""
    if loc is None:
        return None
    if isinstance(loc, dict):
        return (
            str(loc.get("path", "")),
            int(loc.get("line", 1)),
            int(loc.get("column", 1)),
            loc.get("page"),
            loc.get("paragraph"),
        )
    return (loc.path, loc.line, loc.column, loc.page, loc.paragraph)


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among ``findings``."""
    items = list(findings)
    return max((f.severity for f in items), key=lambda s: s.rank) if items else None


@dataclass
class DocView:
    """Which findings and links touch each citation and entry of one document."""

    index: int
    document: Any
    citation_links: dict[int, int] = field(default_factory=dict)  # citation -> reference
    citation_findings: dict[int, list[tuple[int, Finding]]] = field(default_factory=dict)
    reference_findings: dict[int, list[tuple[int, Finding]]] = field(default_factory=dict)
    findings: list[tuple[int, Finding]] = field(default_factory=list)  # (finding id, finding)
    cites_at: dict[LocKey | None, list[int]] = field(default_factory=dict)
    refs_at: dict[LocKey | None, list[int]] = field(default_factory=dict)
    anchors: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # fid -> (href, label)

    def cite_id(self, i: int) -> str:
        """Anchor id of citation ``i``."""
        return f"d{self.index}-c{i}"

    def ref_id(self, j: int) -> str:
        """Anchor id of reference ``j``."""
        return f"d{self.index}-r{j}"

    def attach(self, fid: int, f: Finding) -> None:
        """Record finding ``fid`` on the citations and entries it is about."""
        self.findings.append((fid, f))
        places = {loc_key(f.location), *(loc_key(loc) for loc in f.related)}
        if f.citation:
            places.add(loc_key(f.citation.get("location")))
        for i in sorted({i for p in places for i in self.cites_at.get(p, ())}):
            self.citation_findings.setdefault(i, []).append((fid, f))
            label = self.document.citations[i].location.short()
            self.anchors.setdefault(fid, []).append((f"#{self.cite_id(i)}", label))
        ref_places = {loc_key(f.location)}
        if f.reference:
            ref_places.add(loc_key(f.reference.get("location")))
        for j in sorted({j for p in ref_places for j in self.refs_at.get(p, ())}):
            self.reference_findings.setdefault(j, []).append((fid, f))
            self.anchors.setdefault(fid, []).append((f"#{self.ref_id(j)}", f"entry {j + 1}"))


def build_view(index: int, document: Any, links: Any | None) -> DocView:
    """A view of ``document`` with the linker's choices (when the report has them)."""
    view = DocView(index=index, document=document)
    for i, c in enumerate(document.citations):
        view.cites_at.setdefault(loc_key(c.location), []).append(i)
    for j, r in enumerate(document.references):
        view.refs_at.setdefault(loc_key(r.location), []).append(j)
    for ln in getattr(links, "links", ()) or ():
        if ln.reference is not None:
            view.citation_links[ln.citation] = ln.reference
    return view


def _cite_tag(view: DocView, i: int, citation: Any) -> str:
    found = view.citation_findings.get(i, [])
    sev = worst(f for _, f in found)
    linked = view.citation_links.get(i)
    status = sev.value if sev else ("ok" if linked is not None else "none")
    lines = [f"{citation.text} (line {citation.location.line})"]
    if linked is not None:
        lines.append("linked to entry " + str(linked + 1))
    lines += [f"{f.severity.value}: {f.rule}: {f.message}" for _, f in found]
    if not found and linked is None:
        lines.append("not linked to an entry")
    href = (
        f"#{view.ref_id(linked)}" if linked is not None else (f"#f{found[0][0]}" if found else "")
    )
    attrs = [
        f'class="cite s-{status}"',
        f'id="{view.cite_id(i)}"',
        f'title="{escape(chr(10).join(lines))}"',
    ]
    if href:
        attrs.append(f'href="{href}"')
    if found:
        pairs = " ".join(sorted({f"{f.rule}:{f.severity.value}" for _, f in found}))
        attrs.append(f'data-findings="{escape(pairs)}"')
    return "<a " + " ".join(attrs) + ">"


def highlighted_text(view: DocView) -> str:
    """The manuscript text, escaped, with every citation wrapped in a link."""
    text: str = view.document.text or ""
    order = sorted(
        range(len(view.document.citations)), key=lambda i: view.document.citations[i].start
    )
    out: list[str] = []
    pos = 0
    for i in order:
        c = view.document.citations[i]
        # Overlapping or empty spans (a loader's rough guess) are left unhighlighted.
        if c.start < pos or c.end <= c.start or c.end > len(text):
            continue
        out.append(escape(text[pos : c.start]))
        out.append(_cite_tag(view, i, c) + escape(text[c.start : c.end]) + "</a>")
        pos = c.end
    out.append(escape(text[pos:]))
    return "".join(out)


def references_list(view: DocView) -> str:
    """The entries as a list, each with its status, findings and the places citing it."""
    cited_by: dict[int, list[int]] = {}
    for ci, rj in sorted(view.citation_links.items()):
        cited_by.setdefault(rj, []).append(ci)
    items: list[str] = []
    for j, r in enumerate(view.document.references):
        found = view.reference_findings.get(j, [])
        sev = worst(f for _, f in found)
        status = sev.value if sev else ("ok" if j in cited_by else "none")
        badges = "".join(
            f'<a class="badge {f.severity.value}" href="#f{fid}">{escape(f.rule)}</a>'
            for fid, f in found
        )
        back = " ".join(
            f'<a href="#{view.cite_id(ci)}">{escape(view.document.citations[ci].text)}</a>'
            for ci in cited_by.get(j, [])
        )
        back_html = (
            f'<div class="back">cited as: {back}</div>'
            if back
            else '<div class="back">not cited in the text</div>'
        )
        items.append(
            f'<li id="{view.ref_id(j)}" class="s-{status}">{badges}{escape(r.text)}{back_html}</li>'
        )
    if not items:
        return '<p class="empty">No reference entries were found.</p>'
    return '<ol class="refs">' + "".join(items) + "</ol>"
