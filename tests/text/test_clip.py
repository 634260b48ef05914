"""Excerpts in messages are cut at word boundaries, never mid-word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from citecheck.rules.crossmatch._common import excerpt
from citecheck.rules.records._common import shorten
from citecheck.text.clip import clip

TITLE = "Kolaborasi pentagelix dalam pengembangan kota cerdas di Indonesia: studi kasus"


def test_cut_at_a_word_boundary_with_an_ellipsis() -> None:
    assert clip(TITLE, 40) == "Kolaborasi pentagelix dalam…"
    assert clip(TITLE, 200) == TITLE
    assert clip("  two\n lines  ", 20) == "two lines"


def test_no_dangling_punctuation_before_the_ellipsis() -> None:
    assert clip("Smith, J., Doe, A., & Roe, B. (2019). Title", 21) == "Smith, J., Doe, A.…"
    assert clip("Kota cerdas: studi kasus Bandung", 14) == "Kota cerdas…"


def test_a_single_overlong_token_is_cut_hard() -> None:
    url = "https://example.org/" + "a" * 100
    assert clip(url, 30) == url[:29] + "…"


def test_rule_helpers_use_it() -> None:
    assert shorten(TITLE, 40) == "Kolaborasi pentagelix dalam…"
    from citecheck.model.document import Location, Reference

    ref = Reference(text=TITLE, location=Location(path="p.md", line=1))
    assert excerpt(ref, 40) == "Kolaborasi pentagelix dalam…"


@given(st.text(alphabet="ab ,.-", max_size=80), st.integers(min_value=2, max_value=60))
def test_never_longer_than_the_limit_and_never_a_half_word(text: str, limit: int) -> None:
    out = clip(text, limit)
    assert len(out) <= limit
    if out.endswith("…"):
        words = " ".join(text.split()).split(" ")
        kept = out[:-1].split(" ")
        # every kept word is a whole word of the text, except a hard-cut single token
        assert all(w in words for w in kept[:-1])
        last = kept[-1]
        assert last in words or any(w.startswith(last) for w in words)
