"""`citecheck cache info|clear`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import main
from citecheck.registry.cache import Cache


def test_cache_info_and_clear(tmp_path: Path) -> None:
    cache = Cache.open(tmp_path, [])
    assert cache is not None
    cache.put("doi", "10.1/a", "found", {"record": {}})
    cache.put("doi", "10.1/b", "not_found", {})
    cache.close()
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert info.exit_code == 0, info.output
    assert "doi/found: 1" in info.output and "doi/not_found: 1" in info.output
    cleared = runner.invoke(main, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert cleared.exit_code == 0 and "removed 2 cached answers" in cleared.output
    info = runner.invoke(main, ["cache", "info"], env={"CITECHECK_CACHE_DIR": str(tmp_path)})
    assert "doi/" not in info.output and str(tmp_path) in info.output


def test_cache_info_without_cache(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["cache", "info", "--cache-dir", str(tmp_path / "none")])
    assert result.exit_code == 0 and "no cache in" in result.output
    assert not (tmp_path / "none").exists()
