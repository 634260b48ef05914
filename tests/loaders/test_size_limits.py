"""Inputs whose parsed form would not fit the memory bound are refused before parsing
(issue 20): JATS over the XML limit, YAML over its character limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from citecheck.loaders import _safe_yaml, jats
from citecheck.loaders.csl_yaml import parse_csl_yaml
from citecheck.model.errors import LimitError


def test_jats_over_the_xml_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jats, "MAX_XML_BYTES", 100)
    path = tmp_path / "a.xml"
    path.write_text("<article><body><p>" + "x" * 200 + "</p></body></article>", encoding="utf-8")
    with pytest.raises(LimitError, match=r"bytes of XML is more than the 100 read"):
        jats.load(path, "a.xml")


def test_yaml_over_the_character_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_safe_yaml, "MAX_CHARS", 50)
    text = "".join(f"- id: k{i}\n  title: T\n" for i in range(10))
    with pytest.raises(LimitError, match=r"a.yaml: line 1: \d+ characters of YAML is more than"):
        parse_csl_yaml(text, "a.yaml")
    assert len(parse_csl_yaml(text[:40], "a.yaml")[0]) >= 1
