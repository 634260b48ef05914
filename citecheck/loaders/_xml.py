"""Safe XML parsing (defusedxml: no entity expansion, no external entities) with the
source position of every element, for locations that point into the file.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as ET
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from citecheck.model.document import Location

MAX_DEPTH = 256  # elements inside elements; real JATS and DOCX stay under 60
# an XML document costs ~20x its size as a tree: 40 MB keeps a JATS file or a DOCX part
# under 1 GB (a 48 MB JATS file took 983 MB; a 1,000-page thesis has a document.xml of
# about 10 MB)
MAX_XML_BYTES = 40_000_000


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _PositionBuilder(ET.TreeBuilder):
    """A tree builder that remembers the byte offset of each start tag and refuses
    nesting past :data:`MAX_DEPTH` (every later walk over the tree may recurse)."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.offsets: dict[int, int] = {}
        self.depth = 0

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(int(self.expat.CurrentLineNumber) if self.expat is not None else 0)
        element = super().start(tag, attrs)
        if self.expat is not None:
            self.offsets[id(element)] = int(self.expat.CurrentByteIndex)
        return element

    def end(self, tag: Any) -> ET.Element:
        self.depth -= 1
        return super().end(tag)


class XmlError(ValueError):
    """The bytes are not well-formed XML, or they try entity tricks."""


class PositionedTree:
    """A parsed document plus ``location(element)`` into the original bytes."""

    def __init__(self, data: bytes) -> None:
        builder = _PositionBuilder()
        parser = DefusedXMLParser(
            target=builder, forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
        builder.expat = getattr(parser, "parser", None) or getattr(parser, "_parser", None)
        try:
            parser.feed(data)
            self.root: ET.Element = parser.close()
        except ET.ParseError as exc:
            line, col = getattr(exc, "position", (0, 0))
            raise XmlError(f"not well-formed XML at line {line}, column {col + 1}: {exc}") from exc
        except _TooDeep as exc:
            raise XmlError(
                f"line {exc.line}: too deeply nested (more than {MAX_DEPTH} levels); refused"
            ) from None
        except DefusedXmlException as exc:
            raise XmlError(
                f"refused: {type(exc).__name__} (entity declarations are not allowed)"
            ) from exc
        self._data = data
        self._offsets = builder.offsets
        self._newline_list: list[int] | None = None

    @property
    def _newlines(self) -> list[int]:
        # built on first use, in C (a Python loop over 200 MB of bytes takes seconds)
        if self._newline_list is None:
            self._newline_list = [m.start() for m in re.finditer(b"\n", self._data)]
        return self._newline_list

    def location(self, element: ET.Element, path: str) -> Location:
        """Line and column (in characters) of the element's start tag."""
        offset = self._offsets.get(id(element))
        if offset is None:
            return Location(path=path)
        i = bisect.bisect_left(self._newlines, offset)
        line_start = self._newlines[i - 1] + 1 if i > 0 else 0
        column = len(self._data[line_start:offset].decode("utf-8", errors="replace")) + 1
        return Location(path=path, line=i + 1, column=column)


def local(tag: object) -> str:
    """Tag name without namespace (``{ns}name`` -> ``name``); '' for comments/PIs."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def text_of(element: ET.Element) -> str:
    """All text inside ``element``, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())
