"""YAML from untrusted files: the safe loader (C-accelerated when libyaml is there)
behind a pre-scan that bounds nesting depth and alias expansion.

PyYAML's safe loader shares one Python object between an anchor and its aliases, so
loading a "billion laughs" document is cheap; every walk over the result (copying,
``str()``, the CSL converter) then expands it exponentially. Bibliographic data never
needs aliases, so a document whose aliases would bring in more than
:data:`MAX_ALIAS_NODES` nodes, or an alias inside its own anchor, is refused before
it is loaded. The pre-scan reads the event stream (no recursion), so deep nesting is
refused at :data:`MAX_DEPTH` levels with the line where it happens.

The loader builds the whole document (about 90 bytes of memory per byte of YAML) and
the pre-scan walks every event in Python: a CSL-YAML file of 30,000 items (3.8 MB)
took 27 s of CPU for the whole check. YAML longer than :data:`MAX_CHARS` (about
15,000 CSL items, three times the largest shared bibliography we have met) is refused
before it is parsed, with a pointer to CSL-JSON or BibTeX, which are read within the
references budget at any size the file limit allows.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

MAX_DEPTH = 100
MAX_ALIAS_NODES = 10_000
MAX_CHARS = 2_000_000

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PARSER: Any = getattr(yaml, "CParser", None)
_START = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_END = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class YamlLimitError(ValueError):
    """The document nests or aliases past the limits; ``line`` is where (1-based)."""

    def __init__(self, reason: str, line: int) -> None:
        super().__init__(f"line {line}: {reason}; refused")
        self.reason, self.line = reason, line


def _events(text: str) -> Iterator[Any]:
    if _PARSER is None:
        yield from yaml.parse(text, Loader=yaml.SafeLoader)
        return
    parser = _PARSER(text)
    try:
        while (event := parser.get_event()) is not None:
            yield event
    finally:
        parser.dispose()


def scan(text: str) -> list[int]:
    """Check the limits; return the line of each item of the top-level sequence (or of
    a top-level ``references:`` sequence). Syntax errors are left to the loader."""
    if len(text) > MAX_CHARS:
        raise YamlLimitError(
            f"{len(text):,} characters of YAML is more than the {MAX_CHARS:,} read "
            "(use CSL-JSON or BibTeX for a bibliography this large)",
            1,
        )
    sizes: dict[str, int | None] = {}  # anchor -> nodes it expands to (None while open)
    stack: list[list[Any]] = []  # open collections: [anchor, node count, is items list]
    budget = MAX_ALIAS_NODES
    items: list[int] = []
    last_key: str | None = None
    try:
        for event in _events(text):
            line = event.start_mark.line + 1
            if (
                stack
                and stack[-1][2]
                and isinstance(event, (*_START, yaml.ScalarEvent, yaml.AliasEvent))
            ):
                items.append(line)
            if isinstance(event, _START):
                if len(stack) >= MAX_DEPTH:
                    raise YamlLimitError(f"too deeply nested (more than {MAX_DEPTH} levels)", line)
                if event.anchor:
                    sizes[event.anchor] = None
                is_items = isinstance(event, yaml.SequenceStartEvent) and (
                    not stack or (len(stack) == 1 and last_key == "references")
                )
                stack.append([event.anchor, 1, is_items and not items])
            elif isinstance(event, _END):
                anchor, count, _ = stack.pop()
                if anchor:
                    sizes[anchor] = count
                if stack:
                    stack[-1][1] += count
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                if stack:
                    stack[-1][1] += 1
                last_key = event.value if len(stack) == 1 else last_key
            elif isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor or "", 1)
                if size is None:
                    raise YamlLimitError(f"alias *{event.anchor} is inside its own anchor", line)
                budget -= size
                if budget < 0:
                    raise YamlLimitError(
                        f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?)",
                        line,
                    )
                if stack:
                    stack[-1][1] += size
    except yaml.YAMLError:
        pass
    return items


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` after :func:`scan` (raises YamlLimitError or yaml.YAMLError)."""
    scan(text)
    return construct(text)


def construct(text: str) -> Any:
    """The document through the safe loader (what ``yaml.safe_load`` does, C-accelerated)."""
    loader = LOADER(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
