"""CSL-YAML reference files (Pandoc's ``references:`` format, ``.yaml`` / ``.yml``).

A file is either a list of CSL items or a mapping with a ``references:`` list.
Items become references through the CSL-JSON loader's converter, each with the
line where it starts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from citecheck.loaders._safe_yaml import YamlLimitError, construct, scan
from citecheck.loaders.csljson import csl_item_to_reference
from citecheck.loaders.files import read_text
from citecheck.loaders.refcap import Taker
from citecheck.model.document import Location, Problem, Reference
from citecheck.model.errors import LimitError


def plain(value: Any) -> Any:
    """YAML values as JSON would give them: dates become ISO strings (CSL expects text)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def item_lines(text: str, *, base_line: int = 0) -> list[int]:
    """1-based line of every item of the top-level (or ``references:``) sequence."""
    try:
        return [base_line + line for line in scan(text)]
    except YamlLimitError:
        return []


def csl_items_to_references(
    items: list[Any], display_path: str, lines: list[int], *, source: str = "csl-json"
) -> tuple[list[Reference], list[Problem]]:
    """References from parsed CSL items; non-mapping items become problems.

    At most the references budget (:mod:`citecheck.loaders.refcap`) is read."""
    refs: list[Reference] = []
    problems: list[Problem] = []
    taker = Taker()
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else 1
        loc = Location(path=display_path, line=line, column=1)
        if not isinstance(item, dict):
            problems.append(Problem(message="CSL item is not a mapping", location=loc))
            continue
        if taker.take(str(item.get("id") or ""), line):
            refs.append(csl_item_to_reference(plain(item), location=loc, source=source))
    capped = taker.problem(display_path)
    return refs, [*problems, capped] if capped is not None else problems


def parse_csl_yaml(text: str, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Every item of a CSL-YAML source; nesting or aliases past the limits are an
    :class:`InputError` (the file is refused, not half read)."""
    try:
        lines = scan(text)
        data = construct(text)
    except YamlLimitError as exc:
        raise LimitError(f"{display_path}: {exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = Location(path=display_path, line=(mark.line + 1) if mark else 1, column=1)
        return [], [Problem(message=f"CSL-YAML could not be parsed: {exc}", location=loc)]
    if isinstance(data, dict):
        data = data.get("references")
    if not isinstance(data, list):
        loc = Location(path=display_path, line=1, column=1)
        return [], [
            Problem(
                message="CSL-YAML must be a list of items or have a 'references:' list",
                location=loc,
            )
        ]
    return csl_items_to_references(data, display_path, lines)


def load_references(path: Path, display_path: str) -> tuple[list[Reference], list[Problem]]:
    """Read a ``.yaml`` / ``.yml`` CSL file."""
    text, _ = read_text(path)
    return parse_csl_yaml(text, display_path)
