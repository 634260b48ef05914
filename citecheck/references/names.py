"""Regular-expression building blocks for personal and corporate names.

Python's ``re`` has no ``\\p{Lu}``; the upper/lower-case letter classes are built
once from the Latin, Greek and Cyrillic blocks (immutable strings, not state).
Every pattern here is linear: repeated groups are separated by a mandatory space or
punctuation, so no two iterations can match the same text.
"""

from __future__ import annotations

import re

UP = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
LO = "".join(chr(c) for c in range(0x61, 0x530) if chr(c).islower()) + "ß"
L = UP + LO

# A capitalised name word: Smith, D'Hondt, O'Brien, McDonough, Martin-Ruiz, DULONG.
# "Mur- phy": a PDF line-break hyphen left inside the name.
WORD = rf"[{UP}][{L}]*(?:(?:['’-]|-\s(?=[{LO}]))[{L}]+)*"
# Lower-case particles that belong to the family name: "van der Berg", "de Souza".
PARTICLE = (
    r"(?:van|von|der|den|de|del|della|dela|degli|dei|delle|di|da|das|dos|du|le|la|ten|ter|vom|zu|"
    r"zur|bin|binti|al|el|d'|l'|'t|’t)"
)
# A family name written before the given names: up to three words plus particles
# ("Rodríguez Bolívar", "Van der Berg", "de la Fuente").
_CAP_PARTICLE = (
    r"(?:Van|Von|De|Der|Den|Des|Da|Di|Du|Le|La|Del|Della|Dos|Das|Ten|Ter|Vander|Mac|Al|El|St\.?|"
    r"DE|DER|VAN|VON|DEN|DA|DI|DU|LE|LA|AL|EL|DOS|DEL|DEGLI|DELLA|DELLE|TER|TEN)"
)
# Up to two words (plus particles): three capitalised words before a comma are more
# often a given-first name ("Ling Tony Chen, R. Drach") than a compound surname.
FAMILY = (
    rf"(?!(?!{_CAP_PARTICLE}\s)[{UP}]{{1,3}}\s|[{UP}]\.)"
    rf"(?:{PARTICLE}\s?)*{WORD}(?:\s(?:(?:{PARTICLE}|{_CAP_PARTICLE})\s)*(?![{UP}](?![{L}'’-])){WORD})?"
)
# One family name after given names ("J. van der Berg", "Rui Lin").
# "C. Ciofi degli Atti": two words joined by a particle.
FAMILY_LAST = (
    rf"(?:(?:{PARTICLE}|{_CAP_PARTICLE})\s)*(?![{UP}](?![{L}'’-]))(?!(?:II|III|IV|Jr|Sr)\b){WORD}"
    rf"(?:\s{PARTICLE}\s{WORD})?"
)
# Dotted initials: "J.", "J. A.", "J.A.", "J.-P.", "Ch.", "M.P".
INITIALS_DOT = (
    rf"(?!(?:Jr|Sr)\.)[{UP}][{LO}]?\.(?:\s?-?\s?[{UP}][{LO}]?\.)*(?:\s?[{UP}](?![{L}.]))?"
)
# Undotted initials block: "WS", "J", "GN" (Vancouver style).
# One bare letter followed by "." is a dotted initial (INITIALS_DOT), never bare.
INITIALS_BARE = rf"(?:[{UP}]{{2,4}}(?:\.(?=[,;:\s]|$))?(?![{L}'’-]|\.\w)|[{UP}](?![{L}'’.-]))"
# Hyphenated bare initials (Vancouver for "Jean-Pierre"): "J-P", "M-C".
INITIALS_HYPHEN = rf"[{UP}]-[{UP}](?![{L}'’-]|\.\w)"
# Spaced bare initials (IOP, AAS): "Keller S C", "Amarsi A M".
INITIALS_SPACED = rf"[{UP}](?:\s[{UP}]){{1,3}}(?:\.(?=[,;:\s]|$))?(?![{L}'’.-])"
# Given names: "John", "Judith C.", "Elena V. M.", "Sandra O", "Jean-Paul".
# Given names then middle initials: "John", "Judith C.", "Elena V. M.", "Sandra O",
# "Linda Patterson"; no full word after an initial ("Cathy N. Revolution ...").
# a further given name: "Mara", "D’Agostino" (a prefix with an apostrophe), not a particle
_GIVEN_WORD = rf"(?!{_CAP_PARTICLE}\s)[{UP}](?:[{L}]+|(?=['’][{UP}]))(?:['’-][{L}]+)*"
_GIVEN_TAIL = rf"(?:\s[{UP}]\.(?:-[{UP}]\.)?|\s[{UP}](?![{L}.])){{0,2}}"
GIVEN = rf"{WORD}(?:\s{_GIVEN_WORD}){{0,2}}{_GIVEN_TAIL}"
# After "Surname, " up to four given names ("Pereira, Maria Aparecida Viana Schtine").
# A particle may join two of them: "Silva, Maria de Lourdes", "CORREA, Iago da Cunha".
_GIVEN_JOIN = r"(?:de|da|do|dos|das|del|di|du)\s"
GIVEN_AFTER_COMMA = rf"{WORD}(?:\s(?:{_GIVEN_JOIN})?{_GIVEN_WORD}){{0,3}}{_GIVEN_TAIL}"

