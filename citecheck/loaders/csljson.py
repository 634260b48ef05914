"""CSL-JSON reference files (Zotero, Pandoc, citeproc), and CSL items in general.

``csl_item_to_reference`` is shared with loaders that meet CSL data elsewhere
(Pandoc YAML ``references:``, Zotero fields in DOCX).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from citecheck.loaders._safe_json import NestingError, loads_items
from citecheck.loaders.files import read_text
from citecheck.loaders.refcap import Taker
from citecheck.model.document import Author, Location, Problem, Reference, ReferenceKind
from citecheck.model.errors import LimitError

_KINDS: dict[str, ReferenceKind] = {
    "article-journal": "article",
    "article": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "review": "article",
    "book": "book",
    "chapter": "chapter",
    "thesis": "thesis",
    "report": "report",
    "paper-conference": "conference",
    "webpage": "web",
    "post-weblog": "web",
    "post": "web",
    "legislation": "law",
    "bill": "law",
    "legal_case": "law",
    "dataset": "dataset",
    "software": "software",
    "manuscript": "other",
    "posted-content": "preprint",
}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    text = " ".join(str(value).split())
    return text or None


def _year(item: dict[str, Any]) -> str | None:
    for key in ("issued", "published-print", "published-online", "created"):
        date = item.get(key)
        if isinstance(date, dict):
            parts = date.get("date-parts")
            if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
                first = parts[0][0]
                if first is not None and str(first).strip():
                    return str(first).strip()
            raw = date.get("raw") or date.get("literal")
            if raw:
                m = re.search(r"\d{4}", str(raw))
                if m:
                    return m.group(0)
        elif isinstance(date, (str, int)):
            m = re.search(r"\d{4}", str(date))
            if m:
                return m.group(0)
    return None


def _authors(item: dict[str, Any]) -> tuple[Author, ...]:
    people = item.get("author") or item.get("editor") or []
    out: list[Author] = []
    if not isinstance(people, list):
        return ()
    for p in people:
        if not isinstance(p, dict):
            continue
        if p.get("literal") and not p.get("family"):
            out.append(Author(family=str(p["literal"]).strip(), corporate=True))
            continue
        family = " ".join(str(x) for x in (p.get("non-dropping-particle"), p.get("family")) if x)
        if family.strip():
            out.append(Author(family=family.strip(), given=_text(p.get("given"))))
    return tuple(out)


def csl_item_to_reference(
    item: dict[str, Any],
    *,
    location: Location,
    text: str | None = None,
    source: str = "csl-json",
) -> Reference:
    """A :class:`Reference` from one CSL item (CSL-JSON field names)."""
    doi = _text(item.get("DOI") or item.get("doi"))
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
    raw_text = text if text is not None else json.dumps(item, ensure_ascii=False)[:2000]
    return Reference(
        text=raw_text,
        authors=_authors(item),
        year=_year(item),
        title=_text(item.get("title")),
        container=_text(item.get("container-title")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=_text(item.get("page")),
        publisher=_text(item.get("publisher")),
        doi=doi,
        url=_text(item.get("URL") or item.get("url")),
        key=_text(item.get("id")),
        kind=_KINDS.get(str(item.get("type", "")), "other"),
        location=location,
        source=source,  # type: ignore[arg-type,unused-ignore]
        fields={k: str(v) for k, v in item.items() if isinstance(v, (str, int, float))},
    )


def load_references(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Read a CSL-JSON file: a list of items (or ``{"items": [...]}``)."""
    text, _ = read_text(path)
    taker = Taker()

    def keep(item: Any, line: int) -> bool:
        key = item.get("id") if isinstance(item, dict) else None
        return taker.take(str(key) if key is not None else "", line)  # "": keyed, not cited

    try:
        data, lines = loads_items(text, keep)
    except NestingError as exc:
        raise LimitError(f"{display_path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        loc = Location(path=display_path, line=exc.lineno, column=exc.colno)
        return [], [Problem(message=f"CSL-JSON could not be parsed: {exc.msg}", location=loc)]
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]
    if not isinstance(data, list):
        loc = Location(path=display_path, line=1, column=1)
        return [], [Problem(message="CSL-JSON must be a list of items", location=loc)]
    if len(lines) < len(data):  # the {"items": [...]} form: no item lines, chosen here
        data = [item for item in data if keep(item, 1)]
    lines += [1] * (len(data) - len(lines))
    refs: list[Reference] = []
    problems: list[Problem] = []
    capped = taker.problem(display_path)
    if capped is not None:
        problems.append(capped)
    for item, line in zip(data, lines, strict=False):
        loc = Location(path=display_path, line=line, column=1)
        if not isinstance(item, dict):
            problems.append(Problem(message="CSL-JSON item is not an object", location=loc))
            continue
        refs.append(csl_item_to_reference(item, location=loc))
    return refs, problems
