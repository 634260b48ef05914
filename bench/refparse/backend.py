"""How the benchmark reaches the parser (CLI or Python API), the real labelled sets,
and the 10,000-string speed measurement."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Protocol

from bench.accuracy import refparse as _gold  # the refparse benchmark's gold loading
from bench.refparse.score import prediction

SPEED_N = 10_000
# shared/ sits beside the checkout (/work/main -> /work/shared; a worktree is one deeper).
SHARED = next(
    (
        p / "shared"
        for p in Path(__file__).resolve().parents
        if (p / "shared" / "datasets").is_dir()
    ),
    Path("/work/shared"),
)


class Backend(Protocol):
    """Parses reference strings into scored-field dicts (see :func:`score.prediction`)."""

    name: str

    def parse(self, texts: list[str]) -> list[dict[str, Any]]: ...

    def refs(self, texts: list[str]) -> list[dict[str, Any]]: ...


class Cli:
    """``citecheck parse --references-only FILE``: one string a line, JSON out."""

    name = "cli"

    def __init__(self) -> None:
        exe = Path(sys.executable).with_name("citecheck")
        self.cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "citecheck"]

    def refs(self, texts: list[str]) -> list[dict[str, Any]]:
        """The parse JSON of each string (an empty dict for a blank one)."""
        lines = [" ".join(t.split()) for t in texts]
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(lines) + "\n")
        try:
            out = subprocess.run(
                [*self.cmd, "parse", "--references-only", fh.name],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            Path(fh.name).unlink()
        by_line = {r["location"]["line"]: r for r in json.loads(out)["references"]}
        return [by_line.get(i + 1, {}) for i in range(len(lines))]

    def parse(self, texts: list[str]) -> list[dict[str, Any]]:
        return [prediction(r) for r in self.refs(texts)]


class Api:
    """``citecheck.references.parse_reference`` in-process."""

    name = "api"

    def __init__(self) -> None:
        from citecheck.model.document import Location
        from citecheck.references import parse_reference, to_reference

        self._parse = parse_reference
        self._to_ref = to_reference
        self._loc = Location(path="-", line=1, column=1)

    def refs(self, texts: list[str]) -> list[dict[str, Any]]:
        out = []
        for t in texts:
            t = " ".join(t.split())
            p = self._parse(t)
            d = self._to_ref(p, text=t, location=self._loc).to_json()
            d["arxiv"] = getattr(p, "arxiv", None)
            out.append(d)
        return out

    def parse(self, texts: list[str]) -> list[dict[str, Any]]:
        return [prediction(r) for r in self.refs(texts)]


def make(name: str) -> Backend:
    """The backend called ``name``."""
    return Cli() if name == "cli" else Api()


def real_items() -> list[Any]:
    """AnyStyle gold, glutton, Crossref APA/Chicago items, as the refparse bench loads them."""
    data = SHARED / "datasets" / "refstrings"
    return [
        *_gold.load_anystyle(data / "anystyle_gold_full.xml"),
        *_gold.load_glutton(data / "glutton_references-doi-matching_sample300.json"),
        *_gold.load_crossref(data),
    ]


def real_split(item: Any) -> str:
    """ "dev" | "holdout" as the refparse bench splits."""
    return str(_gold.split_of(item.key or item.text))


def speed(texts: list[str], be: Backend) -> dict[str, float]:
    """Seconds to parse 10,000 strings (the list cycled): in-process, and through the CLI."""
    batch = (texts * (SPEED_N // max(len(texts), 1) + 1))[:SPEED_N]
    res: dict[str, float] = {}
    try:
        api = Api()
        t0 = time.perf_counter()
        for t in batch:
            api._parse(t)
        res["api_seconds"] = round(time.perf_counter() - t0, 3)
        # CPU seconds, best of three: what the parser costs on a shared machine, where
        # wall time mostly measures the other processes.
        cpu = []
        for _ in range(3):
            c0 = time.process_time()
            for t in batch:
                api._parse(t)
            cpu.append(time.process_time() - c0)
        res["api_cpu_seconds_best_of_3"] = round(min(cpu), 3)
    except ImportError:
        pass
    t0 = time.perf_counter()
    Cli().refs(batch)
    res["cli_seconds_with_startup"] = round(time.perf_counter() - t0, 3)
    return res
