"""Where the title of a reference ends.

A title runs from after the authors (and year) to the first sentence end that is not
an abbreviation, or is the text inside quotes (IEEE, Chicago, MLA, Harvard).
"""

from __future__ import annotations

import re

from citecheck.references.dates import MONTH_WORD, YEAR

_QUOTES = {
    "“": "”",
    '"': '"',
    "«": "»",
    "‘": "’",
    "„": "“",
    "'": "'",
    "”": "”",
    "《": "》",  # Chinese title marks
    "「": "」",  # Japanese
}
_LEAD_RE = re.compile(r"[\s.,:;–—‒：，]*")
# (The leading lookahead names every branch's first character, so the scan skips
# other characters fast: split_title runs on every string.)
_BOUNDARY_RE = re.compile(
    r"(?=[.?!,;/\s])(?:[.?!][”\"’]?(?=\s|$)"
    r"|\s(?=(?:In|Dalam|in):\s)"
    # ", in Proceedings of ..." / ", in J. Smith (Ed.)" but not "..., in Alzheimer's disease"
    r"|,\s(?=in\s(?:Proc\.|Proceedings|Advances\sin|[A-Z]\.\s|[^.,]{0,80}\b(?:Conference|Symposium|"
    r"Workshop|Congress|Meeting|Handbook|Encyclopedia)\b))"
    r"|\s(?=\[(?:Doctoral|Master|Skripsi|Tesis|Thesis|Disertasi|PhD|Ph\.D|Unpublished|Online|"
    r"Internet|Electronic|Data set|Dataset|Computer|Software|Video|Film|Abstract|Letter|"
    r"Editorial|Review|Preprint|Report|Paper|Poster|Conference)\b)"
    r"|\s(?=\((?:Doctoral|Master|Unpublished|Skripsi|Tesis|Disertasi|Thesis|PhD)\b)"
    # Italian: "Title, in «Journal», 79 (2011)"
    r"|,\s(?=in\s[«“])"
    # ", in Primate Anti-Predator Strategies, ed." / ", en Actes du Colloque": a book
    # title in title case (two capitalised words or more up to a comma, period or
    # bracket; "..., in Alzheimer's disease" runs on in lower case), or an editor's
    # name ("..., in Francis-McIntyre, S., eds.")
    r"|[,;]\s(?=(?:in|en|em|dans|i)\s?:?\s(?:[A-Z\d][\w'’&-]*(?:\s(?:(?:of|and|the|on|for|in|to|a|an|"
    r"de|des|du|la|le|les|et|y|e|und|für|di|del|della|da|do|dos|zur|zum|der)\s)*(?=[A-Z\d]))?){2,}"
    r"(?:[,.;:]|\s[(\[]|$)|(?:in|en|em)\s[A-Z][\w'’-]+,\s[A-Z]\.)"
    # ", in: Book", "; in : Proceedings", ", I: Book" (Scandinavian), ", içinde: Book"
    r"|[,;]\s(?=(?:in|In|en|em|dans|I|i|içinde)\s?:\s)"
    # GOST / Chinese: "Title // Journal"; Polish "Title [w:] Book"
    r"|\s//\s?(?=[^\W\d_a-z])|/(?<=[^\s:/]/)/\s?(?=[^\W\d_a-z])|\s(?=\[w:\])"
    # GSA / AJS / USGS: "Title: Journal, v. 102, p. 12-20"
    r"|,\s(?=v\.\s?\d))"
)
# Words that end with a period inside a title without ending it.
_ABBREVIATIONS = frozenset(
    "vs e.g i.e cf ca etc st dr mr mrs ms prof no nos vol vols jr sr al inc co ltd fig figs "
    "eq approx resp dept univ natl int intl trans rev ser suppl pt sec ch chap op "
    "viz u.s u.k u.s.a d.c e.u p.m a.m fasc".split()
)
# Words that journal abbreviations end with a period ("J. Appl. Phys.", "Trans. Amer.
# Math. Soc."); a period after one of them, before a capital or a digit, ends nothing.
_JOURNAL_ABBREVIATIONS = frozenset(
    "J Am Amer Appl Phys Chem Soc Lett Math Trans Int Res Rev Proc Natl Acad Sci Biol Med Eng "
    "Mech Comput Ann Bull Nat Geophys Astron Astrophys Mol Clin Exp Environ Ecol Econ Stat "
    "Anal Opt Mater Eur Br Brit Can Aust Jpn Inst Assoc Dev Psychol Behav Neurosci Pharmacol "
    "Immunol Microbiol Genet Biochem Biophys Physiol Pathol Surg Nutr Epidemiol Toxicol "
    "Endocrinol Metab Radiol Oncol Cardiol Pediatr Dis Infect Technol Syst Inf Manag Educ "
    "Polit Sociol Philos Ling Commun Conf Symp Ser Mon Roy Prog Adv Curr Opin Zool Bot "
    "Agric Hydrol Meteorol Geol Mineral Petrol Ind Electron Magn Nucl Struct Mar Q Z Jpn "
    "Ges Wiss Ztschr Arch Acta Abstr Entomol Neurol Ophthalmol Otolaryngol Dermatol".split()
)
# Page and volume words before a number ("pp. 295", "v. 31", "hlm. 10").
_LOCATOR_WORDS = frozenset("p pp v hlm hal s nr n t vol no".split())
_PUBLISHER_WORDS = (
    r"Press|Publishers?|Publishing|Publications|Verlag|Books|Wiley|Springer|Elsevier|Routledge|"
    r"Sage|SAGE|Blackwell|Penguin|Macmillan|McGraw|Pearson|Prentice|Norton|Harper|Academic|"
    r"Gramedia|Erlangga|Alfabeta|Kencana|Rineka|Prenada|Grafindo|Rosdakarya|Aksara|Deepublish|"
    r"Pustaka|Penerbit|Andi|Salemba|Refika|Graha|Ilmu|Inc|Ltd|Co|Company|Sons|Taylor|Francis|"
    r"CRC|Kluwer|Hill|Seuil|Gallimard|Flammarion|PUF|Larose|Plenum|"
    # more publishers, in several languages (names that are also common words or
    # surnames -- Brown, Basic, Fischer, Lang, Holt -- are left out)
    r"Editorial|Editora|Editions|Éditions|Edizioni|Ediciones|Edições|Uitgeverij|Wydawnictwo|"
    r"Suhrkamp|Dunod|Einaudi|Laterza|Mulino|Feltrinelli|Mondadori|Carocci|Bompiani|Akal|"
    r"Síntesis|Anagrama|Paidós|Tecnos|Trotta|Fiocruz|Vozes|Zahar|Almedina|Brill|Mouton|"
    r"Gruyter|Niemeyer|Vandenhoeck|Kohlhammer|Nomos|Rowohlt|Reclam|Hanser|Vieweg|Teubner|"
    r"Birkhäuser|Benjamins|Harrassowitz|Schöningh|Hachette|Karthala|Minuit|Payot|Fayard|"
    r"Vrin|Droz|Cerf|Houghton|Knopf|Doubleday|Scribner|Guilford|Erlbaum|Jossey|Addison|"
    r"Cengage|Wadsworth|Bloomsbury|Continuum|Palgrave|Polity|Verso|Ashgate|Hogrefe|"
    r"Thieme|Karger|Lippincott|Saunders|Mosby|Pergamon|Butterworth|Heinemann|North-Holland"
)
# Places of publication, for a place printed without its publisher ("Title, Rio de
# Janeiro 2000", "Title, Cambridge, MA"): well-known publishing cities only.
_KNOWN_PLACES = (
    r"New\sYork(?:\sCity)?|London|Paris|Berlin|Cambridge|Oxford|Boston|Chicago|Amsterdam|"
    r"Frankfurt(?:\sam\sMain|/M\.?)?|Munich|München|Hamburg|Leipzig|Stuttgart|Heidelberg|"
    r"Wiesbaden|Göttingen|Tübingen|Köln|Cologne|Bonn|Wien|Vienna|Zürich|Zurich|Basel|Bern|"
    r"Madrid|Barcelona|Lisboa|Lisbon|Porto|Coimbra|Rio\sde\sJaneiro|São\sPaulo|Buenos\sAires|"
    r"México|Mexico|Santiago|Bogotá|Lima|Roma|Rome|Milano|Milan|Torino|Turin|Bologna|Firenze|"
    r"Florence|Napoli|Naples|Padova|Bruxelles|Brussels|Leiden|Dordrecht|Utrecht|Rotterdam|"
    r"Den\sHaag|The\sHague|Stockholm|Oslo|København|Copenhagen|Helsinki|Warszawa|Warsaw|"
    r"Kraków|Praha|Prague|Budapest|Moskva|Moscow|Athens|Istanbul|Ankara|Tokyo|Kyoto|Beijing|"
    r"Shanghai|Singapore|Jakarta|Bandung|Yogyakarta|Surabaya|Malang|Semarang|Kuala\sLumpur|"
    r"New\sDelhi|Delhi|Sydney|Melbourne|Toronto|Montréal|Montreal|Québec|Ottawa|"
    r"Philadelphia|Washington(?:,?\sD\.?\s?C\.?)?|Princeton|New\sHaven|Berkeley|Los\sAngeles|"
    r"San\sFrancisco|San\sDiego|Baltimore|Hoboken|Thousand\sOaks|Newbury\sPark|"
    r"Englewood\sCliffs|Upper\sSaddle\sRiver|Chichester|Abingdon|Basingstoke|Harlow|"
    r"Edinburgh|Manchester|Dublin|Lyon|Genève|Geneva|Lausanne|Ithaca|Ann\sArbor|"
    r"Chapel\sHill|Minneapolis|Seattle|Cape\sTown|Johannesburg|Nairobi|Cairo|Seoul|"
    r"Hong\sKong|Bangkok|Manila|Hanoi"
)
_KNOWN_PLACE_RE = re.compile(
    rf"^(?:(?:{_KNOWN_PLACES})(?:,?\s[A-Z]{{2}}|,?\s[A-Z]\.\s?[A-Z]\.)?(?:\s(?:and|&|et|und|y|e)\s|;\s|/)?)+"
    r"(?:,?\s\(?(?:1[5-9]|20)\d\d[a-z]?\)?)?$"
)
_US_STATE_RE = re.compile(r"^[A-Z]{2}(?:,?\s\(?(?:1[5-9]|20)\d\d[a-z]?\)?)?$")
# "Simon & Schuster", "Harper & Row": two capitalised names joined by "&"
_AMPERSAND_FIRM_RE = re.compile(r"^[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?\s&\s[A-Z][\w'’.-]+$")
# Genre, report number and version notes after a title: "(Technical report No. 170)",
# "(Publication) [Doctoral dissertation]", "(Versiyon 1.13.0) [Yazılım]", "[M]", "[EB/OL]".
_GENRE_WORDS = (
    r"(?:Technical|Tech\.|Research|Working|Discussion|Unpublished|Doctoral|Master|Masters|"
    r"Master's|PhD|Ph\.D|Bachelor's|Thèse|Tesis|Tese|Skripsi|Disertasi|Dissertation|Thesis|"
    r"Report|Rapport|Bericht|Publication|Version|Versiyon|Versión|Versão|Versione|Software|"
    r"Computer|Yazılım|Logiciel|Data|Dataset|Preprint|Manuscript|Brochure|Pamphlet|"
    r"[Ee]n ligne|[Ee]lectronic resource|[Oo]nline|Internet|[Ee]n línea|[Ee]m linha|EB/OL|Online-Ressource)"
    r"(?![\w-])"
)
_GENRE_CUT_RE = re.compile(
    r",\s(?=(?:(?:Doctoral|Master's|Masters|Master|PhD|Ph\.D\.?|Bachelor's|Unpublished|MA|MSc)\s"
    r"(?:[Dd]issertation|[Tt]hesis)|[Dd]issertation|Thèse|Tesis|Tese|Skripsi|Disertasi|Diss\.|"
    r"Technical\s[Rr]eport|Tech\.\s[Rr]ep|Working\s[Pp]aper|[Tt]raduit\spar|[Tt]rad\.\spar|"
    r"[Tt]ranslated\sby|[Tt]rans\.\sby|[Ee]dited\sby|[Üü]bersetzt\svon|[Hh]rsg\.\sv\.)(?![\w'’]))"
    # versions: ", version 1.8.9, Zenodo" (not "Language Haskell, version 1.2" at the
    # end); "; Technical report 372; Springer"
    r"|,\s(?=[Vv]ersion\s[Vv]?\d[\w.-]*(?:,\s|\s\())|;\s(?=(?:Technical|Research|Working)\s[Rr]eport)"
)
# An access note ends what may be title: ", consulté le 3 février 2024", ", available at"
# (dropped with all after it: its date is not the year of the work).
_ACCESS_CUT_RE = re.compile(
    r",\s(?:[Cc]onsulté|[Aa]bgerufen|[Ee]ingesehen|[Zz]uletzt|[Ll]etzter\sZugriff|[Aa]ccessed|"
    r"[Aa]vailable\s(?:at|from|online)|[Dd]isponible|[Dd]iakses|[Dd]ocument\sen\sligne|"
    r"[Ee]n\sligne)(?![\w'’]).*$"
)
# A medium note: " [en ligne], CRAN", " [WWW Document]" (dropped; what follows is kept).
_MEDIUM_RE = re.compile(
    r"\s\[(?:[Ee]n\sligne|[Oo]nline|[Ee]n\slínea|[Ee]m\slinha|WWW\s[Dd]ocument|Электронный\sресурс|"
    r"[Ee]lectronic\sresource|[Ee]lektronische\sRessource)\][\s.,;:]*"
)
# A repository or preprint server as the last part: "Title, Zenodo", "Title, arXiv".
_REPOSITORY_RE = re.compile(
    r"^(?:arXiv(?::\S+)?|bioRxiv|medRxiv|SSRN|Zenodo|GitHub|GitLab|CRAN|PyPI|Figshare|figshare|"
    r"Dryad|PANGAEA|OSF|HAL|RePEc)(?:,?\s\(?(?:1[5-9]|20)\d\d\)?)?$"
)
_TRAIL_PARTS = (
    re.compile(rf"\s?[(\[]{_GENRE_WORDS}[^()\[\]]{{0,40}}[)\]]$"),
    re.compile(r"\s?\[(?:[A-Z]|[A-Z]{1,2}/OL)\]$"),
    re.compile(r"\s?\((?:[^()]*:\s?[^()]*|[^()]*\b(?:1[5-9]|20)\d\d)\)$"),  # (London: SCM, 1966)
    re.compile(
        r"[,.]?\s?\(?\b(?:\d+(?:st|nd|rd|th|\.ª|e|ème)?\.?\s(?:ed|edn|edition|Ed|éd|Aufl)\.?|"
        r"[Ee]disi\s\w+|[Cc]et(?:akan)?\.?\s\w+|[Rr]ev(?:ised)?\.?\s[Ee]d\.?)\)?$"
    ),
    # Translator and editor credits: ", trans. Rainer Heppenstall", ", Timothy Bahti
    # (trans.)", ", Trad fr. par Maurice de Gandillac", ", edited by Ann Douglas".
    re.compile(
        r",\s(?:(?:[Tt]rans|[Tt]ransl|[Tt]r|[Tt]rad|[Ee]ds?|éd)\.?(?:\s[a-z]{2,3}\.)?\s(?:by\s|par\s)?[A-Z]"
        r"|(?:[Tt]ranslated|[Ee]dited|[Ii]ntroduced)\sby\s)[^,]*$"
    ),
    re.compile(r",\s[^,()]{1,60}\s\((?:trans|tr|transl|ed|eds|éd)\.?\)$"),
)
_EDITION_RE = re.compile(
    r"^\d+(?:st|nd|rd|th|e|ème)?\.?\s(?:ed|edn|edition|Ed|éd|Aufl)\.?$|^[Ee]disi\s\w+$"
)
_TRAIL_COMMA_PART = re.compile(
    rf"^(?:(?:\d{{1,2}}\s)?{MONTH_WORD}\s(?:1[5-9]|20)\d\d|"
    r"\(?(?:1[5-9]|20)\d\d[a-z]?\)?|\d{1,4}|[A-Z][\w .'’-]{0,40}:\s?[A-Z][^:]*|pp?\.\s?\d[^:]*|\d+\s?pp?\.?)$"
)
# Institutions that print theses and reports ("Title, Stanford University, 2012").
_INSTITUTION_WORDS = (
    r"University|Universit(?:ät|é|à|ad|ade|as|eit|et|y)|Institute|Institut|College|Hochschule"
)
_FIRM_RE = re.compile(rf"\b(?:{_PUBLISHER_WORDS})\b")
_PUBLISHER_RE = re.compile(rf"\b(?:{_PUBLISHER_WORDS}|{_INSTITUTION_WORDS})\b")
_PLACE_RE = re.compile(r"^[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}$")


