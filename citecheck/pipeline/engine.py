"""The run: files -> documents -> links -> resolutions -> topic scores -> findings.

Nothing here prints or exits; problems the user must fix raise
:class:`~citecheck.model.errors.InputError`, everything else becomes data in the report.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import Any

from citecheck._version import __version__
from citecheck.citations.cap import LAST_CAP
from citecheck.citations.known import listed_beside, listed_names
from citecheck.linking import link
from citecheck.loaders import (
    load_manuscript,
    load_reference_file,
    looks_like_manuscript,
    manuscript_suffixes,
    refcap,
    reference_suffixes,
)
from citecheck.loaders.files import inside
from citecheck.model.document import Document, Location, Problem, Reference
from citecheck.model.errors import InputError
from citecheck.model.findings import FileSummary, Finding, Report, Severity, SkippedCheck
from citecheck.model.prepared import Prepared
from citecheck.model.resolution import Resolutions
from citecheck.model.settings import Settings
from citecheck.model.topic import DocumentTopic
from citecheck.pipeline.batch import dask_workers, ordered_map, worker_count, workers
from citecheck.rules import all_rules
from citecheck.rules.base import Rule, RuleContext, matches
from citecheck.text.names import NAME_THRESHOLD

Progress = Callable[[str, int, int], None]


def display_path(path: Path, root: Path) -> str:
    """Relative POSIX path for output (absolute only when outside ``root``)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def collect_manuscripts(paths: Sequence[str], root: Path) -> list[Path]:
    """Expand directories into the manuscripts they hold; keep files as given."""
    if not paths:
        default = root / "manuscripts"
        if default.is_dir():
            paths = [str(default)]
        else:
            raise InputError(
                "no manuscript given: name one or more files or folders "
                "(or run inside a repository with a manuscripts/ folder)"
            )
    found: list[Path] = []
    suffixes = manuscript_suffixes()
    for raw in paths:
        p = Path(raw)
        if not p.is_absolute():
            p = root / p
        if p.is_dir():
            inner = sorted(
                q
                for q in p.rglob("*")
                if q.is_file()
                and q.suffix.lower() in suffixes
                and not _hidden(q, p)
                and inside(q, (p,))  # a symlink out of the folder is not followed
                and looks_like_manuscript(q)
            )
            if not inner:
                raise InputError(
                    f"{raw}: no manuscripts in this folder (looked for {', '.join(sorted(suffixes))})"
                )
            found.extend(inner)
        elif p.exists():
            found.append(p)
        else:
            raise InputError(f"{raw}: no such file or folder")
    unique: dict[Path, None] = {}
    for p in found:
        unique.setdefault(p, None)
    return list(unique)


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def _reference_files_for(
    manuscript: Path, root: Path, settings: Settings
) -> tuple[list[Path], bool]:
    """Reference files to merge into a manuscript, and whether they are shared.

    Explicit ``--references`` always apply. Otherwise ``references/<stem>.*`` next
    to a ``manuscripts/`` folder belongs to the manuscript of that stem; any other
    file in ``references/`` is a shared bibliography (unused entries not reported).
    """
    if settings.references:
        files = [Path(r) if Path(r).is_absolute() else root / r for r in settings.references]
        return files, settings.shared_bibliography
    folder = root / "references"
    if not folder.is_dir():
        return [], False
    suffixes = reference_suffixes()
    candidates = sorted(q for q in folder.iterdir() if q.is_file() and q.suffix.lower() in suffixes)
    own = [q for q in candidates if q.stem == manuscript.stem]
    if own:
        return own, settings.shared_bibliography
    return [], False


def _sibling_reference_files(manuscript: Path) -> list[Path]:
    """A reference file beside a manuscript without a reference list (a submissions
    folder): the one of the same stem, else the only one in a folder holding only
    this manuscript."""
    suffixes = reference_suffixes()
    try:
        beside = sorted(q for q in manuscript.parent.iterdir() if q.is_file())
    except OSError:
        return []
    refs = [q for q in beside if is_reference_file(q) and q.suffix.lower() in suffixes]
    own = [q for q in refs if q.stem == manuscript.stem]
    if own:
        return own
    others = [q for q in beside if q != manuscript and q.suffix.lower() in manuscript_suffixes()]
    return refs if len(refs) == 1 and not others else []


