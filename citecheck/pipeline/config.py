"""Settings: one validated object built from defaults, config file, environment, flags.

Precedence (lowest first): embedded defaults, ``[tool.citecheck]`` in
``pyproject.toml`` or ``citecheck.toml``, environment (``CITECHECK_*``), flags.
Unknown keys are a :class:`~citecheck.model.errors.ConfigError` naming the key.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from citecheck.model.errors import ConfigError
from citecheck.model.settings import Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

# Keys accepted in [tool.citecheck]; dashes are allowed as in TOML custom.
_FILE_KEYS = set(Settings.model_fields)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``citecheck.toml`` or ``pyproject.toml`` with ``[tool.citecheck]``."""
    for folder in (start, *start.parents):
        for name in ("citecheck.toml", "pyproject.toml"):
            candidate = folder / name
            if not candidate.is_file():
                continue
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{candidate}: cannot read configuration: {exc}") from exc
            if name == "citecheck.toml":
                table = data.get("tool", {}).get("citecheck", data)
                return candidate, dict(table)
            table = data.get("tool", {}).get("citecheck")
            if table is not None:
                return candidate, dict(table)
    return None


def _normalise_keys(table: Mapping[str, Any], origin: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in _FILE_KEYS:
            known = ", ".join(sorted(k.replace("_", "-") for k in _FILE_KEYS))
            raise ConfigError(f"{origin}: unknown key '{key}' (known keys: {known})")
        if isinstance(value, list):
            value = tuple(value)
        out[name] = value
    return out


def from_environment(env: Mapping[str, str]) -> dict[str, Any]:
    """Settings named by ``CITECHECK_*`` variables."""
    out: dict[str, Any] = {}
    mapping = {
        "CITECHECK_MAILTO": "mailto",
        "CITECHECK_CROSSREF_URL": "crossref_url",
        "CITECHECK_DOI_URL": "doi_url",
        "CITECHECK_CACHE_DIR": "cache_dir",
        "CITECHECK_CROSSREF_PLUS_TOKEN": "crossref_plus_token",
        "CITECHECK_SNAPSHOT": "snapshot",
        "CITECHECK_ARXIV_URL": "arxiv_url",
        "CITECHECK_PUBMED_URL": "pubmed_url",
        "CITECHECK_OPENALEX_URL": "openalex_url",
        "CITECHECK_DATACITE_URL": "datacite_url",
        "CITECHECK_DBLP_URL": "dblp_url",
        "CITECHECK_NCBI_API_KEY": "ncbi_api_key",
        "CITECHECK_OPENALEX_API_KEY": "openalex_api_key",
    }
    for var, name in mapping.items():
        if env.get(var):
            out[name] = env[var]
    if env.get("CITECHECK_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}:
        out["offline"] = True
    return out


def build_settings(
    *,
    flags: Mapping[str, Any],
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Merge defaults, config file, environment and flags (flags win)."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    merged: dict[str, Any] = {}
    if config_file is not None:
        found = find_config(config_file.parent) if config_file.name == "pyproject.toml" else None
        if found is None:
            try:
                data = tomllib.loads(config_file.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"{config_file}: cannot read configuration: {exc}") from exc
            table = data.get("tool", {}).get("citecheck", data)
            found = (config_file, dict(table))
    else:
        found = find_config(cwd)
    if found is not None:
        origin, table = found
        merged.update(_normalise_keys(table, str(origin)))
    merged.update(from_environment(env))
    merged.update({k: v for k, v in flags.items() if v is not None})
    try:
        return Settings(**merged)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting '{where}': {first['msg']}") from exc