# Names that start with a lower-case letter: a sentence may begin with them.
_LOWER_NAMES = ("arXiv", "bioRxiv", "medRxiv", "eLife", "mBio", "iScience", "eBioMedicine", "eLS")


# (compiled once: _is_boundary and split_title run for every period and quote)
_SPACE_DIGIT_RE = re.compile(r"\s?\d")
_AFTER_ABBREVIATION_RE = re.compile(r"\s?(?:[A-Z]|\d|\(\d)")
_DOTTED_CAPS_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_NEXT_INITIAL_RE = re.compile(r"\s?[A-Z]\.")
_QUOTE_GOES_ON_RE = re.compile(r"\s[a-z]|:\s[A-Z]")
_IN_BOOK_RE = re.compile(r"\s(?:in|en|em|dans)\s?:?\s[A-Z]")


def _is_boundary(s: str, i: int) -> bool:
    """Whether the "." at ``s[i]`` ends the title."""
    nxt = s[i + 1 : i + 3].lstrip()
    if (
        nxt[:1].islower()
        and not s.startswith(_LOWER_NAMES, i + 2)
        and not _IN_BOOK_RE.match(s, i + 1)  # "Title. in Proceedings of ..."
    ):
        return False
    window = s[max(0, i - 30) : i]
    if not window or window[-1].isspace():
        return True
    word = window.split()[-1].lstrip("([“\"'‘«")
    if word.lower() in _ABBREVIATIONS:
        return False
    if word.lower() in _LOCATOR_WORDS and _SPACE_DIGIT_RE.match(s, i + 1, i + 3):
        return False  # "..., 60 (1993), pp. 295-337" / "v. 31": a locator, not an end
    if word in _JOURNAL_ABBREVIATIONS and _AFTER_ABBREVIATION_RE.match(s, i + 1, i + 4):
        return False
    if _DOTTED_CAPS_RE.fullmatch(word):  # "U.S", "A.B.C"
        return False
    if len(word) == 1 and word.isupper():
        # "J. S. Bach" inside a title versus "vitamin D." at its end: an initial is
        # followed by a capitalised word and another period soon after.
        follow = s[i + 1 : i + 5]
        if _NEXT_INITIAL_RE.match(follow):
            return False
    return True