def within_size_limit(path: Path, limit: int) -> None:
    """Refuse a file larger than ``max-file-bytes`` with a message that names the knob."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the loader reports a missing or unreadable file in its own words
    if size > limit:
        raise InputError(
            f"{path}: {size:,} bytes is larger than the limit of {limit:,} "
            "(raise it with max-file-bytes in the configuration)"
        )


def prepare(path: Path, root: Path, settings: Settings) -> Prepared:
    """Load one manuscript, merge its reference files, and link it."""
    with refcap.document():  # one references budget for everything this document reads
        return _prepare(path, root, settings)


def is_reference_file(path: Path) -> bool:
    """A file that can only be a reference list (``.bib``, ``.ris``, CSL-JSON/YAML)."""
    suffix = path.suffix.lower()
    return suffix in reference_suffixes() and suffix not in manuscript_suffixes()


def _reference_document(path: Path, shown: str) -> Document:
    """A reference file checked on its own: its entries, no text, nothing cited.

    Duplicates, DOIs, registry records and metadata are checked; whether an entry
    is cited cannot be, so unused entries are not reported.
    """
    refs, problems = load_reference_file(path, shown)
    return Document(
        path=shown,
        format="references",
        references=tuple(refs),
        problems=tuple(problems),
        bibliography_found=True,
        reference_files=(shown,),
        allow_uncited=True,
    )


def _load_manuscript(path: Path, shown: str) -> Document:
    """The manuscript as its loader reads it, with a problem when its citations were cut."""
    LAST_CAP.set(None)
    doc = load_manuscript(path, shown)
    capped = LAST_CAP.get()
    if capped is None:
        return doc
    line, kept, total = capped
    return doc.model_copy(
        update={
            "problems": (
                *doc.problems,
                Problem(
                    message=f"more than {kept:,} possible in-text citations (about "
                    f"{total:,}): only those up to line {line:,} were read and checked",
                    location=Location(path=shown, line=line, column=1),
                    kind="citation-limit",
                    evidence={"kept": kept, "marks": total},
                ),
            )
        }
    )


def _prepare(path: Path, root: Path, settings: Settings) -> Prepared:
    shown = display_path(path, root)
    within_size_limit(path, settings.max_file_bytes)
    if is_reference_file(path):
        doc = _fill_ditto_authors(_reference_document(path, shown))
        return Prepared(document=doc, links=link(doc))
    doc = _load_manuscript(path, shown)
    ref_files, shared = _reference_files_for(path, root, settings)
    if not ref_files and not settings.references and not doc.references:
        ref_files = _sibling_reference_files(path)
    # a LaTeX or Pandoc document may already have read the same file
    already = set(doc.reference_files)
    ref_files = [rf for rf in ref_files if display_path(rf, root) not in already]
    extra_refs: list[Reference] = []
    problems: list[Problem] = list(doc.problems)
    if ref_files:
        refcap.cite(c.key for c in doc.citations)
    for rf in ref_files:
        within_size_limit(rf, settings.max_file_bytes)
        refs, probs = load_reference_file(rf, display_path(rf, root))
        extra_refs.extend(refs)
        problems.extend(probs)
    if extra_refs and not (doc.citations and all(c.style == "key" for c in doc.citations)):
        # The text was read without the names these files list ("(Google AI, 2024)",
        # "(Republik Indonesia, 2014)" are authors only when a list says so): read it
        # again knowing them (its own list already counted in this document's budget).
        own = len(doc.problems)
        with listed_beside(listed_names(extra_refs)), refcap.document():
            doc = _load_manuscript(path, shown)
        problems = [*doc.problems, *problems[own:]]
    if ref_files:
        # Key citations (\cite{key} in a Markdown file built through LaTeX, [@key]) are
        # resolved by BibTeX/biber/citeproc, which print only the cited entries of a
        # database: a .bib/CSL file given for them is a library, not the printed list.
        generated = (
            not doc.references
            and bool(doc.citations)
            and all(c.style == "key" for c in doc.citations)
            and all(r.source in ("bibtex", "csl-json") for r in extra_refs)
        )
        doc = doc.model_copy(
            update={
                "cited_only_database": doc.cited_only_database or generated,
                "references": doc.references + tuple(extra_refs),
                "problems": tuple(problems),
                "reference_files": doc.reference_files
                + tuple(display_path(rf, root) for rf in ref_files),
                "allow_uncited": doc.allow_uncited or shared,
            }
        )
    doc = _fill_ditto_authors(doc)
    threshold = settings.threshold("name_similarity", NAME_THRESHOLD)
    return Prepared(document=doc, links=link(doc, name_threshold=threshold))


def _shared_file_findings_once(findings: list[Finding], docs: Sequence[Document]) -> list[Finding]:
    """A reference file used by several manuscripts: each of its findings once.

    An entry of a shared file is "never cited" only when no manuscript using the
    file cites it.
    """
    users: dict[str, int] = {}
    for doc in docs:
        for ref_file in set(doc.reference_files) - {doc.path}:
            users[ref_file] = users.get(ref_file, 0) + 1
    counts: dict[tuple[str, Location, str], int] = {}
    for f in findings:
        if f.location and users.get(f.location.path, 0) > 1:
            key = (f.code, f.location, f.message)
            counts[key] = counts.get(key, 0) + 1
    out: list[Finding] = []
    for f in findings:
        if f.location is None or users.get(f.location.path, 0) < 2:
            out.append(f)
            continue
        key = (f.code, f.location, f.message)
        n = counts.pop(key, None)
        if n is None:
            continue  # already kept
        if f.rule == "listed-not-cited" and n < users[f.location.path]:
            continue  # another manuscript cites it
        out.append(f)
    return out


def _fill_ditto_authors(doc: Document) -> Document:
    """ "———. (2019)." entries repeat the previous entry's authors (Chicago, MLA)."""
    if not any(r.fields.get("ditto") == "true" for r in doc.references):
        return doc
    refs = list(doc.references)
    for i in range(1, len(refs)):
        if refs[i].fields.get("ditto") == "true" and not refs[i].authors:
            refs[i] = refs[i].model_copy(
                update={"authors": refs[i - 1].authors, "et_al": refs[i - 1].et_al}
            )
    return doc.model_copy(update={"references": tuple(refs)})


