"""Simple LaTeX macros: definitions recorded, invocations expanded, so that a
bibliography or citation declared through a macro, a package option or a class is
found where TeX finds it.

Handled: ``\\def`` (and ``\\gdef``, ``\\edef``, ``\\xdef``) with undelimited
parameters, ``\\newcommand``, ``\\renewcommand``, ``\\providecommand``,
``\\DeclareRobustCommand`` (with an optional first argument), ``\\let``,
``\\newenvironment`` (its begin and end code run at ``\\begin``/``\\end``), and keyval
options (``\\define@key`` handlers run by ``\\setkeys`` and by the options a local
package is loaded with). A definition's body is not text: a ``\\cite`` inside it is
not a citation until the macro is used. Expansion is bounded (depth, size, count), so
a recursive or exponential macro costs a problem, never the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citecheck.loaders._latex_scan import read_group, read_optionals

MAX_DEPTH = 8  # nested expansions
MAX_EXPANSION = 20_000  # characters of one expansion
MAX_EXPANSIONS = 20_000  # expansions per document

CS = re.compile(r"\\([A-Za-z@]+)\*?")
_DEFS = frozenset({"def", "gdef", "edef", "xdef"})
_NEWCOMMANDS = frozenset(
    {
        "newcommand",
        "renewcommand",
        "providecommand",
        "DeclareRobustCommand",
        "newrobustcmd",
        "renewrobustcmd",
        "providerobustcmd",
    }
)
_NEWENVS = frozenset({"newenvironment", "renewenvironment", "provideenvironment"})
_DEF_HEAD = re.compile(r"\s*\\([A-Za-z@]+)(?P<params>(?:#\d)*)\s*(?=\{)")
_LET = re.compile(r"\s*\\([A-Za-z@]+)\s*=?\s*\\([A-Za-z@]+)")
_PARAM = re.compile(r"##|#([1-9])")


@dataclass(frozen=True)
class Macro:
    """A user macro: ``nargs`` parameters, the first optional when ``default`` is set."""

    nargs: int
    default: str | None
    body: str


@dataclass
class Macros:
    """The macro table of one document, filled in TeX's reading order."""

    defs: dict[str, Macro] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # keyval key -> handler body (#1)
    # environment name -> (begin code as a macro, end code)
    envs: dict[str, tuple[Macro, str]] = field(default_factory=dict)
    key_defaults: dict[str, str] = field(default_factory=dict)
    expansions: int = 0
    limited: bool = False

    # -- definitions -------------------------------------------------------------

    def definition(self, name: str, text: str, pos: int) -> int | None:
        """Record the definition made by ``\\name`` whose arguments start at ``pos``;
        the offset where it ends, or None when ``name`` defines nothing."""
        if name in _DEFS:
            m = _DEF_HEAD.match(text, pos)
            if m is None:
                return None
            body = read_group(text, m.end(), limit=MAX_EXPANSION)
            if body is None:
                return None
            nargs = len(m.group("params")) // 2
            self.defs[m.group(1)] = Macro(nargs, None, body[0])
            return body[1]
        if name in _NEWCOMMANDS:
            return self._newcommand(name, text, pos)
        if name == "let":
            m = _LET.match(text, pos)
            if m is None:
                return None
            target = self.defs.get(m.group(2))
            if target is not None:
                self.defs[m.group(1)] = target
            return m.end()
        if name == "define@key":
            return self._define_key(text, pos)
        if name in _NEWENVS:
            return self._newenvironment(name, text, pos)
        return None

    def _newenvironment(self, name: str, text: str, pos: int) -> int | None:
        """``\\newenvironment{name}[n][default]{begin}{end}``: neither code runs here
        (a class's ``\\input{\\jobname.exa}`` in an environment nobody uses is never
        read); both run where the environment is used."""
        star = re.match(r"\s*\*", text[pos : pos + 8])
        if star:
            pos += star.end()
        env = read_group(text, pos, limit=200)
        if env is None or not re.fullmatch(r"[A-Za-z@*]+", env[0].strip()):
            return None
        opts, after = read_optionals(text, env[1], 2)
        begin = read_group(text, after, limit=MAX_EXPANSION)
        end = read_group(text, begin[1], limit=MAX_EXPANSION) if begin else None
        if begin is None or end is None:
            return None
        nargs = int(opts[0]) if opts and opts[0].strip().isdigit() else 0
        default = opts[1] if len(opts) > 1 else None
        env_name = env[0].strip()
        if not (name.startswith("provide") and env_name in self.envs):
            self.envs[env_name] = (Macro(nargs, default, begin[0]), end[0])
        return end[1]

    def _newcommand(self, name: str, text: str, pos: int) -> int | None:
        star = re.match(r"\s*\*", text[pos : pos + 8])
        if star:
            pos += star.end()
        target = read_group(text, pos, limit=200)
        if target is not None:
            cs = target[0].strip()
            after = target[1]
        else:
            m = re.match(r"\s*(\\[A-Za-z@]+)", text[pos:])
            if m is None:
                return None
            cs, after = m.group(1), pos + m.end()
        if not re.fullmatch(r"\\[A-Za-z@]+", cs):
            return None
        opts, after = read_optionals(text, after, 2)
        body = read_group(text, after, limit=MAX_EXPANSION)
        if body is None:
            return None
        nargs = int(opts[0]) if opts and opts[0].strip().isdigit() else 0
        default = opts[1] if len(opts) > 1 else None
        macro_name = cs[1:]
        if name.startswith("provide") and macro_name in self.defs:
            return body[1]
        self.defs[macro_name] = Macro(nargs, default, body[0])
        return body[1]

    def _define_key(self, text: str, pos: int) -> int | None:
        _, pos = read_optionals(text, pos, 1)  # [prefix]
        family = read_group(text, pos, limit=200)
        if family is None:
            return None
        key = read_group(text, family[1], limit=200)
        if key is None:
            return None
        default, pos = read_optionals(text, key[1], 1)
        body = read_group(text, pos, limit=MAX_EXPANSION)
        if body is None:
            return None
        name = key[0].strip()
        self.keys[name] = body[0]
        if default:
            self.key_defaults[name] = default[0]
        return body[1]

    def keyval_code(self, assignments: str) -> str:
        """The handler code ``k=v, ...`` runs for the keys defined with ``\\define@key``."""
        out: list[str] = []
        for item in _split_top(assignments):
            k, eq, v = item.partition("=")
            k = k.strip()
            if k not in self.keys:
                continue
            value = v.strip() if eq else self.key_defaults.get(k, "")
            if value.startswith("{") and value.endswith("}"):
                value = value[1:-1]
            out.append(substitute(self.keys[k], [value]))
        return "\n".join(out)

    # -- expansion ---------------------------------------------------------------

    def invocation(self, text: str, pos: int, macro: Macro) -> tuple[list[str], int] | None:
        """The arguments of a use of ``macro`` starting at ``pos``, and its end."""
        args: list[str] = []
        need = macro.nargs
        if macro.default is not None and need:
            opts, pos = read_optionals(text, pos, 1)
            args.append(opts[0] if opts else macro.default)
            need -= 1
        for _ in range(need):
            got = read_group(text, pos, limit=MAX_EXPANSION)
            if got is None:
                m = re.match(r"\s*(\\[A-Za-z@]+|[^\s{}\\%])", text[pos : pos + 64])
                if m is None:
                    return None
                args.append(m.group(1))
                pos += m.end()
            else:
                args.append(got[0])
                pos = got[1]
        return args, pos

    def expand_names(self, value: str, depth: int = 0) -> str:
        """``value`` with parameterless macros replaced (file names, key lists)."""
        if "\\" not in value or depth > MAX_DEPTH:
            return value

        def one(m: re.Match[str]) -> str:
            macro = self.defs.get(m.group(1))
            if macro is None or macro.nargs:
                return m.group(0)
            return macro.body

        out = CS.sub(one, value)
        return out if out == value else self.expand_names(out, depth + 1)

    def count(self) -> bool:
        """Count one expansion; False once the document's budget is spent."""
        self.expansions += 1
        if self.expansions > MAX_EXPANSIONS:
            self.limited = True
            return False
        return True


def substitute(body: str, args: list[str]) -> str:
    """``body`` with ``#1``… replaced by ``args`` (``##`` becomes ``#``)."""

    def one(m: re.Match[str]) -> str:
        if m.group(0) == "##":
            return "#"
        k = int(m.group(1)) - 1
        return args[k] if k < len(args) else ""

    return _PARAM.sub(one, body)[:MAX_EXPANSION]


def _split_top(text: str) -> list[str]:
    """Split ``a=1, b={x,y}`` at top-level commas."""
    parts: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def split_options(text: str) -> list[str]:
    """Package options ``[a, b=c]`` as items."""
    return _split_top(text)