# Names the author scanner could not read ("NAGY, Kwame, 'T HOOFT, Gerard et ALLEN, Yuki,
# 2015. Title", "Sutrisno – Nugroho, Dewi – et al., «Title»"): name-like text up to the
# year of an author-date style or up to a quoted title.
_ANCHOR_RE = re.compile(
    rf"(?=[,.:\s])(?:[,.]?\s\(?(?P<year>{YEAR})[a-z]?\)?[.:,]?\s(?=[^\W\d_](?!\d)|[“«\"„‘])|[,.:]?\s(?=[“«„「]|‘[A-Z])"
    r")"
)
# Four capitalised words in a row (not in capitals): a title in title case, no names
_TITLE_CASE_RUN_RE = re.compile(
    r"(?:[A-Z][a-zà-ÿ'’-]+\s(?:(?:of|the|for|in|on|to)\s)?){3}[A-Z][a-zà-ÿ'’-]+"
)
# The list goes on where the scanner stopped: a separator, not a sentence.
_LIST_GOES_ON_RE = re.compile(r"\s?(?:[,;&/–]|-\s|(?:et|and|und|y|e|i|a)\s)")
_RUNNING_RE = re.compile(
    r"(?<![\w.'’-])(?!(?:and|et|und|dan|d[aeiou]s?|del|della|van|von|der|den|ter|ten|le|la|les|al|"
    r"alii|wsp|others|otros|outros|altri|ark|dkk|vd|ve|och|og|en|in|y|e|a|i)\b)[a-zà-ÿ]{2,}\b"
)
_NAME_SIGNAL_RE = re.compile(
    r"(?<![\w'’-])[A-Z]\.|(?<![\w'’-])[A-ZÀ-Ý]{3,}(?![\w'’-])|\s(?:et|and|&|und|y|e|i|a|–)\s|/|,\s"
)


