"""The team's JATS converter (``shared/tools/jats_to_text.py``) with two fixes for the
reference list it writes, used to build the PLOS part of the running-text corpus.

Usage (as the converter)::

    python -m bench.realworld.jats_fixed ARTICLE.xml -o OUTDIR [--converter PATH]

The converter is loaded from ``--converter`` (default
``/work/shared/tools/jats_to_text.py``) and left unchanged; this wrapper mends what it
renders for each reference:

- an entry whose text starts with the digits of its label (a year, "2006. A handbook",
  or a number) lost the label: the converter took the text as already labelled, so the
  numbered list skipped a number and every later entry moved up by one;
- an ``element-citation`` that holds only a ``comment`` (an unpublished work, a web
  page described in words) came out empty; its words are the entry now.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

DEFAULT = Path("/work/shared/tools/jats_to_text.py")


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("jats_to_text", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the converter {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def patch(module: ModuleType) -> None:
    """Replace the module's ``Converter`` with the mended one."""
    base: Any = module.Converter

    class Mended(base):  # type: ignore[misc, valid-type]
        def ref_record(self, ref: Any, order: int) -> dict[str, Any]:
            rec: dict[str, Any] = super().ref_record(ref, order)
            rendered = str(rec.get("rendered") or "")
            if not rendered.strip():
                words = [
                    module.plain(el)
                    for el in ref.iter()
                    if module.local(el.tag) == "comment" and module.plain(el)
                ]
                rendered = module.norm_ws(" ".join(words))
            label = rec.get("label") or ""
            number = re.fullmatch(r"\[?(\d+)\]?\.?", label)
            if (
                number
                and rendered.startswith(label)
                and not re.match(rf"\[?{number.group(1)}\]?[.)]?\s", rendered)
            ):
                rendered = f"{number.group(1)}. {rendered}"
            rec["rendered"] = rendered
            return rec

    module.Converter = Mended


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    path = DEFAULT
    if "--converter" in args:
        i = args.index("--converter")
        path = Path(args[i + 1])
        del args[i : i + 2]
    module = _load(path)
    patch(module)
    return int(module.main(args))


if __name__ == "__main__":
    sys.exit(main())
