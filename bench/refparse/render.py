"""Render CSL items through one style and label each rendering with what it prints.

Whether a style prints a field is decided per item by a *probe*: the item is
rendered a second time with marker values (title + "Zqxt", volume 8317, first page
83417, year 1873, ...) and a field counts as printed when its marker shows up. The
truth then holds the real value for printed fields and ``None`` for the others, so
a parser that invents a title where the style prints none is wrong too.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
from typing import Any

from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.model import Label, Macro
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON

from bench.refparse.styles import STYLE_DIR, Style

Item = dict[str, Any]
_LABEL_GLUED = re.compile(r"^(\[\d+\]|\(\d+\)|\d+[.)]|\d+(?=[^\W\d]))(?=\S)")


_LABEL_PROCESS = Label.process


def _label_if_printed(
    self: Label, item: Any, variable: str | None = None, *args: Any, **kwargs: Any
) -> Any:
    """citeproc-py prints a variable's label even when the item lacks the variable
    ("29 (2009), Edition, 11089–97", "p. ."); CSL prints nothing there."""
    name = variable or self.get("variable")
    if name and name != "locator":
        try:
            item.reference[name.replace("-", "_")]
        except VariableError:
            return None
    return _LABEL_PROCESS(self, item, variable, *args, **kwargs)


Label.process = _label_if_printed  # type: ignore[method-assign]

_MACRO_RENDER = Macro.render


def _renders_nothing(child: Any, item: Any, **kwargs: Any) -> bool:
    try:
        return child.render(item, **kwargs) is None
    except VariableError:
        return True


def _macro_as_group(self: Macro, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """A macro that calls variables, all of them empty, prints nothing, as a group
    does (citeproc-js, hence Zotero, treats a macro so); citeproc-py printed its terms
    alone: "Journal, 490, traduit par , p. 279590" for a translator macro ("traduit
    par" and the names), "Zugriff am , S. R91", "in , Proceedings"."""
    text = _MACRO_RENDER(self, item, context, **kwargs)
    if text is None:
        return None
    callers = [c for c in self.iterchildren() if c.calls_variable()]
    if callers and all(_renders_nothing(c, item, context=context, **kwargs) for c in callers):
        return None
    return text


Macro.render = _macro_as_group  # type: ignore[method-assign]


def fold(s: str) -> str:
    """Lower case, accents removed, punctuation as spaces (for presence checks)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " " + re.sub(r"[^a-z0-9']+", " ", s).strip() + " "


def _probe(item: Item) -> Item:
    p = copy.deepcopy(item)
    for key, val in (
        ("title", " Zqxt"),
        ("container-title", " Zqxc"),
        ("container-title-short", " Zqxs"),
    ):
        if key in p:
            p[key] = p[key] + val
    for key, val in (("volume", "8317"), ("issue", "8329"), ("page", "83417-83419")):
        if key in p:
            p[key] = val
    p["issued"] = {"date-parts": [[1873]]}
    return p


def _entries(csl: CitationStylesStyle, items: list[Item]) -> list[str]:
    bib = CitationStylesBibliography(csl, CiteProcJSON(items), formatter.plain)
    for it in items:
        bib.register(Citation([CitationItem(it["id"])]))
    return [str(e) for e in bib.bibliography()]  # registration order: no sort() call


_DISPLAY_RE = re.compile(r'<[a-z-]+\s[^<>]*display="(?:block|left-margin)"[^<>]*?(/?)>')


def _spaced_displays(m: re.Match[str]) -> str:
    tag = m.group(0)
    for attr, pad in (("suffix", "{} "), ("prefix", " {}")):
        if attr == "prefix" and 'display="block"' not in tag:
            continue  # a left-margin label starts the entry
        found = re.search(rf'\s{attr}="([^"]*)"', tag)
        if found is not None:
            value = pad.format(found.group(1))
            tag = tag[: found.start()] + f' {attr}="{value}"' + tag[found.end() :]
        else:
            end = len(tag) - (2 if tag.endswith("/>") else 1)
            tag = tag[:end] + f' {attr}="{pad.format("")}"' + tag[end:]
    return tag


def load_style(style: Style) -> CitationStylesStyle:
    """The parsed CSL of ``style``'s parent, in ``style``'s locale.

    citeproc-py's plain text ignores ``display="block"``/``"left-margin"``, gluing a
    short-cite key or a label to the entry ("Berruto, Pereira 1984Aino Berruto, ...",
    "Title.le Roux J"); a document shows a line break or a tab there, so such
    elements get a trailing space (and a block a leading one) before rendering.
    """
    text = (STYLE_DIR / f"{style.parent}.csl").read_text(encoding="utf-8")
    text = _DISPLAY_RE.sub(_spaced_displays, text)
    return CitationStylesStyle(
        io.BytesIO(text.encode("utf-8")), locale=style.locale, validate=False
    )


def bibliography(
    style: Style, items: list[Item], csl: CitationStylesStyle | None = None
) -> list[str]:
    """Plain-text bibliography entries of ``items`` in input order ("" where one failed).

    The list is rendered as one bibliography (so numeric labels run 1, 2, 3...);
    if citeproc-py fails on it, each item is rendered alone and failures give "".
    """
    csl = csl or load_style(style)
    clean = [{k: v for k, v in it.items() if not k.startswith("_")} for it in items]
    try:
        texts = _entries(csl, clean)
    except Exception:
        texts = []
        for it in clean:
            try:
                texts.append(_entries(csl, [it])[0])
            except Exception:
                texts.append("")
    out = []
    for text in texts:
        text = re.sub(r"\s+", " ", text).strip()
        # citeproc-py's plain text glues a number label to the entry ("[1]G. 't Hooft",
        # "17)K. Li"), in note styles with labels too; documents have a space there.
        text = _LABEL_GLUED.sub(r"\1 ", text)
        out.append(text)
    return out


def _name_variants(n: dict[str, str]) -> list[str]:
    if "literal" in n:
        return [n["literal"]]
    fam = n.get("family", "")
    part = n.get("non-dropping-particle") or n.get("dropping-particle")
    return [f"{part} {fam}", fam] if part else [fam]


def _printed(word: str, text_folded: str) -> bool:
    return fold(word) in text_folded


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(n: int) -> str:
    """``n`` (1-3999) as a lower-case Roman numeral."""
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def roman_volume(vol: str | None, text: str) -> list[str] | None:
    """The volume label of a style that prints the volume as a Roman numeral.

    The probe's marker 8317 has no Roman form, so such styles look as if they left the
    volume out; when the item's volume appears in ``text`` as a Roman numeral of two
    letters or more (all upper or all lower case, a word of its own), the style prints
    it, and the label holds the number and its Roman form ("CCCLVI" is volume 356).
    One-letter numerals ("I", "V", "C") are left unlabelled: they read as initials.
    """
    if not vol or not vol.isdigit() or not 0 < int(vol) < 4000:
        return None
    r = roman(int(vol))
    if len(r) < 2:
        return None
    for form in (r, r.upper()):
        if re.search(rf"(?<![^\W\d_]){form}(?![^\W\d_])", text):
            return [vol, r]
    return None


def truth(item: Item, text: str, probe: str) -> dict[str, Any]:
    """The fields of ``item`` as printed in ``text`` (``probe``: its marker rendering)."""
    t, pf = fold(text), probe.lower()
    names = item.get("author", [])
    shown: list[list[str]] = []
    for n in names:
        variants = _name_variants(n)
        if not _printed(variants[-1], t):
            break  # "et al." cut the list here
        shown.append(variants)
    out: dict[str, Any] = {"first_author": shown[0] if shown else None, "surnames": shown or None}
    year = str(item["issued"]["date-parts"][0][0])
    ym = re.search(rf"(?<!\d){year}([a-z])?(?![\d])", text) if "1873" in probe else None
    out["year"] = ym.group(0) if ym else None
    out["title"] = item.get("title") if "zqxt" in pf else None
    out["container"] = (
        item.get("container-title")
        if "zqxc" in pf
        else item.get("container-title-short")
        if "zqxs" in pf
        else None
    )
    vol = item.get("volume")
    out["volume"] = (
        sorted({vol, re.sub(r"^[A-Z]", "", vol)})
        if vol and "8317" in probe
        else roman_volume(vol, text)
    )
    out["issue"] = item.get("issue") if "8329" in probe else None
    page = item.get("page")
    out["first_page"] = re.split(r"[-–]", page)[0] if page and "83417" in probe else None
    doi = item.get("DOI")
    out["doi"] = doi.lower() if doi and doi.lower() in text.lower() else None
    arx = item.get("_arxiv")
    out["arxiv"] = arx if arx and arx in text else None
    return out


def render(style: Style, items: list[Item]) -> list[tuple[Item, str, dict[str, Any]]]:
    """(item, rendering, truth) for each item the style renders to a usable string."""
    csl = load_style(style)
    texts = bibliography(style, items, csl)
    probes = bibliography(style, [_probe(it) for it in items], csl)
    out = []
    for it, text, probe in zip(items, texts, probes, strict=True):
        if len(text) >= 20 and probe:
            out.append((it, text, truth(it, text, probe)))
    return out
