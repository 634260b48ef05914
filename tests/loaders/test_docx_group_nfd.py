"""A DOCX list's group title typed with combining accents (NFD) is a group title as its
NFC form is (the property test of NFC/NFD agreement found "À" read two ways)."""

from __future__ import annotations

import unicodedata

import pytest

from citecheck.loaders.docx import _GROUP_HEADING


@pytest.mark.parametrize(
    "text", ["À", "Fontes Eletrônicas", "Référence web:", "2020", "Smith, A.", "Über-Quellen"]
)
def test_nfd_and_nfc_group_titles_agree(text: str) -> None:
    nfc = _GROUP_HEADING.fullmatch(unicodedata.normalize("NFC", text)) is not None
    nfd = _GROUP_HEADING.fullmatch(unicodedata.normalize("NFD", text)) is not None
    assert nfc == nfd
