"""Write docs/rules.md from the rules' docstrings."""

from pathlib import Path

from citecheck.rules.docs import rules_markdown

if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    target.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {target}")
