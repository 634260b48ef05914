"""Audit every regular expression in citecheck for super-linear matching.

Collects the patterns two ways: compiled ``re.Pattern`` objects reachable from the
modules' globals (including f-string-built ones inside tuples, lists and dicts), and
string literals passed straight to ``re.compile/search/match/sub/...`` in the source
(found with ``ast``). Each pattern is run with ``finditer`` over hostile inputs at
two sizes, n and 4n repetitions of a unit: linear matching takes about 4x as long,
quadratic 16x, exponential never ends. Units are generic troublemakers plus the
literal words and characters of the pattern itself, each also with a failing tail.

Each pattern runs in a child process with a time limit, so a catastrophic one is
reported instead of hanging the audit.

    python -m bench.speed.regex_audit [--n 1000] [--limit 20] [--verbose]

Prints one line per suspicious pattern and a summary; exit status 1 if any pattern
is super-linear when anchored or times out. Super-linear *scanning* (``\\s*x`` searched
over a long run of spaces is quadratic in any backtracking engine) is listed for
review: it matters only where the code searches long text with that pattern.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import multiprocessing as mp
import pkgutil
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

GENERIC_UNITS = (
    "a",
    "A",
    " ",
    "Aa ",
    "Smith, ",
    "Smith ",
    "A. ",
    "A.",
    "a.",
    "1",
    "12 ",
    "(",
    ")",
    "[",
    "]",
    "((",
    "-",
    "–",
    "\n",
    "\n\n",
    "\t",
    ". ",
    ", ",
    "and ",
    "et al. ",
    "10.1234/",
    "/",
    "http://",
    "a-",
    "'",
    "’",
    "&",
    "{",
    "}",
    "\\",
    "Ab Cd ",
    "x@",
    "_",
    "*",
    "#",
    "<",
    ">",
    "=",
    ":",
    "; ",
    "“",
    "2019",
    "2019, ",
    "Smith 2019 ",
    "pp. ",
    "Vol. ",
    "\u00a0",
    "AB",
    "A-B",
    "Ab-",
    "de ",
    "van ",
    "ü",
    "Ö",
    "\u0301",
    "@a",
    "\\cite{",
    "[@",
    "<!--",
    "`",
    "---",
    "1.",
    "[1]",
    "(1) ",
    "a b ",
    "A B ",
    "Aa Bb, ",
    "Smith, J., ",
    "Smith AB, ",
    "http://a.",
    "www.",
    "10.",
    "1-2",
)
TAILS = ("", "!", "\x00", "\n", " (", "1")


def _literal_units(pattern: str) -> list[str]:
    """Words, digits and punctuation the pattern itself mentions."""
    words = re.findall(r"[A-Za-zÀ-ÿ]{2,}|\d+|[^\w\s\\]", pattern)
    seen: dict[str, None] = {}
    for w in words:
        seen.setdefault(w, None)
        seen.setdefault(w + " ", None)
    return list(seen)[:40]


def _walk(obj: Any, out: dict[tuple[str, int], str], where: str, depth: int = 0) -> None:
    if isinstance(obj, re.Pattern):
        if isinstance(obj.pattern, str):
            out.setdefault((obj.pattern, obj.flags), where)
    elif depth < 3 and isinstance(obj, (tuple, list, frozenset, set)):
        for item in obj:
            _walk(item, out, where, depth + 1)
    elif depth < 3 and isinstance(obj, dict):
        for item in obj.values():
            _walk(item, out, where, depth + 1)


_RE_FUNCS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "finditer",
    "findall",
    "split",
}


def _flags(node: ast.expr) -> int:
    """``re.I | re.M`` written in the source, read without evaluating anything."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flags(node.left) | _flags(node.right)
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "re"
    ):
        flag = getattr(re, node.attr, 0)
        return int(flag) if isinstance(flag, re.RegexFlag) else 0
    return 0


