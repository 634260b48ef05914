"""Apply :class:`Change` s to BibTeX source text by minimal span edits.

A changed field keeps its delimiters and everything around it; a new field is
written like its neighbours (indentation, ``=`` alignment, name case, delimiter,
trailing-comma habit, line endings) after the entry's last field. Entries are
never reordered or dropped, and text outside the changed spans is untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.fix.bibtex_source import EntrySpan, FieldSpan, scan_entries
from citecheck.fix.changes import Change, Skipped, keep_doi_prefix, unsafe_value

# citecheck field -> BibTeX field names, the first one used for new fields.
_NAMES: dict[str, tuple[str, ...]] = {
    "doi": ("doi",),
    "year": ("year",),
    "volume": ("volume",),
    "issue": ("number", "issue"),
    "pages": ("pages",),
    "container": ("journal", "journaltitle"),
    "title": ("title",),
}


@dataclass(frozen=True)
class _Layout:
    sep: str  # what goes before a new field's name
    pre_eq: str
    post_eq: str
    align: int | None  # width of name + pre_eq when "=" signs are aligned
    case: str  # "lower", "upper", "title"
    open: str
    close: str
    trailing_comma: bool


def _layout(text: str, entry: EntrySpan) -> _Layout:
    newline = "\r\n" if "\r\n" in text[entry.start : entry.end] else "\n"
    fields = entry.fields
    last = fields[-1]
    i = last.name_start
    while i > 0 and text[i - 1] in " \t\r\n":
        i -= 1
    gap = text[i : last.name_start]
    sep = newline + gap[gap.rfind("\n") + 1 :] if "\n" in gap else (gap or " ")
    eq = text[last.name_end : last.value_start]
    pre, _, post = eq.partition("=")
    widths = {
        f.name_end - f.name_start + len(text[f.name_end : f.value_start].partition("=")[0])
        for f in fields
    }
    align = (
        widths.pop()
        if len(fields) > 1 and len(widths) == 1 and len({len(f.name) for f in fields}) > 1
        else None
    )
    names = [f.name for f in fields]
    case = (
        "upper"
        if all(n.isupper() for n in names)
        else "title"
        if all(n[:1].isupper() for n in names)
        else "lower"
    )
    delims = [f.delimiter(text) for f in fields]
    quote = delims.count('"') > delims.count("{")
    return _Layout(
        sep=sep,
        pre_eq=pre,
        post_eq=post,
        align=align,
        case=case,
        open='"' if quote else "{",
        close='"' if quote else "}",
        trailing_comma=last.has_comma,
    )


def _new_field(layout: _Layout, name: str, value: str) -> str:
    name = (
        name.upper() if layout.case == "upper" else name.title() if layout.case == "title" else name
    )
    pre = layout.pre_eq
    if layout.align is not None:
        pre = " " * max(1, layout.align - len(name))
    return f"{name}{pre}={layout.post_eq}{layout.open}{value}{layout.close}"


def _format_value(change: Change, current: str | None) -> str:
    value = change.value.strip()
    if change.field == "pages":
        dash = "-" if current and "--" not in current and "-" in current else "--"
        value = re.sub(r"\s*[-‐-―−]+\s*", dash, value)
    elif change.field == "doi":
        value = keep_doi_prefix(current or "", value)
    elif change.field == "container":
        value = re.sub(r"(?<!\\)&", r"\\&", value)
    return value


def _inner(text: str, f: FieldSpan) -> tuple[int, int] | None:
    """The span of a field's value without delimiters, when it is one plain literal."""
    delim = f.delimiter(text)
    if delim:
        return f.value_start + 1, f.value_end - 1
    if text[f.value_start : f.value_end].isdigit():
        return f.value_start, f.value_end
    return None  # a @string macro or a "#" concatenation: not ours to rewrite


def apply_changes(text: str, changes: list[Change]) -> tuple[str, list[Change], list[Skipped]]:
    """The edited text, the changes made and those skipped with a reason."""
    entries = scan_entries(text)
    applied: list[Change] = []
    skipped: list[Skipped] = []
    spans: list[tuple[int, int, str]] = []
    inserts: dict[int, list[tuple[Change, str]]] = {}  # entry index -> new fields
    taken: set[tuple[int, str]] = set()
    for change in changes:
        idx = [i for i, e in enumerate(entries) if e.key == change.key]
        if not idx:
            idx = [i for i, e in enumerate(entries) if e.key.lower() == change.key.lower()]
        if len(idx) != 1:
            why = "no entry with this key" if not idx else f"the key is used by {len(idx)} entries"
            skipped.append(Skipped(change, why))
            continue
        entry = entries[idx[0]]
        if (idx[0], change.field) in taken:
            skipped.append(Skipped(change, "another change already sets this field"))
            continue
        if unsafe_value(change.value) or ('"' in change.value and _layout_quote(text, entry)):
            skipped.append(Skipped(change, "the new value has characters BibTeX would misread"))
            continue
        names = _NAMES.get(change.field)
        if names is None:
            skipped.append(Skipped(change, f"cannot change '{change.field}' in BibTeX"))
            continue
        field = entry.field(*names)
        date = entry.field("date") if change.field == "year" else None
        if field is None and date is not None:
            if not re.fullmatch(r"[{\"]?\d{4}[}\"]?", text[date.value_start : date.value_end]):
                skipped.append(Skipped(change, "the entry has a full date; change it by hand"))
                continue
            field = date
        if field is None:
            if not entry.fields:
                skipped.append(Skipped(change, "the entry has no fields to place a new one beside"))
                continue
            inserts.setdefault(idx[0], []).append((change, _format_value(change, None)))
            taken.add((idx[0], change.field))
            applied.append(change)
            continue
        span = _inner(text, field)
        if span is None:
            skipped.append(
                Skipped(change, f"'{field.name}' uses a @string macro or '#'; change it by hand")
            )
            continue
        current = text[span[0] : span[1]]
        if change.field == "doi" and current.strip() and change.rule == "missing-doi":
            skipped.append(Skipped(change, "the entry already has a DOI"))
            continue
        value = _format_value(change, current)
        if value == current:
            skipped.append(Skipped(change, "already has this value"))
            continue
        if not field.delimiter(text) and not value.isdigit():
            span, value = (field.value_start, field.value_end), "{" + value + "}"
        spans.append((span[0], span[1], value))
        taken.add((idx[0], change.field))
        applied.append(change)
    for i, new in inserts.items():
        spans.append(_insertion(text, entries[i], new))
    out = text
    for start, end, value in sorted(spans, reverse=True):
        out = out[:start] + value + out[end:]
    return out, applied, skipped


def _layout_quote(text: str, entry: EntrySpan) -> bool:
    return bool(entry.fields) and _layout(text, entry).open == '"'


def _insertion(text: str, entry: EntrySpan, new: list[tuple[Change, str]]) -> tuple[int, int, str]:
    layout = _layout(text, entry)
    last = entry.fields[-1]
    names = {c.field: _NAMES[c.field][0] for c, _ in new}
    fields = [_new_field(layout, names[c.field], value) for c, value in new]
    if layout.trailing_comma:
        return last.end, last.end, "".join(layout.sep + f + "," for f in fields)
    return last.value_end, last.value_end, "".join("," + layout.sep + f for f in fields)