# What may follow a name: the end of the unit.
_AFTER_STRICT = (
    r"(?=\s*(?:[,;:、：]|\.(?![\w-])|\s(?:and|&|dan|und|et|ET|y|e|ve|og|och|و|a|i|và|és|ja|și|и)\s|\s?[(\[]|$|"
    r"\s…|\s\.\.\.|\s?/|\s[–—-]\s|\su\.\s?a\.|\s(?:Jr|Sr|II|III|IV)\b|\s(?:1[5-9]|20)\d\d\b|\s[“\"‘]|\s(?:et\.?\s?al|dkk|vd\.|v\.dğr\.)|\s?等|\sほか))"
)
_AFTER = (
    r"(?:(?<=\.)|(?=\s*(?:[,;:、：]|\.(?![\w-])|\s(?:and|&|dan|und|et|ET|y|e|ve|og|och|و|a|i|và|és|ja|și|и)\s|\s?[(\[]|$|"
    r"\s…|\s\.\.\.|\s?/|\s[–—-]\s|\su\.\s?a\.|\s(?:Jr|Sr|II|III|IV)\b|\s(?:1[5-9]|20)\d\d\b|\s[“\"‘]|\s(?:et\.?\s?al|dkk|vd\.|v\.dğr\.)|\s?等|\sほか)))"
)

