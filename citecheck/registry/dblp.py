"""DBLP (``dblp.org/search/publ/api``): the publication search for computer-science
references without a DOI (conference proceedings, LNCS, ACM/IEEE venues, CoRR).

The API takes ``q`` (the query), ``format=json``, ``h`` (hits, at most 1000) and
``f`` (first hit); words are matched as prefixes and all must occur
(https://dblp.org/faq/13501473.html, "How to use the dblp search API?"). DBLP asks
crawlers to wait "at least one or two second between two consecutive requests" and
answers a client that asks too often with HTTP 429 and ``Retry-After``
(https://dblp.org/faq/1474706.html, "Am I allowed to crawl the dblp website?"):
one request every two seconds, one at a time.

A hit's ``info`` becomes a record in Crossref's field names (title without DBLP's
closing period and with its XML entities decoded, ``&apos;``; authors without the
homonym number, "Sriparna Saha 0001"; a journal's ``venue`` as container, while a
conference's short ``venue`` is kept apart; the DOI lower-cased),
so the candidate validator and the registry rules read it like a Crossref hit.
"""

from __future__ import annotations

import html
import re
from typing import Any

from citecheck.model.resolution import Unavailable
from citecheck.registry.http import Fetcher

SERVICE = "DBLP"
BUCKET = "dblp"
RATE = 0.5  # requests per second: one every two seconds (dblp FAQ 1474706)
SEARCH_ROWS = 5
# A title DBLP does not find whole is asked again in two halves (a bad word spoils
# one), each for more rows: half a title matches more publications.
HALVES_MIN_WORDS = 6
HALF_ROWS = 10
_TYPES = {
    "Conference and Workshop Papers": "proceedings-article",
    "Journal Articles": "journal-article",
    "Informal and Other Publications": "posted-content",
    "Informal Publications": "posted-content",
    "Books and Theses": "book",
    "Parts in Books or Collections": "book-chapter",
    "Editorship": "proceedings",
    "Reference Works": "reference-entry",
}
# Where computer science publishes (the venues DBLP indexes): conference, symposium and
# workshop proceedings, LNCS and its sister series, ACM / IEEE / USENIX venues, CoRR and
# arXiv's cs.* classes, and the best-known conference acronyms (upper case only: "chi"
# and "soda" are words too). A journal's "Proceedings" (PNAS, Proc. R. Soc.) is not one.
CS_VENUE_RE = re.compile(
    r"(?i:\b(?:conference|symposium|workshop)\b"
    r"|lecture notes in (?:computer science|artificial intelligence|informatics))"
    r"|\bLNCS\b|\bLNAI\b|\bLIPIcs\b|\bCEUR\b|\bPMLR\b|\bACM\b|\bIEEE\b|\bUSENIX\b"
    r"|\bCoRR\b|(?i:\barXiv\b).{0,40}\bcs\.[A-Z]{2}\b|\[cs\.[A-Z]{2}\]"
    r"|\b(?:NeurIPS|NIPS|ICML|ICLR|AAAI|IJCAI|CVPR|ICCV|ECCV|ACL|EMNLP|NAACL|COLING"
    r"|SIGMOD|VLDB|ICDE|KDD|WSDM|SIGIR|CIKM|CHI|UIST|OSDI|SOSP|NSDI|SIGCOMM|INFOCOM"
    r"|PLDI|POPL|ICSE|ESEC|STOC|FOCS|SODA|ICALP|CRYPTO|EUROCRYPT|ICRA|IROS|MICCAI)\b"
)
_HOMONYM_RE = re.compile(r"\s+\d{4}$")
_QUERY_DROP_RE = re.compile(r"[^\w\s-]+")


