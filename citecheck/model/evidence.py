"""Typed evidence of the findings another module reads: the rules write it with
``to_json`` and ``citecheck fix`` reads it back with ``read``, so a key is named once.

``Finding.evidence`` stays a JSON object (its keys and their order are part of the
JSON output); ``read`` also accepts a saved report's evidence, including the
spellings of early drafts of the registry rules (``suggested_doi``, ``fields``,
``published_doi``), and leaves out what is missing instead of failing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import field as _field
from typing import Any

# Evidence values are JSON values (strings, numbers, lists of years, nested objects):
# ``Json`` says so where a field holds one.
Json = Any

_NEW_VALUE_KEYS = ("record", "registry", "crossref", "expected", "new")
_OLD_VALUE_KEYS = ("listed", "reference", "manuscript", "found", "old")


def _first(mapping: Mapping[str, Json], keys: tuple[str, ...]) -> Json:
    """The first of ``keys`` with a value (None and "" do not count)."""
    for key in keys:
        if mapping.get(key) not in (None, ""):
            return mapping[key]
    return None


def _mapping(value: Json) -> Mapping[str, Json]:
    return value if isinstance(value, Mapping) else {}


@dataclass(frozen=True)
class MissingDoiEvidence:
    """missing-doi: the registry record a reference without a DOI matches."""

    record_doi: str | None
    source: str = "crossref"
    record_url: str | None = None
    searched: str = ""
    signals: Mapping[str, Json] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Json]:
        """The evidence as findings show it."""
        return {
            "source": self.source,
            "record_doi": self.record_doi,
            "record_url": self.record_url,
            "searched": self.searched,
            "signals": self.signals,
            "thresholds": self.thresholds,
        }

    @classmethod
    def read(cls, evidence: Mapping[str, Json]) -> MissingDoiEvidence:
        """The evidence of a finding (live or from a saved report)."""
        doi = _first(evidence, ("record_doi", "suggested_doi", "doi"))
        return cls(record_doi=None if doi is None else str(doi))


@dataclass(frozen=True)
class FieldDifference:
    """One field on which a reference and its registry record disagree."""

    field: str
    reference: Json  # as written in the reference
    record: Json  # as the record gives it (a list when it gives several, e.g. years)
    detail: Mapping[str, Json] = _field(default_factory=dict)  # e.g. missing/extra authors

    def to_json(self) -> dict[str, Json]:
        """The difference as findings show it."""
        return {
            "field": self.field,
            "reference": self.reference,
            "record": self.record,
            **self.detail,
        }

    @classmethod
    def read(cls, name: str, item: Mapping[str, Json]) -> FieldDifference:
        """One difference of a finding (``name``: the field it is about)."""
        return cls(
            field=name,
            reference=_first(item, _OLD_VALUE_KEYS),
            record=_first(item, _NEW_VALUE_KEYS),
        )


@dataclass(frozen=True)
class MetadataMismatchEvidence:
    """metadata-mismatch: every field that differs from the registry record."""

    differences: tuple[FieldDifference, ...]
    source: str = "crossref"
    record_doi: str | None = None
    record_url: str | None = None
    record_dates: Mapping[str, Json] = field(default_factory=dict)

    def to_json(self) -> dict[str, Json]:
        """The evidence as findings show it."""
        return {
            "source": self.source,
            "record_doi": self.record_doi,
            "record_url": self.record_url,
            "differences": [d.to_json() for d in self.differences],
            "record_dates": self.record_dates,
        }

    @classmethod
    def read(cls, evidence: Mapping[str, Json]) -> MetadataMismatchEvidence:
        """The evidence of a finding (live or from a saved report)."""
        raw = evidence.get("differences") or evidence.get("fields")
        items: list[tuple[str, Mapping[str, Json]]] = []
        if isinstance(raw, Mapping):
            items = [(str(k), v) for k, v in raw.items() if isinstance(v, Mapping)]
        elif isinstance(raw, list):
            items = [(str(v.get("field", "")), v) for v in raw if isinstance(v, Mapping)]
        return cls(differences=tuple(FieldDifference.read(name, item) for name, item in items))


@dataclass(frozen=True)
class PublishedVersion:
    """The peer-reviewed version a preprint's record links to."""

    doi: str  # empty when a saved report's entry names none
    relation: str = ""  # "is-preprint-of", "has-version", ...

    def to_json(self) -> dict[str, Json]:
        """The version as findings show it."""
        return {"doi": self.doi, "relation": self.relation, "url": f"https://doi.org/{self.doi}"}


@dataclass(frozen=True)
class PreprintPublishedEvidence:
    """preprint-published: the cited preprint's record and its published versions.

    ``published`` (other fields of the published version) is only read, from reports
    of early drafts; the rule does not write it.
    """

    published_versions: tuple[PublishedVersion, ...]
    source: str = "crossref"
    record_doi: str | None = None
    record_url: str | None = None
    record_type: str | None = None
    record_subtype: str | None = None
    published: Mapping[str, Json] = field(default_factory=dict)

    def to_json(self) -> dict[str, Json]:
        """The evidence as findings show it."""
        return {
            "source": self.source,
            "record_doi": self.record_doi,
            "record_url": self.record_url,
            "record_type": self.record_type,
            "record_subtype": self.record_subtype,
            "published_versions": [v.to_json() for v in self.published_versions],
        }

    @classmethod
    def read(cls, evidence: Mapping[str, Json]) -> PreprintPublishedEvidence:
        """The evidence of a finding (live or from a saved report)."""
        versions: list[PublishedVersion] = []
        legacy = _first(evidence, ("published_doi",))
        if legacy:
            versions.append(PublishedVersion(doi=str(legacy)))
        raw = evidence.get("published_versions")
        for item in raw if isinstance(raw, list) else []:
            doi, relation = _mapping(item).get("doi"), _mapping(item).get("relation")
            versions.append(PublishedVersion(str(doi or ""), str(relation or "")))
        return cls(
            published_versions=tuple(versions), published=_mapping(evidence.get("published"))
        )
