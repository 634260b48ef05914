"""Properties of the NFC offset map the extractor uses for decomposed text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from citecheck.text.unicode import to_nfc

from .profiles import PROFILE

_DECOMPOSABLE = st.text(
    alphabet=st.sampled_from(
        [
            *"aeiouAOCn (),.\n",
            "\u0301",
            "\u0308",
            "\u0327",
            "\u0323",
            "\u1100",
            "\u1161",
            "\u11a8",
            "\u0b47",
            "\u0b3e",
            "\u0344",
            "\u212b",
            "ü",
            "한",
        ]
    ),
    max_size=60,
)


@PROFILE
@given(st.one_of(_DECOMPOSABLE, st.text(max_size=80)), st.data())
def test_map_back_covers_the_same_characters(text: str, data: st.DataObject) -> None:
    got = to_nfc(text)
    if got is None:
        assert unicodedata.is_normalized("NFC", text)
        return
    nfc, back = got
    assert nfc == unicodedata.normalize("NFC", text)
    assert back.start(0) == 0 and back.end(len(nfc)) == len(text)
    i = data.draw(st.integers(0, len(nfc)))
    j = data.draw(st.integers(i, len(nfc)))
    a, b = back.start(i), back.end(j)
    assert 0 <= a <= b <= len(text)
    # The original characters of a mapped span normalise to (at least) the span.
    assert nfc[i:j] in unicodedata.normalize("NFC", text[a:b])


def test_decomposed_name_maps_to_whole_characters() -> None:
    text = "(Mu\u0308ller, 2019)"
    nfc, back = to_nfc(text) or ("", None)
    assert nfc == "(Müller, 2019)" and back is not None
    assert text[back.start(1) : back.end(7)] == "Mu\u0308ller"
    assert text[back.start(3) : back.end(3)] == ""  # an empty span stays empty
    assert text[back.start(2) : back.end(3)] == "u\u0308"
