"""The local registry snapshot: build from a dump in Crossref's format or from the cache,
answers before the network, atomic builds, clear errors for unusable files.

The dumps are generated here in the real format (gzipped JSON lines of work records,
and the older one-``items``-object-per-file layout) from the recorded Crossref
records of tests/fixtures/crossref plus generated records. No network: the
``mock`` router has no routes, so any request would fail the test.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import tarfile
from pathlib import Path
from typing import Any

import pytest
import respx
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.model.resolution import Found, NotFound, Unavailable
from citecheck.model.settings import Settings
from citecheck.registry.cache import FILENAME, Cache
from citecheck.registry.http import Policy
from citecheck.registry.resolve import resolve_all
from citecheck.registry.snapshot import Snapshot, SnapshotError, fts_query, search_terms
from citecheck.registry.snapshot_build import build_from_cache, build_from_dump

from .conftest import JCP, JOR, PLOS, TEST_RETRACTED, body, document, reference

RECORDED = ("01", "02", "03", "22")


def generated(n: int) -> dict[str, Any]:
    """A generated work record in Crossref's shape."""
    return {
        "DOI": f"10.9999/GEN.{n}",
        "type": "journal-article",
        "title": [f"Generated study number {n} of coastal sediment transport"],
        "author": [{"given": "Ana", "family": f"Pratama{n}", "sequence": "first"}],
        "container-title": ["Journal of Generated Results"],
        "issued": {"date-parts": [[2000 + n % 20]]},
        "reference": [{"key": "r1", "unstructured": "dropped: no check reads it"}],
    }


def works() -> list[dict[str, Any]]:
    return [body(p)["message"] for p in RECORDED] + [generated(n) for n in range(20)]


def jsonl_gz(path: Path, items: list[dict[str, Any]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item) + "\n")
    return path


@pytest.fixture
def snapshot_file(tmp_path: Path) -> Path:
    out = tmp_path / "snap.sqlite3"
    build_from_dump([jsonl_gz(tmp_path / "0.jsonl.gz", works())], out)
    return out


def offline(tmp_path: Path, snapshot: Path, **extra: Any) -> Settings:
    return Settings(
        offline=True, snapshot=str(snapshot), cache_dir=str(tmp_path / "cache"), **extra
    )


def test_doi_lookups_come_from_the_snapshot_without_network(
    tmp_path: Path, snapshot_file: Path, mock: respx.MockRouter, policy: Policy
) -> None:
    doc = document(
        reference("a", doi=PLOS),
        reference("b", doi=JCP.upper()),
        reference("c", doi="10.9999/gen.7"),
        reference("d", doi="10.1234/not-in-the-snapshot"),
    )
    outcome = resolve_all([doc], offline(tmp_path, snapshot_file), policy=policy)
    got = outcome.resolutions[0]
    for j, doi in enumerate((PLOS, JCP, "10.9999/gen.7")):
        found = got[j].by_doi
        assert isinstance(found, Found) and found.record["DOI"].lower() == doi.lower()
    assert "reference" not in got[2].by_doi.record  # type: ignore[union-attr]
    missing = got[3].by_doi
    assert isinstance(missing, Unavailable) and "snapshot snap.sqlite3" in missing.reason
    assert any("3 registry answers came from snapshot" in n for n in outcome.notes)
    assert not mock.calls


