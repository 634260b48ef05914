"""The author list at the start of a reference string.

:func:`scan_authors` reads name after name from the start of the string and stops
at the first thing that is not a name or a separator, so it finds where the author
list ends without knowing the style in advance. The first name decides the pattern
that later names may take (a Vancouver list stays Vancouver; "Smith, J., and R. Roe"
switches to given-first after the first author as Chicago and MLA do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.model.document import Author
from citecheck.references import names as n

# Separators between two names.
_SEP_RE = re.compile(
    # Slovene "in" before "Surname, X.", "X. Surname", "'t Hooft" ("Hidayat, D. in Petrov, A.")
    r"(?P<sep>,?\sin\s(?=[A-Z][\w'’-]+,\s[A-Z]\.|(?:[A-Z]\.\s?)+[A-Z]|['’]t\s)|\s?(?:,\s?(?:and|&|dan|und|y|et|ET|e|ve|og|och|و|a|i|và|és|ja|și|и)\s|\.,\s?|,\s?&|;\s?(?:and\s|&\s?)?|,\s?…\s?|,?\s?\.\.\.\s?|,?\s?…\s?"
    r"|,,?\s?|\s(?:and|&|dan|und|y|et|ET|e|ve|og|och|و|a|i|và|és|ja|și|и)\s|\s?&\s?|\.?\s?/\s?|\s[–—-]\s|、))"
)
# (The lookahead, a first letter any form starts with, fails most positions ~4x faster
# than the case-blind alternatives do.)
_ET_AL_RE = re.compile(
    r"(?=,?\s?[edauvimoy\[&и等ほ他]),?\s?(?:et alii|et\.?\s?al\.?|dkk\.?|dll\.?|and others|\[et al\.\]|et\.al\.|& al\.|u\.\s?a\.|vd\.|"
    r"ve diğ\.|v\.dğr\.|ve ark\.|i in\.|và cộng sự|\[?и др\.\]?|等|idr\.|m\.\s?fl\.|mfl\.|o\.\s?fl\.|"
    r"y otros|e outros|e altri|ほか|他(?=[\s.,「『(]))",
    re.IGNORECASE,
)
_MONO_ET_AL_RE = re.compile(rf"({n.WORD})(?={_ET_AL_RE.pattern})", re.IGNORECASE)
# "National Academies of Sciences, Engineering, and Medicine": the rest of one name.
_CORP_LIST_TAIL_RE = re.compile(r"(?:[A-Z][\w-]+,\s)*(?:and|&)\s[A-Z][\w-]+")
# One scan for a corporate keyword before trying a corporate name first.
_CORP_SUFFIX_RE = re.compile(r"\w+(?:" + n.CORPORATE_SUFFIXES + r")", re.IGNORECASE)
_FOLLOW = {
    "A": ("A", "D", "E"),
    "B": ("E", "D"),
    "C": ("C", "S"),
    "S": ("C", "S"),
    "D": ("D",),
    "E": ("E", "D"),
    "M": ("A", "D", "E", "C"),
    "K": ("K", "A", "E"),
    "U": ("U", "E", "D", "C"),
    "F": ("C", "F"),
    "P": ("P",),
}
_UNITS = {
    "A": n.UNIT_A,
    "B": n.UNIT_B,
    "C": n.UNIT_C,
    "S": n.UNIT_S,
    "D": n.UNIT_D,
    "E": n.UNIT_E,
    "U": n.UNIT_U,
    "F": n.UNIT_F,
    "P": n.UNIT_P,
}
# Capitalised words after a corporate author's abbreviation that still belong to the
# name, because the year follows them: "Badan Pusat Statistik (BPS) Provinsi DKI Jakarta.
# (2024)", "Dinas Kesehatan (Dinkes) Kota Bandung, 2021".
_ABBR_TAIL_RE = re.compile(
    r"\s(?P<tail>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,4})[.,]?\s\(?(?:1[5-9]\d\d|20\d\d|n\.\s?d\.)(?!\d)"
)
_CORP_END_RE = re.compile(
    r"(?<!\b[A-Z])(?<!\.[A-Z])\.(?=\s|$)|\s?[(\[]|,\s?(?:\d|n\.d)|:\s|\s(?=\d{4}\b)"
)


@dataclass(frozen=True)
class AuthorScan:
    """Authors found at the start of a string and where the list ends."""

    authors: tuple[Author, ...]
    et_al: bool
    end: int  # offset just after the last name / "et al." / "(Eds.)"
    editors: bool = False
    style: str = ""  # pattern of the first name: A B C D E (see _unit), K corporate, M mononym


def _make(fmt: str, m: re.Match[str]) -> Author:
    if fmt == "F":
        trail = (m.group("trail") or "").strip()
        family = " ".join(p for p in (trail, m.group("lead").strip(), m.group("core")) if p)
        return Author(family=family, given=m.group("given").strip())
    family = m.group("family").strip()
    given = m.group("given").strip() if "given" in m.groupdict() else None
    return Author(family=family, given=given or None)


def is_corporate(name: str) -> bool:
    """True for institution names: a keyword (Organization, Badan, ...) or an acronym."""
    raw = _RAW_WORD_RE.findall(name)
    if not raw:
        return False
    if len(raw) == 1:
        return bool(n.ACRONYM_RE.fullmatch(raw[0])) and len(raw[0]) >= 2
    low = name.lower()
    if _CORP_LOWER.isdisjoint(_RAW_WORD_RE.findall(low)) and not any(
        suffix in low for suffix in _CORP_SUFFIXES
    ):
        return False  # (most names: no keyword in any case, no German compound)
    # Upper-case names ("PLANCK COLLABORATION", "MINISTERIO DE SALUD") read as written
    # in title case; keywords and function words are compared in that form.
    words = [_title_case(w) for w in raw]
    if words[-1] in n.LOWER_GROUP_WORDS and len(words) > 1:
        words[-1] = words[-1].capitalize()  # "Posit team", "jamovi project"
        if not words[0][0].isupper():
            words[0] = words[0].capitalize()
    if words[0] in n.CORPORATE_WORDS and words[0][0].isupper() and len(words) <= 10:
        return True  # "Institut national de la statistique", "Ministerio de Salud"
    if any(w in n.CORPORATE_WORDS or _CORP_SUFFIX_RE.fullmatch(w) for w in words):
        return all(w[0].isupper() or w in n.FUNCTION_WORDS or w.isdigit() for w in words)
    return False


def _corporate_hint(window: str) -> bool:
    """A corporate keyword in any case ("PLANCK COLLABORATION", "Forschungsgemeinschaft")."""
    # The words are the window's runs of three letters or more. Runs never cross a
    # space, and a token that is letters once its punctuation is stripped is one run:
    # only the other tokens need the regex (a findall over the window cost ~5 % of a parse).
    for token in window.split():
        if len(token) < 3:
            continue
        core = token.strip(_HINT_PUNCT)
        if core.isalpha():
            if core in _CORP_HINTS:
                return True
        elif len(core) > 3 and not _CORP_HINTS.isdisjoint(_WORD_RE.findall(core)):
            return True
    low = window.lower()
    if not any(suffix in low for suffix in _CORP_SUFFIXES):
        return False
    return any(len(w) > 9 and _CORP_SUFFIX_RE.fullmatch(w) for w in _WORD_RE.findall(window))


_HINT_PUNCT = ".,;:()[]{}\"'“”‘’«»!?"


_WORD_RE = re.compile(r"[^\W\d_]{3,}")
_RAW_WORD_RE = re.compile(r"[\w&]+")
_CORP_UPPER = frozenset(w.upper() for w in n.CORPORATE_WORDS)
_CORP_HINTS = n.CORPORATE_WORDS | _CORP_UPPER | n.LOWER_GROUP_WORDS
# Lower-case forms of every word that can make a name corporate (a cheap test first).
_CORP_LOWER = frozenset(w.lower() for w in n.CORPORATE_WORDS) | n.LOWER_GROUP_WORDS
_CORP_SUFFIXES = tuple(n.CORPORATE_SUFFIXES.split("|"))


def _title_case(word: str) -> str:
    """ "COLLABORATION" -> "Collaboration", "DE" -> "de"; other words unchanged."""
    if len(word) < 2 or not word.isupper():
        return word
    return word.lower() if word.lower() in n.FUNCTION_WORDS else word.capitalize()


def _corporate(s: str, pos: int) -> tuple[Author, int] | None:
    """A corporate author at ``pos``: "World Health Organization [WHO]", "Badan Pusat Statistik"."""
    window = s[pos : pos + 160]
    m = _CORP_END_RE.search(window)
    chunk = window[: m.start()] if m else window
    if ", " in chunk:
        # "U.S. Department of the Interior, National Park Service" is one name, but
        # "R. H. Bube, Photovoltaic Materials, Imperial College Press" is not.
        first, _, more = chunk.partition(", ")
        listed = _CORP_LIST_TAIL_RE.fullmatch(more.rstrip(" ,")) is not None
        tail = _CORP_LIST_TAIL_RE.match(more) if not listed else None
        if (
            tail is not None
            and more[tail.end() : tail.end() + 1] in (",", ":", ".")
            and is_corporate(first)
        ):
            # "National Academies of Sciences, Engineering, and Medicine, Title words"
            chunk = first + ", " + more[: tail.end()]
        else:
            chunk = chunk if is_corporate(first) and (is_corporate(more) or listed) else first
    chunk = chunk.rstrip(" ,")
    if not chunk or len(chunk.split()) > 12 or not is_corporate(chunk):
        return None
    end = pos + len(chunk)
    abbr = None
    am = n.ABBREV_RE.match(s, end)
    if am is not None:
        abbr = am.group("abbr")
        end = am.end()
        tail = _ABBR_TAIL_RE.match(s, end)
        if tail is not None:
            # "Badan Pusat Statistik (BPS) Provinsi DKI Jakarta. (2024)": the office's
            # region goes on after the abbreviation, up to the year
            chunk, end = f"{chunk} {tail.group('tail')}", tail.end("tail")
    return Author(family=chunk, corporate=True, abbreviation=abbr), end


def _unit(s: str, pos: int, allowed: tuple[str, ...]) -> tuple[Author, int, str] | None:
    # S, U and the upper-case C ("LASUSA M.") start with two capitals: without a second
    # one their regexes are not tried.
    caps = s[pos + 1 : pos + 2].isupper()
    for fmt in allowed:
        if fmt == "K":
            corp = _corporate(s, pos)
            if corp is not None:
                return corp[0], corp[1], "K"
            continue
        if not caps and (fmt == "S" or fmt == "U"):
            continue
        m = _UNITS[fmt].match(s, pos)
        if m is None and fmt == "C" and caps:
            m = n.UNIT_CAPS.match(s, pos)  # "LASUSA M. Crime, Violence ..."
        if m is not None:
            if fmt in _CHECK_CORPORATE and is_corporate(m.group(0)):
                continue
            author = _make(fmt, m)
            if (
                fmt == "B"
                and " " in _bare(author.family)
                and _D_SHAPED_RE.match(author.given or "")
            ):
                continue  # "Aino Berruto, L. Pereira": two given-first names
            if fmt == "B" and " " in _bare(author.family):
                # "Paul Saurette, Jane Doe" / "Avinash Balachandran, Stephen M. Erlien" are
                # given-first names, not one "Surname Surname, Given".
                if " " in _bare(author.given or "") or not n.AFTER_STRICT_RE.match(s, m.end()):
                    continue
            return author, m.end(), fmt
    return None


_CHECK_CORPORATE = frozenset("BCESUFP")
_D_SHAPED_RE = re.compile(r"[A-Z]\.\s?[A-Z]\.?\s?[A-Z][a-z]|[A-Z]\.\s?[A-Z][a-z]")


def _bare(name: str) -> str:
    """The name without particles and initials, to count its real words."""
    words = [w for w in name.split() if not _INITIAL_OR_LOWER_RE.fullmatch(w)]
    return " ".join(words)


def scan_authors(s: str, pos: int = 0) -> AuthorScan:
    """Read the author list starting at ``pos`` (see the module docstring)."""
    scan = _scan(s, pos)
    if scan.style in ("E", "C", "B", "") and n.UNIT_F.match(s, pos):
        scan = _family_first(s, pos, scan)
    if scan.style in ("B", "M", "C", "") and s.find(", ", pos, pos + 40) > 0:
        return _surnames_only(s, pos, scan)
    return scan


# Family names only, three or more, the last after "and"/"y"/"e"/"und"/"et"/"dan"...,
# then the year: "de Haas, Miller, y Castles. (2015)", "Thompson, Papadopoulos, Cohen
# et Chen 2013" (short-cite keys, surname-only styles).
_BARE_NAME = rf"(?:{n.PARTICLE}\s)*{n.WORD}"
_SURNAMES_ONLY_RE = re.compile(
    rf"{_BARE_NAME}(?:,\s{_BARE_NAME})+"
    rf"(?:,?\s(?:and|&|y|e|und|et|ET|dan|og|och|ve|i|a|és|ja|și|и)\s{_BARE_NAME})?"
    rf"(?=[.,:]?\s?[(\[]?(?:1[5-9]|20)\d\d(?!\d))"
)
_SURNAMES_SPLIT_RE = re.compile(r",?\s(?:and|&|y|e|und|et|ET|dan|og|och|ve|i|a|és|ja|și|и)\s|,\s")


def _surnames_only(s: str, pos: int, scan: AuthorScan) -> AuthorScan:
    """The list read as family names only, where the usual reading cannot be right: it
    stops before the list does, or it took a word for a given name ("de Haas, Miller")
    and then ended on a name without one ("y Castles"), which a style that prints given
    names does not do. "Smith, John, Doe, Jane, 2019" stays two names."""
    m = _SURNAMES_ONLY_RE.match(s, pos)
    if m is None:
        return scan
    words = _SURNAMES_SPLIT_RE.split(m.group(0))
    if len(words) < 3 or any(len(_bare(w)) < 3 or w in _NOT_MONO or is_corporate(w) for w in words):
        return scan
    if scan.end >= m.end():
        given = [a.given for a in scan.authors if a.given]
        if not (
            given
            and all(" " not in g and "." not in g for g in given)
            and not scan.authors[-1].given
        ):
            return scan
    return _finish(s, [Author(family=w) for w in words], m.end(), "M")


def _scan(s: str, pos: int) -> AuthorScan:
    group = _GROUP_AI_RE.match(s, pos) if "AI" in s[pos : pos + 60] else None
    if group is not None:
        # "Google AI. (2023)", "Meta AI. (2024)": a lab, not "Google, A. I.".
        return _finish(s, [Author(family=group.group(1), corporate=True)], group.end(1), "K")
    lead = _corporate(s, pos) if _corporate_hint(s[pos : pos + 160]) else None
    if lead is not None and _SURNAME_INITIALS_RE.match(s, pos):
        lead = None  # "Deacon B. International Journal of Health Services. 14:453"
    if lead is not None and len(lead[0].family.split()) >= 2:
        # "U.S. Census Bureau", "Ministerio de Salud": read as "U.S." + "Census" or
        # "Ministerio" + "de Salud" by the personal-name patterns otherwise.
        return _continue(s, [lead[0]], lead[1], "K")
    got = _unit(s, pos, ("A", "P", "C", "S", "U", "B", "D", "E", "K"))
    if got is not None and got[2] == "E" and s[got[1] : got[1] + 2].lstrip()[:1] == ":":
        got = _unit(s, pos, ("K",))  # "Money Market Investments: The Risk": a title
    if got is None:
        mono = n.UNIT_MONO.match(s, pos)
        if mono is None:
            alone = _MONO_ET_AL_RE.match(s, pos)
            if alone is None:
                quoted = _MONO_QUOTE_RE.match(s, pos)
                if quoted is not None and not is_corporate(quoted.group(1)):
                    # "Mardiasmo. « Positive psychology »": one name before a quoted title.
                    return _finish(s, [Author(family=quoted.group(1))], quoted.end(1), "M")
                first = _mononym_first(s, pos)
                if first is not None:
                    return first
                slash = _SLASH_LIST_RE.match(s, pos)
                if slash is not None:
                    # "Okafor/Young, Title" (Austrian and German legal styles): family
                    # names only, joined by "/".
                    names = [Author(family=w) for w in slash.group(0).split("/")]
                    if not any(_corporate_hint(a.family) or len(a.family) < 3 for a in names):
                        return _finish(s, names, slash.end(), "M")
                return AuthorScan((), False, pos)
            # "Suharto et al., Title": one word before "et al." is a name.
            et = _ET_AL_RE.match(s, alone.end())
            end = et.end() if et is not None else alone.end()
            return _finish(s, [Author(family=alone.group(1))], end, "M", et_al=True)
        family = mono.group("family")
        corp = is_corporate(family)
        return _finish(s, [Author(family=family, corporate=corp)], mono.end(), "M")
    scan = _continue(s, [got[0]], got[1], got[2])
    if got[2] == "D" and len(scan.authors) == 1:
        inner = _INITIAL_IN_FAMILY_RE.match(s, pos)
        if inner is not None:
            # "S. de Silva, R., Brown, X., & Lee, Z.": an APA list whose first family name
            # holds an initial ("S. de Silva"), not "S. de Silva" then a lone ", R.".
            head = Author(family=inner.group("family"), given=inner.group("given").strip())
            inner_scan = _continue(s, [head], inner.end("given"), "A")
            if len(inner_scan.authors) >= 3:
                return inner_scan
    if got[2] == "B" and " " not in got[0].family:
        # "Mulyadi, Saputra A, Nugroho A, ...": a one-word name, then a Vancouver or
        # APA list, not "Surname, Given" -- when that reading goes on for longer.
        # ("Newell, Kenneth B. 1976" and "Cohen, Kalman J. and Richard M. Cyert" stay
        # "Surname, Given": the other reading must be longer by two names.)
        alt = _mononym_first(s, pos, ("A", "C", "S"))
        if alt is not None and len(alt.authors) >= max(3, len(scan.authors) + 2):
            return alt
    return scan


def _family_first(s: str, pos: int, scan: AuthorScan) -> AuthorScan:
    """ "Keller Robert B., Giusti M.-C., Allen Mikko", "Moore Peter, Nagy Dewi, Ciofi
    degli Atti Claudio": family names before given names without a comma. Taken over
    the usual reading only where the list proves the order: a name of initials after
    the family ("Giusti M.-C.") next to one with a full given name, a particle
    ("de Angelis Paolo", "Haar Hendrik ter"), or two names more read this way."""
    got = _unit(s, pos, ("F",))
    if got is None:
        return scan
    alt = _continue(s, [got[0]], got[1], "F")
    if len(alt.authors) < len(scan.authors) or alt.end < scan.end:
        return scan
    if len(alt.authors) >= len(scan.authors) + 2:
        return alt
    initials = any(re.fullmatch(r"(?:[A-Z]\.?[\s-]?)+", a.given or "") for a in alt.authors)
    full = any(a.given and re.search(r"[a-z]$", a.given) for a in alt.authors)
    particle = any(
        (a.family[:1].islower() or a.family.startswith(("'", "’")))
        and re.search(r"[a-z]", a.given or "")
        for a in alt.authors
    )
    if (initials and full) or particle:
        return alt
    return scan


def _continue(s: str, authors: list[Author], end: int, style: str) -> AuthorScan:
    allowed = _FOLLOW[style]
    # Weak names (a mononym, "Surname, Given" after "Surname, Given", a given-first name
    # after initials-first ones) are kept only when the list is confirmed after them: by
    # a name of the list's own pattern, "et al.", a final "and X", or the year.
    firm, firm_end = len(authors), end
    last_fmt = style
    while True:
        end = _suffix(s, end, authors)
        et = _ET_AL_RE.match(s, end)
        if et is not None:
            return _finish(s, authors, et.end(), style, et_al=True)
        sep = _SEP_RE.match(s, end)
        if sep is None and style == "A" and s[end - 1 : end] == ".":
            # "Sasayama, D. Hattori, K. Teraishi, T." : names without commas between.
            got = _unit(s, end + 1, ("A",)) if s[end : end + 1] == " " else None
            if got is None:
                break
            authors.append(got[0])
            end = got[1]
            firm, firm_end = len(authors), end
            continue
        if sep is None:
            break
        token = sep.group("sep").strip(" ,")
        nxt = sep.end()
        et = _ET_AL_RE.match(s, nxt)
        if et is not None and token in ("", "&", ";", "-", "–", "—", "/"):
            # "Santoso, B.; et al.", "Park, U. - et al."
            return _finish(s, authors, et.end(), style, et_al=True)
        # ";" and ".," separate whole inverted names ("Batra, R. K.,Chandran, S.").
        kinds = (
            (("A", "B", "C", *allowed))
            if token.startswith((";", ".", "/", "–", "—", "-"))
            else allowed
        )
        if token == "/" and style == "C":
            kinds = (*kinds, "D")  # "López D./A. Weber 1996" (BABESCH)
        last = token.endswith(_LAST_TOKENS)
        if last:
            if style == "A":
                kinds = (
                    "A",
                    "C",
                    "D",
                    "E",
                    "B",
                )  # "Dingeman, K. & Kennedy E.G.", "& Weber, Ji-Hoon"
            elif style == "D":
                kinds = ("D", "E")  # "J. Smith and Jane Doe"
            elif style == "B":
                kinds = ("E", "B", "D")  # "Maclay, Howard, & Osgood, Charles E.", "& J. R. Roe"
        if last and style == "C":
            kinds = ("C", "S", "D", "F")  # "NASSER H. II ET B. NORDLANDER", "Weber F. & Nagy Dewi"
        got = _unit(s, nxt, kinds)
        if got is None and last:
            jm = _LAST_BEFORE_JOURNAL_RE.match(s, nxt)
            if jm is not None and not is_corporate(jm.group("family")):
                # "…, and W Allen A&A 390 A12 (1998)", "and S C Pereira Nucl. Phys. C277
                # 6504": physics styles print the journal right after the last name.
                fam, given = jm.group("family"), jm.group("given").strip()
                got = (Author(family=fam, given=given), jm.end("family"), "D")
        if got is None and style == "A" and last_fmt == "A" and firm >= 2 and "A" in kinds:
            # "…, Hoffmann, A., Hansen, L. Ecology and Evolution 2012": the list's own
            # pattern, before the journal (not "Hansen" alone, then "L. Ecology").
            bm = n.UNIT_B.match(s, nxt)
            im = _LEAD_INITIALS_RE.match(bm.group("given")) if bm is not None else None
            if bm is not None and im is not None and not is_corporate(bm.group(0)):
                family = bm.group("family").strip()
                got = (Author(family=family, given=im.group(0)), bm.start("given") + im.end(), "A")
        weak = False
        if got is None and not (style == "K" and len(authors) == 1):
            # (After an organisation alone, a one-word name is its place or, for a
            # surname read as one ("Bank Muñoz, Carolina. 2017"), a given name.)
            got = _weak_unit(s, nxt, style, last=last)
            weak = got is not None
        if got is None:
            break
        if (
            not last
            and not token.startswith(("/", ";"))  # "Müller, Hans/Roth, Eva: Title"
            and got[2] in ("B", "E")
            and s[got[1] : got[1] + 2].lstrip()[:1] == ":"
        ):
            break  # "Tomlinson, Gary, Metaphysical Song: An Essay" -- a title, not a name
        unconfirmed = last and not weak and len(authors) > firm and style == "D" and got[2] == "E"
        if unconfirmed:
            # "P. Milgrom, J. Roberts, Games and Economic Behavior 1991": a name of
            # another pattern after "and" does not confirm a weak name before it.
            weak = True
        authors.append(got[0])
        end = got[1]
        last_fmt = got[2]
        if not weak:
            firm, firm_end = len(authors), end
        if unconfirmed:
            end = _suffix(s, end, authors)
            break  # (kept only where the year follows: see below)
        if token in ("…", "...") or last:
            # The name after "and" or an ellipsis is the last one.
            return _finish(s, authors, _suffix(s, end, authors), style, et_al=token in ("…", "..."))
    if len(authors) > firm and _CONFIRM_RE.match(s, end) is None:
        del authors[firm:]
        end = firm_end
    return _finish(s, authors, end, style)


# Initials-first, the last name of a list, then an abbreviated journal and a number.
_LAST_BEFORE_JOURNAL_RE = re.compile(
    rf"(?P<given>(?:[A-Z]\.?\s?){{1,3}})\s?(?P<family>{n.WORD})"
    r"(?=\s(?:[A-Z][A-Za-z]{0,8}\.\s?[A-Z]|[A-Z]\w*&\w+|[A-Z]{2,}\s)[^()\d]{0,60}?[A-Z]?\d)"
)
# A surname and its dotted initials, then more words: a Vancouver name before the title.
_SURNAME_INITIALS_RE = re.compile(r"[A-ZÀ-Þ][\w'’-]*\s(?:(?:[A-Z]\.\s?){1,3}|[A-Z]{1,3}\.)\s[A-Z]")
# Initials before a capitalised word, in the given names of a "Surname, Given" reading.
_LEAD_INITIALS_RE = re.compile(r"[A-Z]\.(?:\s?-?[A-Z]\.){0,2}(?=\s[A-Z][a-z]{2,})")
_INITIAL_IN_FAMILY_RE = re.compile(
    rf"(?P<family>[A-Z]\.\s(?:{n.PARTICLE}\s)?{n.WORD}),\s(?P<given>(?:[A-Z]\.\s?){{1,3}})(?=,|\s?&)"
)
_INITIAL_OR_LOWER_RE = re.compile(r"[A-Z]\.?|[a-z']+")
_GROUP_AI_RE = re.compile(rf"({n.WORD}(?:\s{n.WORD}){{0,2}}\sAI)(?=\.\s?\((?:19|20)\d\d[a-z]?\))")
_LAST_TOKENS = (
    "and",
    "&",
    "dan",
    "und",
    "y",
    "et",
    "ET",
    "e",
    "ve",
    "og",
    "och",
    "و",
    "a",
    "i",
    "và",
    "in",  # Slovene
    "és",  # Hungarian
    "ja",  # Finnish, Estonian
    "și",  # Romanian
    "и",  # Russian, Bulgarian
)
# What confirms weak names at the end of a list: the year ("Hamka, 2003", "(2003)").
# Not ". 2010, 10" (a title-less chemistry reference: "P. Yang, Nano Lett. 2010, 10").
_CONFIRM_RE = re.compile(
    r"\s?(?:[,:.]\s?|\s)?[(\[](?:1[5-9]|20)\d\d(?!\d)|\s?[.,:]?\s(?:1[5-9]|20)\d\d[a-z]?[.:)](?:\s|$)"
)
# A one-word name inside a list: "Rahman, S., Wahyudi, Pratama, R.", "Sutrisno; Nugroho, A.".
_MONO_IN_LIST_RE = re.compile(
    rf"(?P<family>{n.WORD})(?![\w'’-])(?=\s?(?:[,;/]\s?|\s(?:and|&|dan|und|et|ET|y|e|ve|og|och|و|a|i|và|és|ja|și|и)\s|\s[–—-]\s)"
    rf"|(?:,\s?|\s)(?:et\.?\s?al\b|dkk\b|vd\.|\[et al|u\.\s?a\.)|\s?等)"
)
_MONO_LAST_RE = re.compile(rf"(?P<family>{n.WORD})(?![\w'’-])(?={_CONFIRM_RE.pattern})")
_SLASH_LIST_RE = re.compile(
    rf"{n.WORD}(?:/{n.WORD})+(?![\w'’-])"
    rf"(?=[,:]\s(?![{n.UP}][\w.]{{0,12}}\s?/)(?![{n.LO}])|\s\(?(?:1[5-9]|20)\d\d(?!\d)|\s(?:u\.\s?a\.|et al))"
)
_MONO_PAIR_END_RE = re.compile(rf"({n.WORD})(?![\w'’-])(?=[.,:]?\s?[(\[]?(?:1[5-9]|20)\d\d(?!\d))")
_MONO_QUOTE_RE = re.compile(rf"({n.WORD})(?=[.,]\s?[«“\"„‘])")
_NOT_MONO = frozenset(
    "The A An In On Of For And With From Title Journal Proceedings New News Notes Notable "
    "Review Reviews Editorial Letter Letters Comment Book Books Report Reports".split()
)


def _mononym(s: str, pos: int, *, last: bool = False) -> tuple[Author, int, str] | None:
    m = (_MONO_LAST_RE if last else _MONO_IN_LIST_RE).match(s, pos)
    if m is None:
        return None
    word = m.group("family")
    if len(word) < 3 or word in _NOT_MONO or is_corporate(word):
        return None
    return Author(family=word), m.end(), "M"


def _weak_unit(s: str, pos: int, style: str, *, last: bool) -> tuple[Author, int, str] | None:
    """A name the list's pattern does not allow, to be confirmed later (see _continue)."""
    # ("A" before "B": "Thompson, J. R. R." is not "Thompson, J. R" and a stray ". R.")
    kinds = {"B": ("A", "B"), "D": ("E",), "C": ("D", "F")}.get(style, ())
    got = _unit(s, pos, kinds) if kinds and not last else None
    # "…/Hoffmann, Rina/Mulyadi (1968)": a one-word name may end the list before the year.
    return got or _mononym(s, pos, last=last) or (None if last else _mononym(s, pos, last=True))


