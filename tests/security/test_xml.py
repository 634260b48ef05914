"""XML in DOCX and JATS: no entity expansion, no external entities, no network."""

from __future__ import annotations

import socket
import urllib.request
import zipfile
from pathlib import Path

import pytest

from citecheck.loaders import load_manuscript
from citecheck.model.document import Document
from citecheck.model.errors import InputError

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)
EXTERNAL = '<?xml version="1.0"?>\n<!DOCTYPE x [ <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>\n'
REMOTE_DTD = '<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "http://evil.example/x.dtd">\n'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, prolog: str, entity: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "word/document.xml",
            f"{prolog}<w:document {W}><w:body><w:p><w:r><w:t>"
            f"Text (Smith, 2019) {entity}</w:t></w:r></w:p></w:body></w:document>",
        )
    return path


def _jats(path: Path, prolog: str, entity: str) -> Path:
    path.write_text(
        f"{prolog}<article><body><p>Text {entity}</p></body></article>", encoding="utf-8"
    )
    return path


@pytest.mark.parametrize("build", [_docx, _jats])
@pytest.mark.parametrize(("prolog", "entity"), [(LAUGHS, "&lol9;"), (EXTERNAL, "&ext;")])
def test_entities_are_refused(tmp_path: Path, build: object, prolog: str, entity: str) -> None:
    name = "a.docx" if build is _docx else "a.xml"
    path = build(tmp_path / name, prolog, entity)  # type: ignore[operator]
    with pytest.raises(InputError) as info:
        load_manuscript(path, name)
    assert "entit" in str(info.value).lower()


@pytest.mark.parametrize("build", [_docx, _jats])
def test_external_dtd_is_not_fetched(
    tmp_path: Path, build: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Any attempt to reach the network (name look-up or connection) is recorded and
    # refused: the loader must neither fetch the DTD nor read anything from it.
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network use in a test")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    name = "a.docx" if build is _docx else "a.xml"
    path = build(tmp_path / name, REMOTE_DTD, "")  # type: ignore[operator]
    try:
        doc = load_manuscript(path, name)
    except InputError as exc:
        assert "dtd" in str(exc).lower() or "doctype" in str(exc).lower(), exc
    else:
        assert isinstance(doc, Document) and "evil" not in doc.text
    assert attempts == []