def test_retraction_notices_come_from_the_snapshot(
    tmp_path: Path, snapshot_file: Path, mock: respx.MockRouter
) -> None:
    (tmp_path / "paper.md").write_text(
        "# Paper\n\nAs shown before (Carberry, 2008).\n\n## References\n\n"
        "Carberry, J. (2008). Toward a unified theory of high-energy metaphysics: silly "
        f"string theory. Journal of Psychoceramics, 5(11), 1-3. https://doi.org/{TEST_RETRACTED}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main,
        [
            "check",
            str(tmp_path / "paper.md"),
            "--offline",
            "--no-cache",
            "--snapshot",
            str(snapshot_file),
            "--select",
            "retracted",
            "--format",
            "json",
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert [f["rule"] for f in report["findings"]] == ["retracted"]
    assert not mock.calls


def test_items_files_folders_and_tar_archives(tmp_path: Path) -> None:
    # Crossref's older public data file: one {"items": [...]} JSON document per file.
    folder = tmp_path / "dump"
    folder.mkdir()
    items = works()
    with gzip.open(folder / "0.json.gz", "wt", encoding="utf-8") as handle:
        json.dump({"items": items[:10]}, handle, indent=1)
    jsonl_gz(folder / "1.jsonl.gz", items[10:])
    stats = build_from_dump([folder], tmp_path / "a.sqlite3")
    assert stats.works == len(items)

    archive = tmp_path / "dump.tar"
    with tarfile.open(archive, "w") as tar:
        for path in sorted(folder.iterdir()):
            tar.add(path, arcname=f"crossref/{path.name}")
    again = build_from_dump([archive], tmp_path / "b.sqlite3")
    assert again.works == len(items)
    snap = Snapshot.open(tmp_path / "b.sqlite3")
    assert snap.work(JOR) is not None
    snap.close()


def test_duplicates_and_objects_without_doi_are_counted(tmp_path: Path) -> None:
    items = [generated(1), generated(1), {"title": ["no DOI"]}, generated(2)]
    stats = build_from_dump([jsonl_gz(tmp_path / "d.jsonl.gz", items)], tmp_path / "s.sqlite3")
    assert (stats.works, stats.duplicates, stats.skipped) == (2, 1, 1)


def test_a_failed_build_leaves_the_old_snapshot_and_no_temporary_file(
    tmp_path: Path, snapshot_file: Path
) -> None:
    before = snapshot_file.read_bytes()
    whole = gzip.compress(
        "".join(json.dumps(w) + "\n" for w in [generated(n) for n in range(500)]).encode()
    )
    truncated = tmp_path / "cut.jsonl.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(SnapshotError, match="truncated or damaged"):
        build_from_dump([truncated], snapshot_file)
    assert snapshot_file.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(generated(1)) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(SnapshotError, match="line 2"):
        build_from_dump([bad], tmp_path / "new.sqlite3")
    assert not (tmp_path / "new.sqlite3").exists()


def test_unusable_snapshots_are_clear_errors(tmp_path: Path, snapshot_file: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    cut = tmp_path / "cut.sqlite3"
    data = snapshot_file.read_bytes()
    cut.write_bytes(data[: len(data) - 4096])
    unfinished = tmp_path / "unfinished.sqlite3"
    unfinished.write_bytes(data)
    conn = sqlite3.connect(unfinished)
    conn.execute("DELETE FROM meta WHERE key = 'state'")
    conn.commit()
    conn.close()
    (tmp_path / "paper.md").write_text("# P\n\nText (Doe, 2001).\n", encoding="utf-8")
    cases = {
        tmp_path / "absent.sqlite3": "does not exist",
        junk: "not a citecheck snapshot",
        other: "not a citecheck snapshot",
        cut: "damaged",
        unfinished: "incomplete",
    }
    for path, message in cases.items():
        with pytest.raises(SnapshotError, match=message):
            Snapshot.open(path)
        result = CliRunner().invoke(
            main, ["check", str(tmp_path / "paper.md"), "--offline", "--snapshot", str(path)]
        )
        assert result.exit_code == 2 and message in result.output, (path, result.output)


def test_build_from_the_cache_replays_the_run_offline(
    tmp_path: Path, mock: respx.MockRouter, policy: Policy
) -> None:
    notes: list[str] = []
    cache = Cache.open(tmp_path / "cache", notes)
    assert cache is not None
    query = "Foo, A. (2003). A study that no registry holds. Journal of Nothing, 1, 1-2."
    cache.put("doi", PLOS.lower(), "found", {"record": body("01")["message"], "source": "crossref"})
    cache.put("doi", "10.1371/notarealdoi", "not_found", {"sources": ["crossref", "doi.org"]})
    cache.put("search", query, "found", {"items": [body("03")["message"]]})
    cache.close()
    out = tmp_path / "ci.sqlite3"
    stats = build_from_cache(tmp_path / "cache" / FILENAME, out)
    assert (stats.works, stats.searches) == (2, 1)

    doc = document(
        reference("a", doi=PLOS), reference("b", doi="10.1371/notarealdoi"), reference(query)
    )
    outcome = resolve_all([doc], offline(tmp_path, out, no_cache=True), policy=policy)
    got = outcome.resolutions[0]
    assert isinstance(got[0].by_doi, Found)
    assert isinstance(got[1].by_doi, NotFound)
    hits = got[2].search
    assert isinstance(hits, tuple) and hits[0].record["DOI"] == body("03")["message"]["DOI"]
    assert not mock.calls


def test_full_text_search_only_from_a_complete_snapshot(
    tmp_path: Path, mock: respx.MockRouter, policy: Policy
) -> None:
    text = (
        "Pratama7, A. (2007). Generated study number 7 of coastal sediment transport. "
        "Journal of Generated Results."
    )
    dump = jsonl_gz(tmp_path / "0.jsonl.gz", works())
    partial, complete = tmp_path / "partial.sqlite3", tmp_path / "complete.sqlite3"
    build_from_dump([dump], partial)
    build_from_dump([dump], complete, complete=True)

    # A partial snapshot never answers a search: outside it, every reference would
    # look unverifiable.
    doc = document(reference(text))
    outcome = resolve_all([doc], offline(tmp_path, partial), policy=policy)
    assert isinstance(outcome.resolutions[0][0].search, Unavailable)

    outcome = resolve_all([doc], offline(tmp_path, complete), policy=policy)
    hits = outcome.resolutions[0][0].search
    assert isinstance(hits, tuple) and hits[0].record["DOI"] == "10.9999/GEN.7"

    # Nothing in the snapshot shares a word with it: not checked, not "nothing found".
    stranger = document(reference("Quuxly, Z. (1999). Zymurgy of blorft. Wibble Quarterly."))
    outcome = resolve_all([stranger], offline(tmp_path, complete), policy=policy)
    assert isinstance(outcome.resolutions[0][0].search, Unavailable)
    assert not mock.calls


def test_search_terms_are_folded_as_the_index_folds_them() -> None:
    terms = search_terms('Smith, J. and Dóe, A. (2019). "Sediment" in the Delta. J. Geo, 4.')
    assert terms == ["smith", "doe", "sediment", "delta", "geo"]
    assert fts_query(terms[:2]) == '"smith" OR "doe"'
    assert search_terms("of the") == []


def test_cli_build_and_info(tmp_path: Path) -> None:
    dump = jsonl_gz(tmp_path / "0.jsonl.gz", works())
    out = tmp_path / "s.sqlite3"
    runner = CliRunner()
    built = runner.invoke(main, ["snapshot", "build", str(dump), "--out", str(out)])
    assert built.exit_code == 0 and f"{len(works())} works" in built.output
    info = runner.invoke(main, ["snapshot", "info", str(out)])
    assert info.exit_code == 0 and "coverage: partial" in info.output
    assert f"works/found: {len(works())}" in info.output
    neither = runner.invoke(main, ["snapshot", "build", "--out", str(out)])
    assert neither.exit_code == 2


def test_an_unreadable_cache_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / FILENAME
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(SnapshotError, match="cannot be read"):
        build_from_cache(junk, tmp_path / "s.sqlite3")
    assert not (tmp_path / "s.sqlite3").exists()