def names_before_anchor(s: str, pos: int) -> tuple[int, str | None]:
    """Where the title starts (and the year) when name-like text the author scanner
    left is followed by the year ("…, 2015. Title") or by a quoted title; ``(pos,
    None)`` when there is none."""
    window = s[pos : pos + 600]
    if not _LIST_GOES_ON_RE.match(window):
        return pos, None
    m = _ANCHOR_RE.search(window)
    if m is None or m.start() < 3:
        return pos, None
    between = window[: m.start()]
    if (
        _RUNNING_RE.search(between)
        or any(q in between for q in '“”«»"„‘’:;()[]')
        or _TITLE_CASE_RUN_RE.search(between)
    ):
        return pos, None
    # (one separator is enough before a quoted title: "Hensel, Dynes, and Tsui, ‘Title’")
    if len(_NAME_SIGNAL_RE.findall(between)) < (2 if m.group("year") else 1):
        return pos, None
    return pos + m.end(), m.group("year")


_IN_WORD_RE = re.compile(r"(?<![\w.'’-])(?:in|en|of|the|for|on|to)\b")


def names_left(s: str, pos: int, end: int) -> bool:
    """Whether the sentence ``s[pos:end]`` read as the title just after the names is
    the rest of the name list ("Pratama D, Sutrisno, Supriyadi. Title": the scanner
    stopped at "Sutrisno")."""
    span = s[pos:end]
    if not _LIST_GOES_ON_RE.match(span) or len(span) > 300 or not span.endswith("."):
        return False
    if (
        _RUNNING_RE.search(span)
        or _IN_WORD_RE.search(span)
        or _DECIMAL_RE.search(span)
        or any(q in span for q in '“”«»"„‘’:;()[]')
        or _TITLE_CASE_RUN_RE.search(span)
    ):
        return False
    if len(_NAME_SIGNAL_RE.findall(span)) < 2:
        return False
    # each part is one word ("Sutrisno"), or holds an initial or a name in capitals
    # ("Syntactic Theory, A Formal Introduction" is a title)
    for part in _PART_SPLIT_RE.split(span.strip(" .,;&/–-")):
        words = [w for w in part.split() if w.lower() not in _PARTICLES and w not in "&–"]
        if len(words) > 1 and not _STRONG_NAME_RE.search(part):
            return False
    return True


