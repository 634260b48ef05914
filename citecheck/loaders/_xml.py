"""Safe XML parsing (defusedxml: no entity expansion, no external entities) with the
source position of every element, for locations that point into the file.
"""

from __future__ import annotations

import bisect
import xml.etree.ElementTree as ET
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from citecheck.model.document import Location


class _PositionBuilder(ET.TreeBuilder):
    """A tree builder that remembers the byte offset of each start tag."""

    def __init__(self) -> None:
        super().__init__()
        self.expat: Any = None
        self.offsets: dict[int, int] = {}

    def start(self, tag: Any, attrs: Any) -> ET.Element:
        element = super().start(tag, attrs)
        if self.expat is not None:
            self.offsets[id(element)] = int(self.expat.CurrentByteIndex)
        return element


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
        except DefusedXmlException as exc:
            raise XmlError(
                f"refused: {type(exc).__name__} (entity declarations are not allowed)"
            ) from exc
        self._data = data
        self._offsets = builder.offsets
        self._newlines = [i for i, b in enumerate(data) if b == 0x0A]

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
