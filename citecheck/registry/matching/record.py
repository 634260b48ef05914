"""A typed view of one registry record (Crossref ``message`` or CSL-JSON shape).

Crossref gives ``title`` and ``container-title`` as lists, CSL-JSON as strings;
dates are ``{"date-parts": [[Y, M, D]]}``; organisations use ``name`` instead of
``family``. :func:`view` reads both shapes and never raises on odd input: a field
that cannot be read is simply absent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from citecheck.text.folding import strip_markup

# Record dates a cited year may legitimately equal, in the order we report them.
# ``journal-issue`` dates cover issue-level print dates that differ from the
# article's own (fixture 02: online 2020, issue print 2021). Never ``created``,
# ``deposited`` or ``indexed``: those are metadata dates, not publication dates.
DATE_FIELDS = ("published-print", "published-online", "issued", "posted")


@dataclass(frozen=True)
class RecordAuthor:
    """One author of a record: family name (or organisation name) and given names."""

    family: str
    given: str | None = None
    organisation: bool = False


@dataclass(frozen=True)
class RecordView:
    """The fields of a registry record that references are compared with."""

    doi: str | None
    type: str | None
    subtype: str | None
    title: str | None  # main title, markup stripped
    subtitle: str | None
    container: tuple[str, ...]  # full container titles
    short_container: tuple[str, ...]
    authors: tuple[RecordAuthor, ...]
    volume: str | None
    issue: str | None
    pages: str | None
    years: dict[str, int]  # date field -> year ("published-print": 2021, ...)
    publisher: str | None
    url: str | None

    @property
    def full_title(self) -> str | None:
        """``title: subtitle`` when the record has a separate subtitle."""
        if self.title and self.subtitle and self.subtitle.lower() not in self.title.lower():
            return f"{self.title}: {self.subtitle}"
        return self.title

    @property
    def first_author(self) -> RecordAuthor | None:
        """The first listed author, if any."""
        return self.authors[0] if self.authors else None

    @property
    def is_preprint(self) -> bool:
        """Posted content of subtype preprint (or unspecified subtype)."""
        return self.type == "posted-content" and self.subtype in (None, "preprint")

    def year_set(self) -> set[int]:
        """Every publication year the record carries."""
        return set(self.years.values())


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.strip():
                return strip_markup(item)
        return None
    if isinstance(value, str) and value.strip():
        return strip_markup(value)
    return None


def _all_texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(strip_markup(v) for v in value if isinstance(v, str) and v.strip())


def date_year(value: Any) -> int | None:
    """The year of a Crossref/CSL date object (``date-parts`` or ``date-time``)."""
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        first = parts[0][0]
        if isinstance(first, int) and 1000 < first < 3000:
            return first
        if isinstance(first, str) and first.isdigit():
            return int(first)
    stamp = value.get("date-time")
    if isinstance(stamp, str) and stamp[:4].isdigit():
        return int(stamp[:4])
    return None


def _authors(value: Any) -> tuple[RecordAuthor, ...]:
    if not isinstance(value, list):
        return ()
    out: list[RecordAuthor] = []
    for item in value:
        if not isinstance(item, dict):
            continue
        family = item.get("family")
        if isinstance(family, str) and family.strip():
            given = item.get("given")
            out.append(RecordAuthor(family.strip(), given if isinstance(given, str) else None))
        elif isinstance(item.get("name"), str) and item["name"].strip():
            out.append(RecordAuthor(item["name"].strip(), None, organisation=True))
        elif isinstance(item.get("literal"), str) and item["literal"].strip():
            out.append(RecordAuthor(item["literal"].strip(), None, organisation=True))
    return tuple(out)


def _str_field(record: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def view(record: dict[str, Any]) -> RecordView:
    """Read ``record`` (Crossref work or CSL-JSON) into a :class:`RecordView`."""
    years: dict[str, int] = {}
    for name in DATE_FIELDS:
        year = date_year(record.get(name))
        if year is not None:
            years[name] = year
    issue_info = record.get("journal-issue")
    if isinstance(issue_info, dict):
        for name in ("published-print", "published-online"):
            year = date_year(issue_info.get(name))
            if year is not None:
                years.setdefault(f"journal-issue {name}", year)
    if not years:
        year = date_year(record.get("published"))
        if year is not None:
            years["published"] = year
    doi = _str_field(record, "DOI", "doi")
    url = _str_field(record, "URL") or (f"https://doi.org/{doi}" if doi else None)
    return RecordView(
        doi=doi.lower() if doi else None,
        type=_str_field(record, "type"),
        subtype=_str_field(record, "subtype"),
        title=_first_text(record.get("title")),
        subtitle=_first_text(record.get("subtitle")),
        container=_all_texts(record.get("container-title")),
        short_container=_all_texts(record.get("short-container-title"))
        + _all_texts(record.get("container-title-short")),
        authors=_authors(record.get("author")),
        volume=_str_field(record, "volume"),
        issue=_str_field(record, "issue"),
        pages=_str_field(record, "page", "article-number"),
        years=years,
        publisher=_str_field(record, "publisher"),
        url=url,
    )