def _source_literals(path: Path, module: str, out: dict[tuple[str, int], str]) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _RE_FUNCS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            flags = 0
            for arg in [*node.args[1:], *(k.value for k in node.keywords)]:
                flags |= _flags(arg)
            try:  # the flags a compiled pattern reports (re.UNICODE added), for de-duplication
                flags = re.compile(node.args[0].value, flags).flags
            except re.error:
                continue
            out.setdefault((node.args[0].value, flags), f"{module}:{node.lineno}")


_SCANNING = {"search", "finditer", "findall", "sub", "subn", "split"}
_ANCHORED = {"match", "fullmatch"}


def usage(where: str) -> set[str]:
    """How the package calls a pattern: {"match"} / {"scan"} / both (empty: unknown).

    ``where`` is ``module.NAME`` for named patterns (every ``NAME.method(`` in the
    package counts) or ``module:line`` for a literal passed to ``re.<method>``.
    """
    if ":" in where:
        module, line = where.rsplit(":", 1)
        src = ROOT / (module.replace(".", "/") + ".py")
        if not src.exists():
            src = ROOT / module.replace(".", "/") / "__init__.py"
        lines = src.read_text(encoding="utf-8").splitlines()
        if int(line) > len(lines):  # the file changed since it was imported
            return {"match", "scan"}
        text = lines[int(line) - 1]
        calls = set(re.findall(r"\bre\.(\w+)\(", text))
        if "compile" in calls:  # a compiled literal: look for its name instead
            name = re.match(r"\s*(\w+)\s*=", text)
            return usage(f"{module}.{name.group(1)}") if name else set()
    else:
        name = where.rsplit(".", 1)[1]
        calls = set()
        for path in (ROOT / "citecheck").rglob("*.py"):
            calls |= set(
                re.findall(rf"\b{re.escape(name)}\.(\w+)\(", path.read_text(encoding="utf-8"))
            )
        # Patterns handed around in tuples (``for rx in (A, B): rx.search``) are
        # not found by name: treat them as scanning, the stricter case.
        if not calls:
            return {"match", "scan"}
    out = set()
    if calls & _SCANNING:
        out.add("scan")
    if calls & _ANCHORED:
        out.add("match")
    return out or {"match", "scan"}


def collect() -> dict[tuple[str, int], str]:
    """(pattern, flags) -> where it was found, for every regex in the package."""
    import citecheck

    out: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages(citecheck.__path__, "citecheck."):
        if info.name.endswith("__main__"):  # importing it runs the command line
            continue
        try:
            mod = importlib.import_module(info.name)
        except Exception as exc:  # an optional dependency missing: say so, go on
            print(f"# cannot import {info.name}: {exc}", file=sys.stderr)
            continue
        for name, value in vars(mod).items():
            _walk(value, out, f"{info.name}.{name}")
        if mod.__file__:
            _source_literals(Path(mod.__file__), info.name, out)
    return out


# Super-linear patterns that were reviewed: the code only ever gives them a short,
# bounded piece of text (so their worst case is a constant), or guards them.
REVIEWED = {
    "citecheck.citations.sentences._LAST_WORD": "searched in a 13-character window",
    "citecheck.citations.sentences:11": "searched in a 13-character window",
    "citecheck.fix.bibtex_edit:97": "one BibTeX field value, only under `fix`",
    "citecheck.loaders._latex_meta._CITE_CMD": "the <= 1,000-character sentence around a citation",
    "citecheck.loaders._latex_meta:13": "the <= 1,000-character sentence around a citation",
    "citecheck.loaders._latex_meta:89": "the <= 1,000-character sentence around a citation",
    "citecheck.loaders.markdown._COMMENT": "searched only up to the last '-->' (comments_end)",
    "citecheck.loaders.markdown:24": "searched only up to the last '-->' (comments_end)",
    "citecheck.loaders.pandoc._COMMENT": "searched only up to the last '-->' (comments_end)",
    "citecheck.loaders.pandoc:26": "searched only up to the last '-->' (comments_end)",
    "citecheck.text.names._BRACKETED": "one author string (<= 1,200 characters, a bracket's limit)",
    "citecheck.text.names:57": "one author string (<= 1,200 characters, a bracket's limit)",
    "citecheck.references.authors": "the author part of one reference (<= 4,000 characters)",
    "citecheck.references.container": "the container part of one reference (<= 4,000 characters)",
    "citecheck.references.fields": "one reference string (<= 4,000 characters, MAX_CHARS)",
    "citecheck.references.title": "one reference string (<= 4,000 characters, MAX_CHARS)",
    "citecheck.references.segment": "the last 300 characters of a line",
    "citecheck.registry.matching": "one field value of a reference or a registry record",
}


