"""CSL-JSON items built from known metadata in ``shared/`` (Crossref records and the
labelled reference strings), each item carrying its own truth.

Only labelled fields are used; an item whose names cannot be split unambiguously
into family and given parts is dropped rather than guessed.
"""

from __future__ import annotations

import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Item = dict[str, Any]
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.?\s?-?){1,4}$")
_PARTICLES = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "del",
    "della",
    "di",
    "da",
    "du",
    "le",
    "la",
    "dos",
    "ter",
    "degli",
    "'t",
    "van't",
}
_JUNK = re.compile(r"[<>_\ufffd]")
_BAD_NAME = re.compile(r"[\d@/()\[\]:]|\bet al\b|\bdkk\b|…|\.\.\.")


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"(\w)- (?=[a-z])", r"\1", s)  # PDF hyphenation inside a word
    s = re.sub(r"(\w)- (?=[A-Z])", r"\1-", s)
    return re.sub(r"\s+", " ", s).strip()


def _strip(s: str) -> str:
    s = _clean(s).strip(" .,;:")
    return s.strip("“”\"'‘’ ").rstrip(" .,;:")


def _person(piece: str) -> dict[str, str] | None:
    """ "Smith, J. R." / "J. R. Smith" / "Keller SC" / "John Smith" -> CSL name."""
    piece = piece.strip(" .,;")
    if not piece or _BAD_NAME.search(piece):
        return None
    if "," in piece:
        fam, _, giv = piece.partition(",")
        fam, giv = fam.strip(), giv.strip()
        if re.fullmatch(r"(?:Jr|Sr|III|II)\.?", giv):
            return None
        return {"family": fam, "given": giv} if fam and giv and len(fam.split()) <= 3 else None
    words = piece.split()
    if len(words) < 2 or len(words) > 4:
        return None
    if _INITIALS.match(words[-1]) and words[-1].isupper() and len(words[-1]) <= 3:
        return {"family": " ".join(words[:-1]), "given": words[-1]}  # Vancouver "Keller SC"
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    fam = " ".join(words[i:])
    if not fam[:1].isupper() and fam.split()[0].lower() not in _PARTICLES:
        return None
    return {"family": fam, "given": " ".join(words[:i])}


def split_names(field: str) -> list[dict[str, str]] | None:
    """CSL names of a labelled author field, or None when any piece is doubtful."""
    s = _clean(field).rstrip(" .,;:")
    s = re.sub(r"^(?:By|by)\s", "", s)
    if re.search(r"\b(?:eds?|Hrsg|et al|others)\b\.?", s) or not s:
        return None
    if ";" in s:
        pieces = [p for p in re.split(r"\s*;\s*(?:and\s+|&\s*)?", s) if p]
        names = [_person(p) for p in pieces]
    else:
        toks = [t for t in re.split(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", s) if t]
        names, i = [], 0
        while i < len(toks):
            t = toks[i]
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if nxt and _INITIALS.match(nxt) and not _INITIALS.match(t) and len(t.split()) <= 3:
                names.append({"family": t, "given": nxt})
                i += 2
                continue
            names.append(_person(t))
            i += 1
    if not names or any(n is None for n in names):
        return None
    return [n for n in names if n is not None]


def _year(s: str) -> int | None:
    m = re.search(r"\b(1[6-9]\d\d|20[0-3]\d)\b", s)
    return int(m.group(1)) if m else None


def _pages(s: str) -> str | None:
    m = re.search(r"([A-Za-z]?\d+[A-Za-z]?)(?:\s?[-–—]+\s?([A-Za-z]?\d+))?", s)
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2)}" if m.group(2) else m.group(1)


def from_anystyle(path: Path) -> Iterator[Item]:
    """Items from AnyStyle gold sequences with authors, date and title."""
    for n, seq in enumerate(ET.parse(path).getroot()):
        tags: dict[str, str] = {}
        parts = []
        for ch in seq:
            tags.setdefault(ch.tag, "".join(ch.itertext()))
            parts.append("".join(ch.itertext()).strip())
        if not {"author", "title", "date"} <= tags.keys():
            continue
        names, year = split_names(tags["author"]), _year(tags["date"])
        if not names or year is None:
            continue
        item: Item = {
            "id": f"anystyle-{n}",
            "author": names,
            "title": _strip(tags["title"]),
            "issued": {"date-parts": [[year]]},
            "_key": " ".join(p for p in parts if p),
        }  # the real set's split key
        if "journal" in tags:
            item["type"] = "article-journal"
            item["container-title"] = _strip(re.sub(r"^(?:In:?|in)\s", "", tags["journal"]))
            vol = tags.get("volume", "")
            vm = re.search(r"\b(\d{1,4})\b", vol)
            if vm:
                item["volume"] = vm.group(1)
            im = re.search(r"\((\d{1,3})\)|no\.\s?(\d{1,3})", vol, re.I)
            if im:
                item["issue"] = im.group(1) or im.group(2)
        elif "container-title" in tags:
            item["type"] = "chapter"
            item["container-title"] = _strip(re.sub(r"^(?:In:?|in)\s", "", tags["container-title"]))
        elif "publisher" in tags:
            item["type"] = "book"
        else:
            continue
        if "pages" in tags and (pg := _pages(tags["pages"])):
            item["page"] = pg
        if "publisher" in tags:
            item["publisher"] = _strip(tags["publisher"])
        if "location" in tags:
            item["publisher-place"] = _strip(tags["location"])
        if "doi" in tags and (dm := re.search(r"10\.\d{4,9}/\S+", tags["doi"])):
            item["DOI"] = dm.group(0).rstrip(".,;")
        yield item