_PART_SPLIT_RE = re.compile(r",\s|\s(?:et|and|&|und|y|e|i|a|–)\s|/")
_PARTICLES = frozenset(
    "de da do dos das del della di du van von der den ter ten le la et and und y e i a".split()
)
_STRONG_NAME_RE = re.compile(
    r"(?<![\w'’-])[A-Z]\.|(?<![\w'’-])(?:[A-ZÀ-Ý]{3,}|[A-Z]{1,3}(?:-[A-Z])?)(?![\w'’-])"
)


def split_title(s: str, pos: int) -> tuple[str | None, int]:
    """The title starting at ``pos`` and the offset just after it (and its punctuation)."""
    pos = _LEAD_RE.match(s, pos).end()  # type: ignore[union-attr]
    if pos >= len(s):
        return None, pos
    open_q = s[pos]
    if open_q in _QUOTES:
        close = _QUOTES[open_q]
        j = s.find(close, pos + 1)
        if open_q == "„":
            # German „…“, Polish and Romanian „…”: whichever closes first.
            k = s.find("”", pos + 1)
            j = k if k > 0 and (j < 0 or k < j) else j
        if open_q in "'‘":
            # An apostrophe closes too early ("Today's"); want a quote followed by
            # punctuation or space.
            m = re.compile(r"[’'](?=[\s.,;:]|$)").search(s, pos + 1)
            j = m.start() if m else -1
        after = s[j + 1 : j + 3] if j > 0 else ""
        # “Thing is” constructions: ... -- the quote closes inside the title. A comma
        # or period just before the quote mark ends a quoted title for sure (IEEE:
        # “Title,” in Proc. ...).
        inside = bool(_QUOTE_GOES_ON_RE.match(after)) and s[j - 1 : j] not in (",", ".")
        if j > pos + 1 and not inside:
            title = s[pos + 1 : j].strip().rstrip(",.;: ")
            return title or None, j + 1
    if s.startswith("``", pos):
        j = s.find("''", pos + 2)
        if j > pos + 2:
            return s[pos + 2 : j].strip().rstrip(",.;: ") or None, j + 2
    for m in _BOUNDARY_RE.finditer(s, pos):
        ch = m.group(0)[:1]
        if ch == "." and m.end() - m.start() == 1 and not _is_boundary(s, m.start()):
            continue
        if ch in "?!" and _subtitle_follows(s, m.end()):
            continue
        end = m.start() + (1 if ch in "?!" else 0)
        title = s[pos:end].strip().rstrip(",.;: ")
        if m.end() - m.start() == 2 and s[m.end() - 1] in '”"':
            # “A Study in Scarlet” and “The Sign of Four.”: keep the closing quote.
            title = title + s[m.end() - 1]
        if len(title) < 2:
            continue
        return title, m.end()
    return s[pos:].strip().rstrip(",.;: ") or None, len(s)


