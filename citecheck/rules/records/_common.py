"""Helpers shared by the registry rules: walking resolutions, evidence, notices."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from citecheck.model.document import Reference
from citecheck.model.findings import Finding, Severity
from citecheck.model.resolution import Candidate, Found, ReferenceResolution, Unavailable
from citecheck.registry.matching.candidates import Verdict, judge
from citecheck.registry.matching.compare import identity
from citecheck.registry.matching.record import RecordView, view
from citecheck.registry.matching.thresholds import Thresholds
from citecheck.rules.base import Rule, RuleContext
from citecheck.text.clip import clip

RETRACTION_TYPES = frozenset({"retraction", "withdrawal", "removal", "partial_retraction"})
CONCERN_TYPES = frozenset({"expression_of_concern"})
CORRECTION_TYPES = frozenset(
    {"correction", "erratum", "corrigendum", "addendum", "clarification", "err"}
)


def resolved(ctx: RuleContext) -> Iterator[tuple[int, Reference, ReferenceResolution]]:
    """Every printed reference with a registry resolution (none when the stage did not
    run); an uncited database entry is not in the manuscript, so it is not judged."""
    for i, ref in enumerate(ctx.document.references):
        if i not in ctx.printed:
            continue
        res = ctx.resolutions.get(i)
        if isinstance(res, ReferenceResolution):
            yield i, ref, res


def found(res: ReferenceResolution) -> Found | None:
    """The DOI look-up's record, when there is one."""
    return res.by_doi if isinstance(res.by_doi, Found) else None


def cited_record(ctx: RuleContext, ref: Reference, res: ReferenceResolution) -> Found | None:
    """The DOI's record when it describes the cited work; None when there is none or
    when the DOI names another work (doi-mismatch reports that, and the other work's
    retractions, corrections or published versions say nothing about the cited one)."""
    hit = found(res)
    if hit is None:
        return None
    if identity(ref, view(hit.record)).mismatch(Thresholds.from_settings(ctx.settings)):
        return None
    return hit


def search_hits(
    res: ReferenceResolution, *, fallback: bool = False
) -> tuple[Candidate, ...] | None:
    """The search's hits (the OpenAlex fallback's with ``fallback``), or None when no
    search ran or it could not be done."""
    hits = res.fallback if fallback else res.search
    if hits is None or isinstance(hits, Unavailable):
        return None
    return hits


SOURCE_NAMES = {
    "crossref": "Crossref",
    "datacite": "DataCite",
    "medra": "mEDRA",
    "jalc": "JaLC",
    "handle": "doi.org",
    "dblp": "DBLP",
    "other": "registry",
}


def source_name(hit: Found) -> str:
    """The registry that holds the record, as people write it ("DataCite")."""
    return SOURCE_NAMES.get(hit.source, hit.source)


def record_source(hit: Found | None, rec: RecordView, source: str = "crossref") -> dict[str, Any]:
    """Where the compared record comes from: registry, DOI and URL."""
    return {
        "source": hit.source if hit is not None else source,
        "record_doi": rec.doi,
        "record_url": rec.url,
    }


