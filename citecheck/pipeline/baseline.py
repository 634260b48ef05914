"""Baselines: record today's findings so CI fails only on new ones.

A baseline is a JSON file of finding fingerprints (:meth:`Finding.fingerprint`,
which leaves line numbers out, so editing text above a citation does not make its
old finding "new"). Several findings may share a fingerprint (the same citation
written twice), so matching counts: a fingerprint recorded twice excuses two
findings, and a third one is new.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from citecheck.model.errors import ConfigError, InputError
from citecheck.model.findings import FileSummary, Finding, Report, Severity
from citecheck.pipeline.atomic import write_text_atomic

BASELINE_VERSION = 1
_WORDS = ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "info"))


def numbered_fingerprints(findings: Sequence[Finding]) -> list[str]:
    """One unique id per finding: its fingerprint plus ``:n`` for the n-th repeat.

    Repeats are numbered in report order, so the ids stay stable when lines shift.
    """
    seen: Counter[str] = Counter()
    out: list[str] = []
    for f in findings:
        fp = f.fingerprint()
        n = seen[fp]
        seen[fp] += 1
        out.append(fp if n == 0 else f"{fp}:{n}")
    return out


def baseline_json(report: Report) -> dict[str, Any]:
    """The baseline file's content: sorted entries that people can read in a diff."""
    entries = [
        {
            "fingerprint": f.fingerprint(),
            "code": f.code,
            "rule": f.rule,
            "path": f.location.path if f.location else None,
            "message": f.message,
        }
        for f in report.findings
    ]
    entries.sort(key=lambda e: (e["path"] or "", e["code"], e["fingerprint"], e["message"]))
    return {"schema_version": BASELINE_VERSION, "tool": "citecheck", "findings": entries}


def write_baseline(report: Report, path: Path) -> None:
    """Write the baseline atomically (a crash never leaves half a file)."""
    text = json.dumps(baseline_json(report), indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
    except OSError as exc:
        raise InputError(f"{path}: cannot write baseline: {exc.strerror or exc}") from exc


def load_baseline(path: Path) -> Counter[str]:
    """The fingerprints a baseline file records, with how often each occurs."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(
            f"{path}: baseline file not found (create it with --write-baseline)"
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read baseline: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a citecheck baseline (no 'findings' list)")
    if data.get("schema_version") != BASELINE_VERSION:
        raise InputError(
            f"{path}: baseline schema_version {data.get('schema_version')!r} is not supported"
        )
    counts: Counter[str] = Counter()
    for entry in data["findings"]:
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str):
            raise InputError(f"{path}: a baseline entry has no fingerprint")
        counts[fp] += 1
    return counts


def new_findings(findings: Iterable[Finding], baseline: Counter[str]) -> list[Finding]:
    """Findings not excused by the baseline (each recorded fingerprint excuses one)."""
    left = Counter(baseline)
    out: list[Finding] = []
    for f in findings:
        fp = f.fingerprint()
        if left[fp] > 0:
            left[fp] -= 1
        else:
            out.append(f)
    return out


def apply_baseline(report: Report, baseline: Counter[str]) -> Report:
    """The report with baselined findings removed and the counts redone.

    A note says how many known findings were hidden and how many recorded ones
    are gone (fixed), so people know when to refresh the baseline.
    """
    kept = new_findings(report.findings, baseline)
    hidden = len(report.findings) - len(kept)
    fixed = sum(baseline.values()) - hidden
    notes = list(report.notes)
    if hidden:
        notes.append(f"{hidden} known finding{'s' if hidden != 1 else ''} hidden by the baseline")
    if fixed > 0:
        notes.append(
            f"{fixed} finding{'s' if fixed != 1 else ''} in the baseline no longer occur; "
            "refresh it with --write-baseline"
        )
    return report.model_copy(
        update={
            "findings": tuple(kept),
            "per_file": _recount(report, kept),
            "notes": tuple(notes),
        }
    )


def _recount(report: Report, kept: Sequence[Finding]) -> tuple[FileSummary, ...]:
    """Per-manuscript counts of ``kept``; findings in a reference file count for
    the manuscript that uses it (as the engine counted them)."""
    owner: dict[str, str] = {s.path: s.path for s in report.per_file}
    for doc in report.documents:
        for ref_file in getattr(doc, "reference_files", ()):
            owner.setdefault(ref_file, getattr(doc, "path", ""))
    counts: dict[str, Counter[Severity]] = {s.path: Counter() for s in report.per_file}
    for f in kept:
        path = owner.get(f.location.path) if f.location is not None else None
        if path is not None:
            counts[path][f.severity] += 1
    return tuple(
        s.model_copy(
            update={
                "errors": counts[s.path][Severity.ERROR],
                "warnings": counts[s.path][Severity.WARNING],
                "infos": counts[s.path][Severity.INFO],
            }
        )
        for s in report.per_file
    )


def baseline_step(report: Report, path: str | None, *, write: bool) -> tuple[Report, str | None]:
    """What ``check`` does with ``--baseline``/``--write-baseline``: (report, message).

    Writing records every finding and returns the report whole, so people see what
    they have just accepted; the message says what was written and how to use it.
    """
    if path is None:
        if write:
            raise ConfigError(
                "--write-baseline needs --baseline FILE (or 'baseline' in the configuration)"
            )
        return report, None
    file = Path(path)
    if write:
        before = _recorded(file)
        write_baseline(report, file)
        return report, written_message(report, path, before=before)
    return apply_baseline(report, load_baseline(file)), None


def _recorded(file: Path) -> int | None:
    """How many findings an existing baseline holds (None: none, or unreadable)."""
    try:
        return sum(load_baseline(file).values()) if file.is_file() else None
    except InputError:
        return None


def written_message(report: Report, path: str, *, before: int | None) -> str:
    """What was written, how many findings by severity, and how to use the file."""
    n = len(report.findings)
    by = Counter(f.severity for f in report.findings)
    parts = [
        f"{by[sev]} {word}{'s' if by[sev] != 1 and word != 'info' else ''}"
        for sev, word in _WORDS
        if by[sev]
    ]
    files = len({f.location.path for f in report.findings if f.location is not None})
    what = (
        f"{n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in "
        f"{files} file{'s' if files != 1 else ''}"
        if n
        else "no findings (an empty baseline)"
    )
    was = "" if before is None else f"; it held {before} before"
    return (
        f"wrote baseline {path}: {what}{was}. Commit it; from now on "
        f"'citecheck check --baseline {path}' (or baseline = \"{path}\" under "
        "[tool.citecheck]) reports and fails only on findings that are not in it"
    )