_NOT_JOURNAL_WORD_RE = re.compile(
    r"(?<![\w.])(?!(?:and|for|the|und|der|des|les|del|per)\b)[a-zà-ÿ]{3,}\b(?!\.)"
)


_DECIMAL_RE = re.compile(r"\d")


def journal_first(s: str, pos: int) -> bool:
    """True when what follows the authors is a journal name and its locator, with no
    title in between (physics, astronomy, chemistry: "Phys. Rev. D 65, 094516 (2002)",
    "2017 A&A 597 A6", "Nat. Phys. 1993, 970, 2160"). The text before the first
    locator must be one short segment without running words."""
    from citecheck.references.fields import first_locator  # the tail grammar

    # The journal name is short: the locator starts within the first 75 characters,
    # so a window of 160 is searched (whole strings cost every locator regex twice).
    body = s[pos : pos + 160].lstrip(" .,:;")
    dm = _DECIMAL_RE.search(body, 0, 80)
    digit = dm.start() if dm is not None else None
    if not body[: 80 if digit is None else digit].isascii():
        # (str.isdigit also takes "²" and other digits that are not decimal)
        digit = next((i for i, c in enumerate(body[:80]) if c.isdigit()), None)
    if not body or body[0] in _QUOTES or digit is None:
        return False  # a locator has digits near the start
    if _NOT_JOURNAL_WORD_RE.search(body, 0, digit):
        return False  # running words before the first digit: a title (cheap early exit)
    found = first_locator(body, 0)
    if found is None or found[1] == 1:
        return False  # "The New York Money Market, Vol. I": a book's volume, not a journal's
    prefix = body[: found[0].start()].rstrip(" ,.;:")
    if not prefix or len(prefix) > 70 or not prefix[0].isupper() or ", " in prefix:
        return False  # "Title In Capitals, J. Logic Programming": two parts
    if _NOT_JOURNAL_WORD_RE.search(prefix):
        return False
    _, end = split_title(prefix, 0)
    return end >= len(prefix) or _abbreviated(prefix)


_ABBREVIATED_WORD_RE = re.compile(r"([^\W\d_][\w'’-]*)(\.?)")


def _abbreviated(name: str) -> bool:
    """ "Rev. Mod. Phys", "Angew. Chem. Int. Ed", "Class. Quantum Grav", "New J. Phys":
    every word capitalised (or "of", "and"), every word before a period short (<= 5
    letters) or a known journal abbreviation, at most one full word before the last."""
    words = list(_ABBREVIATED_WORD_RE.finditer(name))
    full = 0
    for m in words[:-1]:
        word, dot = m.group(1), m.group(2)
        if word in ("of", "and", "der", "des", "de") or len(word) == 1:
            continue
        if not word[0].isupper():
            return False
        if not dot:
            full += 1
        elif len(word) > 5 and word not in _JOURNAL_ABBREVIATIONS:
            return False
    return full <= 1 and len(words) >= 2


def _subtitle_follows(s: str, pos: int) -> bool:
    """After "Why?": is the next sentence a subtitle (more text follows) or the journal?"""
    from citecheck.references.fields import first_locator  # the tail grammar

    rest = s[pos:].lstrip()
    if not rest or rest[0].islower():
        return bool(rest)
    m = re.search(r"[.?!](?=\s|$)", rest)
    if m is None:
        return False
    sentence = rest[: m.start()]
    if first_locator(sentence, 0) is not None or re.match(r"(?:In|Dalam):?\s", sentence):
        return False
    after = rest[m.end() :].lstrip()
    loc = first_locator(after, 0)
    if loc is not None and loc[0].start() == 0:
        return False  # "...cyst? J Pediatr Surg. 1992;27:728-31": the journal, then its locator
    return bool(rest[m.end() :].strip()) and len(sentence.split()) >= 3


