"""Apply :class:`Change` s to CSL-JSON text by minimal span edits.

A changed value is replaced in place (a number stays a number); a new member is
written after the item's last one with the same indentation and ``:`` spacing.
Items are never reordered or dropped, and nothing else in the file moves.
"""

from __future__ import annotations

import json
import re

from citecheck.fix.changes import Change, Skipped, keep_doi_prefix
from citecheck.fix.json_source import JSONSpanError, Node, parse

_NAMES = {
    "doi": "DOI",
    "volume": "volume",
    "issue": "issue",
    "pages": "page",
    "container": "container-title",
    "title": "title",
}


def _items(root: Node) -> list[Node]:
    if root.kind == "array":
        return [n for n in root.items if n.kind == "object"]
    if root.kind == "object":  # a single item, or {"items": [...]} as some tools write
        inner = root.get("items")
        return _items(inner) if inner is not None and inner.kind == "array" else [root]
    return []


def _id(item: Node) -> str | None:
    node = item.get("id")
    if node is None or node.kind not in ("string", "number"):
        return None
    return str(node.value)


def _scalar(node: Node, value: str) -> str:
    """The new value written like the old: a number stays a number when it can."""
    if node.kind == "number" and value.isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)


def _member(text: str, obj: Node, name: str, value: str) -> tuple[int, int, str]:
    """An insertion of ``"name": value`` after the last member of ``obj``."""
    last_key, last_value = obj.members[-1]
    i = last_key.start
    while i > obj.start + 1 and text[i - 1] in " \t\r\n":
        i -= 1
    gap = text[i : last_key.start]  # "" in compact files, "\n    " in indented ones
    colon = text[last_key.end : last_value.start]
    return last_value.end, last_value.end, "," + gap + json.dumps(name) + colon + value


def _year(text: str, item: Node, change: Change) -> tuple[int, int, str] | str:
    """Edit the year inside ``issued.date-parts``, or a reason why not."""
    if not change.value.isdigit():
        return "the year is not a number"
    issued = item.get("issued")
    if issued is None:
        if not item.members:
            return "the item has no members to place a new one beside"
        return _member(text, item, "issued", '{"date-parts": [[' + change.value + "]]}")
    parts = issued.get("date-parts") if issued.kind == "object" else None
    if parts is None or parts.kind != "array" or not parts.items or not parts.items[0].items:
        return "the date is not written as date-parts; change it by hand"
    year = parts.items[0].items[0]
    if year.kind not in ("number", "string"):
        return "the year is not a plain value"
    if str(year.value) == change.value:
        return "already has this value"
    return year.start, year.end, _scalar(year, change.value)


def apply_changes(text: str, changes: list[Change]) -> tuple[str, list[Change], list[Skipped]]:
    """The edited text, the changes made and those skipped with a reason."""
    try:
        root = parse(text)
    except JSONSpanError as exc:
        return text, [], [Skipped(c, f"the file is not valid JSON ({exc})") for c in changes]
    items = _items(root)
    applied: list[Change] = []
    skipped: list[Skipped] = []
    spans: list[tuple[int, int, str]] = []
    taken: set[tuple[int, str]] = set()
    for change in changes:
        found = [it for it in items if _id(it) == change.key]
        if len(found) != 1:
            why = "no item with this id" if not found else f"the id is used by {len(found)} items"
            skipped.append(Skipped(change, why))
            continue
        item = found[0]
        if (item.start, change.field) in taken:
            skipped.append(Skipped(change, "another change already sets this field"))
            continue
        value = change.value.strip()
        if change.field == "pages":
            value = re.sub(r"\s*[-‐-―−]+\s*", "-", value)
        if change.field == "year":
            result = _year(text, item, change)
        elif change.field in _NAMES:
            node = item.get(_NAMES[change.field])
            if node is None and not item.members:
                result = "the item has no members to place a new one beside"
            elif node is None:
                result = _member(
                    text, item, _NAMES[change.field], json.dumps(value, ensure_ascii=False)
                )
            elif node.kind not in ("string", "number"):
                result = f"'{_NAMES[change.field]}' is not a plain value; change it by hand"
            elif change.rule == "missing-doi" and change.field == "doi" and str(node.value).strip():
                result = "the item already has a DOI"
            elif str(node.value) == value:
                result = "already has this value"
            else:
                if change.field == "doi":
                    value = keep_doi_prefix(str(node.value), value)
                result = (node.start, node.end, _scalar(node, value))
        else:
            result = f"cannot change '{change.field}' in CSL-JSON"
        if isinstance(result, str):
            skipped.append(Skipped(change, result))
            continue
        taken.add((item.start, change.field))
        spans.append(result)
        applied.append(change)
    out = text
    # Several new members of one item share an insertion point: apply them in the
    # order given, from the end of the file backwards.
    order = sorted(range(len(spans)), key=lambda k: (spans[k][0], spans[k][1], k), reverse=True)
    for k in order:
        start, end, value = spans[k]
        out = out[:start] + value + out[end:]
    return out, applied, skipped