def _text(value: Any) -> str | None:
    """A string field, or the first of a list (``venue`` and ``ee`` may be lists)."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    if isinstance(value, dict):
        value = value.get("text")
    if not isinstance(value, str) or not value.strip():
        return None
    return html.unescape(" ".join(value.split()))


def _author(value: Any) -> dict[str, str] | None:
    name = _text(value)
    if name is None:
        return None
    parts = _HOMONYM_RE.sub("", name).split()
    if not parts:
        return None
    if len(parts) == 1:
        return {"family": parts[0]}
    return {"given": " ".join(parts[:-1]), "family": parts[-1]}


def hit_record(info: dict[str, Any]) -> dict[str, Any]:
    """A Crossref-shaped record of one search hit's ``info``."""
    title = _text(info.get("title")) or ""
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1]
    authors = info.get("authors")
    people = authors.get("author") if isinstance(authors, dict) else None
    if not isinstance(people, list):
        people = [people] if people is not None else []
    kind = _text(info.get("type")) or ""
    record: dict[str, Any] = {
        "title": [title] if title else [],
        "author": [a for a in map(_author, people) if a],
        "type": _TYPES.get(kind, "other"),
    }
    venue = _text(info.get("venue"))
    if venue and record["type"] == "journal-article":
        record["container-title"] = [venue]  # an abbreviated journal title
    elif venue:
        # DBLP's short name of a conference ("SIGMOD Conference"), never the title of
        # the proceedings a reference cites: compared as a container it would contradict
        # every correct reference.
        record["dblp-venue"] = venue
    year = _text(info.get("year"))
    if year and year.isdigit():
        record["issued"] = {"date-parts": [[int(year)]]}
    for field, name in (("volume", "volume"), ("number", "issue"), ("pages", "page")):
        value = _text(info.get(field))
        if value:
            record[name] = value
    doi = _text(info.get("doi"))
    if doi:
        record["DOI"] = doi.lower()
    key = _text(info.get("key"))
    if key:
        record["dblp-key"] = key
    url = _text(info.get("url"))
    if url:
        record["URL"] = url
    return record


def parse_hits(data: Any) -> list[dict[str, Any]] | None:
    """Records of a search answer, best first; None when it is not one. DBLP leaves
    ``hit`` out when nothing matched, and gives a list otherwise."""
    result = data.get("result") if isinstance(data, dict) else None
    hits = result.get("hits") if isinstance(result, dict) else None
    if not isinstance(hits, dict):
        return None
    found = hits.get("hit", [])
    if isinstance(found, dict):
        found = [found]
    if not isinstance(found, list):
        return None
    out = []
    for hit in found:
        info = hit.get("info") if isinstance(hit, dict) else None
        if isinstance(info, dict):
            record = hit_record(info)
            if record["title"]:
                out.append(record)
    return out


def cs_venue(text: str) -> bool:
    """Whether a reference (its string, or container) names a computer-science venue."""
    return CS_VENUE_RE.search(text) is not None


def halves(query: str) -> list[str]:
    """The two halves of a title query of :data:`HALVES_MIN_WORDS` words or more."""
    words = query.split()
    if len(words) < HALVES_MIN_WORDS:
        return []
    mid = len(words) // 2
    return [" ".join(words[:mid]), " ".join(words[mid:])]


def query_text(title: str) -> str:
    """What to send as ``q``: the title's words (every word must match, so punctuation
    and DBLP's operators go; ``-`` only inside words)."""
    words = _QUERY_DROP_RE.sub(" ", title).split()
    return " ".join(w.strip("-") for w in words if w.strip("-"))


class Dblp:
    """The DBLP calls of one run, through the run's :class:`Fetcher`."""

    def __init__(self, fetcher: Fetcher, base_url: str) -> None:
        self.fetcher = fetcher
        self.base = base_url.rstrip("/")

    async def search(self, text: str) -> list[dict[str, Any]] | Unavailable:
        """The top publications for a title, best first, as Crossref-shaped records.

        DBLP wants every query word to match, so one misspelt, split or extra word in
        the reference's title gives no hit at all. When the whole title finds nothing,
        each half of it is asked (titles of :data:`HALVES_MIN_WORDS` words or more): a
        single bad word spoils only one half. The hits of both are returned together
        for the validator to judge against the whole reference (two more requests,
        only for titles DBLP does not find as written).
        """
        got = await self._ask(text, SEARCH_ROWS)
        if isinstance(got, Unavailable) or got:
            return got
        merged: list[dict[str, Any]] = []
        seen: set[str] = set()
        for half in halves(text):
            more = await self._ask(half, HALF_ROWS)
            if isinstance(more, Unavailable):
                return more  # not "DBLP holds nothing": the answer is incomplete
            for record in more:
                key = str(record.get("URL") or record.get("title"))
                if key not in seen:
                    seen.add(key)
                    merged.append(record)
        return merged

    async def _ask(self, text: str, rows: int) -> list[dict[str, Any]] | Unavailable:
        params = {"q": text, "format": "json", "h": str(rows), "c": "0"}
        reply = await self.fetcher.get(
            f"{self.base}/search/publ/api", bucket=BUCKET, service=SERVICE, params=params
        )
        if isinstance(reply, Unavailable):
            return reply
        records = parse_hits(reply.data) if reply.status == 200 else None
        if records is None:
            return Unavailable(f"unexpected DBLP search answer (HTTP {reply.status})")
        return records