def active_rules(settings: Settings) -> list[Rule]:
    """Rules left after ``select`` and ``ignore``."""
    rules = list(all_rules())
    if settings.select:
        rules = [r for r in rules if matches(r, settings.select)]
    if settings.ignore:
        rules = [r for r in rules if not matches(r, settings.ignore)]
    return rules


def _suppressions(doc: Document) -> dict[Location, tuple[str, ...]]:
    """Inline suppression marks by the location of the citation or entry they silence."""
    marks: dict[Location, tuple[str, ...]] = {}
    located: list[tuple[Location, tuple[str, ...]]] = [
        *((c.location, c.suppressed) for c in doc.citations),
        *((r.location, r.suppressed) for r in doc.references),
    ]
    for loc, names in located:
        if names:
            marks[loc] = marks.get(loc, ()) + names
    return marks


def _suppressed(finding: Finding, marks: dict[Location, tuple[str, ...]]) -> bool:
    """Whether a suppression on the finding's citation or entry covers its rule."""
    if not marks or finding.location is None:  # hashing a Location is not free
        return False
    names = marks.get(finding.location, ())
    return any(m in ("*", "all", finding.rule, finding.code.lower()) for m in names)


def _with_severity(finding: Finding, settings: Settings) -> Finding:
    override = settings.severity.get(finding.rule) or settings.severity.get(finding.code)
    if override is None:
        return finding
    return finding.model_copy(update={"severity": Severity(override)})


