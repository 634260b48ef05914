"""Regular expressions shared by the extractors.

Every pattern here runs in linear time: no nested quantifiers over the same
characters, and each repeated group must consume a distinct separator first.
"""

from __future__ import annotations

import re

from citecheck.text.years import UNDATED

_YEAR_NUMBER = r"(?:1[5-9]\d\d|20\d\d)"
# A reprint ("1900/1953") is one year token; a range ("2010-2015") is none.
_YEAR_BODY = rf"{_YEAR_NUMBER}(?:/{_YEAR_NUMBER})?"
_NO_DATE = UNDATED

#: A year as printed in a citation: "2019", "2019a", "2019 a", "1900/1953", "n.d.",
#: "in press". Group ``y`` holds the digits, ``s``/``s2`` a suffix letter, ``nd``
#: the dateless forms.
YEAR = re.compile(
    rf"(?<![\w./\-–—:])(?:(?P<y>{_YEAR_BODY})(?:(?P<s>[a-z])|\s(?P<s2>[a-z]))?(?![\w\-–—/])"
    rf"|(?<![\w.])(?P<nd>{_NO_DATE}))"
)

#: One more year after the first, separated by a comma: "2019, 2020a".
MORE_YEAR = re.compile(r"\s*,\s*")

#: A lone suffix letter continuing the previous year: "2020a, b".
SUFFIX_ONLY = re.compile(r"\s*,\s*(?P<s>[a-z])(?![\w.])")

_LABEL = (
    r"(?i:pp|p|hlm|hal|h|ss|s|sp|chapters?|chap|ch|paras?|par|sect?|section|figs?|figure|"
    r"tables?|tab|vols?|no|bk|ll?|ln|col|kap|cap|bab|notes?|nn?|fn|art|loc|slides?|min|tr|"
    r"ff?|fol|folio|pt|part|halaman|seite|seiten|pág|pag)\.?"
)
_VALUE = r"(?:\d+[a-z]?|[ivxlcdm]+)(?:\s*[-–—]\s*(?:\d+[a-z]?|[ivxlcdm]+))?"
_VALUE_NUM = r"\d+[a-z]?(?:\s*[-–—]\s*\d+[a-z]?)?"

#: A locator after the year: "p. 45", "pp. 3-5", "hlm. 12", "S. 3 ff.", "chap. 2", "45".
LOCATOR = re.compile(
    rf"(?:(?:{_LABEL}|§§?|¶)\s*{_VALUE}(?:\s*(?:,|&|and|dan)\s*{_VALUE})*"
    rf"|{_VALUE_NUM}(?:\s*,\s*{_VALUE_NUM})*)(?:\s*ff?\.)?"
)

#: The separator before a locator.
LOCATOR_SEP = re.compile(r"\s*[,:]\s*")

#: Secondary-source markers: "(Smith, 2019, as cited in Jones, 2020)".
CITED_IN = re.compile(
    r"\s*(?:,\s*)?(?:as\s+cited\s+in|cited\s+in|quoted\s+in|dikutip\s+(?:dalam|dari)|"
    r"zitiert\s+nach|citado\s+en|cité\s+dans|(?:conforme\s+)?citad[oa]s?\s+(?:por|em)|"
    r"apud|dalam)\s+"
)

#: A secondary-source marker after a narrative citation, then the work consulted:
#: "Mourato (2004), conforme citado por Tavares (2015)", "Kowalczyk (2001) (dalam
#: Tavares, 2015)", "Darnell (1999), as cited in Tavares (2015)".
SECONDARY_AFTER = re.compile(
    r"\s*[,;]?\s*\(?\s*(?:(?:conforme|como|tal\s+como|sebagaimana)\s+)?"
    r"(?:(?:as\s+)?cited\s+in|quoted\s+in|citad[oa]s?\s+(?:por|em|en)|apud|dalam|"
    r"dikutip\s+(?:dalam|dari|oleh)|zitiert\s+(?:nach|in|bei)|zit\.\s+(?:n\.|nach|in)|"
    r"cité(?:e|s|es)?\s+(?:dans|par))\s*:?\s*",
    re.IGNORECASE,
)

#: Words and marks of an author string: letters with internal apostrophes, hyphens
#: or periods ("O'Neil", "al-Farabi", "u.a."), an optional final period, numbers,
#: and single other characters.
TOKEN = re.compile(r"[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?|\d+|\S")

#: One number or range in a numeric citation: "3", "1–5".
NUMBER_PART = re.compile(r"\s*(?P<a>\d{1,4})\s*(?:[-–—‒]\s*(?P<b>\d{1,4})\s*)?")

#: A dash between two numeric brackets: "[2]–[4]".
BRACKET_RANGE_DASH = re.compile(r"\s*[-–—‒]\s*")

#: An acronym as defined in brackets: "[WHO]", "(BPS)".
ACRONYM = re.compile(r"[A-Z][A-Z&\-]{1,11}")

#: A possessive ending: "Smith's", "et al.'s", "Jones'".
POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