def reviewed(where: str) -> str | None:
    """Why a flagged pattern is harmless, if it was reviewed."""
    for prefix, why in REVIEWED.items():
        if where == prefix or where.startswith((prefix + ".", prefix + ":")):
            return why
    return None


def _time(fn: Any, text: str) -> float:
    # CPU time of this process: other jobs on a shared machine do not count.
    t0 = time.process_time()
    fn(text)
    return time.process_time() - t0


def _modes(rx: re.Pattern[str]) -> dict[str, Any]:
    """How code runs a pattern: anchored (match) or scanning a text (finditer)."""
    return {
        "match": rx.match,
        "scan": lambda text: [m.end() for m in rx.finditer(text)],
    }


def _superlinear(small: float, large: float) -> bool:
    # 4x the input: linear ~4x, quadratic ~16x. Flag clear super-linear growth that
    # already costs something at the larger size.
    return large > 0.05 and large > 8 * small


def worst(pattern: str, flags: int, n: int, modes: set[str]) -> tuple[str, float, float, str]:
    """(mode, time at n, time at 4n, unit) of the first super-linear case, else the slowest."""
    rx = re.compile(pattern, flags)
    best = ("", 0.0, 0.0, "")
    for mode, fn in _modes(rx).items():
        if mode not in modes:
            continue
        for unit in (*GENERIC_UNITS, *_literal_units(pattern)):
            for tail in TAILS:
                small = _time(fn, unit * n + tail)
                if small < 0.0002:  # even 16x growth would stay under the threshold
                    continue
                large = _time(fn, unit * (4 * n) + tail)
                if _superlinear(small, large):
                    # Confirm with the best of three: a shared machine adds pauses.
                    small = min(_time(fn, unit * n + tail) for _ in range(3))
                    large = min(_time(fn, unit * (4 * n) + tail) for _ in range(3))
                    if _superlinear(small, large):
                        return mode, small, large, unit + tail
                if large > best[2]:
                    best = (mode, small, large, unit + tail)
    return best


def _child(pattern: str, flags: int, n: int, modes: set[str], queue: Any) -> None:
    queue.put(worst(pattern, flags, n, modes))


def audit(n: int, limit: float, verbose: bool) -> int:
    """Run the audit; return the number of suspicious patterns."""
    patterns = collect()
    print(f"{len(patterns)} distinct patterns; sizes {n} and {4 * n} repetitions of each unit")
    counts = {"match": 0, "scan": 0, "timeout": 0, "reviewed": 0}
    ctx = mp.get_context("fork")
    for (pattern, flags), where in sorted(patterns.items(), key=lambda kv: kv[1]):
        modes = usage(where)
        queue = ctx.Queue()
        proc = ctx.Process(target=_child, args=(pattern, flags, n, modes, queue))
        proc.start()
        proc.join(limit)
        why = reviewed(where)
        if proc.is_alive():
            proc.kill()
            proc.join()
            if why is None:
                counts["timeout"] += 1
            print(
                f"TIMEOUT (> {limit:.0f} s) {where} [{'+'.join(sorted(modes))}]"
                f"{f' REVIEWED: {why}' if why else ''}: {pattern[:120]!r}"
            )
            continue
        mode, small, large, unit = queue.get()
        suspicious = _superlinear(small, large)
        if suspicious and why is not None:
            counts["reviewed"] += 1
            print(f"reviewed {where} ({why}): x{large / small if small else 0:.0f} on {unit!r}")
            continue
        if suspicious:
            counts[mode] += 1
        if suspicious or verbose:
            label = f"SUPERLINEAR-{mode.upper()}" if suspicious else "ok"
            ratio = large / small if small else 0.0
            print(
                f"{label} {where}: n={small * 1000:.1f} ms 4n={large * 1000:.1f} ms "
                f"x{ratio:.1f} unit={unit!r} pattern={pattern[:100]!r}"
            )
    print(
        f"super-linear as the package calls them: anchored (match) {counts['match']}, "
        f"scanning (search/finditer/sub) {counts['scan']}, timeouts {counts['timeout']}; "
        f"reviewed and bounded: {counts['reviewed']}"
    )
    return counts["match"] + counts["scan"] + counts["timeout"]