def registry_summary(
    prepared: Sequence[Prepared],
    resolutions: Sequence[Resolutions | None],
    settings: Settings,
) -> dict[str, Any]:
    """The registry verdict of every printed reference, counted (docs/registries.md)."""
    from citecheck.registry.matching.thresholds import Thresholds
    from citecheck.registry.verdict import counts, verdict

    t = Thresholds.from_settings(settings)
    found = []
    listed: list[dict[str, Any]] = []
    for item, resolved in zip(prepared, resolutions, strict=True):
        # The references the rules judge: uncited database entries are not printed.
        printed = RuleContext(document=item.document, links=item.links, settings=settings).printed
        for i, ref in enumerate(item.document.references):
            res = (resolved or {}).get(i)
            if res is not None and i in printed:
                v = verdict(ref, res, t)
                found.append(v)
                entry: dict[str, Any] = {
                    "path": ref.location.path,
                    "line": ref.location.line,
                    "status": v.status,
                }
                if v.registry:
                    entry["registry"] = v.registry
                if v.record:
                    entry["record"] = v.record
                if v.status != "verified":
                    entry["asked"] = [a.to_json() for a in v.asked]
                listed.append(entry)
    return {**counts(found), "references": listed}


def run_rules(
    prepared: Prepared,
    rules: Iterable[Rule],
    settings: Settings,
    *,
    resolutions: Resolutions | None = None,
    topic: DocumentTopic | None = None,
) -> list[Finding]:
    """Every finding of ``rules`` on one prepared document, suppressions applied.

    ``resolutions`` and ``topic`` are what the registry and topic stages returned for
    this document (None when the stage did not run).
    """
    ctx = RuleContext(
        document=prepared.document,
        links=prepared.links,
        settings=settings,
        resolutions=resolutions or {},
        topic=topic,
    )
    marks = _suppressions(prepared.document)  # once per document, not once per finding
    out: list[Finding] = []
    for rule in rules:
        for finding in rule.check(ctx):
            if not _suppressed(finding, marks):
                out.append(_with_severity(finding, settings))
    return out


def check(
    settings: Settings,
    *,
    root: Path | None = None,
    progress: Progress | None = None,
    client: Any | None = None,
    dask: Any | None = None,
) -> Report:
    """Check every manuscript named in ``settings.paths``; return one report.

    ``client`` is an ``httpx`` client for the registry stage (tests inject one with
    a mock transport); by default the resolver builds its own. ``dask`` is a
    connected ``distributed.Client`` whose workers take the per-manuscript work
    (as ``settings.dask_scheduler`` does by address).
    """
    root = root or Path.cwd()
    manuscripts = collect_manuscripts(settings.paths, root)
    if settings.snapshot:  # a named snapshot that cannot be read stops the run before any work
        from citecheck.registry.snapshot import Snapshot

        Snapshot.open(Path(settings.snapshot)).close()
    if dask is not None or settings.dask_scheduler:
        with dask_workers(dask if dask is not None else settings.dask_scheduler) as cluster:
            return _check(manuscripts, settings, root, cluster, progress=progress, client=client)
    with workers(worker_count(settings.jobs, len(manuscripts))) as pool:
        return _check(manuscripts, settings, root, pool, progress=progress, client=client)


def _prepare_task(path: Path, *, root: Path, settings: Settings) -> Prepared:
    return prepare(path, root, settings)


def _judge_task(
    job: tuple[Prepared, Resolutions | None], *, settings: Settings, topic: bool
) -> tuple[DocumentTopic | None, list[SkippedCheck], list[str], list[Finding]]:
    """Topic and rules of one document in a worker: what the serial loop computes for it."""
    item, item_resolutions = job
    found: DocumentTopic | None = None
    skipped: list[SkippedCheck] = []
    notes: list[str] = []
    if topic:
        from citecheck.topic.stage import score_all

        outcome = score_all([item], settings, resolutions=[item_resolutions or {}])
        found, skipped, notes = outcome.topics[0], outcome.skipped, outcome.notes
    rules = active_rules(settings)
    findings = run_rules(item, rules, settings, resolutions=item_resolutions, topic=found)
    return found, skipped, notes, findings


