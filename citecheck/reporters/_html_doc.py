"""One manuscript in the HTML report: its text with citations highlighted, its entries.

A citation is coloured by the worst finding about it *or about the entry it links to*:
the citation of a retracted paper is red even though the retraction is reported on
the entry. Markdown manuscripts are rendered (markdown-it-py) with raw HTML reduced
to a few attribute-free inline tags (``<sup>``, ``<em>``, ...); everything else from
the manuscript is escaped. Images are shown as their alt text (the page loads
nothing). Other formats are shown as their extracted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from citecheck.model.document import Location
from citecheck.model.findings import Finding, Severity

LocKey = tuple[str, int, int, int | None, int | None]

# Findings a reader must never miss, listed first at every level of the report.
CRITICAL = ("retracted", "doi-mismatch", "doi-not-found", "expression-of-concern", "doi-invalid")
MARKDOWN_FORMATS = frozenset({"markdown", "pandoc", "quarto", "rmarkdown"})

# Private-use characters mark where citations start and end while Markdown is rendered.
_OPEN, _SEP, _CLOSE = "\ue000", "\ue001", "\ue002"
_MARK = re.compile(f"{_OPEN}(\\d+){_SEP}(.*?){_CLOSE}", re.S)
_STRAY = re.compile(f"{_OPEN}\\d+{_SEP}|{_CLOSE}")
_INLINE_TAGS = re.compile(
    r"</?(sup|sub|em|i|b|strong|u|s|del|ins|mark|small|cite|br|span)\s*/?>", re.I
)
_FRONT = re.compile(r"\A(---\n.*?\n(?:---|\.\.\.)\n)", re.S)


def finding_order(f: Finding) -> tuple[int, int, str]:
    """Retractions and wrong DOIs first, then by severity, then by code."""
    rank = CRITICAL.index(f.rule) if f.rule in CRITICAL else len(CRITICAL)
    return (rank, -f.severity.rank, f.code)


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
            label = "cited at " + self.document.citations[i].location.short()
            self.anchors.setdefault(fid, []).append((f"#{self.cite_id(i)}", label))
        ref_places = {loc_key(f.location)}
        if f.reference:
            ref_places.add(loc_key(f.reference.get("location")))
        for j in sorted({j for p in ref_places for j in self.refs_at.get(p, ())}):
            self.reference_findings.setdefault(j, []).append((fid, f))
            self.anchors.setdefault(fid, []).append((f"#{self.ref_id(j)}", f"entry {j + 1}"))

    def citation_status(self, i: int) -> tuple[list[tuple[int, Finding]], str]:
        """Findings about citation ``i`` or about its entry (worst first), and its colour."""
        found = list(self.citation_findings.get(i, []))
        linked = self.citation_links.get(i)
        if linked is not None:
            seen = {fid for fid, _ in found}
            # Findings about the entry itself (retracted, wrong DOI, ...), not about
            # another citation of it (a year-mismatch elsewhere stays there).
            found += [
                p
                for p in self.reference_findings.get(linked, [])
                if p[0] not in seen and not p[1].citation
            ]
        found.sort(key=lambda p: finding_order(p[1]))
        sev = worst(f for _, f in found)
        return found, sev.value if sev else ("ok" if linked is not None else "none")


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


def _cite_open(view: DocView, i: int) -> str:
    citation = view.document.citations[i]
    found, status = view.citation_status(i)
    linked = view.citation_links.get(i)
    lines = [f"{citation.text} ({citation.location.short()})"]
    if linked is not None:
        lines.append(f"linked to entry {linked + 1}")
    lines += [f"{f.severity.value}: {f.rule}: {f.message}" for _, f in found]
    if not found and linked is None:
        lines.append("not linked to an entry")
    # A citation with a problem leads to the problem; a clean one to its entry.
    href = (
        f"#f{found[0][0]}" if found else (f"#{view.ref_id(linked)}" if linked is not None else "")
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


def _spans(view: DocView, text: str) -> list[int]:
    """Citations to highlight, in text order; overlapping or odd spans are left out."""
    cites = view.document.citations
    out: list[int] = []
    pos = 0
    for i in sorted(range(len(cites)), key=lambda i: cites[i].start):
        c = cites[i]
        if c.start < pos or c.end <= c.start or c.end > len(text):
            continue
        out.append(i)
        pos = c.end
    return out


def _marked(text: str, order: Sequence[int], cites: Sequence[Any]) -> str:
    """``text`` with private-use marks around each citation.

    Mark characters already in the text become U+FFFD (one for one, so offsets hold).
    """
    for ch in (_OPEN, _SEP, _CLOSE):
        if ch in text:
            text = text.replace(ch, "\ufffd")
    out: list[str] = []
    pos = 0
    for i in order:
        c = cites[i]
        out += [text[pos : c.start], f"{_OPEN}{i}{_SEP}", text[c.start : c.end], _CLOSE]
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def _unmark(view: DocView, html: str) -> str:
    """Replace the marks in rendered HTML with citation links."""

    def link(m: re.Match[str]) -> str:
        inner = m.group(2)
        if "<" in inner:  # the citation crosses Markdown markup: mark its start only
            return _cite_open(view, int(m.group(1))) + "\u25b8</a>" + inner
        return _cite_open(view, int(m.group(1))) + inner + "</a>"

    return _STRAY.sub("", _MARK.sub(link, html))


@cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "breaks": True}).enable(["table", "strikethrough"])

    def html_inline(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        content: str = tokens[idx].content
        return content if _INLINE_TAGS.fullmatch(content) else str(escape(content))

    def html_block(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return f'<pre class="raw">{escape(tokens[idx].content)}</pre>'

    def image(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        alt = "".join(t.content for t in tokens[idx].children or ())
        return f'<span class="img">[image: {escape(alt)}]</span>'

    md.add_render_rule("html_inline", html_inline)
    md.add_render_rule("html_block", html_block)
    md.add_render_rule("image", image)
    return md


def _balance_inline_tags(children: Sequence[Any]) -> None:
    """Inline tags kept only in open/close pairs within one paragraph; the rest is text."""
    stack: list[tuple[str, Any]] = []
    keep: set[int] = set()
    for t in children:
        m = _INLINE_TAGS.fullmatch(t.content) if t.type == "html_inline" else None
        if m is None:
            continue
        name = m.group(1).lower()
        if name == "br":
            keep.add(id(t))
        elif not t.content.startswith("</"):
            stack.append((name, t))
        elif stack and stack[-1][0] == name:
            keep |= {id(t), id(stack.pop()[1])}
    for t in children:
        if t.type == "html_inline" and id(t) not in keep:
            t.type = "text"


def _render_markdown(marked: str) -> str:
    md = _markdown()
    front = _FRONT.match(marked)
    head = f'<pre class="front">{escape(front.group(1))}</pre>' if front else ""
    tokens = md.parse(marked[front.end() :] if front else marked)
    for tok in tokens:  # table alignment comes as style="": the page's CSP forbids it
        for t in (tok, *(tok.children or ())):
            if t.attrs and "style" in t.attrs:
                del t.attrs["style"]
        _balance_inline_tags(tok.children or ())
    body: str = md.renderer.render(tokens, md.options, {})
    return head + body


def manuscript_html(view: DocView) -> Markup:
    """The manuscript (rendered when Markdown), with every citation wrapped in a link."""
    text: str = view.document.text or ""
    order = _spans(view, text)
    marked = _marked(text, order, view.document.citations)
    if view.document.format in MARKDOWN_FORMATS:
        return Markup(f'<div class="text md">{_unmark(view, _render_markdown(marked))}</div>')
    return Markup(f'<div class="text plain">{_unmark(view, str(escape(marked)))}</div>')


def references_list(view: DocView) -> Markup:
    """The entries as a list, each with its status, findings and the places citing it."""
    cited_by: dict[int, list[int]] = {}
    for ci, rj in sorted(view.citation_links.items()):
        cited_by.setdefault(rj, []).append(ci)
    items: list[str] = []
    for j, r in enumerate(view.document.references):
        found = sorted(view.reference_findings.get(j, []), key=lambda p: finding_order(p[1]))
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
        return Markup('<p class="empty">No reference entries were found.</p>')
    return Markup('<ol class="refs">' + "".join(items) + "</ol>")
