"""Character n-gram TF-IDF vectors: the model-free fallback backend.

Works in any alphabetic language without installing a model, but only compares
texts that share spelling (same language, or shared loanwords and technical terms).
The IDF is fitted on the texts of one call, so a caller must encode every text of
a document in a single call to get comparable vectors.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def _normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _DIGITS.sub("0", folded)
    return _NON_WORD.sub(" ", folded).strip()


def _word_grams(word: str, low: int, high: int) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)]


def char_ngrams(
    text: str, low: int = 3, high: int = 5, memo: dict[str, list[str]] | None = None
) -> Counter[str]:
    """Counts of character ``low``..``high``-grams inside padded words (like char_wb).

    ``memo`` caches each word's n-grams across the texts of one call (titles
    repeat words a lot, and this is the slow part).
    """
    grams: Counter[str] = Counter()
    for word in _normalise(text).split():
        if memo is None:
            grams.update(_word_grams(word, low, high))
            continue
        cached = memo.get(word)
        if cached is None:
            cached = memo[word] = _word_grams(word, low, high)
        grams.update(cached)
    return grams


def encode_tfidf(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """L2-normalised sublinear TF-IDF vectors of ``texts`` (one row each).

    Only n-grams found in at least two texts get a column: an n-gram in one text
    adds nothing to any dot product, but it still counts in that text's norm, so
    cosines are exact while the matrix stays small.
    """
    memo: dict[str, list[str]] = {}
    counts = [char_ngrams(t, memo=memo) for t in texts]
    n = len(texts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    idf = {g: math.log((1 + n) / (1 + d)) + 1.0 for g, d in df.items()}
    shared = sorted(g for g, d in df.items() if d >= 2)
    column = {g: j for j, g in enumerate(shared)}
    out = np.zeros((n, max(len(shared), 1)), dtype=np.float32)
    for i, c in enumerate(counts):
        norm_sq = 0.0
        for g, tf in c.items():
            w = (1.0 + math.log(tf)) * idf[g]
            norm_sq += w * w
            j = column.get(g)
            if j is not None:
                out[i, j] = w
        if norm_sq > 0:
            out[i] /= math.sqrt(norm_sq)
    return out