def _mononym_first(
    s: str, pos: int, kinds: tuple[str, ...] = ("A", "C", "S", "D", "E")
) -> AuthorScan | None:
    """A list that starts with a one-word name: "Sutrisno; Nugroho, A.; ...",
    "Hamka and R. Schäfer", "Sukarno, Hoffmann, A., Mardiasmo, & Setiawan, A."."""
    mono = _mononym(s, pos)
    if mono is None:
        return None
    sep = _SEP_RE.match(s, mono[1])
    if sep is None:
        return None
    token = sep.group("sep").strip(" ,")
    if token in ("/", ";") or token.endswith(_LAST_TOKENS):
        # "Sutrisno/Nugroho, Siti/...", "Hamka, et Setiawan, Ahmad" ("Hamka, Title Words,"
        # is not)
        kinds = (*kinds, "B")
    got = _unit(s, sep.end(), kinds)
    if got is None and token.endswith(_LAST_TOKENS):
        # "Wahyudi and Hamka. (1997)": two one-word names before the year.
        two = _MONO_PAIR_END_RE.match(s, sep.end())
        if two is not None and len(two.group(1)) >= 3 and not is_corporate(two.group(1)):
            return _finish(s, [mono[0], Author(family=two.group(1))], two.end(1), "M")
    if got is None:
        if token not in ("/", ";"):
            return None
        # "Koentjaraningrat/Sukarno/Kusuma, A." (not "Okafor/Young, Ein Titel der Arbeit")
        more = _mononym_first(s, sep.end(), ("A", "C", "S"))
        if more is None:
            return None
        return AuthorScan((mono[0], *more.authors), more.et_al, more.end, more.editors, more.style)
    if token.endswith(_LAST_TOKENS):
        return _finish(s, [mono[0], got[0]], _suffix(s, got[1], [got[0]]), got[2])
    return _continue(s, [mono[0], got[0]], got[1], got[2])


def _suffix(s: str, end: int, authors: list[Author]) -> int:
    """Attach "Jr." / "III" to the last author and skip over it."""
    m = n.SUFFIX_RE.match(s, end)
    if m is None:
        return end
    last = authors[-1]
    given = f"{last.given}, {m.group(0).strip(' ,')}" if last.given else m.group(0).strip(" ,")
    authors[-1] = last.model_copy(update={"given": given})
    return m.end()


def _finish(
    s: str, authors: list[Author], end: int, style: str, *, et_al: bool = False
) -> AuthorScan:
    editors = False
    m = n.EDITORS_RE.match(s, end)
    if m is not None:
        editors, end = True, m.end()
    if authors and not authors[-1].corporate:
        am = n.ABBREV_RE.match(s, end)
        if am is not None and len(authors) == 1 and is_corporate(authors[0].family):
            authors[-1] = authors[-1].model_copy(update={"abbreviation": am.group("abbr")})
            end = am.end()
    return AuthorScan(tuple(authors), et_al, end, editors, style)