def _trail_start(title: str, k: int) -> int:
    """Where the ``k``-th of _TRAIL_PARTS can first match in ``title`` (-1: nowhere).
    Each part ends the title, so the search starts at its last bracket or comma
    rather than scanning the whole title (trim_title runs on every unquoted title)."""
    if k <= 2:  # "(Technical report No. 170)", "[M]", "(London: SCM, 1966)"
        if not title.endswith((")", "]")):
            return -1
        return max(0, max(title.rfind("("), title.rfind("[")) - 1)
    if k == 3:  # ", 2nd edn", "Edisi ketiga": short
        return max(0, len(title) - 80)
    if k == 5 and not title.endswith(")"):
        return -1
    return title.rfind(",")  # credits: the last comma part


def trim_title(title: str) -> tuple[str, str]:
    """Split trailing edition, place/publisher and year parts off a title.

    "Photovoltaic Materials, Imperial College Press, 1998" -> ("Photovoltaic Materials",
    "Imperial College Press, 1998"); returns (title, removed text).
    """
    removed = ""
    medium = _MEDIUM_RE.search(title)
    if medium is not None and medium.start() > 0:
        title, removed = title[: medium.start()], title[medium.end() :]
    access = _ACCESS_CUT_RE.search(title)
    if access is not None and access.start() > 0:
        title = title[: access.start()]
    cut = _GENRE_CUT_RE.search(title)
    if cut is not None and cut.start() > 0:
        # "Title, Doctoral dissertation, University", "Title, traduit par , Paris, Seuil"
        title, removed = title[: cut.start()], (title[cut.end() :] + " " + removed).strip()
    changed = True
    # (a thesis's university after its genre is no publisher: "Title: Humiliation,
    # Politics, Doctoral dissertation, Universität München" keeps "Politics")
    publisher_after = bool(removed) and bool(_FIRM_RE.search(removed))
    while changed and title:
        changed = False
        for k, rx in enumerate(_TRAIL_PARTS):
            start = _trail_start(title, k)
            if start < 0:
                continue
            m = rx.search(title, start)
            if m is not None and m.start() > 0:
                removed = title[m.start() :] + " " + removed
                title = title[: m.start()].rstrip(" ,.;:")
                changed = True
        head, sep, last = title.rpartition(", ")
        last = last.strip()
        state = _US_STATE_RE.match(last)
        if state is not None and sep:
            head2, sep2, place2 = head.rpartition(", ")
            if sep2 and head2 and _KNOWN_PLACE_RE.match(place2.strip()):
                # "..., Cambridge, MA 2003": a place and its state
                removed = place2.strip() + ", " + last + ", " + removed
                title = head2.rstrip(" ,")
                changed = True
                continue
        if not (sep and head):
            if changed:
                continue  # "Title (Versiyon 1.13.0) [Yazılım]": one part at a time
            break
        parts = title.split(", ")
        i = len(parts) - 1
        while i > 1 and len(parts) - i <= 3 and _PLACE_RE.match(parts[i].strip()):
            i -= 1
        if (
            i < len(parts) - 1
            and len(parts[i]) < 60
            and (_PUBLISHER_RE.search(parts[i]) or _AMPERSAND_FIRM_RE.match(parts[i].strip()))
        ):
            # "..., MIT Press, Cambridge, MA": a publisher, then its place.
            removed = ", ".join(parts[i:]) + ", " + removed
            title = ", ".join(parts[:i]).rstrip(" ,")
            changed = publisher_after = True
            continue
        before = head.rpartition(", ")[2]
        # "..., Wiley, New York, 1946": a place only counts next to a publisher
        # (before it, or just removed after it: "..., Paris, Seuil, 2001") or after
        # an edition ("..., 2nd edn, Cambridge").
        place = bool(_KNOWN_PLACE_RE.match(last)) or (
            bool(_PLACE_RE.match(last))
            and bool(
                _PUBLISHER_RE.search(before)
                or _PUBLISHER_RE.match(removed)
                or _EDITION_RE.match(before)
                or publisher_after  # "..., Oxford, England, Oxford University Press"
            )
        )
        if (
            _TRAIL_COMMA_PART.match(last)
            or (len(last) < 60 and _PUBLISHER_RE.search(last))
            or place
            or _AMPERSAND_FIRM_RE.match(last)
            or _REPOSITORY_RE.match(last)
        ):
            removed = last + ", " + removed
            title = head.rstrip(" ,")
            changed = True
            publisher_after = publisher_after or bool(_PUBLISHER_RE.search(last))
    return title, removed.strip(" ,")


def publisher_in(moved: str) -> str | None:
    """The publisher among the parts :func:`trim_title` moved ("Paris, Seuil, 2001" ->
    "Seuil"): the part with a publisher word, else the last part that is not a year,
    an edition or a credit."""
    parts = [p.strip(" .()") for p in re.split(r",\s|\s?:\s|\(|\)", moved)]
    kept = [
        p
        for p in parts
        if len(p) > 1
        and not _TRAIL_COMMA_PART.match(p)
        and not _EDITION_RE.match(p)
        and not re.match(r"(?:[Tt]rans|[Tt]r|[Ee]ds?|[Tt]rad|[Ee]dited|[Tt]ranslated)\b", p)
    ]
    for p in kept:
        if _PUBLISHER_RE.search(p):
            return p
    return kept[-1] if len(kept) > 1 else None


