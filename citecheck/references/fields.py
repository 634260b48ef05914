"""What follows the title: container, volume, issue, pages, publisher.

The tail of a reference is read around its first *locator*: the earliest place where
a volume, issue or page pattern starts ("47(15), 9967", "27:153-60", "Vol. 5 No. 2",
"2010;20(5):813-22", "67, 547-619"). Text before it is the container (journal or
book), text after it may hold pages, a year, a publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citecheck.references.container import (
    ED_BY_RE,
    IN_RE,
    PUBLISHER_RE,
    book_container,
    clean_container,
    drop_credits,
    strip_credits,
)
from citecheck.references.dates import MONTH_WORD, YEAR, find_year, looks_like_year, normalise_year

PAGES = r"[A-Za-z]{0,2}\d+[A-Za-z]?(?:\s?(?:[-–—‐−]{1,2}|to)\s?[A-Za-z]{0,2}\d+[A-Za-z]?)?"
# Longest first: "Nomor 2" is not "No" + "mor".
_ISSUE_WORD = r"(?:[Nn]\.\s?[º°]|[Nn]omor|[Aa]usgabe|[Nn]umber|[Nn]um|[Ii]ssue|[Ii]ss|[Hh]eft|[Ee]disi|[Nn]r|[Nn]°|[Nn]º|NO|[Nn]o|Nummer|H(?=\.\s?\d))(?![a-z])"
# Issue and page words of other languages (after a volume only): Heft, číslo, sayı, Nr.
_ISSUE_LOCAL = r"(?:H|Heft|č|čís|sy|[Nn]r|[Nn]o|№|[Nn]º|[Nn]°|[Nn]\.\s?[º°]|sz|nro)"
_PAGE_WORD = r"S|s|ss|pp?|str|lk|С|с|стр|ページ|[pP]ágs?|blz|old|o|hlm|hal|bls"
_VOLUME_WORD = (
    r"(?<![\w.])(?:Jg\.?|Jahrgang|roč(?:\.|ník)|zv\.|[Тт]\.|kd\.?|巻|årgang|fasc\.|"
    r"Año(?=\s(?!(?:1[5-9]|20)\d\d(?!\d))))"
)
# Only strings holding one of these are searched for _VOLUME_WORD (a cheap test first).
_VOLUME_WORD_HINTS = (
    "Jg",
    "Jahrgang",
    "roč",
    "zv.",
    "Т.",
    "т.",
    "kd",
    "巻",
    "årgang",
    "fasc.",
    "Año",
)
# A Roman volume: upper case of two letters or more (three when it starts with D or M:
# "Washington, DC (2010)", "Bethesda, MD"), or lower case of two letters or more
# (one-letter numerals are initials or series letters far more often).
_RUP = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN_UP = rf"(?=[IVXLC][IVXLCDM]|[DM][IVXLCDM]{{2}}){_RUP}(?![^\W\d_])"
_ROMAN_LO = rf"(?=[ivxlcdm]{{2}}){_RUP.lower()}(?![^\W\d_])"
_ROMAN = rf"(?:{_ROMAN_UP}|{_ROMAN_LO})"
_DATE_PAREN = rf"\((?:[A-Za-z]+(?:-[A-Za-z]+)?\.?,?\s(?:\d{{1,2}},?\s)?)?(?P<year>{YEAR})\)"
_VOL_WORD_RE = re.compile(
    rf"{_VOLUME_WORD}\s?(?P<vol>\d{{1,5}}[A-Z]?)(?:,?\s{_ISSUE_LOCAL}\.?\s?(?P<iss>[\w-]{{1,8}}))?"
)
# Each locator starts with a character class and checks what stands before it in a
# lookbehind placed after that class ("\d(?<!X\d)" rather than "(?<!X)\d"): the regex
# engine then skips ahead to candidate characters instead of trying every position,
# which halves the cost of the tail scan (same matches).
_NB = r"[\w.–—°º-]"  # a locator number does not continue a word, number or range
_D1 = rf"\d(?<!{_NB}\d)"  # the first digit of a locator number
_LD1 = rf"[A-Z\d](?<!{_NB}[A-Z\d])"  # the first character of "B511" or "511"
# A volume, maybe after a series letter: "511", "B511" ("Nuclear Physics, D396: 5072").
_SVOL = rf"{_LD1}(?:(?<=[A-Z])\d{{1,5}}|(?<=\d)\d{{0,4}})"
_LOCATORS = (
    # Vancouver / ICMJE: "2010;20(5):813-22", "2014 Mar;21:823-33", "1974;99:496-7"
    re.compile(
        rf"(?P<year>[12](?<!{_NB}[12])(?:(?<=1)[5-9]\d\d|(?<=2)0[0-4]\d))[a-z]?"
        rf"(?:\s[A-Z][a-z]{{2,8}}\.?(?:\s\d{{1,2}})?)?\s?;\s?"
        rf"(?P<vol>[A-Z]?\d+[A-Z]?)?(?:\s?\((?P<iss>[^()]{{1,20}})\))?(?:\s?:\s?(?P<pages>{PAGES}))?"
    ),
    # Explicit: "Vol. 5 No. 2", "vol. 55", "v. 26", "Volume 12, Issue 3", "Vol. XIX, No. 3"
    re.compile(
        r"[VvJjBbTt](?<!\w[VvJjBbTt])"
        r"(?:(?<=[Vv])ol(?:ume)?|(?<=V)OL|(?<=[Jj])ilid|(?<=[Vv])(?=[.\s])|(?<=[Bb])d|(?<=B)and|(?<=[Tt])ome)"
        r"\.?\s?(?P<vol>[A-Z]?\d+[A-Z]?(?!\.\d)|[IVXLC]+\b|[IVXLCDM]{2,}\b)"
        rf"(?:\s?\((?!{YEAR}\))(?P<iss>[^()]{{1,20}})\)|,?\s(?:{_ISSUE_WORD}|n(?=\.))\.?\s?(?P<iss2>[\w-]{{1,12}}))?"
    ),
    # "47(15)", "23 (2)", "13(11-12)", "19(2_suppl)"
    re.compile(
        r"(?P<vol>(?:[A-Z](?<![\w.,–—°º-][A-Z])\d|\d(?<![\w.,–—°º-]\d))\d{0,4}[A-Z]?)(?:,\s|\s)?"
        r"\((?!(?!Suppl)[A-Za-z]{3,}\.?\s|(?:1[5-9]|20)\d\d(?:/\d+)?\))(?P<iss>[^()]{1,20})\)"
    ),
    # "31/12 (2012)", "114/2, 1992", "35/5 (1991)", "58/3. S. 698": volume/issue (British,
    # German styles)
    re.compile(
        rf"(?P<vol>{_D1}\d{{0,3}})(?<!(?:1[5-9]|20)\d\d)/(?P<iss>\d{{1,3}}(?:-\d{{1,3}})?)(?![\d/])"
        r"(?=\s?\(|,\s|:|\.?\s?$|\.\s(?:S|pp?)\.\s?\d)"
    ),
    # "27:153-60", "7:14"
    re.compile(rf"(?P<vol>{_SVOL})\s?:\.?\s?(?P<pages>{PAGES})"),  # ("19:. 606": a stray period)
    # "2, no. 7"
    re.compile(rf"(?P<vol>{_SVOL}),?\s{_ISSUE_WORD}\.?\s?(?P<iss>[\w/-]{{1,12}})"),
    # "67, 547-619", "475, 163", "117, 2383-2391", "87, pp. 334-344"; "B511, 265" (a
    # series letter glued to the volume)
    re.compile(
        rf"(?P<vol>{_LD1}(?:(?<=[A-Z])\d{{1,5}}|(?<=\d)\d{{0,4}}[A-Z]?))\s?,\s(?:[Pp]p?\.\s?)?"
        rf"(?P<pages>{PAGES})(?![\w(/])"
    ),
    # "ETL 64 (1988), pp. 433-40", "Math. Programming, 60 (1993)",
    # "Physics Letters, C490 (2003), p. 7886"
    re.compile(
        rf"(?P<vol>{_LD1}(?:(?<=[A-Z])\d{{1,5}}|(?<=\d)\d{{0,4}})),?\s"
        rf"\((?:[A-Za-z]+\.?,?\s(?:\d{{1,2}},?\s)?)?(?P<year>{YEAR})\)"
    ),
    # "Studies in African Linguistics 42. 101-132.", "Journal of Chemical Physics 670.
    # 056489." (a single page only at the very end)
    re.compile(
        rf"(?P<vol>{_D1}\d{{0,4}})\.\s(?P<pages>\d+\s?[-–—]\s?\d+(?![\w(/])|[A-Z]?\d+(?=\.?$))"
    ),
    # "Artificial Intelligence, 19." at the very end
    re.compile(r",(?<=[A-Za-zÀ-ÖØ-öø-ÿ],)\s(?!(?:1[5-9]|20)\d\d)(?P<vol>\d{1,4})\.?$"),
    # "Language 67 547-619" / "Nature 227 680–685"
    re.compile(rf"(?P<vol>{_D1}\d{{0,4}})\s(?P<pages>\d+\s?[-–—]\s?\d+)(?![\w(/])"),
    # Physics: "Phys. Lett. B511 (2001) 265", "Nucl. Phys. B 112 (1999) 2386"
    re.compile(
        rf"(?P<vol>{_LD1}(?:(?<=[A-Z])\d{{1,5}}|(?<=\d)\d{{0,4}}))\s?\((?P<year>{YEAR})\)\s?"
        rf"(?P<pages>[A-Z]{{0,2}}\d+(?:\s?[-–—]\s?[A-Z]?\d+)?)(?![\w/])"
    ),
    # A Roman volume or MLA "volume.issue" before the date: "Operations Research, VI (1958)",
    # "Harvard Business Review, XLII (September-October, 1964)", "Physics Letters B lxxv
    # (1978)" (upper case only after a comma: "R. Wang III (1993)"), "Studies 36.2 (1990)".
    re.compile(
        rf"\s(?=[IVXLCDMivxlcdm])(?<=(?:[^\W\d_]|[.,])\s)"
        rf"(?P<vol>{_ROMAN_LO}|(?<=,\s)(?:{_ROMAN_UP}|[IVXLC](?![^\W\d_]))),?\s{_DATE_PAREN}"
    ),
    re.compile(rf"(?P<vol>{_D1}\d{{0,3}})\.(?P<iss>\d{{1,3}})\s{_DATE_PAREN}"),
    # MLA-like "JHEP 434.2: 015" (volume.issue: pages)
    re.compile(rf"(?P<vol>{_D1}\d{{0,3}})\.(?P<iss>\d{{1,3}})\s?:\s?(?P<pages>{PAGES})(?![\w(/])"),
    # Volume words of other languages: "Jg. 907", "roč. 450", "zv. 211", "Т. 764", "kd 358",
    # "巻 361", "236. årgang", "t. 5", "tome 12"; an issue may follow ("H. 3", "č. 2").
    _VOL_WORD_RE,
    re.compile(
        r"[tT](?<![\w.][tT])(?:(?<=t)\.|ome)"
        rf"\s?(?P<vol>\d{{1,5}}[A-Z]?)(?:,?\s{_ISSUE_LOCAL}\.?\s?(?P<iss>[\w-]{{1,8}}))?"
    ),
    # A volume before a page word: "Physics 887, S. 157", "410. S. 4534", "526 s. 095559",
    # "838, str. 3417", "388. Jg., 17, S. 5580", "65. Jg., H. 3, S. 8997".
    re.compile(
        rf"(?P<vol>{_SVOL})(?<!(?:1[5-9]|20)\d\d)\.?,?\s(?:Jg\.,?\s|årgang,?\s)?"
        rf"(?:(?:{_ISSUE_LOCAL}\.?\s?)?(?P<iss>\d{{1,4}}),\s)?"
        rf"(?:{_PAGE_WORD})\.?\s?(?P<pages>{PAGES})(?![\w(/])"
    ),
    # Physics and astronomy, volume then article number or first page at the end:
    # "A&A 597 A6", "AJ 134 1183", "Phys. Rev. D 65 094516"
    re.compile(
        rf"(?P<vol>{_LD1}(?:(?<=[A-Z])\d{{1,5}}|(?<=\d)\d{{0,4}}))\s(?P<pages>[A-Z]{{0,2}}\d{{1,7}})"
        r"(?=\s?[.,;]?\s?(?:$|[(\[]))"
    ),
    # A volume in parentheses after the journal, then pages: "Biochemistry, (50), pp.
    # 11097–11108", "J. Chem. Phys., (67), 140304".
    re.compile(rf",\s\((?P<vol>\d{{1,4}})\),\s(?:pp?\.\s?)?(?P<pages>{PAGES})(?![\w(/])"),
    # Turkish "Cilt" and "Sayı": ", C. 116, S. 3 (2024), ss. 7184" (after a comma only:
    # "C." is an initial elsewhere).
    re.compile(
        r",(?=\s(?:[Cc][.:]|Cilt))\s(?:[Cc][.:]|Cilt)\s?(?P<vol>\d{1,5}[A-Z]?|[IVXLCDM]{1,9}(?![\w.]))"
        r"(?:,\s(?:S[.:]|Sayı|sy\.)\s?(?P<iss>\d{1,4})(?![\d.]))?"
        r"(?=[,\s(.]|$)"
    ),
    # Russian GOST as citation processors print it: "2003. № 18 (503). C. 1431", "2025.
    # (618). С. 8726" (the volume in parentheses, before the page word "С.").
    re.compile(
        r"(?:№\s?(?P<iss>\d{1,5})\s\(|\()(?P<vol>\d{1,5})\)\.?,?\s[CС]\.\s?(?P<pages>"
        + PAGES
        + r")(?![\w(/])"
    ),
    # A volume alone at the very end, after the journal: "Comm Math Phys 285.", "Journal
    # of Spacecraft and Rockets. 47." (no pages printed).
    re.compile(
        r"\s(?=\d{1,4}\.?$)(?:(?<=[A-Za-zÀ-ÖØ-öø-ÿ]\s)|(?<=[A-Za-zÀ-ÖØ-öø-ÿ]\.\s))(?!(?:1[5-9]|20)\d\d\.?$)"
        r"(?<![\s.(][Pp]\.\s)(?<![\s.(][Ss]\.\s)(?<!\bpp\.\s)(?<![Pp]age\s)(?<![Pp]ages\s)(?<!\bss\.\s)"
        r"(?<!\bhlm\.\s)(?<!\bhal\.\s)(?<![Nn]o\.\s)(?<![Nn]r\.\s)(?<![Nn]o\s)(?<![Ee]d\.\s)(?<!\bart\.\s)"
        r"(?P<vol>\d{1,4})\.?$"
    ),
    # Volume and issue apart, then pages: "Journal 28 11 , 737", "Nucl. Phys. B 110 2, 6721",
    # "English World-Wide 23 2: 251–281", "Physics Letters C214 13: 83"; or volume, year,
    # pages: "Microbiology 154 2008, 1939", "Phys Rev D, 241 1979 081812".
    re.compile(
        rf"(?P<vol>{_SVOL})(?<!(?:1[5-9]|20)\d\d)\s(?:(?P<iss>\d{{1,3}})\s?[,:]\s"
        rf"(?!(?:1[5-9]|20)\d\d(?!\d))|(?P<year>{YEAR}),?\s)(?P<pages>{PAGES})(?![\w(/])"
    ),
    # "Blood 116 (2010/18) 3505–3516": volume (year/issue) pages.
    re.compile(
        rf"(?P<vol>{_SVOL})\s\((?P<year>{YEAR})/(?P<iss>\d{{1,4}})\)\s?(?P<pages>{PAGES})(?![\w(/])"
    ),
    # "Journal, 12.1, 2017, p. 90", "Journal, 169.3946 (1970)": volume.issue after a comma.
    re.compile(
        rf",\s(?P<vol>{_D1}\d{{0,3}})\.(?P<iss>\d{{1,4}})(?=,\s{YEAR}(?:[,.\s]|$)|\s\({YEAR}\))"
    ),
    # "Journal, 10-12, 2011, p. 589" (volume-issue, year, pages: Italian, French styles).
    re.compile(rf",\s(?P<vol>{_D1}\d{{0,3}})-(?P<iss>\d{{1,3}}),\s(?P<year>{YEAR}),\s(?=[Pp]p?\.)"),
    # "J Thromb Haemost 4/2006, bls. 121": volume/year.
    re.compile(rf"(?P<vol>{_D1}(?<!/\d)\d{{0,3}})/(?P<year>{YEAR})(?=,\s|\.?\s?$)"),
    # No pages printed: "Communications of the ACM 1984, 27.", "Artificial Intelligence,
    # 1982, 19." (chemistry styles), "Journal of Structural Engineering 137:", "19: (1982)".
    re.compile(rf"(?<=[^\W\d_])\s(?P<year>{YEAR}),\s(?P<vol>\d{{2,4}}[A-Z]?)\.?$"),
    re.compile(
        r"\s(?:(?<=[^\W\d_]\s)|(?<=[^\W\d_][.,]\s))(?!(?:1[5-9]|20)\d\d:)(?P<vol>\d{1,4}):\.?(?=\s?\(|$)"
    ),
    # The volume before "Jg." (Jahrgang): "137. Jg., H. 3.", "13th Jg., S. 27–39".
    re.compile(
        rf"(?P<vol>{_D1}\d{{0,3}})(?:\.|th|st|nd|rd)?\s(?:Jg\.|Jahrgang)"
        rf"(?:,?\s(?:(?:H\.|Heft|Nr\.)\s?)?(?P<iss>\d{{1,4}})(?![\d.,]\s?\d))?"
    ),
    # "Fisheries Oceanography 12, 6/2003, pp. 569": volume, issue/year.
    re.compile(rf"(?P<vol>{_SVOL}),\s(?P<iss>\d{{1,3}})/(?P<year>{YEAR})(?![\d/])"),
    # Volume/issue where the volume has a series letter or is Roman (Oxford, Hart's
    # rules): "Nuclear Physics, B310/16 (1995)", "Journal, cclxxi/18 (2020)".
    re.compile(
        r"(?P<vol>[A-Z](?<=[,\s][A-Z])\d{1,5}|[ivxlcdm](?<=[,\s][ivxlcdm])[ivxlcdm]{0,8}"
        r"|[IVXLCDM](?<=[,\s][IVXLCDM])[IVXLCDM]{0,8})/(?P<iss>\d{1,3}(?:-\d{1,3})?)(?![\d/])"
        r"(?=\s?\(|,\s|:|\.?\s?$)"
    ),
    # Volume.issue, then pages: "Nature Physics 925.20, 6087–6093", "Physics Letters B,
    # 980.15, pp. 4863–76" (not a year as the page).
    re.compile(
        rf"(?P<vol>{_D1}\d{{0,3}})\.(?P<iss>\d{{1,3}}),\s(?:pp?\.\s?)?"
        rf"(?!(?:1[5-9]|20)\d\d(?!\d))(?P<pages>{PAGES})(?![\w(/])"
    ),
    # Volume-issue after a comma, then the year at the end, pages or a page range:
    # "Journal, 7-2, 1993.", "Phys. Lett. C845-5, p. 4362", "Phys. Lett. B, 980-15, 4863–4876".
    re.compile(
        r"(?P<vol>[A-Z\d](?:(?<=,\s[A-Z\d])|(?<=\s[A-Z]))(?:(?<=[A-Z])\d{1,5}|(?<=\d)\d{0,4}))"
        rf"-(?P<iss>\d{{1,3}}),\s"
        rf"(?=(?:{YEAR}\.?\s?$|[Pp]p?\.\s?\d|[A-Za-z]?\d+\s?[-–—]\s?[A-Za-z]?\d+(?![\w/])))"
    ),
    # Japanese: "538巻 015387頁", "第12巻 第3号 45-67頁", "12巻3号, 45–67".
    re.compile(
        rf"(?:第\s?)?(?P<vol>\d{{1,5}})\s?巻(?:\s?(?:第\s?)?(?P<iss>\d{{1,4}})\s?号)?"
        rf"(?:,?\s?(?:pp?\.\s?)?(?P<pages>{PAGES})\s?頁?)?"
    ),
    # A Roman volume, then the issue: "Journal of Stuff, XII(3), 345–350".
    re.compile(
        r"(?P<vol>[IVXLCDM](?<=,\s[IVXLCDM])[IVXLCDM]{0,8}|[ivxlcdm](?<=,\s[ivxlcdm])[ivxlcdm]{0,8})"
        r"\s?\((?!(?:1[5-9]|20)\d\d\))"
        r"(?P<iss>\d{1,4}(?:[-–]\d{1,4})?)\)(?=[,:.\s]|$)"
    ),
    # Volume and issue joined by a comma without a space, before the year (German
    # archaeology and history styles): "Nat. Phys. 821,3, 1979, 236–248", "Geology,
    # 24,11 (1996), S. 963".
    re.compile(rf"(?P<vol>{_D1}\d{{0,3}}),(?P<iss>\d{{1,3}})(?=,\s{YEAR}|\s\({YEAR}\))"),
    # The volume glued to the journal's last word, then pages: "Astronomy &
    # Astrophysics434: A81", "Mol. Biol. Cell12: 1687–97", "Physics LettersC196: 1520–30".
    re.compile(
        rf"(?P<vol>(?:\d(?<=[a-z]\d)|[A-Z](?<=[a-z][A-Z])\d)\d{{0,3}})\s?:\s(?P<pages>{PAGES})"
        r"(?=\s?[.,;]|\s?$)"
    ),
    # A Roman volume after a comma or a quoted journal, then the issue or the year:
    # "Psychological bulletin, cxxxvi, no. 3 (2010)", "“Am J Surg” CLXXXVI, 2003, p. 245",
    # "“Biochim. Biophys. Acta” LXXII, 1, 1993, pp. 523".
    re.compile(
        rf"\s(?=[IVXLCDMivxlcdm])(?<=[,”»\"]\s)(?P<vol>{_ROMAN}),\s"
        rf"(?:(?:(?P<iss>\d{{1,4}}),\s)?(?P<year>{YEAR})(?=[,.]|$)"
        rf"|(?:{_ISSUE_WORD}|n(?=\.))\.?\s?(?P<iss2>\d{{1,4}})(?![\w/]))"
    ),
)
# Text every match of a locator holds (by index in _LOCATORS): a locator is searched
# only in strings holding one of these, an ``in`` test far cheaper than the search.
# _END stands for "the string ends in a digit, maybe then spaces and ".,;"" (what a
# locator anchored at the end of the string needs there); _DSD for "a digit, a space,
# a digit" somewhere (_DSD_RE).
_END = "\0end"
_DSD = "\0dsd"
_DSD_RE = re.compile(r"\d\s\d")
_GATES: dict[int, tuple[str, ...]] = {
    0: (";",),
    2: ("(",),
    3: ("/",),
    4: (":",),
    7: ("(",),
    10: ("-", "–", "—"),  # (tested once a call: see first_locator)
    23: (_DSD,),
    11: ("(",),
    12: ("(",),
    13: ("(",),
    14: (":",),
    9: (_END,),
    15: _VOLUME_WORD_HINTS,
    18: (_END, "(", "["),
    19: ("(",),
    20: (", C", ", c"),
    21: ("(",),
    22: (_END,),
    24: ("/",),
    25: (",",),
    26: ("-",),
    27: ("/",),
    28: (_END,),
    29: (":",),
    30: ("Jg", "Jahrgang"),
    31: ("/",),
    32: ("/",),
    33: (".",),
    34: ("-",),
    35: ("巻",),
    36: ("(",),
    37: (",",),
    38: (":",),
    39: (",",),
}
# Locators anchored at the end of the string ("…\\.?$") match only within its last
# characters: they are searched from there (lookbehinds still see the text before).
_END_WINDOW = {9: 20, 22: 20, 28: 24}
# How far before its first digit a match can start: 0 for a match that starts with
# the digit ("47(15)", the year of "2010;20(5)"), 2 for ", 12.1", 9 for "Jahrgang 5";
# _LD for a digit or an upper-case letter glued to one ("B511"); absent where no digit
# is needed ("Vol. XIX"). A locator that cannot start before the best match found so
# far is not searched (a tie goes to the lower index).
_LD = -1
_LEAD = {0: 0, 3: 0, 8: 0, 10: 0, 13: 0, 14: 0, 27: 0, 30: 0, 9: 2, 15: 9, 16: 5, 19: 3}
_LEAD |= {21: 2, 22: 1, 25: 2, 26: 2, 28: 1, 29: 1}
_LEAD |= {20: 20, 32: 10, 33: 0, 34: _LD, 35: 2, 36: 11, 37: 0, 38: _LD}
_LEAD |= dict.fromkeys((2, 4, 5, 6, 7, 11, 17, 18, 23, 24, 31), _LD)
# Searched in this order (the locators that most often come first, on tune styles, go
# first, so that the others can be skipped); the result does not depend on it.
_FIRST = (6, 4, 0, 7, 1, 2, 17, 5, 3, 15, 22, 18, 9, 20, 25, 16, 8, 23, 10, 19, 28, 21)
_ORDER = _FIRST + tuple(i for i in range(len(_LOCATORS)) if i not in _FIRST)
_PLAN = tuple(
    (i, _LOCATORS[i], _GATES.get(i, ()), _END_WINDOW.get(i, 0), _LEAD.get(i)) for i in _ORDER
)
_EXPLICIT = 1  # index in _LOCATORS of "Vol. 5 No. 2"
_VOL_COLON = 4  # index of "27:153-60"
_ISSUE_NO = 5  # index of "2, no. 7"
_VOL_PAGES = 6  # index of "67, 547-619"
_VOL_YEAR = 7  # index of "60 (1993)"
_VOL_DASH_ISSUE = 34  # index of "Journal, 7-2, 1993"
_ISSUE_THEN_PAGES_RE = re.compile(
    rf"(?:\s?\((?:[A-Za-z]+\.?,?\s)?(?P<y>{YEAR})\)|,\s(?P<y2>{YEAR})(?=,\s))?\s?[:,]\s?"
    rf"(?:pp?\.\s?)?(?P<pages>{PAGES})(?![\w/])"
)
_YEAR_THEN_PAGES_RE = re.compile(
    rf"[\s,.]*\(?(?P<y>{YEAR})\)?[\s,:.]+(?:(?:pp?|{_PAGE_WORD})\.?\s?)?(?P<pages>{PAGES})(?![\w/])"
)
# After "88 (2012)": ", 3, p. 526" (Italian), ", no. 4, pp. 816" / ", Nr. 12, S. 138".
_ISSUE_AFTER_YEAR_RE = re.compile(
    rf",\s(?:{_ISSUE_WORD}\.?\s?)?(?P<iss>\d{{1,4}}),\s(?:(?:pp?|{_PAGE_WORD})\.?\s?)?(?P<pages>{PAGES})(?![\w/])"
)
_ISSUE_BEFORE_RE = re.compile(rf"{_ISSUE_WORD}\.?\s?$")
_AFTER_ISSUE_RE = re.compile(r"\s?,?\s?\((?P<iss>[^()]{1,20})\)")
# A parenthesis after the locator holding a date, not an issue: "(2003)", "(March 1969)".
_SKIP_PAREN_RE = re.compile(rf"\s?\((?:(?![\d\s–-]+\))[^()]{{1,30}}|{YEAR}[a-z]?)\)")
_PAGES_AFTER_RE = re.compile(
    rf"[\s,:.]*(?:(?:pp?|Pp?|[Hh]lm|[Hh]al|[Hh]alaman|[Pp]ages?|{_PAGE_WORD})\.?\s?)?(?P<pages>{PAGES})(?![\w/])"
)
_PAGES_ANY_RE = re.compile(
    rf"(?:\b(?:pp?|[Hh]lm|[Hh]al|[Hh]alaman|[Pp]ages?)\.?\s?|\b(?:Pp?|S|s|ss|bls)\.\s?|\(pp?\.\s?)(?P<pages>{PAGES})(?![\w/])"
)
_RANGE_RE = re.compile(r"(?<![\w./-])(?P<pages>[A-Za-z]?\d+\s?[-–—]\s?[A-Za-z]?\d+)(?![\w/])")
_EDITORS_RE = re.compile(
    r"^(?P<eds>.{1,250}?)\s?\((?:[Ee]ds?|ED|EDS|Hrsg|[Pp]enyunting|[Ee]ditors?|[Ee]d\.?\s?by)\.?\)[,.:]?\s?"
)
_LEGAL_RE = re.compile(
    rf"\((?P<y1>{YEAR})\)\s(?P<v1>\d{{1,4}})(?:\((?P<i1>\d{{1,4}})\))?\s(?P<c1>[A-Z][^\d()\[\]]{{1,120}}?)\s(?P<p1>{PAGES})"
    rf"(?=[\s,.;]|$)"
    rf"|(?P<v2>\d{{1,4}})\s(?P<c2>[A-Z][^\d()\[\]]{{1,120}}?)\s\((?P<y2>{YEAR})\)(?:\s(?P<p2>{PAGES}))?"
    rf"(?=[\s,.;]|$)"
    # Without the year (printed after the names): "“Title”, 109 Dev Biol 509–14."
    rf"|(?!(?:1[5-9]|20)\d\d(?!\d))(?P<v3>[A-Z]?\d{{1,4}})\s(?P<c3>[A-Z][^\d()\[\]]{{1,120}}?)\s(?!(?:1[5-9]|20)\d\d(?!\d))"
    rf"(?P<p3>{PAGES})(?=\.?$)"
)
_PAGE_WORD_END_RE = re.compile(rf"(?:\b(?:{_PAGE_WORD}|[Pp]ages?)\.?\s?)[\d\s–—‐‑−-]+$")
_GLUED_RE = re.compile(r"(\d{4,12})\s?[-–—‐‑−]\s?(\d{3,6})")
_RANGE_END_RE = re.compile(r"[-–—‐‑−](\d{3,6})(?![\w/])")
_TRAIL_YEAR_RE = re.compile(rf"[\s,.]+(?P<y>{YEAR})[a-z]?[,.;]?$")


_DIGIT_RE = re.compile(r"\d")
_MONTH_END_RE = re.compile(rf"{MONTH_WORD}\s?$")
_SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Tail:
    """Fields read from the text after the title."""

    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    year: str | None = None
    publisher: str | None = None
    chapter: bool = False  # "In ..." / editors before the container


def first_locator(s: str, pos: int) -> tuple[re.Match[str], int] | None:
    """The earliest locator match in ``s`` from ``pos`` and its index in _LOCATORS (the
    lower index where two start at the same place)."""
    digit = _DIGIT_RE.search(s, pos)
    if digit is None:
        # Every locator holds a digit but "Vol. XIX" (titles are often digit-free).
        m = _LOCATORS[_EXPLICIT].search(s, pos)
        return (m, _EXPLICIT) if m is not None else None
    best: tuple[re.Match[str], int] | None = None
    size = len(s)
    best_at, best_i = size + 1, 0
    d0 = digit.start()  # the first digit: where a digit-led match starts at the earliest
    ld0 = d0 - 1 if d0 > pos and "A" <= s[d0 - 1] <= "Z" else d0
    end_digit: bool | None = None  # (computed when a gate asks)
    dsd: bool | None = None
    for i, rx, gate, window, lead in _PLAN:
        if best is not None and lead is not None:
            earliest = ld0 if lead < 0 else d0 - lead
            if earliest < pos:
                earliest = pos
            if earliest > best_at or (earliest == best_at and i > best_i):
                continue
        if gate:
            g = gate[0]
            if g is _END:
                if end_digit is None:
                    end_digit = s.rstrip().rstrip(".,;").rstrip()[-1:].isdigit()
                if not end_digit and not any(h in s for h in gate[1:]):
                    continue
            elif g is _DSD:
                if dsd is None:
                    dsd = _DSD_RE.search(s, pos) is not None
                if not dsd:
                    continue
            elif g not in s and (len(gate) == 1 or not any(h in s for h in gate[1:])):
                continue  # (no generator for a one-text gate: ~35 gates a string)
        if window and size - window > pos:
            m = rx.search(s, size - window)
        else:
            m = rx.search(s, pos)
        if m is not None and (m.start() < best_at or (m.start() == best_at and i < best_i)):
            best, best_at, best_i = (m, i), m.start(), i
    return best


def parse_tail(s: str, year_hint: str | None = None) -> Tail:
    """Container, volume, issue, pages, year, publisher from the text after the title
    (``year_hint``: the year already read before it, if any)."""
    chapter = False
    body = s.strip()
    if IN_RE.match(body):
        chapter = True
        body = IN_RE.sub("", body, count=1)
        em = _EDITORS_RE.match(body)
        if em is not None:
            body = body[em.end() :]
    year: str | None = None
    legal = None if chapter else _LEGAL_RE.match(body.lstrip(" ,.;:"))
    if legal is not None:
        # Law reviews (AGLC, McGill, OSCOLA, EJIL): "(2007) 13 Global Change Biol 386",
        # "38 Journal of the ACM (1991) 382".
        return Tail(
            clean_container(legal.group("c1") or legal.group("c2") or legal.group("c3")),
            legal.group("v1") or legal.group("v2") or legal.group("v3"),
            legal.group("i1"),
            _clean_pages(legal.group("p1") or legal.group("p2") or legal.group("p3")),
            legal.group("y1") or legal.group("y2"),
        )
    found = first_locator(body, 0)
    if (
        found is not None
        and found[1] >= 2
        and found[1] != _ISSUE_NO
        and looks_like_year(found[0].group("vol"))
    ):
        # A year read as a volume ("Physical Review Letters 2001, 86, (4), 688-691").
        later = first_locator(body, found[0].end("vol"))
        if later is not None:
            year, found = found[0].group("vol"), later
    if found is None:
        return _no_locator(body, chapter, year)
    m, kind = found
    # "(March 27, 1969)" / "May 28, 2013": a date, not volume 27 and page 1969.
    while not (
        kind == _ISSUE_NO and looks_like_year(m.group("vol") or "")
    ) and _MONTH_END_RE.search(body[max(0, m.start() - 12) : m.start()]):
        again = first_locator(body, m.end())
        if again is None:
            return _no_locator(body, chapter, year)
        m, kind = again
    groups = dict(m.groupdict())
    vol_digits = (groups.get("vol") or "").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if (
        kind == _VOL_DASH_ISSUE
        and len(groups["iss"]) == len(vol_digits)
        and groups["iss"] > vol_digits
    ):
        # "Physica C, 282-287, 717–718": a range of volumes, not volume-issue ("24-111" is).
        groups["vol"], groups["iss"] = f"{groups['vol']}-{groups['iss']}", None
    if (
        groups.get("vol")
        and looks_like_year(groups["vol"])
        and (
            kind in (_ISSUE_NO, _VOL_PAGES)
            or (kind == _VOL_COLON and year_hint in (None, groups["vol"]))  # "ACM, 2013:165–72"
        )
    ):
        # "mai 2006, n°58" / "Holt, 1995, 125-40": the year, then issue or pages.
        year = year or groups["vol"]
        groups["vol"] = None
    container_text = body[: m.start()]
    if groups.get("year"):
        year = groups["year"]
    volume = groups.get("vol")
    issue = groups.get("iss") or groups.get("iss2")
    pages = groups.get("pages")
    pos = m.end()
    if kind in (_VOL_COLON, _VOL_PAGES) and pages is not None:
        # "43:17: 6691", "36, 3 (1988), 454-469": the first number after the volume
        # was the issue when more pages follow.
        nm = _ISSUE_THEN_PAGES_RE.match(body, pos)
        if (
            nm is not None
            and issue is None
            and pages.isdigit()
            and len(pages) <= 3
            and not looks_like_year(nm.group("pages"))
        ):
            issue, pages, pos = pages, nm.group("pages"), nm.end()
            year = year or nm.group("y") or nm.group("y2") or None  # "2, 3, 1991, p. 350"
    if (
        kind == _VOL_PAGES
        and pages is not None
        and looks_like_year(pages)
        and not re.match(rf"\s?\(\s?{YEAR}\s?\)", body[m.end() :])  # "53, 1689 (1996)"
        and (year or year_hint or pages) == pages  # "Phys. 1975, 462, 1742": the page
    ):
        year, pages = year or pages, None  # "Conference, no. 10, 2006"
        if volume is not None and _ISSUE_BEFORE_RE.search(body, 0, m.start()):
            volume, issue = None, volume
    if kind == _VOL_YEAR and issue is None and pages is None:
        im = _ISSUE_AFTER_YEAR_RE.match(body, pos)
        if im is not None:  # "88 (2012), 3, p. 526", "1 (2020), no. 4, pp. 816"
            issue, pages, pos = im.group("iss"), im.group("pages"), im.end()
    if issue is None:
        am = _AFTER_ISSUE_RE.match(body, pos)
        if am is not None and not looks_like_year(am.group("iss")):
            issue, pos = am.group("iss"), am.end()
    sm = _SKIP_PAREN_RE.match(body, pos)
    if sm is not None:
        y = find_year(sm.group(0))
        if y is not None and year is None:
            year = y[0]
        pos = sm.end()
        im = _ISSUE_AFTER_YEAR_RE.match(body, pos) if issue is None and pages is None else None
        if im is not None:  # "Bd. 55 (2013), Nr. 12, S. 138"
            issue, pages, pos = im.group("iss"), im.group("pages"), im.end()
    if pages is None and volume is not None:
        ym = _YEAR_THEN_PAGES_RE.match(body, pos)
        if ym is not None:  # "114/2, 1992, 805–829", "35/5 (1991). S. 414"
            year, pages = year or ym.group("y"), ym.group("pages")
    if pages is None:
        pm = _PAGES_AFTER_RE.match(body, pos)
        if pm is not None and not (looks_like_year(pm.group("pages")) and year is None):
            pages = pm.group("pages")
        else:
            pa = _PAGES_ANY_RE.search(body, pos)
            pages = pa.group("pages") if pa is not None else None
    publisher = None
    if chapter:
        container_text = ED_BY_RE.sub("", container_text)
        inner = PUBLISHER_RE.search(container_text)
        if inner is not None and inner.start() > 0:
            # "In The Best Short Stories. New York: Holt, 1995, 125-40"
            publisher = inner.group("pub").strip()
            container_text = container_text[: inner.start()]
    else:
        container_text = drop_credits(container_text)
    container = clean_container(container_text)
    if container is not None:
        ty = _TRAIL_YEAR_RE.search(container)
        if ty is not None and len(container) > ty.end() - ty.start() + 2:
            year = year or ty.group("y")
            container = clean_container(container[: ty.start()])
    if year is None:
        y = find_year(body, m.end())
        year = y[0] if y is not None else None
    if chapter and publisher is None:
        pub = PUBLISHER_RE.search(body, m.end())
        publisher = pub.group("pub").strip() if pub is not None else None
    if pages is None and volume is not None and m.group("vol") == volume:
        gm = _RANGE_END_RE.match(body, m.end("vol"))
        glued = _unglue(volume + "-" + gm.group(1)) if gm is not None else None
        if glued is not None and glued[0] is not None:  # "J Am Chem Soc. 1991;2795948–5970"
            volume, pages = glued
    elif volume is None and pages is not None and not _PAGE_WORD_END_RE.search(body, 0, pos):
        volume, pages = _unglue(pages) or (volume, pages)  # "ApJ. 2010, 8946863‑6867"
    return Tail(container, volume, issue, _clean_pages(pages), year, publisher, chapter)


def _unglue(pages: str) -> tuple[str | None, str] | None:
    """Volume and pages of a range the style printed with no space between them
    ("2795948–5970" is volume 279, pages 5948–5970; "32688–694" volume 32): the first
    page has as many digits as the last (three or more), the same first digit (an
    abbreviated last page drops the digits it shares: "1193–201" is 1193–1201, "1687–97"
    1687–1697), and is at most it, 999 pages before it. None for a plain range."""
    gm = _GLUED_RE.fullmatch(pages)
    if gm is None:
        return None
    left, right = gm.group(1), gm.group(2)
    k = len(right)
    if len(left) <= k:
        return None
    vol, first = left[:-k], left[-k:]
    if (
        vol[0] == "0"
        or first[0] != right[0]  # "1193–201", "4799–811": 1193–1201, abbreviated
        or not 0 <= int(right) - int(first) < 1000
    ):
        return None
    # "Proceedings …, 19934407-4411": the year glued to the pages.
    return None if looks_like_year(vol) else vol, f"{first}-{right}"


def _clean_pages(pages: str | None) -> str | None:
    if pages is None:
        return None
    return _SPACES_RE.sub("", pages) if pages else None


def _no_locator(body: str, chapter: bool, year: str | None) -> Tail:
    """Books, chapters, conference papers and web pages: no volume/issue pattern."""
    body = strip_credits(body)
    pages = volume = None
    page_at: int | None = None
    pa = _PAGES_ANY_RE.search(body)
    ra = _RANGE_RE.search(body) if pa is None else None
    if pa is not None:
        pages, page_at = pa.group("pages"), pa.start()
    elif ra is not None:
        pages, page_at = ra.group("pages"), ra.start()
        glued = None if chapter else _unglue(pages)
        if glued is not None:  # "AJNR Am J Neuroradiol 32688–694."
            volume, pages = glued
    publisher = None
    # A chapter's book title comes first: "In Big Book: Essays, edited by ..." has no
    # "Place: Publisher" at its start.
    pub = PUBLISHER_RE.search(body, 1 if chapter else 0)
    container_end = len(body)
    if pub is not None:
        publisher = pub.group("pub").strip(" ,")
        container_end = pub.start()
    if page_at is not None:
        container_end = min(container_end, page_at)
    container, named = book_container(body[:container_end], chapter=chapter)
    publisher = publisher or named
    if container is not None:
        ty = _TRAIL_YEAR_RE.search(container)
        if ty is not None and ty.start() > 1:
            year = year or ty.group("y")  # "In ICCV, 2011."
            container = clean_container(container[: ty.start()])
    if year is None:
        y = find_year(body)
        year = y[0] if y is not None else None
        if y is not None and container is not None and normalise_year(container) == y[0]:
            container = None
    return Tail(container, volume, None, _clean_pages(pages), year, publisher, chapter)