def _entry_points() -> dict[str, Any]:
    """The functions that run the patterns on user text, as the program calls them."""
    from citecheck.citations import extract_citations
    from citecheck.loaders._latex_commands import find_commands
    from citecheck.loaders._latex_scan import mask
    from citecheck.loaders._pandoc_cites import find_cites
    from citecheck.loaders.bibtex import parse_bibtex_string
    from citecheck.loaders.markdown import parse_markdown
    from citecheck.loaders.pandoc import _masked as pandoc_masked
    from citecheck.loaders.ris import parse_ris
    from citecheck.references import parse_reference, split_entries

    return {
        "extract_citations": lambda t: extract_citations(t, path="x.md"),
        "parse_markdown": lambda t: parse_markdown(t, "x.md"),
        "references_section": lambda t: parse_markdown("# References\n\n" + t, "x.md"),
        "parse_reference": parse_reference,
        "split_entries": split_entries,
        "parse_bibtex_string": lambda t: parse_bibtex_string(t, "x.bib"),
        "latex_scan": lambda t: find_commands(mask(t).text),
        "pandoc_masked": lambda t: find_cites(pandoc_masked(t, 0)),
        "parse_ris": lambda t: parse_ris(t, "x.ris"),
    }


def _child_e2e(name: str, n: int, queue: Any) -> None:
    fn = _entry_points()[name]
    worst_case = ("", 0.0, 0.0)
    for unit in GENERIC_UNITS:
        for tail in ("", "!"):
            small = _time(fn, unit * n + tail)
            large = _time(fn, unit * (4 * n) + tail)
            if _superlinear(small, large):
                small = min(_time(fn, unit * n + tail) for _ in range(2))
                large = min(_time(fn, unit * (4 * n) + tail) for _ in range(2))
            if _superlinear(small, large) or large > worst_case[2]:
                worst_case = (unit + tail, small, large)
                if _superlinear(small, large):
                    break
    queue.put(worst_case)


def audit_entry_points(n: int, limit: float) -> int:
    """Whole parsing functions on hostile repetitions: super-linear ones, counted."""
    bad = 0
    ctx = mp.get_context("fork")
    for name in _entry_points():
        queue = ctx.Queue()
        proc = ctx.Process(target=_child_e2e, args=(name, n, queue))
        proc.start()
        proc.join(limit * 5)
        if proc.is_alive():
            proc.kill()
            proc.join()
            bad += 1
            print(f"E2E TIMEOUT {name}")
            continue
        unit, small, large = queue.get()
        label = "E2E SUPERLINEAR" if _superlinear(small, large) else "e2e ok"
        bad += label != "e2e ok"
        print(
            f"{label} {name}: worst unit {unit!r}: {small * 1000:.1f} ms at n={n}, "
            f"{large * 1000:.1f} ms at 4n (x{large / small if small else 0:.1f})"
        )
    return bad


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, default=1000, help="repetitions of a unit (the small size)"
    )
    parser.add_argument(
        "--limit",
        type=float,
        default=20.0,
        help="seconds per pattern before it counts as catastrophic",
    )
    parser.add_argument("--verbose", action="store_true", help="print every pattern's worst case")
    parser.add_argument(
        "--e2e-n", type=int, default=2_000, help="repetitions for the entry-point phase"
    )
    parser.add_argument("--only", choices=("patterns", "e2e"), help="run one phase only")
    args = parser.parse_args()
    bad = 0
    if args.only != "e2e":
        bad += audit(args.n, args.limit, args.verbose)
    if args.only != "patterns":
        bad += audit_entry_points(args.e2e_n, args.limit)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
