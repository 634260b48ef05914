from pathlib import Path

from citecheck.rules import all_rules
from citecheck.rules.docs import rules_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_every_rule_has_a_complete_doc():
    for rule in all_rules():
        doc = rule.doc or ""
        for section in ("Why it matters", "Example", "Configuration"):
            assert section in doc, f"{rule.name}: missing '{section}'"


def test_codes_and_names_unique_and_well_formed():
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    for r in rules:
        assert r.code.startswith("CC") and r.code[2:].isdigit() and len(r.code) == 5
        assert r.name == r.name.lower() and " " not in r.name


def test_docs_rules_md_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == rules_markdown(), "run: python tools/gen_rules_doc.py"