def _check(
    manuscripts: list[Path],
    settings: Settings,
    root: Path,
    pool: Executor | None,
    *,
    progress: Progress | None,
    client: Any | None,
) -> Report:
    """The run, with loading, topic and rules in ``pool`` when there is one; the
    registry stage stays in this process (one cache writer, one rate budget)."""
    prepared = ordered_map(pool, partial(_prepare_task, root=root, settings=settings), manuscripts)
    rules = active_rules(settings)
    skipped: list[SkippedCheck] = []
    notes: list[str] = []

    needs = set().union(*(r.needs for r in rules)) if rules else set()
    registry: dict[str, Any] | None = None
    resolutions: Sequence[Resolutions | None] = [None] * len(prepared)
    topics: Sequence[DocumentTopic | None] = [None] * len(prepared)
    if "registry" in needs:
        from citecheck.registry.resolve import resolve_all  # lazy: httpx and the cache

        # Only the printed references are judged by the registry rules, so only they
        # are asked about (a shared .bib's uncited entries would be thousands of requests).
        printed = [
            RuleContext(document=p.document, links=p.links, settings=settings).printed
            for p in prepared
        ]
        outcome = resolve_all(
            [p.document for p in prepared],
            settings,
            client=client,
            progress=progress,
            only=printed,
        )
        resolutions = outcome.resolutions
        skipped.extend(outcome.skipped)
        notes.extend(outcome.notes)
        registry = registry_summary(prepared, resolutions, settings)
    judged: list[list[Finding]] | None = None
    if pool is not None:  # each worker scores and judges whole documents, in order
        task = partial(_judge_task, settings=settings, topic="topic" in needs)
        results = ordered_map(pool, task, list(zip(prepared, resolutions, strict=True)))
        topics = [r[0] for r in results]
        for _, doc_skipped, doc_notes, _ in results:
            skipped.extend(doc_skipped)
            notes.extend(doc_notes)
        judged = [r[3] for r in results]
    elif "topic" in needs:
        from citecheck.topic.stage import score_all  # lazy: embedding backends

        outcome_t = score_all(prepared, settings, resolutions=[r or {} for r in resolutions])
        topics = outcome_t.topics
        skipped.extend(outcome_t.skipped)
        notes.extend(outcome_t.notes)

    findings: list[Finding] = []
    per_file: list[FileSummary] = []
    for n, (item, item_resolutions, item_topic) in enumerate(
        zip(prepared, resolutions, topics, strict=True)
    ):
        doc_findings = (
            judged[n]
            if judged is not None
            else run_rules(item, rules, settings, resolutions=item_resolutions, topic=item_topic)
        )
        findings.extend(doc_findings)
        per_file.append(
            FileSummary(
                path=item.document.path,
                citations=len(item.document.citations),
                references=len(item.document.references),
                errors=sum(1 for f in doc_findings if f.severity is Severity.ERROR),
                warnings=sum(1 for f in doc_findings if f.severity is Severity.WARNING),
                infos=sum(1 for f in doc_findings if f.severity is Severity.INFO),
            )
        )
        if not item.document.bibliography_found and not item.document.references:
            notes.append(
                f"{item.document.path}: no bibliography section or reference file found; "
                "the citations could not be checked against a reference list"
            )
    findings = _shared_file_findings_once(findings, [p.document for p in prepared])
    findings.sort(key=lambda f: f.sort_key())
    return Report(
        tool_version=__version__,
        files=tuple(p.document.path for p in prepared),
        findings=tuple(findings),
        citations=sum(len(p.document.citations) for p in prepared),
        references=sum(len(p.document.references) for p in prepared),
        skipped_checks=tuple(sorted(set(skipped), key=lambda s: (s.check, s.path or "", s.reason))),
        per_file=tuple(per_file),
        notes=tuple(dict.fromkeys(notes)),
        registry=registry,
        documents=tuple(p.document for p in prepared),
        links=tuple(p.links for p in prepared),
        rules=tuple(r.info() for r in all_rules()),
    )
