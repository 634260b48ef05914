import json

from citecheck.loaders.csljson import load_references

ITEMS = [
    {
        "id": "nam2011",
        "type": "paper-conference",
        "title": "Conceptualizing smart city with dimensions of technology, people, and institutions",
        "author": [
            {"family": "Nam", "given": "Taewoo"},
            {"family": "Pardo", "given": "Theresa A."},
        ],
        "issued": {"date-parts": [[2011, 6]]},
        "page": "282-291",
        "DOI": "10.1145/2037556.2037602",
    },
    {
        "id": "who",
        "type": "report",
        "author": [{"literal": "World Health Organization"}],
        "issued": {"raw": "2020"},
        "title": "Report",
    },
    {
        "id": "berg",
        "type": "article-journal",
        "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}],
        "issued": {"date-parts": [["2019"]]},
        "container-title": "Journal",
        "volume": "3",
    },
]


def test_items_and_lines(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(ITEMS, indent=2), encoding="utf-8")
    refs, problems = load_references(path, "refs.json")
    assert problems == []
    assert [r.key for r in refs] == ["nam2011", "who", "berg"]
    assert refs[0].year == "2011" and refs[0].doi == "10.1145/2037556.2037602"
    assert refs[0].kind == "conference" and refs[0].pages == "282-291"
    assert refs[1].authors[0].corporate and refs[1].year == "2020"
    assert refs[2].authors[0].family == "van der Berg" and refs[2].year == "2019"
    assert refs[0].location.line == 2
    assert refs[1].location.line > refs[0].location.line


def test_broken_json_is_a_problem(tmp_path):
    path = tmp_path / "refs.json"
    path.write_text('[{"id": "a", "title": "x"', encoding="utf-8")
    refs, problems = load_references(path, "refs.json")
    assert refs == [] and len(problems) == 1 and "could not be parsed" in problems[0].message
