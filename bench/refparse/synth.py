"""Synthetic CSL-JSON items: the name shapes and item types the sources lack.

Every item is built from a seeded ``random.Random``; titles and journals are drawn
from the source items where that keeps them realistic, names from :mod:`pools`.
"""

from __future__ import annotations

import random
from typing import Any

from bench.refparse import pools

Item = dict[str, Any]
_COUNTS = (1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 12, 15, 18, 21, 25)


def person(rng: random.Random, kind: str = "") -> dict[str, str]:
    """One CSL name; ``kind`` forces a shape (particle, suffix, corporate, mononym)."""
    kind = (
        kind
        or rng.choices(("plain", "particle", "suffix", "mononym", "indonesian"), (70, 14, 6, 4, 6))[
            0
        ]
    )
    if kind == "particle":
        given, part, fam, dropping = rng.choice(pools.PARTICLE_NAMES)
        name = {"family": fam, "given": given}
        if part:
            name["dropping-particle" if dropping else "non-dropping-particle"] = part
        return name
    if kind == "suffix":
        return {
            "family": rng.choice(pools.FAMILIES),
            "given": rng.choice(pools.GIVENS),
            "suffix": rng.choice(pools.SUFFIXES),
        }
    if kind == "corporate":
        return {"literal": rng.choice(pools.CORPORATE)}
    if kind == "mononym":
        return {"family": rng.choice(pools.MONONYMS)}
    if kind == "indonesian":
        return {
            "family": rng.choice(pools.FAMILIES[-16:-3]),
            "given": rng.choice(("Budi", "Siti", "Dewi", "Agus", "Rina", "Ahmad", "Nur")),
        }
    return {"family": rng.choice(pools.FAMILIES), "given": rng.choice(pools.GIVENS)}


def authors(rng: random.Random) -> list[dict[str, str]]:
    """1-25 names as real lists mix them: mostly plain names, sometimes one or two
    with a particle or suffix; an Indonesian list (with mononyms); a corporate author."""
    roll = rng.random()
    if roll < 0.06:
        return [person(rng, "corporate")]
    count = rng.choice(_COUNTS)
    if roll < 0.16:
        return [
            person(rng, rng.choice(("indonesian", "indonesian", "mononym"))) for _ in range(count)
        ]
    names = [person(rng, "plain") for _ in range(count)]
    if roll < 0.50:
        for _ in range(rng.choice((1, 1, 2))):
            names[rng.randrange(count)] = person(
                rng, rng.choice(("particle", "particle", "suffix"))
            )
    return names


def _title(rng: random.Random, titles: list[str]) -> str:
    if titles and rng.random() < 0.8:
        return rng.choice(titles)
    words = rng.sample(pools.TITLE_WORDS, rng.randint(4, 10))
    return " ".join(words).capitalize()


def _year(rng: random.Random) -> dict[str, Any]:
    return {"date-parts": [[rng.randint(1965, 2025)]]}


def _arxiv(rng: random.Random, year: int) -> str:
    if year < 2007 or rng.random() < 0.15:
        cat = rng.choice(("hep-lat", "hep-th", "hep-ph", "astro-ph", "gr-qc", "cond-mat", "math"))
        return f"{cat}/{year % 100:02d}{rng.randint(1, 12):02d}{rng.randint(1, 999):03d}"
    return f"{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"


def physics(rng: random.Random, n: int, titles: list[str]) -> Item:
    """A physics/astronomy/chemistry article: abbreviated journal, article numbers,
    volumes with series letters, arXiv identifiers."""
    full, short, vstyle, pstyle = rng.choice(pools.PHYSICS_JOURNALS)
    year = rng.randint(1975, 2025)
    vol = str(rng.randint(1, 999))
    if vstyle == "series":
        vol = rng.choice("ABCD") + vol  # "Phys. Lett. B511": the letter glued to the volume
    if pstyle == "article":
        page = f"{rng.randint(0, 29):02d}{rng.randint(0, 9999):04d}"
    elif pstyle == "article3":
        page = str(rng.randint(1, 299)).zfill(3)
    elif pstyle == "letter":
        page = rng.choice("ALR") + str(rng.randint(1, 150))
    else:
        first = rng.randint(1, 9000)
        page = f"{first}-{first + rng.randint(2, 30)}"
    item: Item = {
        "id": f"synth-phys-{n}",
        "type": "article-journal",
        "author": authors(rng),
        "title": _title(rng, titles),
        "container-title": full,
        "container-title-short": short,
        "volume": vol,
        "page": page,
        "issued": {"date-parts": [[year]]},
    }
    if rng.random() < 0.4:
        item["DOI"] = (
            f"10.{rng.randint(1000, 9999)}/{short.replace(' ', '').replace('.', '')}.{vol}.{page}"
        )
    if rng.random() < 0.45:
        arx = _arxiv(rng, year)
        item["note"] = f"arXiv:{arx}"
        item["_arxiv"] = arx
    if rng.random() < 0.3:
        item["issue"] = str(rng.randint(1, 24))
    return item


