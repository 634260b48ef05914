"""Author-year citations: "(Ansell & Gash, 2007; Emerson & Nabatchi, 2015)", "Smith (2019)".

Every bracket pair whose content holds a year is split at ";" into pieces. A piece
with names is a parenthetical citation; a piece that starts with the year is the
narrative form when names end right before the bracket ("Smith et al. (2019)").
Corporate abbreviations ("World Health Organization [WHO]") are collected so a
later "(WHO, 2020)" can be reported with the full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from citecheck.citations.bare import bare_spans, prose_spans
from citecheck.citations.brackets import Pair, masked_inner
from citecheck.citations.found import Found
from citecheck.citations.known import is_known
from citecheck.citations.names import Authors, parse_authors, tokens
from citecheck.citations.patterns import ACRONYM, YEAR
from citecheck.citations.pieces import Piece, parse_piece, species_before
from citecheck.text.lexicon import DETERMINERS
from citecheck.text.years import YEAR_HINT

_WINDOW = 250  # how far before a bracket a narrative author string may start
_SHORT_WINDOW = 80  # tried first: most author strings are short
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
# A run of spaces this long is a blanked URL, comment or code span, not a gap between
# two words of a name ("Emer Daf.t. <URL> Sugiyono (2019)" is Sugiyono alone). Found by
# bench/fuzz/text.py.
_GAP = re.compile(r"[ \t\u00a0]{4,}")
# A whole line that is an outline heading ("A. Pengertian", "2.1 Background", "iv. Data")
# ends the text a narrative author string may come from: the names start after it.
_HEADING_LINE = re.compile(
    r"(?m)^[ \t]*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[ivxIVX]{1,4}\.)[ \t]+"
    r"[A-Z][^\s,;.]*(?:[ \t]+[^\s,;]+){0,4}[ \t]*\n"
)
_HEADING_TAIL = frozenset("and & dan und et y e or atau".split())
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_PIECE_SPLIT = re.compile(r"[^;]+")
# A comma after a year, then a capitalised name: the next item of a group joined by
# commas instead of semicolons, "(Smith et al. 2001, Jones and Lee 2004)" (ESA, Tree
# Physiology and other journals' style). Taken only when every item parses as names and
# a year, so "2019, p. 4", "2019, Table 2" and "2019, 2020a" stay one piece.
_COMMA_ITEM = re.compile(
    r"(?<![\w.])(?:1[5-9]\d\d|20\d\d)[a-z]?(?:[ \t]*\[[^\]]{1,12}\])?(?P<sep>,)[ \t]+"
    r"(?=(?:(?:de|da|van|von|del|della|di|du|le|la)[ \t]+)?[A-Z\u00c0-\u024f])"
)
_ACRONYM_GLUE = frozenset(
    "of the and for on in at to & dan untuk dari di ke pada de des du la y e".split()
)


def _window(text: str, before: int, size: int) -> tuple[int, str]:
    """Text before ``before`` back to ``size`` characters or the last blank line."""
    lo = max(0, before - size)
    window = text[lo:before]
    ends = [m.end() for m in _PARAGRAPH.finditer(window)]
    ends += [m.end() for m in _GAP.finditer(window.rstrip(" \t\u00a0"))]
    ends += [
        m.end()
        for m in _HEADING_LINE.finditer(window)
        if m.group().split()[-1] not in _HEADING_TAIL and window[m.end() : m.end() + 1].isupper()
    ]
    if ends:
        ends.sort()
        lo += ends[-1]
        window = window[ends[-1] :]
    return lo, window


def narrative_authors(
    text: str, open_: int, known: frozenset[str] = frozenset()
) -> tuple[int, Authors] | None:
    """Names that end right before the bracket at ``open_`` (offset base, authors)."""
    hit = _narrative(text, open_, _SHORT_WINDOW, known)
    if hit is not None and hit[0] + hit[1].start < open_ - _SHORT_WINDOW + 20:
        hit = _narrative(text, open_, _WINDOW, known)  # the names may go on further back
    return hit


def _narrative(
    text: str, open_: int, size: int, known: frozenset[str]
) -> tuple[int, Authors] | None:
    lo, window = _window(text, open_, size)
    before = window.rstrip(" \t\n\u00a0*_")
    if not before or len(window) - len(before) > 3:
        return None
    before = _POSSESSIVE.sub("", before)
    authors = parse_authors(before, narrative=True, known=known)
    if authors is None:
        return None
    prev = tokens(before[max(0, authors.start - 40) : authors.start])
    det = (prev and prev[-1][0] in DETERMINERS) or authors.leading in DETERMINERS
    if det and not (authors.corporate or authors.et_al or len(authors.names) > 1 or authors.known):
        return None  # "the Paris Agreement (2015)", "this Act (2014)"
    return lo, authors


def expand_acronym(text: str, open_: int, acronym: str) -> tuple[int, str] | None:
    """The words before ``open_`` whose initials spell ``acronym`` (start, name)."""
    lo, window = _window(text, open_, 200)
    toks = tokens(window)
    if not toks or len(window.rstrip()) - toks[-1][2] > 0 or len(window) - toks[-1][2] > 2:
        return None
    run: list[tuple[str, int, int]] = []
    for tok in reversed(toks):
        if not (tok[0][0].isupper() or tok[0] in _ACRONYM_GLUE) or len(run) > 12:
            break
        run.insert(0, tok)
    letters = acronym.replace("&", "").replace("-", "").upper()
    for k in range(len(run) - 1, -1, -1):
        words = run[k:]
        if not words[0][0][0].isupper():
            continue
        capitals = "".join(w[0][0] for w in words if w[0][0].isupper()).upper()
        every = "".join(w[0][0] for w in words).upper()
        if letters in (capitals, every):
            return lo + words[0][1], " ".join(window[words[0][1] : words[-1][2]].split())
    return None


def _lone_acronym(authors: Authors) -> bool:
    return (
        len(authors.names) == 1
        and not authors.et_al
        and ACRONYM.fullmatch(authors.names[0]) is not None
    )


# A work without authors cited by its quoted title (Chicago, APA): "(“SmartNoise” 2023)";
# it counts only when an entry without authors has that title (see ``known``).
_TITLE_PIECE = re.compile(
    r"\s*(?P<open>[“\"‘])(?P<title>[^“”\"‘’]{2,160}?)[.,]?[”\"’][.,]?[ \t]+"
    r"(?P<year>(?:1[5-9]|20)\d\d[a-z]?|n\.d\.)\s*$"
)


# ABNT separates co-authors with ";" in a parenthetical citation: "(MUTH; ORAVECZ;
# GABRY, 2018)". A piece that is one upper-case surname, before a piece of one
# upper-case surname and a year, is a co-author of that piece, not a work of its own.
_CAPS_NAME = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+\s*")
# The same in mixed case, "(Techio; Chicon, 2016)", when the lone name is a listed first
# author: a capitalised word alone before a name and a year is otherwise no co-author.
_LONE_NAME = re.compile(r"\s*[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][A-ZÀ-ÖØ-Þ]?[^\W\d_]+)?\s*")
_ONE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[-'’][A-ZÀ-ÖØ-Þ]?[^\W\d_]+)?")


_OPENS = {"*": "*", "_": "_", '"': '"', "”": "“", "’": "‘", "»": "«"}


def _emphasised_title(text: str, start: int, close: int) -> bool:
    """Names and a year inside one emphasis or quotation that ends right after the
    bracket: a title with its year ("*Forrest Gump (1994)*", "_Stand by Me (1986)_",
    '"Toy Story (1995)"'), a film or a book named in the text, not a narrative citation."""
    mark = text[close + 1 : close + 2]
    opener = _OPENS.get(mark)
    if opener is None:
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if opener == mark:
        return line.count(mark) % 2 == 1
    return line.rfind(opener) > line.rfind(mark)


_MIN_TITLE_CELLS = 3


def _fills_cell(text: str, found: Found) -> bool:
    """The citation ends a Markdown table cell that holds nothing else but words:
    "| Antz (1998) | ... |", "| Monsters, Inc. (2001) |"."""
    line_start = text.rfind("\n", 0, found.start) + 1
    line_end = text.find("\n", found.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if not line.lstrip().startswith("|"):
        return False
    before = text[line_start : found.start]
    after = text[found.end : line_end if line_end >= 0 else len(text)].lstrip(" \t*_)")
    cell = before[before.rfind("|") + 1 :] if "|" in before else None
    # words of the title before the names read ("| Monsters, Inc. (2001) |") may stay
    return cell is not None and not re.search(r"[\d()\[\];]", cell) and after.startswith("|")


def _without_title_cells(text: str, found: list[Found], known: frozenset[str]) -> list[Found]:
    """Narrative "citations" that fill table cells, when there are several and the list
    names none of their authors: a column of titles with years ("| Antz (1998) |",
    "| Die Hard (1988) |"), data of the study, not works it cites."""
    cells = [f for f in found if f.narrative and f.authors and _fills_cell(text, f)]
    if len(cells) < _MIN_TITLE_CELLS or any(is_known(f.authors[0], known) for f in cells):
        return found
    drop = {id(f) for f in cells}
    return [f for f in found if id(f) not in drop]


def _emit(out: list[Found], piece: Piece, found: Found) -> None:
    """One citation per year of the piece ("Smith, 2019, 2020a" cites two works)."""
    for year in piece.years:
        out.append(replace(found, year=year, locator=piece.locator, prefix=piece.prefix))


def _comma_items(content: str, ps: int, pe: int, known: frozenset[str]) -> list[tuple[int, int]]:
    """The piece ``content[ps:pe]``, or its items when it is a group of author-year
    citations joined by commas ("Smith 2001, Jones 2004"): every item names authors."""
    cuts = [m.start("sep") for m in _COMMA_ITEM.finditer(content, ps, pe)]
    if not cuts:
        return [(ps, pe)]
    items = list(zip([ps, *(c + 1 for c in cuts)], [*cuts, pe], strict=True))
    for a, b in items:
        piece = parse_piece(content[a:b], known)
        if piece is None or piece.authors is None:
            return [(ps, pe)]
    return items


def _parse_bracket(
    text: str,
    pair: Pair,
    content: str,
    out: list[Found],
    abbrevs: dict[str, str],
    known: frozenset[str],
) -> None:
    base = pair.open + 1
    spans = [
        item
        for m in _PIECE_SPLIT.finditer(content)
        if m.group().strip()
        for item in _comma_items(content, m.start(), m.end(), known)
    ]
    previous: Authors | None = None
    coauthors: list[tuple[str, int]] = []  # ABNT co-authors before the piece with the year
    for idx, (ps, pe) in enumerate(spans):
        piece = parse_piece(content[ps:pe], known)
        if piece is None and (
            _CAPS_NAME.fullmatch(content, ps, pe)
            or (
                _LONE_NAME.fullmatch(content, ps, pe)
                and (coauthors or not idx or content[:ps].rstrip().endswith(";"))
                and is_known(content[ps:pe].strip(), known)
            )
        ):
            coauthors.append(
                (
                    content[ps:pe].strip(),
                    base + ps + len(content[ps:pe]) - len(content[ps:pe].lstrip()),
                )
            )
            previous = None
            continue
        leading, coauthors = coauthors, []
        if piece is None:
            previous = None
            titled = _TITLE_PIECE.match(content, ps, pe) if known else None
            title = " ".join(titled.group("title").split()) if titled is not None else ""
            if titled is not None and is_known(title, known):
                out.append(
                    Found(
                        start=base + titled.start("open"),
                        end=base + titled.end("year"),
                        group=pair.open,
                        authors=(title,),
                        year=titled.group("year"),
                    )
                )
            continue
        names = piece.authors
        if names is None:
            if idx == 0:
                hit = narrative_authors(text, pair.open, known)
                if hit is None or (
                    not hit[1].known and _emphasised_title(text, hit[0] + hit[1].start, pair.close)
                ):
                    continue
                lo, previous = hit
                end = pair.close + 1 if idx == len(spans) - 1 else base + ps + piece.end
                _emit(
                    out,
                    piece,
                    Found(
                        start=lo + previous.start,
                        end=end,
                        group=pair.open,
                        authors=previous.names,
                        et_al=previous.et_al,
                        narrative=True,
                        abbreviation=previous.abbreviation,
                        needs_support=_lone_acronym(previous),
                    ),
                )
            elif previous is not None:
                _emit(
                    out,
                    piece,
                    Found(
                        start=base + ps + piece.start,
                        end=base + ps + piece.end,
                        group=pair.open,
                        authors=previous.names,
                        et_al=previous.et_al,
                    ),
                )
            continue
        if (
            idx == 0
            and not ps
            and not (names.known or names.et_al)
            and species_before(text, pair.open)
        ):
            # "Cercamonius brachyrhynchus (Stehlin, 1912)": the species' authority
            previous = None
            continue
        previous = names
        if (
            idx == 0
            and len(names.names) == 1
            and not names.et_al
            and ACRONYM.fullmatch(names.names[0])
        ):
            expansion = expand_acronym(text, pair.open, names.names[0])
            if expansion is not None:  # "World Health Organization (WHO, 2020)"
                abbrevs.setdefault(names.names[0], expansion[1])
                _emit(
                    out,
                    piece,
                    Found(
                        start=expansion[0],
                        end=base + ps + piece.end if idx < len(spans) - 1 else pair.close + 1,
                        group=pair.open,
                        authors=(expansion[1],),
                        narrative=True,
                        abbreviation=names.names[0],
                    ),
                )
                continue
        if names.abbreviation and len(names.names) == 1:
            abbrevs.setdefault(names.abbreviation, names.names[0])
        if (
            leading
            and len(names.names) == 1
            and (
                _CAPS_NAME.fullmatch(names.names[0])
                or (
                    _ONE_NAME.fullmatch(names.names[0])
                    and not any(_CAPS_NAME.fullmatch(n) for n, _at in leading)
                    and content[leading[-1][1] - base : ps].rstrip().endswith(";")
                )
            )
        ):
            _emit(
                out,
                piece,
                Found(
                    start=leading[0][1],
                    end=base + ps + piece.end,
                    group=pair.open,
                    authors=(*(n for n, _at in leading), names.names[0]),
                    et_al=names.et_al,
                ),
            )
            continue
        _emit(
            out,
            piece,
            Found(
                start=base + ps + piece.start,
                end=base + ps + piece.end,
                group=pair.open,
                authors=names.names,
                et_al=names.et_al,
                abbreviation=names.abbreviation,
                needs_support=not piece.comma and _lone_acronym(names),
            ),
        )


def _bare(
    text: str, pairs: list[Pair], abbrevs: dict[str, str], known: frozenset[str]
) -> Iterator[Found]:
    """Citations in table cells, source lines and bare in prose
    (:mod:`citecheck.citations.bare`): only pieces that name a listed first author."""
    cells = list(bare_spans(text))
    taken = [(p.open, p.close + 1) for p in pairs] + [(p.open, p.close + 1) for p in cells]
    for pair in [*cells, *prose_spans(text, taken)]:
        content = text[pair.open + 1 : pair.close]
        if YEAR_HINT.search(content) is None or YEAR.search(content) is None:
            continue
        got: list[Found] = []
        _parse_bracket(text, pair, content, got, abbrevs, known)
        for f in got:
            if not f.narrative and f.authors and is_known(f.authors[0], known):
                f.needs_support = False
                yield f


# A piece of a parenthetical citation whose year slot is empty: "(Okafor C.A., )",
# "(Lind A.B., Tanaka H., )". A citation processor prints this when the database
# entry has no year; the names before the slot are the citation.
_NOT_IN_NAMES = re.compile(r"[\d()\[\]]")


def _empty_year_names(piece: str) -> list[str] | None:
    """The names of a piece that ends in a comma and nothing else, or None."""
    body = piece.rstrip()
    if not body.endswith(",") or _NOT_IN_NAMES.search(body):
        return None
    names = [" ".join(n.split()) for n in body[:-1].split(",")]
    if not names[0][:1].isupper() or any(not n or len(n) > 60 for n in names):
        return None
    return names


def _empty_years(text: str, pairs: list[Pair], known: frozenset[str]) -> Iterator[Found]:
    """Citations whose year slot is empty (:func:`_empty_year_names`), when the first
    surname is one the reference list gives: year None, the span ends at the comma."""
    for pair in pairs:
        content = text[pair.open + 1 : pair.close]
        if pair.kind != "(" or "," not in content or len(content) > 400:
            continue
        for m in _PIECE_SPLIT.finditer(content):
            piece = m.group()
            names = _empty_year_names(piece)
            if names is None:
                continue
            first = names[0]
            if not (is_known(first, known) or is_known(first.split()[0], known)):
                continue
            base = pair.open + 1 + m.start()
            yield Found(
                start=base + len(piece) - len(piece.lstrip()),
                end=base + len(piece.rstrip()),
                group=pair.open,
                authors=tuple(names),
            )


def extract_author_year(
    text: str, pairs: list[Pair], known: frozenset[str] = frozenset()
) -> list[Found]:
    """All author-year citations in ``text``, abbreviations resolved to full names.

    ``known``: keys of the reference list's first authors and their abbreviations
    (:mod:`citecheck.citations.known`); such names need no support from the text.
    """
    out: list[Found] = []
    abbrevs: dict[str, str] = {}
    for pair in pairs:
        keep = {
            c.open for c in pair.children if ACRONYM.fullmatch(text[c.open + 1 : c.close].strip())
        }
        content = masked_inner(text, pair, keep=keep)
        stripped = content.strip()
        if ACRONYM.fullmatch(stripped):
            expansion = expand_acronym(text, pair.open, stripped)
            if expansion is not None:
                abbrevs.setdefault(stripped, expansion[1])
            continue
        if YEAR_HINT.search(content) is not None and YEAR.search(content) is not None:
            _parse_bracket(text, pair, content, out, abbrevs, known)
    out = _without_title_cells(text, out, known)
    if known:
        out.extend(_bare(text, pairs, abbrevs, known))
        out.extend(_empty_years(text, pairs, known))
    supported = set(abbrevs) | {
        f.authors[0] for f in out if len(f.authors) == 1 and not f.needs_support
    }
    out = [
        f
        for f in out
        if not f.needs_support or f.authors[0] in supported or is_known(f.authors[0], known)
    ]
    for f in out:
        if f.abbreviation is None and len(f.authors) == 1 and f.authors[0] in abbrevs:
            f.abbreviation = f.authors[0]
            f.authors = (abbrevs[f.authors[0]],)
    return out
