"""Find the LaTeX commands that matter to citations in a masked source.

Citation commands (natbib, biblatex, plain LaTeX), file inclusion, bibliography
resources and ``\\bibitem`` s, each with its offset and parsed arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.loaders._latex_scan import read_group, read_optionals, read_parens

# Longest argument read for a citation, include or bibliography command: a key list
# longer than this is not a real one, and the bound keeps unclosed groups linear.
ARG_LIMIT = 4000
_COMMAND = re.compile(r"\\([A-Za-z]+)(\*?)")

# Commands containing "cite" that take no citation keys.
_NOT_CITES = frozenset(
    {
        "citestyle",
        "citetext",
        "citeindextrue",
        "citeindexfalse",
        "citelist",
        "citetrackertrue",
        "citetrackerfalse",
        "citereset",
        "citesetup",
        "citeform",
        "citeleft",
        "citeright",
        "citepunct",
        "citeyearparen",
        "citenumfont",
        "citedash",
        "citemid",
        "citeauthoryear",
        "citesort",
        "citeDisablePostNote",
        "nocitestyle",
        "citeauthorfont",
        "citeyearfont",
    }
)
# Narrative forms: the authors are printed in the running text.
_NARRATIVE = frozenset(
    {
        "citet",
        "Citet",
        "citealt",
        "Citealt",
        "textcite",
        "Textcite",
        "textcites",
        "Textcites",
        "citeauthor",
        "Citeauthor",
        "citet*",
        "smartcite",
    }
)
_VOLCITE = re.compile(r"^[pPfFsStTa]*volcites?$|^(?:Ftvolcite|ftvolcite|Avolcite|avolcite)$")
INCLUDES = frozenset(
    {
        "input",
        "include",
        "subfile",
        "import",
        "subimport",
        "inputfrom",
        "includefrom",
        "subinputfrom",
        "subincludefrom",
        "subfileinclude",
    }
)
BIB_RESOURCES = frozenset(
    {"bibliography", "addbibresource", "addglobalbib", "addsectionbib", "nobibliography"}
)


@dataclass(frozen=True)
class CiteKey:
    """One key inside a citation command, with its offset in the source."""

    key: str
    start: int


@dataclass(frozen=True)
class CiteCall:
    """A citation command: ``\\citep[see][p.~3]{a,b}``."""

    start: int
    end: int
    command: str
    keys: tuple[CiteKey, ...]
    prenote: str | None = None
    postnote: str | None = None
    narrative: bool = False
    nocite: bool = False
    notes: tuple[tuple[str | None, str | None], ...] = ()  # per key group (multicite)
    key_groups: tuple[int, ...] = field(default=())  # index of the note group of each key


@dataclass(frozen=True)
class Include:
    """A file inclusion: ``\\input{x}``, ``\\import{dir/}{x}`` ..."""

    start: int
    end: int
    command: str
    target: str
    directory: str | None = None


@dataclass(frozen=True)
class BibResource:
    """``\\bibliography{a,b}`` / ``\\addbibresource{x.bib}``."""

    start: int
    command: str
    names: tuple[str, ...]
    end: int = 0


@dataclass(frozen=True)
class BibItem:
    """``\\bibitem[label]{key}``; its text runs to the next item or the environment end."""

    start: int
    end: int
    key: str
    label: str | None


Command = CiteCall | Include | BibResource | BibItem


def is_cite_command(name: str) -> bool:
    """Whether ``\\name`` takes citation keys."""
    return (
        "cite" in name.lower()
        and name not in _NOT_CITES
        and not name.startswith(("Declare", "new", "renew"))
    )


def find_commands(masked: str) -> list[Command]:
    """Every relevant command of a masked source, in source order."""
    out: list[Command] = []
    for m in _COMMAND.finditer(masked):
        cmd = command_at(masked, m.start(), m.end(), m.group(1), bool(m.group(2)))
        if cmd is not None:
            out.append(cmd)
    return out


def command_at(masked: str, start: int, pos: int, name: str, starred: bool) -> Command | None:
    """The relevant command ``\\name`` at ``start`` (its arguments from ``pos``), if any."""
    if is_cite_command(name):
        return _read_cite(masked, start, pos, name, starred)
    if name in INCLUDES:
        return _read_include(masked, start, pos, name)
    if name in BIB_RESOURCES:
        opts, after = read_optionals(masked, pos, 1)
        group = read_group(masked, after, limit=ARG_LIMIT)
        if group is not None:
            names = tuple(n.strip() for n in group[0].split(",") if n.strip())
            return BibResource(start=start, command=name, names=names, end=group[1])
        return None
    if name == "bibitem":
        opts, after = read_optionals(masked, pos, 1)
        group = read_group(masked, after, limit=ARG_LIMIT)
        if group is not None:
            return BibItem(
                start=start,
                end=group[1],
                key=group[0].strip(),
                label=opts[0].strip() if opts else None,
            )
    return None


def _keys(masked: str, group_start: int, content: str) -> list[CiteKey]:
    keys: list[CiteKey] = []
    offset = group_start + 1
    for part in content.split(","):
        stripped = part.strip()
        if stripped and "#" not in stripped and "\\" not in stripped:
            keys.append(CiteKey(key=stripped, start=offset + part.index(stripped)))
        offset += len(part) + 1
    return keys


def _group_start(masked: str, pos: int) -> int:
    while masked[pos] != "{":
        pos += 1
    return pos


def _read_cite(masked: str, start: int, pos: int, name: str, starred: bool) -> CiteCall | None:
    multi = name.endswith(("cites", "citetexts")) and not name.startswith("no")
    narrative = name in _NARRATIVE
    nocite = name == "nocite"
    if _VOLCITE.match(name):
        return _read_volcite(masked, start, pos, name)
    if not multi:
        opts, after = read_optionals(masked, pos)
        group = read_group(masked, after, limit=ARG_LIMIT)
        if group is None:
            return None
        keys = _keys(masked, _group_start(masked, after), group[0])
        pre, post = _notes(opts)
        return CiteCall(
            start=start,
            end=group[1],
            command=name + ("*" if starred else ""),
            keys=tuple(keys),
            prenote=pre,
            postnote=post,
            narrative=narrative,
            nocite=nocite,
            notes=((pre, post),),
            key_groups=tuple(0 for _ in keys),
        )
    # biblatex multicite: \cites(pre)(post)[pre][post]{k1}[pre][post]{k2}...
    _, pos = read_parens(masked, pos)
    all_keys: list[CiteKey] = []
    notes: list[tuple[str | None, str | None]] = []
    groups: list[int] = []
    end = pos
    while True:
        opts, after = read_optionals(masked, end)
        group = read_group(masked, after, limit=ARG_LIMIT)
        if group is None:
            break
        keys = _keys(masked, _group_start(masked, after), group[0])
        notes.append(_notes(opts))
        all_keys.extend(keys)
        groups.extend(len(notes) - 1 for _ in keys)
        end = group[1]
    if not all_keys:
        return None
    return CiteCall(
        start=start,
        end=end,
        command=name,
        keys=tuple(all_keys),
        prenote=notes[0][0],
        postnote=notes[-1][1],
        narrative=narrative,
        notes=tuple(notes),
        key_groups=tuple(groups),
    )


def _read_volcite(masked: str, start: int, pos: int, name: str) -> CiteCall | None:
    # \volcite[pre]{volume}[pages]{key}
    opts, pos = read_optionals(masked, pos, 1)
    vol = read_group(masked, pos, limit=ARG_LIMIT)
    if vol is None:
        return None
    opts2, pos = read_optionals(masked, vol[1], 1)
    group = read_group(masked, pos, limit=ARG_LIMIT)
    if group is None:
        return None
    keys = _keys(masked, _group_start(masked, pos), group[0])
    post = f"vol. {vol[0].strip()}" + (f", {opts2[0].strip()}" if opts2 else "")
    return CiteCall(
        start=start,
        end=group[1],
        command=name,
        keys=tuple(keys),
        prenote=opts[0].strip() if opts else None,
        postnote=post,
        notes=((None, post),),
        key_groups=tuple(0 for _ in keys),
    )


def _notes(opts: list[str]) -> tuple[str | None, str | None]:
    cleaned = [o.strip() or None for o in opts]
    if len(cleaned) == 2:
        return cleaned[0], cleaned[1]
    if len(cleaned) == 1:
        return None, cleaned[0]
    return None, None


def _read_include(masked: str, start: int, pos: int, name: str) -> Include | None:
    if name in (
        "import",
        "subimport",
        "inputfrom",
        "includefrom",
        "subinputfrom",
        "subincludefrom",
    ):
        first = read_group(masked, pos, limit=ARG_LIMIT)
        if first is None:
            return None
        second = read_group(masked, first[1], limit=ARG_LIMIT)
        if second is None:
            return None
        return Include(
            start=start,
            end=second[1],
            command=name,
            target=second[0].strip(),
            directory=first[0].strip(),
        )
    group = read_group(masked, pos, limit=ARG_LIMIT)
    if group is not None:
        return Include(start=start, end=group[1], command=name, target=group[0].strip())
    if name == "input":
        # TeX primitive syntax: \input chapter1, \input "chapter one" (a name with spaces)
        m = re.match(r'[ \t]*"([^"\n{}\\%]+)"|[ \t]+([^\s{}\\%]+)', masked[pos : pos + ARG_LIMIT])
        if m:
            target = m.group(1) or m.group(2)
            return Include(start=start, end=pos + m.end(), command=name, target=target)
        return None
    return None
