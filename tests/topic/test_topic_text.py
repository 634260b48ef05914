"""Language guess, methods detection and the TF-IDF encoder."""

from __future__ import annotations

import numpy as np
import pytest

from citecheck.model.document import Location, Reference
from citecheck.topic.language import guess_language
from citecheck.topic.methods import methods_reason
from citecheck.topic.tfidf import encode_tfidf


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Collaborative governance in the development of smart cities", "en"),
        ("Pengaruh literasi keuangan terhadap perilaku menabung mahasiswa", "id"),
        ("Quản trị hợp tác trong phát triển thành phố thông minh", "vi"),
        ("Совместное управление в развитии умных городов", "ru"),
        ("スマートシティにおける協働ガバナンス", "ja"),
        ("Osteopontin", None),
    ],
)
def test_guess_language(text: str, lang: str | None) -> None:
    assert guess_language(text) == lang


def _ref(title: str, container: str | None = None, kind: str | None = None) -> Reference:
    return Reference(
        text=title,
        title=title,
        container=container,
        kind=kind,  # type: ignore[arg-type]
        location=Location(path="m.md"),
    )


@pytest.mark.parametrize(
    ("title", "container", "label"),
    [
        ("R: A language and environment for statistical computing", None, "software"),
        ("NIH Image to ImageJ: 25 years of image analysis", "Nature Methods", "software"),
        (
            "Fitting linear mixed-effects models using lme4",
            "Journal of Statistical Software",
            "software",
        ),
        ("Beta regression for modelling rates and proportions", None, "statistical method"),
        ("Metode Penelitian Kuantitatif, Kualitatif dan R&D", "Alfabeta", "research-method text"),
        (
            "Research design: qualitative, quantitative, and mixed methods approaches",
            None,
            "research-method text",
        ),
        (
            "Preferred reporting items for systematic reviews and meta-analyses: the PRISMA statement",
            None,
            "reporting guideline",
        ),
        ("World Development Indicators database", "World Bank", "data set"),
    ],
)
def test_methods_references_are_recognised(title: str, container: str | None, label: str) -> None:
    assert methods_reason(_ref(title, container)) == label


@pytest.mark.parametrize(
    "title",
    [
        "Logistic regression of risk factors for malaria in children",
        "Technical debt in agile software development projects",
        "Personal bankruptcy law and the fresh start",
        "Smart city R and D in Makassar",
    ],
)
def test_topical_studies_are_not_methods(title: str) -> None:
    assert methods_reason(_ref(title, "Journal of Systems and Software")) is None


def test_declared_software_kind_is_methods() -> None:
    assert methods_reason(_ref("citecheck", kind="software")) == "software"


def test_tfidf_vectors_are_normalised_and_compare_spelling() -> None:
    vecs = encode_tfidf(
        [
            "smart city governance in Makassar",
            "collaborative governance of smart cities",
            "protein folding by molecular dynamics",
            "",
            "smart city governance in Makassar",
        ]
    )
    assert vecs.shape[0] == 5
    # Rows are divided by their full norm; n-grams seen in one text only are dropped
    # from the matrix, so dot products are exact cosines while norms may be below 1.
    assert np.all(np.linalg.norm(vecs, axis=1) <= 1.0 + 1e-5)
    assert abs(float(vecs[0] @ vecs[4]) - 1.0) < 1e-5
    assert vecs[0] @ vecs[1] > 0.2 > vecs[0] @ vecs[2]
    assert not vecs[3].any()  # empty text: zero vector, no crash
