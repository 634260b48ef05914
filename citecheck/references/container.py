"""The container (journal, book, proceedings) and publisher in a reference's tail.

:mod:`fields` finds the locator (volume, issue, pages); the text before it is the
container. Without a locator (books, chapters, conference papers, web pages) the
container is the first sentence left after credits ("Trans. X."), the "Place:
Publisher" part and the pages are taken out, unless that sentence is itself a
publisher, a place, a date or a report series.
"""

from __future__ import annotations

import re

from citecheck.references.dates import MONTH_WORD, YEAR

IN_RE = re.compile(r"^(?:In|in|Dalam|dalam|IN|[Dd]ans|[Ee]n|[Ee]m|[Ii]m|\[[Ww]:\]|//)\s?:?\s")
# "New York: Wiley", "Rio de Janeiro: IBMEC", "Cambridge and New York: CUP". The place
# starts a sentence or a comma part: "Seismic Mitigation for Museum Collection: Papers
# from ..." is a book title with a subtitle, not "Collection: Papers".
PUBLISHER_RE = re.compile(
    r"(?:^|(?<=[.,;]\s)|(?<=\())"
    r"(?P<loc>[A-Z][\w'’.-]*(?:,?\s(?:(?:and|&|de|do|da|del|am|an|upon|sur)\s)?[A-Z][\w'’.-]*){0,3})"
    r"\s?:\s?(?P<pub>[^.:;()\[\]]{2,80}?)(?=[.,;)\]]|$)"
)
# Editor and translator credits inside a container: "..., edited by X", ". Ed. X".
ED_BY_RE = re.compile(r",?\s(?:ed\.|eds\.|edited by|Edited by|Ed\. by)\s.*$")
_ED_BY_ANY_RE = re.compile(
    r"[,.]\s(?:[Ee]d\.|[Ee]ds\.|[Ee]dited by|[Tt]rans\.)\s(?=[A-Z][\w.-]*\s[A-Z]).*$"
)
# Dates, "to appear", "pages 381" and the like trailing a container name.
_CONTAINER_TAIL_RE = re.compile(
    rf"(?:,?\s(?:\d{{1,2}}\s)?{MONTH_WORD}(?:[-–/]{MONTH_WORD})?(?:\s\d{{1,2}})?(?:,?\s(?:1[5-9]|20)\d\d)?"
    r"|,?\s(?:to appear|in press|forthcoming|ahead of print|Ahead of print|online first|pages?)\b.*"
    r"|,?\s(?:art\.?\s?(?:nr|no)\.?).*"
    r"|[,:]\s(?:[Ss]pecial [Ii]ssue|[Ss]upplement)\b.*"
    r"|,\s(?:Volume|Vol\.)\s[A-Z][a-z]+"
    r"|,\s\d+\s?vols?\.?"
    r"|,\s(?:no|vol|pp?|nos|n°|Vol|No)\.?)$",
    re.IGNORECASE,
)
# Words that name a publisher and never a journal (a journal may be "... Review Press"
# rarely; "Jurnal Ilmu" or "Academic Medicine" are journals, so "Ilmu" and "Academic"
# are not here).
PUBLISHER_WORDS_RE = re.compile(
    r"\b(?:Press|Publishers?|Publishing|Publications|Verlag|Books|Wiley|Springer|Elsevier|"
    r"Routledge|Sage|SAGE|Penguin|Macmillan|McGraw-Hill|Pearson|Prentice Hall|Norton|"
    r"HarperCollins|Blackwell|Taylor (?:&|and) Francis|Kluwer|Plenum|Seuil|Gallimard|Flammarion|"
    r"PUF|Vintage|Random House|Knopf|Doubleday|Bloomsbury|Palgrave|UP|"
    r"Penerbit|Pustaka|Gramedia|Erlangga|Alfabeta|Kencana|Rineka Cipta|Prenada|Grafindo|"
    r"Rosdakarya|Bumi Aksara|Deepublish|Salemba|Refika|Andi Offset|Graha Ilmu|Rajawali Pers|"
    r"Ghalia|Kanisius|Sinar Grafika|Mizan|LP3ES)\b"
)
# "Trans. Vern W. McGee." / "Edited by Ann Douglas." / "G.E.M. Anscombe (trans.)." before
# the publisher: names made of initials and words, up to a period that ends no initial.
_CREDIT_RE = re.compile(
    r"^\(?(?:Trans|Transl|Trad|tr|Ed|Eds|éd)\.\s(?:by\s|par\s)?(?:[A-Z]\.\s?|[^.\s]+\s){0,8}?[^.\s]+(?:\.\)?|\)|$)\s?"
    r"|^(?:Edited|Translated|Introduced|Compiled|Selected)\s(?:and\s\w+\s)?by\s"
    r"(?:[A-Z]\.\s?|[^.\s]+\s){0,8}?[^.\s]+(?:\.|$)\s?"
    r"|^(?:[A-Z]\.\s?|[^.\s()]+\s){1,6}\((?:trans|tr|transl|ed|eds|éd)\.?\)\.?\s?"
    # an edition before the publisher: "(5th ed.). SAGE", "2nd edn. London: ..."
    r"|^\(?(?:\d+(?:st|nd|rd|th|e)?\.?\s(?:edition|edn|ed|Aufl|éd)\.?|[Ee]disi\s\w+|[Rr]ev\.\s[Ee]d\.)\)?[.,]?\s?"
)
_THESIS_RE = re.compile(
    r"^\[?(?:Ph\.?\s?D\.?|PhD|MA|MSc|M\.A\.|Master'?s|Doctoral|Unpublished|Skripsi|Tesis|Disertasi)"
    r"(?:\s(?:thesis|dissertation|diss\.))?",
    re.IGNORECASE,
)
# Where the container sentence ends: a period that does not end an initial ("8th U.S.
# National Conference"), a bracket, or a parenthesis that is not a short name or
# acronym inside it ("(IFAC) Symposium", "(Tokyo)"; but "(March 27, 1969)").
_SENTENCE_END_RE = re.compile(
    r"(?<!\b[A-Z])\.\s|\((?![A-Z][\w/&-]*(?:\s[A-Z][\w/&-]*){0,3}\))|\[|$"
)
# Not containers: editions, volume counts, bare dates, report and preprint labels.
_NOT_CONTAINER_RE = re.compile(
    rf"\(?\d+(?:st|nd|rd|th)?\.?\s(?:ed|edn|edition|vols?)\.?\)?|\d+\.?"
    r"|\(?[Ee]disi\s\w+\)?|\(?(?:[Rr]ev(?:ised)?\.?|[Ee]xpanded)\s[Ee]d(?:ition|n)?\.?\)?"
    rf"|[\s(]*(?:{YEAR}[a-z]?|n\.d\.)[)\s]*"
    rf"|(?:\d{{1,2}}\s)?{MONTH_WORD}(?:\s\d{{1,2}})?,?(?:\s{YEAR})?"
    r"|(?:(?:Technical|Tech\.|Research|Working|Discussion|Internal)\s(?:[Rr]eport|[Pp]aper|[Rr]ep\.)"
    r"|Preprint|[Rr]eport|Manuscript|Unpublished manuscript)\b.*"
)
# "Berkeley, CA" / "Upper Saddle River, N.J." / "New York City, NY": a US place.
_US_PLACE_RE = re.compile(r"(?:^|,\s)[A-Z][\w.' -]{1,30},\s(?:[A-Z]{2}|[A-Z]\.\s?[A-Z]\.?)(?=,|$)")
_MEETING_RE = re.compile(
    r"(?:\b(?:Conference|Symposium|Workshop|Forum|Congress|Meeting|Colloquium|Convention)\b"
    r"|\b(?:Conf|Symp)\.)[^,]*"
)
# Text every _MEETING_RE match holds (a cheap test first).
_MEETING_WORDS = ("Conf", "Symp", "Workshop", "Forum", "Congress", "Meeting", "Colloq", "Conven")
_PLACE_PART_RE = re.compile(r"(?:,\s(?:at\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})+$")


