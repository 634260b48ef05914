"""Open a citecheck HTML report in headless Chromium: screenshot it and check its JavaScript.

Usage::

    python tools/html_screenshot.py REPORT.html [--screenshot OUT.png] [--width 1400 --height 2000]
    python tools/html_screenshot.py --demo OUT.png   # render the test suite's sample report first

The page passes when Chromium loads it, its script runs to the end (it sets
``data-citecheck-ready="1"`` on ``<html>``) and the console logged nothing (no
uncaught error, no Content-Security-Policy violation, no blocked network request).
Exit status 0 on success, 1 on a failing page, 2 when Chromium is missing.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
)
_CONSOLE = re.compile(r":CONSOLE(?:\(\d+\))?[:\]]\S*\s*(.*)")
READY = 'data-citecheck-ready="1"'


@dataclass(frozen=True)
class PageCheck:
    """What Chromium saw: whether the script finished, and every console message."""

    ready: bool
    console: tuple[str, ...]
    screenshot: Path | None
    dom: str = ""  # the page's DOM after its scripts ran

    @property
    def ok(self) -> bool:
        """True when the script ran to the end and the console stayed silent."""
        return self.ready and not self.console


def find_chromium() -> str | None:
    """The Chromium binary on PATH (Debian's ``chromium`` package), if any."""
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _run(
    binary: str, args: list[str], url: str, timeout: float
) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="citecheck-chromium-") as profile:
        return subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def check_page(
    page: Path,
    *,
    screenshot: Path | None = None,
    width: int = 1400,
    height: int = 2000,
    timeout: float = 90.0,
    binary: str | None = None,
) -> PageCheck:
    """Load ``page`` once: dump the DOM after its scripts ran, and take a screenshot."""
    binary = binary or find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium not found (apt-get install chromium)")
    args = ["--dump-dom"]
    if screenshot is not None:
        args += [
            f"--screenshot={screenshot.resolve()}",
            f"--window-size={width},{height}",
            "--hide-scrollbars",
        ]
    run = _run(binary, args, page.resolve().as_uri(), timeout)
    console = tuple(m.group(1) for line in run.stderr.splitlines() if (m := _CONSOLE.search(line)))
    if screenshot is not None and not screenshot.exists():
        raise RuntimeError(f"chromium wrote no screenshot: {run.stderr[-2000:]}")
    return PageCheck(
        ready=READY in run.stdout, console=console, screenshot=screenshot, dom=run.stdout
    )


def _demo_report(out: Path) -> Path:
    """Render the reporter tests' sample report (hostile text included) next to ``out``."""
    root = Path(__file__).resolve().parent.parent
    sys.path[:0] = [str(root), str(root / "tests" / "reporters")]
    from reporter_sample import CATALOGUE, make_report  # the tests' fixed sample

    from citecheck.reporters.html import render

    page = out.with_suffix(".html")
    page.write_text(render(make_report(), rules=CATALOGUE), encoding="utf-8")
    return page


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", nargs="?", type=Path, help="the HTML report to open")
    parser.add_argument("--screenshot", type=Path, help="write a PNG screenshot here")
    parser.add_argument(
        "--demo",
        type=Path,
        metavar="OUT.png",
        help="render the sample report and screenshot it to OUT.png",
    )
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=2000)
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    if args.demo:
        page, shot = _demo_report(args.demo), args.demo
    elif args.page:
        page, shot = args.page, args.screenshot
    else:
        parser.error("give a PAGE or --demo OUT.png")
    result = check_page(page, screenshot=shot, width=args.width, height=args.height)
    for message in result.console:
        print(f"console: {message}")
    print(f"script finished: {'yes' if result.ready else 'NO'}")
    if shot:
        print(f"screenshot: {shot}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
