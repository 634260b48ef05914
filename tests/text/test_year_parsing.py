"""Year parsing and agreement."""

from __future__ import annotations

from citecheck.text.years import agreement, distance, parse_year


def test_parse_forms() -> None:
    assert (parse_year("2019a").kind, parse_year("2019a").suffix) == ("year", "a")
    assert parse_year("1900/1953").years == frozenset({1900, 1953})
    for nd in ("n.d.", "nd", "t.t.", "tanpa tahun", "s.f."):
        assert parse_year(nd).kind == "nd", nd
    assert parse_year("n.d.-b").suffix == "b"
    for press in ("in press", "forthcoming", "dalam proses", "In Press"):
        assert parse_year(press).kind == "press", press
    assert parse_year(None).kind == "none" and parse_year("sometime").kind == "none"


def test_agreement() -> None:
    y = parse_year
    assert agreement(y("2020a"), y("2020a")) == 2
    assert agreement(y("2020"), y("2020a")) == 1
    assert agreement(y("2020a"), y("2020b")) == 0
    assert agreement(y("2020"), y("2021")) == 0
    assert agreement(y("n.d."), y("t.t.")) == 2
    assert agreement(y("in press"), y("2021")) == 0
    assert agreement(y("1953"), y("1900/1953")) == 2
    assert agreement(y(None), y("2020")) == 1


def test_distance() -> None:
    assert distance(parse_year("2018"), parse_year("2020")) == 2
    assert distance(parse_year("n.d."), parse_year("2020")) == 99
