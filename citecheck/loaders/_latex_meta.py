"""What LaTeX says besides citations: metadata, citing sentences, ``\\bibitem`` entries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from citecheck.loaders._latex_commands import BibItem
from citecheck.loaders._latex_scan import read_group
from citecheck.loaders.bibtex import latex_to_text
from citecheck.model.document import LineIndex, Metadata, Problem, Reference

_CITE_CMD = re.compile(r"\\[A-Za-z]*cite[A-Za-z]*\*?(?:\s*\[[^\]]*\])*(?:\s*\{[^}]*\})+")
_SECTION = re.compile(r"\\(?:chapter|section|subsection)\*?\s*(?=[\[{])")
_ABSTRACT = re.compile(r"\\begin\{abstract\}(.*?)\\end\{abstract\}", re.S)
_KEYWORDS_ENV = re.compile(r"\\begin\{keywords?\}(.*?)\\end\{keywords?\}", re.S)
_BABEL = re.compile(r"\\usepackage\[([^\]]*)\]\{babel\}|\\setmainlanguage(?:\[[^\]]*\])?\{(\w+)\}")
_LANGUAGES = {
    "english": "en",
    "british": "en",
    "american": "en",
    "indonesian": "id",
    "bahasa": "id",
    "bahasai": "id",
    "german": "de",
    "ngerman": "de",
    "french": "fr",
    "spanish": "es",
    "portuguese": "pt",
    "brazilian": "pt",
    "italian": "it",
    "dutch": "nl",
    "malay": "ms",
}
_SENTENCE_END = re.compile(
    r"[.!?](?=\s+[A-Z\\])|\n\s*\n|\\(?:chapter|(?:sub)*section|(?:sub)?paragraph|item|caption)\*?(?:\{[^}]*\})?"
)
_END_BIB = re.compile(r"\\end\{thebibliography\}")


def light_detex(value: str) -> str:
    """Fast plain text from LaTeX for sentences and notes (pylatexenc is ~2 ms a call)."""
    s = re.sub(r"\\['`^\"~=.](?=[A-Za-z{])", "", value)  # accents: keep the letter
    s = re.sub(r"\\([%&$#_{}])", r"\1", s)
    s = re.sub(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?", " ", s)  # command names; their {args} stay
    s = (
        s.replace("~", " ")
        .replace("{", "")
        .replace("}", "")
        .replace("---", "\u2014")
        .replace("--", "\u2013")
    )
    return " ".join(s.split())


#: Title commands of thesis classes, tried in order when there is no ``\\title``.
_THESIS_TITLES = (
    "titleskripsi",
    "judulskripsi",
    "judul",
    "judulINA",
    "titleind",
    "thesistitle",
    "judulENG",
)
#: Abstract commands of thesis classes (UNPAR's ``\\abstrakINA{...}``).
_THESIS_ABSTRACTS = ("abstrakINA", "abstractENG")


def _command_arg(masked: str, name: str) -> str | None:
    m = re.search(r"\\" + name + r"\*?\s*(?:\[[^\]]*\])?\s*(?=\{)", masked)
    if not m:
        return None
    got = read_group(masked, m.end())
    return latex_to_text(got[0]) if got else None


def _command_args(masked: str, name: str) -> list[str]:
    """The argument of every ``\\name{...}`` in ``masked``, as text."""
    out = []
    for m in re.finditer(r"\\" + name + r"\*?\s*(?:\[[^\]]*\])?\s*(?=\{)", masked):
        got = read_group(masked, m.end())
        if got:
            out.append(" ".join(latex_to_text(got[0]).split()))
    return out


def latex_metadata(masked_files: Sequence[str]) -> Metadata:
    """Title, abstract, keywords, section headings and babel language."""
    main = masked_files[0] if masked_files else ""
    allsrc = "\n".join(masked_files)
    title = _command_arg(main, "title")
    if not title or not title.strip():
        # thesis classes define their own title commands (Indonesian skripsi templates)
        # (in the main file or a data file it inputs)
        # — only when it has one value: templates keep sample defaults ("Balonku Ada
        # Lima") beside the data file that replaces them, and a wrong title is worse
        # than none
        for name in _THESIS_TITLES:
            values = {v for v in _command_args(allsrc, name) if v.strip() and "#" not in v}
            title = values.pop() if len(values) == 1 else None
            if title:
                break
    abstracts = tuple(latex_to_text(m.group(1)) for m in _ABSTRACT.finditer(allsrc))
    if not abstracts:
        found = [_command_args(allsrc, name) for name in _THESIS_ABSTRACTS]
        abstracts = tuple(
            a[0] for a in found if len(set(a)) == 1 and len(a[0]) >= 80 and "#" not in a[0]
        )
    kw_raw = _command_arg(allsrc, "keywords")
    if kw_raw is None:
        env = _KEYWORDS_ENV.search(allsrc)
        kw_raw = latex_to_text(env.group(1)) if env else None
    keywords = tuple(k.strip() for k in re.split(r"[;,·]|\\sep", kw_raw or "") if k.strip())
    headings: list[str] = []
    for m in _SECTION.finditer(allsrc):
        _, pos = m.group(0), m.end()
        if allsrc[pos] == "[":
            skip = read_group(allsrc, pos, "[", "]")
            pos = skip[1] if skip else pos
        got = read_group(allsrc, pos)
        if got:
            headings.append(latex_to_text(got[0]))
    language = None
    lang = _BABEL.search(main)
    if lang:
        opts = (lang.group(1) or lang.group(2) or "").split(",")
        # babel's main language is the last option
        for opt in reversed(opts):
            code = _LANGUAGES.get(opt.strip().removeprefix("main=").lower())
            if code:
                language = code
                break
    return Metadata(
        title=title,
        abstracts=abstracts,
        keywords=keywords,
        headings=tuple(headings),
        language=language,
    )


def sentence_at(masked: str, start: int, end: int) -> str | None:
    """The plain-text sentence around a citation command (for topic checks)."""
    left = max(0, start - 500)
    for m in _SENTENCE_END.finditer(masked, max(0, start - 500), min(len(masked), start + 3)):
        if m.end() <= start:
            left = m.end()
    right_m = _SENTENCE_END.search(masked, end, end + 500)
    right = right_m.end() if right_m else min(len(masked), end + 400)
    raw = _CITE_CMD.sub(" ", masked[left:right])
    text = re.sub(r"\s+([.,;:!?])", r"\1", light_detex(raw))
    return text or None


def bibitem_references(
    items: Sequence[tuple[BibItem, str, str, str, LineIndex]], problems: list[Problem]
) -> list[Reference]:
    """References from ``\\bibitem`` s: (item, display path, source, masked, line index).

    Past the references budget (:mod:`citecheck.loaders.refcap`) a problem is added."""
    from citecheck.loaders.refcap import Taker

    out: list[Reference] = []
    following: dict[int, int] = {}  # item -> the next item of the same file
    last: dict[str, int] = {}
    for n, it in enumerate(items):
        if it[1] in last:
            following[last[it[1]]] = n
        last[it[1]] = n
    taker = Taker()
    for n, (item, display, _source, masked, index) in enumerate(items):
        if not taker.take(item.key, index.location(display, item.start).line):
            continue
        stop = items[following[n]][0].start if n in following else len(masked)
        end_env = _END_BIB.search(masked, item.end, stop)
        if end_env:
            stop = end_env.start()
        body = masked[item.end : stop]
        text = latex_to_text(body.replace("\\newblock", " "))
        loc = index.location(display, item.start)
        number = n + 1
        if item.label and item.label.strip().isdigit():
            number = int(item.label.strip())
        out.append(_reference(text, loc_number=number, key=item.key, location=loc))
    capped = taker.problem(items[0][1]) if items else None
    if capped is not None:
        problems.append(capped)
    return out


def _reference(text: str, *, loc_number: int, key: str, location: object) -> Reference:
    from citecheck.model.document import Location

    assert isinstance(location, Location)
    try:
        from citecheck.references import parse_reference, to_reference

        ref = to_reference(parse_reference(text), text=text, location=location, number=loc_number)
        return ref.model_copy(update={"key": key, "number": loc_number})
    except (ImportError, AttributeError):  # the reference parser is not in this tree yet
        return Reference(text=text, key=key, number=loc_number, location=location)
