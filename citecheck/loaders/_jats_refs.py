"""JATS ``<ref>`` elements to :class:`Reference` s, using the tagged fields directly."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from citecheck.loaders._xml import local, text_of
from citecheck.model.document import Author, Location, Reference, ReferenceKind
from citecheck.text.doi import DOI_IN_TEXT

_CITATION_TAGS = ("element-citation", "mixed-citation", "citation", "nlm-citation")
_KINDS: dict[str, ReferenceKind] = {
    "journal": "article",
    "book": "book",
    "chapter": "chapter",
    "thesis": "thesis",
    "report": "report",
    "confproc": "conference",
    "conf-proc": "conference",
    "conference": "conference",
    "web": "web",
    "webpage": "web",
    "data": "dataset",
    "dataset": "dataset",
    "software": "software",
    "preprint": "preprint",
    "patent": "other",
    "other": "other",
    "book-chapter": "chapter",
}
_BOOKISH = {"book", "report", "thesis", "software", "data", "dataset", "web", "webpage"}


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    for c in el.iter():
        if local(c.tag) in names and c is not el:
            return c
    return None


def _value(el: ET.Element, *names: str) -> str | None:
    c = _child(el, *names)
    if c is None:
        return None
    text = text_of(c)
    return text or None


def _authors(cit: ET.Element) -> tuple[tuple[Author, ...], bool]:
    groups = [g for g in cit if local(g.tag) == "person-group"]
    chosen = [g for g in groups if g.get("person-group-type", "author") == "author"] or groups[:1]
    holders = chosen or [cit]  # names directly inside the citation (older JATS)
    people: list[Author] = []
    et_al = False
    for holder in holders:
        for n in holder:
            tag = local(n.tag)
            if tag in ("name", "string-name", "name-alternatives"):
                inner = n if tag != "name-alternatives" else (_child(n, "name", "string-name") or n)
                family = _value(inner, "surname")
                given = _value(inner, "given-names")
                if family is None:
                    raw = text_of(inner)
                    if not raw:
                        continue
                    family, _, given_raw = raw.partition(" ")
                    given = given_raw or None
                people.append(Author(family=family, given=given))
            elif tag == "collab":
                name = text_of(n)
                if name:
                    people.append(Author(family=name, corporate=True))
            elif tag == "etal":
                et_al = True
    return tuple(people), et_al


def _pages(cit: ET.Element) -> str | None:
    first, last = _value(cit, "fpage"), _value(cit, "lpage")
    if first:
        return f"{first}-{last}" if last and last != first else first
    return _value(cit, "page-range", "elocation-id")


def _doi(cit: ET.Element) -> str | None:
    for c in cit.iter():
        if local(c.tag) == "pub-id" and c.get("pub-id-type", "").lower() == "doi":
            return text_of(c) or None
    for c in cit.iter():
        if local(c.tag) in ("ext-link", "uri"):
            m = re.search(DOI_IN_TEXT, text_of(c) or "")
            href = next((v for k, v in c.attrib.items() if k.endswith("href")), "")
            m = m or re.search(DOI_IN_TEXT, href)
            if m:
                return m.group(0).rstrip(".,;")
    return None


def _url(cit: ET.Element) -> str | None:
    for c in cit.iter():
        if local(c.tag) in ("ext-link", "uri"):
            href = next((v for k, v in c.attrib.items() if k.endswith("href")), None)
            return href or text_of(c) or None
    return None


def ref_to_reference(ref: ET.Element, *, location: Location, order: int) -> Reference:
    """One ``<ref>``: tagged fields when present, the printed text always."""
    cit = next((c for c in ref if local(c.tag) in _CITATION_TAGS), None)
    label = _value(ref, "label")
    number = int(label.strip(".[] ")) if label and label.strip(".[] ").isdigit() else order
    if cit is None:
        return Reference(
            text=text_of(ref), key=ref.get("id"), number=number, location=location, source="jats"
        )
    ptype = (cit.get("publication-type") or cit.get("citation-type") or "other").lower()
    authors, et_al = _authors(cit)
    title = _value(cit, "article-title", "chapter-title", "part-title", "data-title")
    source = _value(cit, "source")
    if title is None and ptype in _BOOKISH:
        title, source = source, None
    year = _value(cit, "year")
    if year:
        m = re.search(r"\d{4}[a-z]?", year)
        year = m.group(0) if m else year
    if local(cit.tag) == "element-citation":  # no printed punctuation: space the fields
        text = " ".join(t.strip() for t in cit.itertext() if t.strip())
    else:
        text = text_of(cit)
    fields = {local(c.tag): text_of(c) for c in cit if local(c.tag) and text_of(c)}
    out = Reference(
        text=text,
        authors=authors,
        et_al=et_al,
        year=year,
        title=title,
        container=source,
        volume=_value(cit, "volume"),
        issue=_value(cit, "issue"),
        pages=_pages(cit),
        publisher=_value(cit, "publisher-name"),
        doi=_doi(cit),
        url=_url(cit),
        key=ref.get("id"),
        number=number,
        kind=_KINDS.get(ptype, "other"),
        location=location,
        source="jats",
        fields=fields,
    )
    if out.year is None or not out.authors or out.title is None:
        out = _fill_from_text(out)
    return out


def _fill_from_text(ref: Reference) -> Reference:
    """Untagged parts of a mixed citation: read them from the printed string."""
    from citecheck.references import parse_reference

    try:
        parsed = parse_reference(ref.text)
    except Exception:  # the parser is total by contract; a loader must not fail on it
        return ref
    update: dict[str, object] = {}
    for name in ("year", "title", "container", "volume", "issue", "pages", "doi", "url"):
        if getattr(ref, name) is None and getattr(parsed, name) is not None:
            update[name] = getattr(parsed, name)
    if not ref.authors and parsed.authors:
        update["authors"] = parsed.authors
        update["et_al"] = parsed.et_al
    return ref.model_copy(update=update) if update else ref
