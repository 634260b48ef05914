"""numeric-order (CC108): first-mention order, skipped and repeated list numbers."""

from __future__ import annotations

from pathlib import Path

import citecheck

LIST = (
    "## References\n\n"
    "1. Smith J. Sleep. J Sleep. 2020;1:1-2.\n"
    "2. Jones K. Caffeine. J Sleep. 2019;2:3-4.\n"
    "3. Adams L. Screens. J Sleep. 2018;3:5-6.\n"
)


def _findings(tmp_path: Path, text: str) -> list[citecheck.model.findings.Finding]:
    path = tmp_path / "paper.md"
    path.write_text(text, encoding="utf-8")
    settings = citecheck.Settings(offline=True, select=("numeric-order",))
    return list(citecheck.check([path], settings, root=tmp_path).findings)


def test_in_order_is_clean(tmp_path: Path) -> None:
    text = "Short [1]. Screens [2], caffeine [3], again [1].\n\n" + LIST
    assert _findings(tmp_path, text) == []


def test_out_of_order_first_mention(tmp_path: Path) -> None:
    found = _findings(tmp_path, "Short [1]. Screens [3], caffeine [2].\n\n" + LIST)
    assert [f.message for f in found] == [
        "[2] is first cited after [3]: numbers should follow the order of first mention"
    ]


def test_numbers_missing_from_the_list_or_never_cited_are_left_to_other_rules(
    tmp_path: Path,
) -> None:
    # [7] has no entry (cited-not-listed) and 3 is never cited (listed-not-cited):
    # neither is an order problem.
    assert _findings(tmp_path, "Short [1]. Screens [2], caffeine [7].\n\n" + LIST) == []


def test_skipped_and_repeated_numbers(tmp_path: Path) -> None:
    text = (
        "A [1], b [2], c [3].\n\n"
        + LIST
        + "3. Brown M. Other. J. 2017;4:7-8.\n5. Lee P. X. J. 2016;5:1.\n"
    )
    messages = [f.message for f in _findings(tmp_path, text)]
    assert "the number 3 is given to more than one entry" in messages
    assert "the reference list skips number 4" in messages


def test_author_year_never_triggers(tmp_path: Path) -> None:
    text = (
        "Trust (Smith, 2020) and later (Adams, 2018).\n\n## References\n\n"
        "Adams, L. (2018). Screens. J, 3, 5.\nSmith, J. (2020). Sleep. J, 1, 1.\n"
    )
    assert _findings(tmp_path, text) == []


def test_a_sorted_list_with_one_misread_name_is_not_checked_for_order(tmp_path: Path) -> None:
    # a numeric-alphabetical list (biblatex "numeric" sorts by name) read from a PDF:
    # entry 3's first author came out as "Ed" (an editor's abbreviation); "de Zoete"
    # is filed under Z
    sorted_list = (
        "## References\n\n"
        "1. Cassee N. Helper. J Soft. 2020;1:1-2.\n"
        "2. Meyer B. Testing. Computer. 2008;41:99-101.\n"
        "3. Ed. Reviews. In: Book. 2019.\n"
        "4. Sadowski C. Review. ICSE. 2018;1:1.\n"
        "5. Senthil K. Tests. J Soft. 2021;3:5-6.\n"
        "6. de Zoete L. Solvers. TACAS. 2008;1:337.\n"
    )
    text = "Tests [2] and reviews [1], [4], [3], [5], [6].\n\n" + sorted_list
    assert _findings(tmp_path, text) == []
    # a list in citation order stays checked
    assert len(_findings(tmp_path, "Short [1]. Screens [3], caffeine [2].\n\n" + LIST)) == 1


LIST5 = LIST + ("4. Brown M. Naps. J Sleep. 2017;4:7-8.\n5. Lee P. Light. J Sleep. 2016;5:9-10.\n")


def test_a_table_placed_in_the_flow_is_left_out_of_the_order(tmp_path: Path) -> None:
    # Journals number a work first cited in a table at the table's call-out: the
    # table's [4] before the text's [2] is no order problem.
    text = (
        "Short sleep [1] is common (Table 1).\n\n"
        "Table 1 Studies of sleep and screens.\n\n"
        "| Study | Finding |\n\n| Brown | Naps help [4] |\n\n"
        "Screens [2] and caffeine [3] delay it; light [5].\n\n" + LIST5
    )
    assert _findings(tmp_path, text) == []


def test_a_legend_and_a_box_are_left_out_of_the_order(tmp_path: Path) -> None:
    text = (
        "# Sleep\n\nShort sleep [1] is common.\n\n"
        "**Figure 1.** Hours of sleep by age, adapted from [5].\n\n"
        "## Background\n\nScreens [2] delay it.\n\n"
        "#### Box 1. Naps\n\nNaps help [4].\n\n"
        "## Caffeine\n\nCaffeine [3] too; naps again [4]; light [5].\n\n" + LIST5
    )
    assert _findings(tmp_path, text) == []


def test_the_running_text_is_still_checked_around_floats(tmp_path: Path) -> None:
    text = (
        "Short sleep [1] is common.\n\n"
        "| Study | Finding |\n|---|---|\n| Brown | Naps help [4] |\n\n"
        "Caffeine [3] delays it, and so do screens [2]; light [5].\n\n" + LIST5
    )
    assert [f.message for f in _findings(tmp_path, text)] == [
        "[2] is first cited after [3]: numbers should follow the order of first mention"
    ]


def test_prose_that_opens_with_a_table_label_is_running_text(tmp_path: Path) -> None:
    # "Table 1 lists ..." is a sentence, not a caption: its citations keep their place.
    text = (
        "Short sleep [1] is common.\n\n"
        "Table 1 lists the studies of caffeine [3] and screens [2].\n\n" + LIST
    )
    assert len(_findings(tmp_path, text)) == 1
