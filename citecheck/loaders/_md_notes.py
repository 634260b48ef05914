"""Sources given as Markdown footnotes, read as the reference list.

German, French and humanities manuscripts often give every source in a footnote
("Jansen et al. (2010)[^1]" with "[^1]: Jansen, Heiko; ...: Title. http://..."), with
no typed list, or with a placeholder under the "Quellen" heading. When the typed list
holds no entry that reads as a source and at least :data:`MIN_SOURCE_NOTES` footnote
definitions do (a year, a web address or a DOI), the source footnotes are the list:
each is an entry keyed by its label, and each marker of such a footnote in the text is
a key citation of it. A name-year citation right before a marker ("Jansen et al.
(2010)[^1]") names the same work and is left to the marker: the note need not print
that year (a web source printing only its access date). Footnotes that are remarks (no
year, no address) stay notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.model.document import Citation, LineIndex, Reference

MIN_SOURCE_NOTES = 2
_DEFINITION = re.compile(r" {0,3}\[\^([^\]\n]+)\]:[ \t]*")
_MARK = re.compile(r"\[\^([^\]\n]+)\](?!:)")
SOURCE_SIGN = re.compile(r"\b(?:1[6-9]|20)\d\d\b|https?://|\bdoi\b", re.I)


@dataclass(frozen=True)
class Note:
    """One footnote definition: its label and where its text stands."""

    label: str
    start: int  # offset of the text after "[^label]:"
    end: int  # offset after its last line
    text: str


def definitions(text: str) -> list[Note]:
    """The footnote definitions of ``text``: a definition runs on over its continuation
    lines until a blank line, a heading or the next definition."""
    notes: list[Note] = []
    label: str | None = None
    start = end = 0
    offset = 0

    def close() -> None:
        if label is not None:
            body = " ".join(text[start:end].split())
            notes.append(Note(label, start, end, body))

    for line in text.splitlines(keepends=True):
        m = _DEFINITION.match(line)
        bare = line.rstrip("\r\n")
        if m is not None:
            close()
            label, start, end = m.group(1), offset + m.end(), offset + len(bare)
        elif label is not None and bare.strip() and not bare.lstrip().startswith("#"):
            end = offset + len(bare)
        else:
            close()
            label = None
        offset += len(line)
    close()
    return notes


def source_notes(text: str) -> list[Note]:
    """The footnote definitions that read as sources."""
    return [n for n in definitions(text) if n.text and SOURCE_SIGN.search(n.text)]


def is_source(ref: Reference) -> bool:
    """A typed entry that reads as a source (not a placeholder such as "Ende")."""
    return bool(ref.year or ref.url or ref.doi or SOURCE_SIGN.search(ref.text))


def note_references(notes: list[Note], path: str, index: LineIndex) -> list[Reference]:
    """The source footnotes as entries keyed by their labels."""
    from citecheck.references import parse_reference, to_reference

    out: list[Reference] = []
    for note in notes:
        ref = to_reference(
            parse_reference(note.text),
            text=note.text,
            location=index.location(path, note.start),
            key=note.label,
        )
        out.append(ref.model_copy(update={"fields": {**ref.fields, "footnote": note.label}}))
    return out


def note_citations(
    body: str, labels: set[str], path: str, index: LineIndex, group: int
) -> list[Citation]:
    """Key citations for the markers of the footnotes in ``labels``, one group each."""
    out: list[Citation] = []
    for m in _MARK.finditer(body):
        if m.group(1) not in labels:
            continue
        out.append(
            Citation(
                text=m.group(),
                style="key",
                key=m.group(1),
                group=group,
                start=m.start(),
                end=m.end(),
                location=index.location(path, m.start()),
            )
        )
        group += 1
    return out


def without_marked(citations: list[Citation], marks: list[Citation], body: str) -> list[Citation]:
    """``citations`` without the name-year ones a footnote marker follows at once."""
    starts = {m.start for m in marks}

    def marked(c: Citation) -> bool:
        after = c.end
        while after < len(body) and body[after] in " \t)]":
            after += 1
        return c.style == "author-year" and after in starts

    return [c for c in citations if not marked(c)]