def shorten(text: str | None, limit: int = 90) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters."""
    return clip(text, limit)


@dataclass(frozen=True)
class Notice:
    """One update notice about a work (retraction, correction, ...)."""

    doi: str | None
    type: str
    label: str | None
    source: str | None
    date: str | None
    record_id: str | None = None
    direction: str = "updated-by"  # or "update-to" (the cited DOI is the notice)

    def to_json(self) -> dict[str, Any]:
        """Evidence shape."""
        out: dict[str, Any] = {
            "doi": self.doi,
            "type": self.type,
            "source": self.source,
            "date": self.date,
        }
        if self.label:
            out["label"] = self.label
        if self.record_id:
            out["record_id"] = self.record_id
        if self.direction != "updated-by":
            out["direction"] = self.direction
        return out


def _date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        nums = [p for p in parts[0] if isinstance(p, int)]
        if nums:
            return "-".join(f"{n:02d}" if k else str(n) for k, n in enumerate(nums))
    stamp = value.get("date-time")
    return stamp[:10] if isinstance(stamp, str) and len(stamp) >= 10 else None


def _entries(value: Any) -> list[dict[str, Any]]:
    return [e for e in value if isinstance(e, dict)] if isinstance(value, list) else []


def _notice(entry: dict[str, Any], direction: str) -> Notice | None:
    kind = entry.get("type")
    if not isinstance(kind, str):
        return None
    doi = entry.get("DOI")
    rid = entry.get("record-id")
    return Notice(
        doi=doi.lower() if isinstance(doi, str) else None,
        type=kind.lower().replace("-", "_").replace(" ", "_"),
        label=entry.get("label") if isinstance(entry.get("label"), str) else None,
        source=entry.get("source") if isinstance(entry.get("source"), str) else None,
        date=_date(entry.get("updated")),
        record_id=str(rid) if rid is not None else None,
        direction=direction,
    )


def notices(record: dict[str, Any], extra: tuple[dict[str, Any], ...] = ()) -> list[Notice]:
    """Every update notice about the work ``record`` describes, deduplicated.

    From ``updated-by`` (publisher and Retraction Watch entries alike), from
    separately fetched notice records whose ``update-to`` names this DOI, and from
    the record's own ``update-to`` when it names *another* DOI: then the cited DOI
    is itself the notice. A ``update-to`` naming the record's own DOI is an
    in-place correction of the record itself.
    """
    own = record.get("DOI")
    own = own.lower() if isinstance(own, str) else None
    out: list[Notice] = []
    for entry in _entries(record.get("updated-by")):
        n = _notice(entry, "updated-by")
        if n is not None:
            out.append(n)
    for other in extra:
        other_doi = other.get("DOI")
        for entry in _entries(other.get("update-to")):
            target = entry.get("DOI")
            if isinstance(target, str) and own and target.lower() == own:
                n = _notice({**entry, "DOI": other_doi}, "updated-by")
                if n is not None:
                    out.append(n)
    for entry in _entries(record.get("update-to")):
        target = entry.get("DOI")
        n = _notice(entry, "update-to")
        if n is None:
            continue
        if isinstance(target, str) and own and target.lower() == own:
            out.append(Notice(own, n.type, n.label, n.source, n.date, n.record_id, "updated-by"))
        else:
            out.append(n)
    unique: dict[tuple[str | None, str, str], Notice] = {}
    for n in out:
        unique.setdefault((n.doi, n.type, n.direction), n)
    return sorted(unique.values(), key=lambda n: (n.date or "", n.doi or "", n.type))


def title_flag(rec: RecordView) -> str | None:
    """ "RETRACTED" / "WITHDRAWN" when the record's title starts with it."""
    title = (rec.title or "").lstrip().upper()
    for word in ("RETRACTED", "WITHDRAWN"):
        if title.startswith(word):
            return word
    return None


def notice_findings(
    ctx: RuleContext,
    rule: Rule,
    types: frozenset[str],
    *,
    what: str,
    title_words: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """One finding per reference whose work has notices of ``types``.

    ``what`` names the state ("retracted"); ``title_words`` are title prefixes that
    also establish it ("RETRACTED:" titles carry no notice in some records).
    """
    for _, ref, res in resolved(ctx):
        hit = cited_record(ctx, ref, res)
        if hit is None:
            continue
        rec = view(hit.record)
        matching = [n for n in notices(hit.record, res.notices) if n.type in types]
        about = [n for n in matching if n.direction == "updated-by"]
        is_notice = [n for n in matching if n.direction == "update-to"]
        flag = title_flag(rec)
        flagged = flag if flag in title_words else None
        if not about and not is_notice and not flagged:
            continue
        evidence: dict[str, Any] = {
            **record_source(hit, rec),
            "notices": [n.to_json() for n in matching],
        }
        if flagged:
            evidence["record_title"] = rec.title
        doi = rec.doi or res.doi
        if about:
            latest = about[-1]
            when = f" on {latest.date}" if latest.date else ""
            by = f" (source: {latest.source})" if latest.source else ""
            notice = (
                f"notice {latest.doi}" if latest.doi and latest.doi != doi else "an in-place notice"
            )
            message = f"The cited work {doi} is {what}: {notice}{when}{by}"
            severity = None
        elif is_notice:
            target = is_notice[0]
            message = (
                f"The cited DOI {doi} is itself a {target.type.replace('_', ' ')} notice "
                f"(for {target.doi}); check that the work it updates is cited as intended"
            )
            severity = Severity.INFO if rule.severity is not Severity.ERROR else Severity.WARNING
        else:
            message = f"The cited work {doi} is {what}: its registry title begins '{flagged}'"
            severity = None
        yield rule.finding(
            message=message,
            location=ref.location,
            reference=ref,
            evidence=evidence,
            severity=severity,
        )


def search_verdict(
    ref: Reference, res: ReferenceResolution, thresholds: Thresholds
) -> Verdict | None:
    """The validation verdict on the reference's search hits (None: no search ran)."""
    hits = search_hits(res)
    if hits is None:
        return None
    return judge(ref, [h.record for h in hits], thresholds)