# "Pate, C. Marvin." is "Surname, Given" with a leading initial, not "Pate, C.".
_NOT_MIDDLE_NAME = rf"(?!\s[{UP}][{LO}]+(?:\.(?:\s|$)|[;:]|\s?\(|\s(?:and|&|und|y|et|e)\s|,(?!\s?[{UP}](?:\.|[{UP}]{{0,2}}[.,;\s]))))"
# "Hove, L. van" / "Mises, L. von": a particle printed after the given names.
_DEMOTED = (
    rf"(?:\s{PARTICLE}(?:\s{PARTICLE})?(?=[,;.:]|\s(?:and|&)\s|\s\(|$|\s(?:1[5-9]|20)\d\d\b))?"
)
UNIT_A = re.compile(
    rf"(?P<family>{FAMILY}(?:\s(?:Jr|Sr)\.?)?),\s?(?P<given>{INITIALS_DOT}|{INITIALS_HYPHEN}|{INITIALS_SPACED}|{INITIALS_BARE})"
    rf"{_DEMOTED}{_NOT_MIDDLE_NAME}(?!\s[{UP}]\.\s?[{UP}][{LO}]|-[{UP}]){_AFTER}"
)
# Words that start titles, never given names ("Saurette, The Kantian Imperative").
_NOT_GIVEN = r"(?!(?:The|An|On|In|Of|For|To|From|Toward|Towards|Why|How|What|When|Is|Are|Do|Does|Using|New|Notes|Note|Report|Review|Studi|Analisis|Pengaruh|Hubungan|Les|Die|Das|Der|Il|Un|Une|Una|Uno|Los|Las|Gli)\b)"
UNIT_B = re.compile(
    rf"(?P<family>{FAMILY}),\s{_NOT_GIVEN}"
    rf"(?P<given>(?:[{UP}]\.\s?)?{GIVEN_AFTER_COMMA}(?:\s(?:de|da|van|von|der|du|di|del|della|degli|dos|le|la|ten|ter))?)"
    rf"{_AFTER}"
)
# "Thomas F. LaPorta and ...": "Thomas F." is not a Vancouver name when a surname follows.
_NOT_SURNAME_NEXT = rf"(?!\s(?!(?:II|III|IV)\b){WORD}(?:,|\s(?:and|&)\s[{UP}]))"
UNIT_C = re.compile(
    rf"(?P<family>{FAMILY})\s(?!(?:II|III|IV)\b)(?P<given>{INITIALS_DOT}|{INITIALS_HYPHEN}|{INITIALS_SPACED}|{INITIALS_BARE})"
    rf"{_DEMOTED}{_NOT_SURNAME_NEXT}{_AFTER}"
)
# "ABE H et al.", "NEI M; GOJOBORI T", "XU J, ...": an upper-case surname of two or three
# letters before bare initials (FAMILY refuses it: "AB Smith" starts with initials), only
# where a name ends (a separator, "et al." or the year).
UNIT_S = re.compile(
    rf"(?P<family>[{UP}]{{2,3}})\s(?P<given>[{UP}]{{1,2}})"
    rf"(?=[,;]|\s?et\.?\s?al|\s\(?(?:1[5-9]|20)\d\d\b)"
)
# "LASUSA M. Crime, Violence ...": an upper-case surname before initials; unlike
# UNIT_C, a capitalised word after it is the title, not the next surname.
UNIT_CAPS = re.compile(
    rf"(?P<family>[{UP}]{{2,}}(?:[- ][{UP}]{{2,}})?)\s(?P<given>{INITIALS_DOT}|{INITIALS_SPACED}|{INITIALS_BARE})"
    rf"{_AFTER}"
)
# Not "J. Am. Chem. Soc.": a journal abbreviation after the last author, whose
# "Chem" would pass for a family name after the "initials" "J. Am.".
_NOT_JOURNAL_NEXT = rf"(?!\.\s?[{UP}][{LO}]{{0,5}}\.)"
UNIT_D = re.compile(
    rf"(?P<given>{INITIALS_DOT})\s?(?P<family>{FAMILY_LAST}){_NOT_JOURNAL_NEXT}{_AFTER}"
)
# "KAHAN Marcel", "DULONG Robert": an upper-case surname before the given names.
UNIT_U = re.compile(
    rf"(?P<family>[{UP}]{{3,}}(?:[- ][{UP}]{{2,}})?)\s(?P<given>(?=[{UP}][{LO}]){GIVEN}){_DEMOTED}{_AFTER}"
)
UNIT_E = re.compile(
    rf"{_NOT_GIVEN}(?P<given>(?:[{UP}]\.\s)?{GIVEN})\s(?P<family>{FAMILY_LAST}){_AFTER}"
)
# Family name, then the given names, without a comma (French and East Asian styles:
# "Keller Robert B.", "Moore Peter", "de Angelis Paolo", "Haar Hendrik ter", "Ciofi
# degli Atti Claudio"). Read only where the list proves the order (authors.py).
_GIVEN_F = (
    rf"[{UP}][{LO}]+(?:['’-][{L}]+)*(?:\s(?!{_CAP_PARTICLE}\s)[{UP}][{LO}]+(?:['’-][{L}]+)*){{0,2}}"
    rf"{_GIVEN_TAIL}"
)
UNIT_F = re.compile(
    rf"{_NOT_GIVEN}(?P<lead>(?:{PARTICLE}\s)*)(?P<core>(?![{UP}](?![{L}'’-])){WORD}(?:\s{PARTICLE}\s{WORD})?)"
    rf"\s{_NOT_GIVEN}(?P<given>{_GIVEN_F})(?P<trail>(?:\s{PARTICLE}){{1,2}})?{_AFTER}"
)
# "Li (Claire)", "Nielsen (M.-C.)", "Martínez (Giulia) Jr." (turcica and other French
# styles): the given names in parentheses after the family name (not "(Ed.)", "(WHO)").
UNIT_P = re.compile(
    rf"(?P<family>{FAMILY})\s\((?!(?:Eds?|Hrsg|Hg|Dir|Coord|Trans|Org|Orgs|Comp|Coords?)\.?\))"
    rf"(?P<given>{GIVEN_AFTER_COMMA}|{INITIALS_DOT})\){_AFTER}"
)
# A single-word name ("Sugiyono", "OECD") directly followed by the year.
UNIT_MONO = re.compile(
    rf"(?P<family>{WORD})(?=[.,]?\s\(?(?:1[5-9]\d\d|20\d\d|n\.\s?d\.|in press|t\.t\.)|[.,]?\s*$)"
)

