"""Topic terms in words: what the manuscript is about and what a reference is about.

A flag has to be explainable to an author without scores, so the finding names the
manuscript's topic terms (its title, keywords and abstract) next to the reference's
own title words. Content words only: function words of the languages the language
guess knows, and the words every paper uses, are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from citecheck.topic.language import STOP_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]{3,}", re.UNICODE)
# Words of any title or abstract that say nothing about its subject.
_GENERIC = frozenset(
    """
    study studies analysis analyses approach approaches based using use used new novel
    paper research review effect effects role case results result model models method
    methods data evidence towards toward through within between among under over their
    this that these those from into than then also more most such which what when where
    how why who whose while have has had been being were was will would can could may
    might should does did not only both each other some many much very well first second
    two three one non via per about after before against during without across along
    journal proceedings international conference vol volume
    penelitian analisis studi kasus pengaruh terhadap dalam untuk dengan sebagai
    berbasis menggunakan hasil metode
    """.split()
)


def content_words(text: str) -> list[str]:
    """Words of ``text`` that can carry a topic, in order, case-folded, without repeats."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        w = m.group(0).casefold().strip("'’-")
        if len(w) < 3 or w in _GENERIC or w in STOP_WORDS or w in out:
            continue
        out.append(w)
    return out


def _is_content(word: str) -> bool:
    return len(word) >= 3 and word not in _GENERIC and word not in STOP_WORDS


def subject_phrases(text: str) -> list[str]:
    """Two-word phrases of ``text`` whose words are both content words and adjacent
    ("critically endangered", "message broker"), case-folded, in order, without repeats."""
    out: list[str] = []
    for part in _BREAK.split(text):
        words = [m.group(0).casefold().strip("'’-") for m in _WORD.finditer(part)]
        for a, b in pairwise(words):
            if _is_content(a) and _is_content(b) and a != b:
                phrase = f"{a} {b}"
                if phrase not in out:
                    out.append(phrase)
    return out


_BREAK = re.compile(r"[,;:.!?()\[\]\"“”]")


_PART = re.compile(r"[^\W_]+", re.UNICODE)


def subject_words(text: str) -> list[str]:
    """:func:`content_words` split at hyphens and apostrophes ("beia-iot" gives "beia-iot",
    "beia" and "iot"): the pieces a tokenised body text can contain."""
    out: list[str] = []
    for w in content_words(text):
        for piece in (w, *_PART.findall(w)):
            if len(piece) >= 3 and piece not in _GENERIC and piece not in STOP_WORDS:
                if piece not in out:
                    out.append(piece)
    return out


def word_counts(text: str) -> Counter[str]:
    """Case-folded word counts of ``text`` (words split at hyphens and apostrophes)."""
    return Counter(w.casefold() for w in _PART.findall(text))


def manuscript_terms(
    title: str | None, keywords: Sequence[str], abstracts: Sequence[str]
) -> list[str]:
    """Up to six terms: keywords first, then title words, then the abstract's most frequent."""
    terms: list[str] = []
    for k in keywords:
        k = " ".join(k.split())
        if k and k.casefold() not in terms and len(k) <= 40:
            terms.append(k.casefold())
    for w in content_words(title or ""):
        if not any(w in t.split() for t in terms):
            terms.append(w)
    counts: Counter[str] = Counter()
    for a in abstracts:
        for w in content_words(a):
            counts[w] += 1
    for w, n in counts.most_common():
        if n < 2:
            break
        if not any(w in t.split() for t in terms):
            terms.append(w)
    return terms[:6]


def reference_terms(title: str) -> list[str]:
    """Up to five content words of a reference title."""
    return content_words(title)[:5]
