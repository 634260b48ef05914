"""--dask-scheduler / citecheck.batch: the batch on a Dask cluster gives the report of --jobs 1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from citecheck.cli import main
from citecheck.model.errors import InputError
from citecheck.model.settings import Settings
from citecheck.pipeline.engine import check
from citecheck.reporters import render
from tests.pipeline.test_jobs import _batch


def _serial(tmp_path: Path) -> str:
    settings = Settings(paths=("manuscripts",), offline=True, no_cache=True, jobs=1)
    return render(check(settings, root=tmp_path), "json")


def test_without_distributed_the_run_stops_with_the_extra_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _batch(tmp_path)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["check", "manuscripts", "--offline", "--no-cache", "--dask-scheduler", "tcp://x:1"]
    )
    assert result.exit_code == 2
    assert "pip install 'citecheck-tool[dask]'" in result.output
    from citecheck.batch import check_on_dask

    with pytest.raises(InputError, match=r"citecheck-tool\[dask\]"):
        check_on_dask(["manuscripts"], "tcp://x:1", root=tmp_path)


def test_a_local_cluster_gives_the_report_of_one_process(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from citecheck.batch import check_on_dask

    _batch(tmp_path)
    expected = _serial(tmp_path)
    settings = Settings(offline=True, no_cache=True)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        by_client = check_on_dask(["manuscripts"], client, settings, root=tmp_path)
        by_address = check_on_dask(
            ["manuscripts"], cluster.scheduler_address, settings, root=tmp_path
        )
    assert render(by_client, "json") == expected
    assert render(by_address, "json") == expected
    assert '"cited-not-listed"' in expected and '"year-mismatch"' in expected


def test_worker_processes_and_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed")
    _batch(tmp_path)
    monkeypatch.chdir(tmp_path)
    command = ["check", "manuscripts", "--offline", "--no-cache", "--format", "json"]
    expected = CliRunner().invoke(main, [*command, "--jobs", "1"])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = CliRunner().invoke(main, [*command, "--dask-scheduler", cluster.scheduler_address])
    assert result.exit_code == expected.exit_code == 1, result.output
    assert result.output == expected.output


def test_an_unreachable_scheduler_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from citecheck.batch import check_on_dask
    from citecheck.pipeline import batch

    monkeypatch.setattr(batch, "DASK_CONNECT_SECONDS", 1.0)

    _batch(tmp_path)
    with pytest.raises(InputError, match="cannot reach the Dask scheduler"):
        check_on_dask(["manuscripts"], "tcp://127.0.0.1:9", root=tmp_path)