def clean_container(s: str) -> str | None:
    """A container name without "In", trailing dates, "to appear", leftovers."""
    s = s.strip(" ,.;:–-")
    s = IN_RE.sub("", s).strip(" ,.;:")
    if len(s) > 2 and s[0] in "«“" and s[-1] in "»”" and s.count(s[0]) == 1:
        s = s[1:-1].strip()  # "in «Journal of Financial Economics»"
    if len(s) > 12:
        s = _CONTAINER_TAIL_RE.sub("", s).strip(" ,.;:")
    meeting = _MEETING_RE.search(s) if any(w in s for w in _MEETING_WORDS) else None
    if meeting is not None and _PLACE_PART_RE.fullmatch(s, meeting.end()):
        # "..., 67th Annual Forum, Virginia Beach, Virginia": the meeting, not its place.
        s = s[: meeting.end()].rstrip(" ,")
    return s or None


def strip_credits(text: str) -> str:
    """Drop leading "Trans. X." / "Edited by X." / "2nd ed." sentences (up to three)."""
    text = text.strip()
    for _ in range(3):
        stripped = _CREDIT_RE.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped.strip()
    return text


def drop_credits(container: str) -> str:
    """ "Childhood in the English Renaissance. Ed. Anja Müller" -> the book's name."""
    return _ED_BY_ANY_RE.sub("", container)


def book_container(head: str, *, chapter: bool) -> tuple[str | None, str | None]:
    """Container and publisher from the text before a book's pages and "Place: Publisher".

    Returns (container, publisher found in it).
    """
    if chapter:
        head = ED_BY_RE.sub("", head)
    head = strip_credits(head)
    thesis = _THESIS_RE.match(head)
    if thesis is not None:
        rest = head[thesis.end() :].lstrip(" ,")
        head = re.sub(r"^[^.]*\.\s?", "", rest, count=1) if "." in head else ""
    end = _SENTENCE_END_RE.search(head)
    container = clean_container(head[: end.start()] if end else head)
    if container is None:
        return None, None
    if thesis is not None:
        return None, container  # the university
    if _NOT_CONTAINER_RE.fullmatch(container):
        return None, None
    if _MEETING_RE.search(container):
        return container, None
    if not chapter and (PUBLISHER_WORDS_RE.search(container) or _US_PLACE_RE.search(container)):
        # "Academic Press, London" / "Prentice Hall, Upper Saddle River, N.J.": a publisher.
        parts = [p.strip() for p in _US_PLACE_RE.sub("", container).split(", ") if p.strip()]
        named = [p for p in parts if PUBLISHER_WORDS_RE.search(p)]
        return None, (named or parts)[0] if parts else None
    return container, None