def other(rng: random.Random, n: int, titles: list[str], journals: list[str]) -> Item:
    """Books, chapters, theses, reports, web pages, software, data, conference
    papers, preprints and plain articles with varied names."""
    kind = rng.choice(
        (
            "article-journal",
            "book",
            "chapter",
            "thesis",
            "report",
            "webpage",
            "software",
            "dataset",
            "paper-conference",
            "article",
        )
    )
    year = _year(rng)
    item: Item = {
        "id": f"synth-{kind}-{n}",
        "type": kind,
        "author": authors(rng),
        "title": _title(rng, titles),
        "issued": year,
    }
    pub, place = rng.choice(pools.PUBLISHERS)
    if kind == "article-journal":
        first = rng.randint(1, 900)
        item.update(
            {
                "container-title": rng.choice(journals),
                "volume": str(rng.randint(1, 120)),
                "issue": str(rng.randint(1, 12)),
                "page": f"{first}-{first + rng.randint(5, 40)}",
            }
        )
        if rng.random() < 0.5:
            item["DOI"] = f"10.{rng.randint(1000, 99999)}/j.x.{rng.randint(1000, 99999)}"
    elif kind == "book":
        item.update({"publisher": pub, "publisher-place": place})
        if rng.random() < 0.3:
            item["edition"] = str(rng.randint(2, 5))
    elif kind == "chapter":
        first = rng.randint(1, 400)
        item.update(
            {
                "container-title": _title(rng, titles),
                "publisher": pub,
                "publisher-place": place,
                "page": f"{first}-{first + rng.randint(8, 30)}",
                "editor": [person(rng, "plain") for _ in range(rng.randint(1, 3))],
            }
        )
    elif kind == "thesis":
        item.update(
            {"publisher": rng.choice(pools.UNIVERSITIES), "genre": rng.choice(pools.THESIS_GENRES)}
        )
        item["author"] = item["author"][:1]
    elif kind == "report":
        item.update(
            {
                "publisher": pub,
                "publisher-place": place,
                "number": str(rng.randint(1, 400)),
                "genre": "Technical report",
            }
        )
    elif kind == "webpage":
        item.update(
            {
                "container-title": rng.choice(("BBC News", "Kompas.com", "Der Spiegel", "WHO")),
                "URL": f"https://www.example.org/news/{rng.randint(1000, 99999)}",
                "accessed": {"date-parts": [[2024, rng.randint(1, 12), rng.randint(1, 28)]]},
            }
        )
    elif kind == "software":
        item.update(
            {
                "publisher": rng.choice(("Zenodo", "GitHub", "CRAN")),
                "version": f"{rng.randint(0, 4)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                "URL": f"https://github.com/example/tool{rng.randint(1, 999)}",
            }
        )
        if rng.random() < 0.5:
            item["DOI"] = f"10.5281/zenodo.{rng.randint(100000, 9999999)}"
    elif kind == "dataset":
        item.update(
            {
                "publisher": rng.choice(("Zenodo", "Dryad", "Figshare", "PANGAEA")),
                "DOI": f"10.5061/dryad.{rng.randint(10000, 99999)}",
            }
        )
    elif kind == "paper-conference":
        first = rng.randint(1, 9000)
        item.update(
            {
                "container-title": rng.choice(pools.CONFERENCES),
                "publisher": pub,
                "page": f"{first}-{first + rng.randint(4, 12)}",
            }
        )
    else:  # preprint
        y = year["date-parts"][0][0]
        arx = _arxiv(rng, max(y, 1992))
        item.update(
            {
                "publisher": "arXiv",
                "number": f"arXiv:{arx}",
                "_arxiv": arx,
                "URL": f"https://arxiv.org/abs/{arx}",
            }
        )
        if rng.random() < 0.5 and "/" not in arx:
            item["DOI"] = f"10.48550/arXiv.{arx}"
    return item


def make(
    seed: int, n_physics: int, n_other: int, titles: list[str], journals: list[str]
) -> list[Item]:
    """The synthetic pool, reproducible from ``seed``."""
    rng = random.Random(seed)
    out = [physics(rng, i, titles) for i in range(n_physics)]
    out += [other(rng, i, titles, journals) for i in range(n_other)]
    return out
