"""Markdown and plain-text manuscripts whose bibliography is a section of the file.

The loader finds headings (ATX ``#``, setext underlines, and plain-text heading
lines such as ``DAFTAR PUSTAKA``), takes the reference-list section(s) by heading
name, blanks everything that is not prose (front matter, code, comments, the
bibliography itself) so citation offsets still point into the file, and hands the
body to the citation extractor and the list to the reference parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.loaders import _md_notes as notes_mod
from citecheck.loaders._latex_commands import CiteCall, find_commands
from citecheck.loaders.refcap import Taker
from citecheck.loaders.suppress import assign_suppressions, suppressions_for
from citecheck.model.document import (
    Citation,
    Document,
    LineIndex,
    Location,
    Metadata,
    Problem,
    Reference,
)
from citecheck.text import headings as sections
from citecheck.text.floats import markdown_floats
from citecheck.text.spans import blank_spans, lines_with_offsets

# The closing "###" is stripped in code: "(.*?)[ \t#]*$" is quadratic on "# # # ... x".
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"<?https?://[^\s<>)\]]+>?")
# A thematic break ("---", "* * *") after a blank line, or a footnote definition:
# what follows is not part of the reference list above it.
# A rule, a footnote definition, or a BibTeX record pasted after the list
# ("@software{key,").
_SECTION_STOP = re.compile(
    r"\n[ \t]*\n {0,3}(?:([-*_])(?:[ \t]*\1){2,}[ \t]*$|\[\^[^\]\n]+\]:"
    r"|@[A-Za-z]+[ \t]*\{[^\s{},]*,[ \t]*$)",
    re.M,
)
_PARAGRAPH_START = re.compile(r"\n[ \t]*\n([^\n]*)")
_LABEL_LINE = re.compile(r"^\s*(\*\*|__)?([^\n]{1,60}?)(\*\*|__)?\s*:?\s*$")
# "[ \t*_]" before the colon, not "\s": from every line start "\s*" ran through all
# the blank lines below it (20,000 blank lines took 50 s).
_KEYWORDS = re.compile(
    r"^[ \t*_]*(?P<label>"
    + "|".join(re.escape(k) for k in sections.KEYWORD_LABELS)
    + r")[ \t*_]*[:.\u2014\u2013-][\s*_]*(?P<rest>.+)$",
    re.I | re.M,
)
_ABSTRACT_INLINE = re.compile(
    r"^[\s*_]*(?P<label>abstract|abstrak|summary|ringkasan|zusammenfassung|résumé|resumen|resumo|riassunto|samenvatting)[\s*_]*[:.\u2014\u2013-][\s*_]*(?P<rest>.+)$",
    re.I,
)


@dataclass(frozen=True)
class Heading:
    """A heading line: its text, level (1-6; 7 for plain-text heading lines), offsets."""

    text: str
    level: int
    start: int  # offset of the heading's first line
    end: int  # offset just after its last line (incl. setext underline)


def _is_plain_heading(line: str, prev: str) -> bool:
    """A short standalone line that names a known section (plain-text manuscripts)."""
    if prev.strip() or len(line) > 80 or not line.strip():
        return False
    m = _LABEL_LINE.match(line)
    if not m:
        return False
    name = m.group(2)
    return (
        sections.is_bibliography_heading(name, weak=True)
        or sections.is_abstract_heading(name)
        or sections.is_back_matter_heading(name)
    )


def comments_end(text: str) -> int:
    """Where the last ``-->`` ends: ``<!--`` after it cannot open a comment.

    Searching ``_COMMENT`` only up to here keeps it linear; otherwise every unclosed
    ``<!--`` would scan to the end of the text (quadratic on ``<!--<!--<!--...``).
    """
    last = text.rfind("-->")
    return last + 3 if last != -1 else 0


def find_headings(text: str, code_mask: list[tuple[int, int]]) -> list[Heading]:
    """Every heading outside code blocks, in order."""
    lines = lines_with_offsets(text)
    headings: list[Heading] = []
    in_code = {i for i, (off, _) in enumerate(lines) if any(a <= off < b for a, b in code_mask)}
    for i, (off, line) in enumerate(lines):
        if i in in_code:
            continue
        m = _ATX.match(line)
        if m:
            title = m.group(2).rstrip(" \t#").strip()
            headings.append(Heading(title, len(m.group(1)), off, off + len(line)))
            continue
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        prev = lines[i - 1][1] if i > 0 else ""
        if line.strip() and _SETEXT.match(nxt) and not prev.strip() and i + 1 not in in_code:
            level = 1 if nxt.strip().startswith("=") else 2
            if not (level == 2 and line.lstrip().startswith(("-", "*", "+"))):
                end = lines[i + 1][0] + len(nxt)
                headings.append(Heading(line.strip(), level, off, end))
                continue
        if _is_plain_heading(line, prev):
            headings.append(Heading(line.strip(), 7, off, off + len(line)))
    return headings


def _code_blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    fence = ""
    for off, line in lines_with_offsets(text):
        m = _FENCE.match(line)
        if open_at is None and m:
            open_at, fence = off, m.group(1)[0] * 3
        elif open_at is not None and line.strip().startswith(fence):
            spans.append((open_at, off + len(line)))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _front_matter(text: str) -> tuple[int, int] | None:
    if not text.startswith("---\n"):
        return None
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.M)
    if end is None:
        return None
    return (0, 4 + end.end())


def bibliography_sections(text: str, headings: list[Heading]) -> list[tuple[Heading, int, int]]:
    """(heading, start, end) of each reference-list section: from after its heading to
    the next heading of the same or higher level, or to back matter, or to the end."""
    strong = [i for i, h in enumerate(headings) if sections.is_bibliography_heading(h.text)]
    chosen = strong or [
        i for i, h in enumerate(headings) if sections.is_bibliography_heading(h.text, weak=True)
    ]
    out: list[tuple[Heading, int, int]] = []
    for i in chosen:
        h = headings[i]
        end = len(text)
        for later in headings[i + 1 :]:
            if re.fullmatch(r"[\s*_]*[A-Z]\.?[\s*_]*", later.text):
                continue  # "A", "B", ... divide an alphabetical list: the list goes on
            if (
                later.level <= h.level
                or sections.is_back_matter_heading(later.text)
                or (later.level == 7 and h.level < 7)
            ):
                end = later.start
                break
        out.append((h, h.end, _list_end(text, h.end, end)))
    return out


def _list_end(text: str, start: int, end: int) -> int:
    """Where the entries from ``start`` stop before ``end``: at a rule ("---"), a
    footnote definition or a BibTeX record ("@misc{key,") after some entries, or at a
    back-matter paragraph ("**Funding:** ...")."""
    stop = _SECTION_STOP.search(text, start, end)
    if stop is not None and text[start : stop.start()].strip():
        end = stop.start() + 1
    return _back_matter_paragraph(text, start, end)


# A heading that is itself an entry ("##### [1] Tutu, K. A., ... 2022"): a label or a
# number first, or a long line with a year.
_ENTRY_HEADING = re.compile(r"[*_]*(?:\[\d{1,4}\]|\d{1,4}[.)])\s|.{60,}\b(?:1[89]|20)\d\d\b")


def without_headings(
    text: str, spans: list[tuple[int, int]], headings: list[Heading]
) -> list[tuple[int, int]]:
    """``spans`` with the heading lines inside them cut out: a list grouped under
    sub-headings ("### Books", "A", "Sumber Internet") keeps its entries, never the
    group titles as entries. A heading that is an entry keeps its text (only the
    ``#`` marks are cut)."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        for h in headings:
            if not a <= h.start < b:
                continue
            keep_from = h.end
            if _ENTRY_HEADING.match(h.text):
                found = text.find(h.text, h.start, h.end)
                keep_from = found if found >= 0 else h.end
            if h.start > a:
                out.append((a, h.start))
            a = max(a, min(keep_from, b))
        if b > a:
            out.append((a, b))
    return out


def _with_groups(
    references: list[Reference],
    bib: list[tuple[Heading, int, int]],
    headings: list[Heading],
    index: LineIndex,
) -> list[Reference]:
    """Each entry under a sub-heading of its list ("### Tools", "### Datasets") carries
    the sub-heading's text in ``fields["group"]``: what the author says the entries are."""
    groups = [
        h
        for h in headings
        if any(a <= h.start < b for _h, a, b in bib) and not _ENTRY_HEADING.match(h.text)
    ]
    if not groups:
        return references
    out: list[Reference] = []
    for ref in references:
        at = index.line_start(ref.location.line)
        section = next(((a, b) for _h, a, b in bib if a <= at < b), None)
        title = None
        if section is not None:
            for h in groups:
                if section[0] <= h.start < at:
                    title = h.text
        out.append(
            ref.model_copy(update={"fields": {**ref.fields, "group": title}}) if title else ref
        )
    return out


def _back_matter_paragraph(text: str, start: int, end: int) -> int:
    """Where a paragraph opening with a back-matter label ("**Funding:** ...") starts
    in ``text[start:end]`` after some entries, else ``end``."""
    for m in _PARAGRAPH_START.finditer(text, start, end):
        if sections.is_back_matter_label(m.group(1)) and text[start : m.start()].strip():
            return m.start(1)
    return end


def _spaces(text: str) -> str:
    return "".join("\n" if ch == "\n" else " " for ch in text)


def _metadata(text: str, headings: list[Heading], front: tuple[int, int] | None) -> Metadata:
    title = None
    if front is not None:
        m = re.search(r"^title:\s*[\"']?(.+?)[\"']?\s*$", text[front[0] : front[1]], re.M)
        if m:
            title = m.group(1)
    if title is None:
        first = next((h for h in headings if h.level == 1), None)
        if first is not None:
            title = first.text
        else:
            for line in text.split("\n"):
                if line.strip():
                    title = line.strip().strip("#*_ ") if len(line) < 250 else None
                    break
    abstracts: list[str] = []
    for i, h in enumerate(headings):
        if sections.is_abstract_heading(h.text):
            end = headings[i + 1].start if i + 1 < len(headings) else len(text)
            body = text[h.end : end].strip()
            # an abstract is its first paragraphs, up to a keywords line
            body = _KEYWORDS.split(body, maxsplit=1)[0] if _KEYWORDS.search(body) else body
            if body:
                abstracts.append(" ".join(body.split())[:5000])
    for line in text.split("\n"):
        m = _ABSTRACT_INLINE.match(line)
        if m and len(m.group("rest")) > 40:
            abstracts.append(" ".join(m.group("rest").split())[:5000])
    keywords: list[str] = []
    for m in _KEYWORDS.finditer(text):
        for kw in re.split(r"[;,]", m.group("rest").strip(" *_.")):
            kw = kw.strip(" *_.")
            if kw and len(kw) < 80:
                keywords.append(kw)
    return Metadata(
        title=title,
        abstracts=tuple(dict.fromkeys(abstracts)),
        keywords=tuple(dict.fromkeys(keywords)),
        headings=tuple(h.text for h in headings),
        language=guess_language(text),
    )


_STOPWORDS = {
    "en": ("the", "and", "of", "to", "in", "is", "that", "for", "with", "are"),
    "id": ("yang", "dan", "di", "dengan", "untuk", "dalam", "ini", "pada", "dari", "adalah"),
    "de": ("der", "die", "und", "das", "nicht", "mit", "ist", "für", "auf", "sich"),
    "fr": ("les", "des", "est", "dans", "une", "pour", "que", "qui", "sur", "pas"),
    "es": ("los", "las", "del", "que", "por", "una", "para", "con", "como", "más"),
    "pt": ("não", "uma", "para", "com", "dos", "das", "que", "como", "mais", "pelo"),
    "it": ("della", "delle", "che", "per", "una", "sono", "con", "nel", "degli", "gli"),
    "nl": ("het", "een", "van", "en", "niet", "zijn", "voor", "met", "ook", "wordt"),
}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the most frequent stop-word set in the first 50k characters."""
    words = re.findall(r"[^\W\d_]+", text[:50000].lower())
    if len(words) < 20:
        return None
    counts = {lang: 0 for lang in _STOPWORDS}
    sets = {lang: set(ws) for lang, ws in _STOPWORDS.items()}
    for w in words:
        for lang, s in sets.items():
            if w in s:
                counts[lang] += 1
    best = max(counts.items(), key=lambda kv: kv[1])
    return best[0] if best[1] >= 5 else None


def list_entries(
    text: str, spans: list[tuple[int, int]], display_path: str, *, index: LineIndex
) -> tuple[list[Reference], list[Problem]]:
    """The entries of the reference-list ``spans`` of ``text`` (HTML comments blanked),
    parsed, up to the references budget (:mod:`citecheck.loaders.refcap`)."""
    from citecheck.references import keyed_by_label, parse_reference, split_entries, to_reference

    references: list[Reference] = []
    problems: list[Problem] = []
    cut = comments_end(text)
    no_comments = _COMMENT.sub(lambda m: _spaces(m.group(0)), text[:cut]) + text[cut:]
    taker = Taker()
    for a, b in spans:
        section = no_comments[a:b]
        for span in split_entries(section):
            loc = index.location(display_path, a + span.start)
            if not taker.take(None, loc.line):
                continue
            try:
                parsed = parse_reference(span.text)
            except Exception as exc:  # the parser is total by contract; stay safe anyway
                problems.append(
                    Problem(message=f"reference could not be parsed: {exc}", location=loc)
                )
                continue
            references.append(
                to_reference(parsed, text=span.text, location=loc, number=span.number)
            )
    capped = taker.problem(display_path)
    if capped is not None:
        problems.append(capped)
    return keyed_by_label(references), problems


def parse_markdown(text: str, display_path: str, *, fmt: str = "markdown") -> Document:
    """A :class:`Document` from Markdown / plain-text source."""
    from citecheck.citations import extract_citations
    from citecheck.citations.known import listed_names

    index = LineIndex(text)
    code = _code_blocks(text)
    front = _front_matter(text)
    headings = find_headings(text, code + ([front] if front else []))
    bib = bibliography_sections(text, headings)

    hidden = [*code, *([front] if front else [])]
    hidden += (m.span() for m in _COMMENT.finditer(text, 0, comments_end(text)))
    hidden += (m.span() for m in _INLINE_CODE.finditer(text))
    hidden += (m.span() for m in _URL.finditer(text))
    hidden += ((h.start, h.end) for h in headings)
    hidden += ((a, b) for _h, a, b in bib)
    body = blank_spans(text, hidden)
    del hidden

    references, problems = list_entries(
        text,
        without_headings(text, [(a, b) for _h, a, b in bib], headings),
        display_path,
        index=index,
    )
    references = _with_groups(references, bib, headings, index)
    numbered = 2 * sum(r.number is not None for r in references) > len(references) > 0
    citations = extract_citations(
        body,
        path=display_path,
        index=index,
        numbered_references=numbered,
        listed_authors=listed_names(references),
        labels={r.key for r in references if r.key},
    )
    citations += _raw_latex_cites(
        body, display_path, index, 1 + max((c.group for c in citations), default=0)
    )
    found_list = bool(bib)
    notes = [] if any(notes_mod.is_source(r) for r in references) else notes_mod.source_notes(text)
    if len(notes) >= notes_mod.MIN_SOURCE_NOTES:
        # the sources are footnotes, and the typed list (if any) holds none: they are the list
        references = notes_mod.note_references(notes, display_path, index)
        note_marks = notes_mod.note_citations(
            body,
            {n.label for n in notes},
            display_path,
            index,
            1 + max((c.group for c in citations), default=0),
        )
        citations = sorted(
            notes_mod.without_marked(citations, note_marks, body) + note_marks,
            key=lambda c: c.start,
        )
        found_list = True
    # A span may cover a blanked URL or comment: its text is what the file says.
    citations = [
        c
        if text[c.start : c.end] == c.text
        else c.model_copy(update={"text": text[c.start : c.end]})
        for c in citations
    ]

    marks = suppressions_for(text, "markdown")
    if marks:
        ref_starts = [index.line_start(r.location.line) + r.location.column - 1 for r in references]
        by_cite, by_ref = assign_suppressions(
            marks,
            [c.start for c in citations],
            ref_starts,
            citation_groups=[c.group for c in citations],
        )
        citations = [
            c.model_copy(update={"suppressed": by_cite[i]}) if i in by_cite else c
            for i, c in enumerate(citations)
        ]
        references = [
            r.model_copy(update={"suppressed": by_ref[i]}) if i in by_ref else r
            for i, r in enumerate(references)
        ]
    return Document(
        path=display_path,
        format=fmt,
        text=text,
        citations=tuple(citations),
        references=tuple(references),
        metadata=_metadata(text, headings, front),
        problems=tuple(problems),
        bibliography_found=found_list,
        floats=markdown_floats(text, [(h.text, h.level, h.start, h.end) for h in headings]),
    )


def _raw_latex_cites(body: str, display_path: str, index: LineIndex, group: int) -> list[Citation]:
    """``\\cite{key}`` written as raw LaTeX in Markdown (Pandoc passes it through to a
    LaTeX build, where BibTeX/biber resolve it): key citations, one group per command."""
    if "\\" not in body or "cite" not in body:
        return []
    out: list[Citation] = []
    for cmd in find_commands(body):
        if not isinstance(cmd, CiteCall) or cmd.nocite:
            continue
        for k in cmd.keys:
            if k.key == "*":
                continue
            out.append(
                Citation(
                    text=body[cmd.start : cmd.end],
                    style="key",
                    key=k.key,
                    narrative=cmd.narrative,
                    group=group,
                    start=cmd.start,
                    end=cmd.end,
                    location=index.location(display_path, cmd.start),
                )
            )
        group += 1
    return out


def reference_list_spans(text: str) -> list[tuple[int, int]]:
    """Where a file given as a reference list holds its entries: the sections under a
    bibliography heading ("References", "Daftar Pustaka"), else everything after the
    front matter (a chapter file that is nothing but the typed list)."""
    front = _front_matter(text)
    headings = find_headings(text, _code_blocks(text) + ([front] if front else []))
    found = [(a, b) for _h, a, b in bibliography_sections(text, headings)]
    if found:
        return without_headings(text, found, headings)
    start = front[1] if front else 0
    first = next((h for h in headings if h.start >= start), None)
    if first is not None and not text[start : first.start].strip():
        start = first.end  # a title line above the list ("Bibliography of chapter 2")
    return without_headings(text, [(start, _list_end(text, start, len(text)))], headings)


__all__ = [
    "Heading",
    "Location",
    "bibliography_sections",
    "find_headings",
    "list_entries",
    "parse_markdown",
    "reference_list_spans",
]