_SENTENCE_RE = re.compile(r"[.?!](?=\s)")
_RUNNING_WORD_RE = re.compile(r"(?<![\w.])[a-zà-ÿ]{3,}\b(?!\.)")
_PROCEEDINGS_RE = re.compile(
    r"(?:Proceedings|Proc\.|Actes|Anais|Atti|Prosiding|Tagungsband|Conference|Symposium|Workshop)\b"
)
_SERIES_RE = re.compile(r"(?:Series|Ser\.|Section|Sect\.|Part|Pt\.|[A-Z]\b|[IVX]+\b)")


def title_sentences_in(container: str) -> tuple[str | None, str]:
    """Title sentences left in front of a journal name: "Also for children? Nat Rev
    Genet" -> ("Also for children?", "Nat Rev Genet"). The journal is the last sentence
    before the locator; "Journal. Series B" keeps its series."""
    cut = None
    for m in _SENTENCE_RE.finditer(container):
        if m.group(0) == "." and not _is_boundary(container, m.start()):
            continue
        cut = m
    if cut is None:
        return None, container
    head = container[: cut.end()].strip()
    rest = container[cut.end() :].strip()
    # A title sentence has running text ("Also for children?"); "J. Comp. Physiol" or
    # "Appl. Numer" is an abbreviated journal name cut at one of its periods.
    if len(head.split()) < 3 or len(_RUNNING_WORD_RE.findall(head)) < 2:
        return None, container
    if _PROCEEDINGS_RE.match(head):
        return None, container  # "Proceedings of the 11th Meeting (ION 1998). Nashville, TN"
    if not rest or _SERIES_RE.match(rest):
        return None, container
    return head.rstrip("."), rest


# Words of a journal name run into the title: capitalised words and abbreviations
# ("J.", "Phys.", "A", "A&A", "Letters"), and the small words inside names ("of").
_JOURNAL_TOKEN_RE = re.compile(r"[A-Z][\w'’&-]*\.?|&")
# What marks those words as a journal's: an acronym ("ApJ", "A&A", "JHEP", "PLoS") or a
# word journal names are made of.
_JOURNAL_WORD_RE = re.compile(
    r"[A-Z][a-z]?[A-Z&][\w&]*|Journal|Review|Reviews|Letters|Physics|Proceedings|Annals|Bulletin|"
    r"Transactions|Acta|Research|Science|Sciences|Chemistry|Nature|Reports|Studies|Quarterly|"
    r"Magazine|Gravity|Astronomy|Astrophysics|Medicine|Biology|Economics|Engineering|"
    r"Mathematics|Psychology|Zeitschrift|Revista|Revue|Archives|Communications|Notices"
)
_JOURNAL_JOINERS = frozenset(
    "of and the in for on de des du la le der die und für et & y e di".split()
)


def split_run_in(title: str) -> tuple[str, str] | None:
    """ "χ(2) effects in waveguides J. Phys. A 932 065051", "… based on morphological
    characters Journal of Chemical Physics 566:024009" (IOP, some author-date styles):
    no punctuation between the title and the journal. When the title ends with a
    locator, the journal is the run of capitalised words and abbreviations before it,
    back to the first lower-case word (from its first abbreviation where it has any and
    no punctuation comes before the run).
    Returns (title, journal and locator) or None."""
    from citecheck.references.fields import first_locator  # the tail grammar

    found = first_locator(title, 0)
    if found is None or found[0].end() < len(title) - 1:
        return None  # the title's first locator must be the one that ends it
    groups = found[0].groupdict()
    if not (groups.get("pages") or groups.get("iss")):
        return None  # "… with Neurofibromatosis Type 1": a number of the title
    start = found[0].start()
    tokens = title[:start].split()
    i = len(tokens)
    while i > 0 and (
        _JOURNAL_TOKEN_RE.fullmatch(tokens[i - 1]) or tokens[i - 1] in _JOURNAL_JOINERS
    ):
        i -= 1
    while i < len(tokens) and tokens[i] in _JOURNAL_JOINERS:
        i += 1
    journal = tokens[i:]
    dotted = next((k for k, t in enumerate(journal) if t.endswith(".")), None)
    if dotted and i > 0 and tokens[i - 1][-1:] not in (",", ":", ";"):
        journal = journal[dotted:]  # "… in Kenya J. Afr. Ecol." : from "J."
    head = tokens[: len(tokens) - len(journal)]
    if not journal or len(head) < 2:
        return None  # no journal words, or no title left before them
    if not any(t.endswith(".") or _JOURNAL_WORD_RE.fullmatch(t) for t in journal):
        return None  # "… From Stress Evasion to Value-based Decision-making 11:503–13"
    cut = len(" ".join(head))
    return title[:cut].rstrip(" ,.;:"), title[cut:].strip()
