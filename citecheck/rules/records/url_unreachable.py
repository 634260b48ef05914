"""url-unreachable (CC211): a reference's web address no longer answers.

Why it matters
--------------
Web pages, software repositories and data sets are often cited by URL alone; when
the address is gone, readers cannot find the source and reviewers cannot check it.
The rule runs only with ``--check-urls`` (it contacts every host the bibliography
names). Each distinct address gets a HEAD request and, unless HEAD succeeds, a GET;
redirects are followed (at most five). Only HTTP 404 or 410 to the GET is reported.
Timeouts, refused connections, 401/403/429 (often bot walls) and server errors are
listed under skipped checks instead: they may be our network's fault. DOI links are
left to the DOI rules, and arXiv links (``arxiv.org/abs/...``, ``/pdf/...``) to the
arXiv identifier check (doi-not-found).

Example
-------
Bad (the page answers 404 Not Found)::

    World Bank. (2019). Indonesia economic quarterly, June 2019.
    https://www.worldbank.org/en/country/indonesia/publication/old-page-removed

Good: the current address of the report, or an archived copy
(``https://web.archive.org/web/2019.../...``) with the date it was accessed.

Configuration
-------------
``--check-urls`` (or ``check-urls = true`` under ``[tool.citecheck]``); off by
default. Answers are cached for a week; ``--offline`` uses the cache only.
"""

from __future__ import annotations

from collections.abc import Iterator

from citecheck.model.findings import Finding, Severity
from citecheck.rules.base import Rule, RuleContext
from citecheck.rules.records._common import resolved


def check(ctx: RuleContext) -> Iterator[Finding]:
    """A warning for each reference whose checked URL answered 404 or 410."""
    for _, ref, res in resolved(ctx):
        got = res.url_check
        if got is None or got.status != "gone" or res.url is None:
            continue
        moved = f" (redirected to {got.final_url})" if got.final_url not in (None, res.url) else ""
        yield RULE.finding(
            message=f"The web address {res.url} no longer answers: HTTP {got.code}{moved}",
            location=ref.location,
            reference=ref,
            evidence={
                "url": res.url,
                "final_url": got.final_url,
                "status": got.code,
                "checked": got.reason,
                "from_cache": got.from_cache,
            },
        )


RULE = Rule(
    code="CC211",
    name="url-unreachable",
    severity=Severity.WARNING,
    summary="a reference's web address no longer answers (with --check-urls)",
    check=check,
    doc=__doc__ or "",
    needs=frozenset({"registry"}),
)
