"""The embedding cache: vectors keyed by model and text, shared by concurrent runs."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from citecheck.model.prepared import Prepared
from citecheck.model.settings import Settings
from citecheck.registry import cache as registry_cache
from citecheck.topic import cache as topic_cache
from citecheck.topic import stage
from citecheck.topic.backends import TfidfBackend, Vectors
from citecheck.topic.cache import FILENAME, CachedBackend, VectorCache, cached
from tests.topic.test_topic_scoring import GOVERNANCE, OFF, _doc


class CountingBackend:
    """A context-free fake encoder: a text's vector is a function of the text alone."""

    name = "usem3"  # borrows that backend's calibration in the stage test
    languages: frozenset[str] | None = None
    cross_lingual = True
    dim = 8

    def __init__(self, model_key: str = "fake/1/8") -> None:
        self.model_key = model_key
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = []
        for t in texts:
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:4], "little")
            rows.append(np.random.default_rng(seed).standard_normal(self.dim))
        arr = np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        out: Vectors = arr / np.where(norms == 0, 1.0, norms)
        return out


def _cached(inner: CountingBackend, folder: Path) -> CachedBackend:
    backend = cached(inner, folder, [])
    assert isinstance(backend, CachedBackend)
    return backend


def test_second_encode_reads_the_cache(tmp_path: Path) -> None:
    inner = CountingBackend()
    first = _cached(inner, tmp_path).encode(["a title", "another title", "a title"])
    again = CountingBackend()
    second = _cached(again, tmp_path).encode(["a title", "another title", "a title"])
    assert inner.calls == [["a title", "another title"]]  # each text once
    assert again.calls == []
    assert np.array_equal(first, second)
    assert (tmp_path / FILENAME).is_file()


def test_only_missing_texts_are_encoded(tmp_path: Path) -> None:
    _cached(CountingBackend(), tmp_path).encode(["one", "two"])
    inner = CountingBackend()
    out = _cached(inner, tmp_path).encode(["two", "three", "one"])
    assert inner.calls == [["three"]]
    assert np.array_equal(out, CountingBackend().encode(["two", "three", "one"]))


def test_another_model_never_reads_these_vectors(tmp_path: Path) -> None:
    _cached(CountingBackend("fake/1/8"), tmp_path).encode(["one"])
    other = CountingBackend("fake/2/8")
    _cached(other, tmp_path).encode(["one"])
    assert other.calls == [["one"]]


def test_per_call_encoders_are_not_cached(tmp_path: Path) -> None:
    tfidf = TfidfBackend()
    assert cached(tfidf, tmp_path, []) is tfidf
    assert not (tmp_path / FILENAME).exists()


def test_concurrent_writers_share_the_file(tmp_path: Path) -> None:
    texts = [f"title number {i}" for i in range(200)]

    def run(offset: int) -> Vectors:
        backend = _cached(CountingBackend(), tmp_path)
        try:
            return backend.encode(texts[offset:] + texts[:offset])
        finally:
            backend.cache.close()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, [0, 50, 100, 150]))
    expected = CountingBackend().encode(texts)
    for offset, got in zip([0, 50, 100, 150], results, strict=True):
        assert np.array_equal(got, np.roll(expected, -offset, axis=0))
    handle = VectorCache.open(tmp_path, [])
    assert handle is not None and handle.count() == 200
    handle.close()


def test_an_unreadable_file_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    notes: list[str] = []
    handle = VectorCache.open(tmp_path, notes)
    assert handle is not None and handle.count() == 0
    assert any("rebuilt" in n for n in notes)
    handle.close()


def test_a_vector_of_the_wrong_size_is_not_used(tmp_path: Path) -> None:
    handle = VectorCache.open(tmp_path, [])
    assert handle is not None
    handle.put("fake/1/8", ["one"], np.ones((1, 4), dtype=np.float32))
    assert handle.get("fake/1/8", ["one"], 8) == {}
    handle.close()


def test_same_folder_as_the_registry_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    assert topic_cache.default_dir(None) == registry_cache.default_dir(None)
    assert topic_cache.default_dir("~/x") == registry_cache.default_dir("~/x")


def _run(
    settings: Settings, backend: CountingBackend, monkeypatch: pytest.MonkeyPatch
) -> list[float]:
    monkeypatch.setattr(stage, "_backend", lambda name: (backend, None))
    titles = [*GOVERNANCE, OFF]
    outcome = stage.score_all([Prepared(*_doc(titles))], settings)
    topic = outcome.topics[0]
    assert not topic.abstained
    return [topic.scores[i].score for i in sorted(topic.scores)]


def test_a_rerun_encodes_nothing_and_scores_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    first, second = CountingBackend(), CountingBackend()
    scores = _run(settings, first, monkeypatch)
    assert first.calls
    assert _run(settings, second, monkeypatch) == scores
    assert second.calls == []


def test_no_cache_bypasses_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(cache_dir=str(tmp_path), no_cache=True)
    _run(settings, CountingBackend(), monkeypatch)
    assert not (tmp_path / FILENAME).exists()


def test_cache_info_and_clear_include_the_vectors(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from citecheck.cli import main

    _cached(CountingBackend(), tmp_path).encode(["one", "two"])
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info", "--cache-dir", str(tmp_path)])
    assert info.exit_code == 0 and "topic vectors: 2" in info.output, info.output
    cleared = runner.invoke(main, ["cache", "clear", "--cache-dir", str(tmp_path)])
    assert cleared.exit_code == 0 and "removed 2 topic vectors" in cleared.output