SUFFIX_RE = re.compile(r"(?=,?\s[JSI]),?\s(?:Jr\.?|Sr\.?|II|III|IV)(?=[,.;\s/]|$)")
ABBREV_RE = re.compile(r"\s?[\[(](?P<abbr>[A-Z][A-Za-z&]{1,12})[\])]")
EDITORS_RE = re.compile(
    r",?\s?\((?:eds?|Eds?|ED|EDS|Hrsg|Penyunting|Editors?|editors?|Ed\.?\s?&\s?Trans|coord|Coord|dir|Dir|éds?|Éds?)\.?\)"
    r"|,\s(?:eds?|Eds?)\.(?=\s)",
)

CORPORATE_WORDS = frozenset(
    """Organization Organisation Association Associates Institute Institut Instituto
    Department Departemen Ministry Kementerian Kemenkes Kemendikbud Badan Dinas Council Society
    University Universitas Universiteit Office Bureau Agency Committee Komisi Komite Foundation
    Yayasan Group Commission Bank Corporation Corp Inc Ltd LLC Company Program Programme
    Network Consortium Collaboration Collaborative Government Pemerintah Republik Service
    Services Centre Center Centers Board Authority Federation Union Nations Trust Fund League
    Alliance Academy Akademi College Administration Direktorat Sekretariat Secretariat Lembaga
    Pusat Statistik Kantor Survey Team Forum Panel Partnership Initiative Project Assembly
    Parliament Congress Senate Court Coalition Council Registry Observatory Laboratory
    Bappenas Kemenkeu Kominfo Bapennas Kepolisian Provinsi Kabupaten Kota Dewan Majelis
    Ikatan Persatuan Asosiasi Perhimpunan Direktorat Jenderal Ditjen Balai Puskesmas Rumah
    Sakit Hospital Clinic Agency Working Health Statistics Statistical Office Agency
    Ministerio Ministère Ministerium Bundesamt Bundesministerium Academies Secretaría Secretaria
    Consejo Conselho Instituut Collaboration Observatoire Agence Statistisches
    Library Libraries Archives Museum Programa Naciones""".split()
)
# Group nouns written in lower case after a product or project name: "Posit team",
# "jamovi project", "R Core team"; they count only as the last word of the name.
LOWER_GROUP_WORDS = frozenset("team project inc".split())
# German compounds naming institutions ("Forschungsgemeinschaft", "Bundesinstitut").
CORPORATE_SUFFIXES = r"gemeinschaft|gesellschaft|ministerium|verband|verein|institut|stiftung"
ACRONYM_RE = re.compile(rf"[{UP}][{UP}&]{{1,9}}")
FUNCTION_WORDS = frozenset(
    "of for and the on in at dan untuk di & de du des la le für und der van on to "
    "para el del los las y".split()
)
AFTER_STRICT_RE = re.compile(_AFTER_STRICT)
