"""--jobs: a batch in worker processes gives the report of --jobs 1, byte for byte."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from citecheck.cli import main
from citecheck.model.settings import Settings
from citecheck.pipeline.batch import worker_count
from citecheck.pipeline.engine import check
from citecheck.reporters import render

_REFS = [
    ("Ansell", "2008", "Collaborative governance in theory and practice"),
    ("Emerson", "2012", "An integrative framework for collaborative governance"),
    ("Rahmawati", "2020", "Desa digital dan pelayanan publik"),
    ("Wahyudi", "2018", "Inovasi pelayanan publik berbasis teknologi"),
]


def _manuscript(i: int) -> str:
    cites = " ".join(
        f"As shown ({a}, {int(y) + (i % 2 if k == 0 else 0)})."
        for k, (a, y, _) in enumerate(_REFS[: 2 + i % 3])
    )
    listing = "\n\n".join(
        f"{a}, A. ({y}). {t}. Journal of Tests, {i}(2), 1-9." for a, y, t in _REFS
    )
    return f"# Paper {i}\n\nGroundwater and governance. {cites} Also (Missing, 2001).\n\n## References\n\n{listing}\n"


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "manuscripts"
    folder.mkdir()
    for i in range(7):
        (folder / f"m{i}.md").write_text(_manuscript(i), encoding="utf-8")
    (folder / "empty.md").write_text("# Nothing cited\n\nJust text.\n", encoding="utf-8")
    return folder


def test_two_workers_give_the_report_of_one(tmp_path: Path) -> None:
    _batch(tmp_path)
    reports = []
    for jobs in (1, 2):
        settings = Settings(paths=("manuscripts",), offline=True, no_cache=True, jobs=jobs)
        reports.append(render(check(settings, root=tmp_path), "json"))
    assert reports[0] == reports[1]
    assert '"cited-not-listed"' in reports[0] and '"year-mismatch"' in reports[0]


def test_the_command_line_option(tmp_path: Path) -> None:
    _batch(tmp_path)
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2"):
        result = runner.invoke(
            main,
            [
                "check",
                str(tmp_path / "manuscripts"),
                "--offline",
                "--no-cache",
                "--jobs",
                jobs,
                "--format",
                "json",
            ],
        )
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1]


def test_worker_count() -> None:
    assert worker_count(4, 2) == 2  # never more workers than manuscripts
    assert worker_count(1, 10) == 1
    assert worker_count(0, 1000) >= 1  # 0: the cores this process may use