def from_glutton(path: Path) -> Iterator[Item]:
    """Items from the biblio-glutton sample: first author, title, journal, volume, page, DOI."""
    for n, row in enumerate(json.loads(path.read_text())):
        fam = row.get("firstAuthor")
        ref = _clean(row["reference"])
        year = _year(ref)
        if not (fam and row.get("atitle") and row.get("jtitle") and year):
            continue
        gm = re.search(re.escape(fam) + r",?\s+((?:[A-Z]\.?\s?){1,3})\b", ref)
        given = gm.group(1).strip() if gm else "A."
        item: Item = {
            "id": f"glutton-{n}",
            "type": "article-journal",
            "author": [{"family": fam, "given": given}],
            "title": _strip(row["atitle"]),
            "container-title": _strip(row["jtitle"]),
            "issued": {"date-parts": [[year]]},
            "DOI": row["doi"],
            "_key": row["reference"],
        }
        if row.get("volume"):
            item["volume"] = row["volume"]
        if row.get("firstPage"):
            item["page"] = row["firstPage"]
        yield item


_APA = re.compile(
    r"^(?P<a>.+?) \((?P<y>\d{4})\)\. (?P<t>.+?[.?!]) (?P<c>[^.,]+?), (?P<v>\d+)"
    r"(?:\((?P<i>[^)]+)\))?, (?P<p>[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?)\.$"
)


def from_rme(folder: Path) -> Iterator[Item]:
    """Items from the Crossref APA sample strings that an exact APA pattern reads."""
    data = json.loads((folder / "crossref_rme_dataset-apa_sample100.json").read_text())["dataset"]
    for n, row in enumerate(data):
        m = _APA.match(row["ref_string"])
        names = split_names(m.group("a")) if m else None
        if not m or not names:
            continue
        item: Item = {
            "id": f"rme-{n}",
            "type": "article-journal",
            "author": names,
            "title": m.group("t").rstrip("."),
            "container-title": m.group("c"),
            "volume": m.group("v"),
            "page": m.group("p").replace("–", "-"),
            "issued": {"date-parts": [[int(m.group("y"))]]},
            "DOI": row["target_gt"]["DOI"],
            "_key": row["target_gt"]["DOI"],
        }
        if m.group("i"):
            item["issue"] = m.group("i")
        yield item


_CR_TYPES = {
    "journal-article": "article-journal",
    "proceedings-article": "paper-conference",
    "book-chapter": "chapter",
    "posted-content": "article",
    "reference-entry": "entry",
}


def _crossref_item(w: dict[str, Any], ident: str) -> Item | None:
    typ = _CR_TYPES.get(w.get("type", ""))
    title = (w.get("title") or [None])[0]
    names = [
        {"family": a["family"], "given": a.get("given", "")}
        if "family" in a
        else {"literal": a["name"]}
        for a in w.get("author", [])
        if "family" in a or "name" in a
    ]
    date = (w.get("published-print") or w.get("issued") or w.get("published") or {}).get(
        "date-parts"
    )
    if not (typ and title and names and date and date[0] and date[0][0]):
        return None
    item: Item = {
        "id": ident,
        "type": typ,
        "author": names,
        "title": _clean(title),
        "issued": {"date-parts": [[date[0][0]]]},
        "DOI": w["DOI"],
    }
    for src, dst in (
        ("volume", "volume"),
        ("issue", "issue"),
        ("page", "page"),
        ("article-number", "page"),
        ("publisher", "publisher"),
    ):
        if w.get(src) and dst not in item:
            item[dst] = w[src]
    for src, dst in (
        ("container-title", "container-title"),
        ("short-container-title", "container-title-short"),
    ):
        val = w.get(src)
        if isinstance(val, list) and val:
            item[dst] = _clean(val[0])
    return item


def from_crossref(folder: Path) -> Iterator[Item]:
    """Items from the Crossref fixtures (single works and list responses)."""
    for f in sorted(folder.glob("*.json")):
        if f.name.endswith(".meta.json"):
            continue
        msg = json.loads(f.read_text())
        msg = msg.get("message", msg) if isinstance(msg, dict) else {}
        works = msg.get("items", [msg]) if isinstance(msg, dict) else []
        for k, w in enumerate(works):
            if (
                isinstance(w, dict)
                and w.get("DOI")
                and (it := _crossref_item(w, f"crossref-{f.stem[:2]}-{k}"))
            ):
                yield it


def load_all(shared: Path) -> list[Item]:
    """Every source item, deduplicated by DOI."""
    rs = shared / "datasets" / "refstrings"
    items = [
        *from_crossref(shared / "crossref-fixtures"),
        *from_rme(rs),
        *from_glutton(rs / "glutton_references-doi-matching_sample300.json"),
        *from_anystyle(rs / "anystyle_gold_full.xml"),
    ]
    seen: set[str] = set()
    out = []
    for it in items:
        if _JUNK.search(
            json.dumps({k: v for k, v in it.items() if k[0] != "_"}, ensure_ascii=False)
        ):
            continue  # markup or encoding damage in the labelled source: not metadata
        key = str(it.get("DOI", it["id"])).lower()
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
