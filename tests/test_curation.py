"""Curated corrections: format checks and merge rules (curated facts win)."""

from __future__ import annotations

import pytest

from edugraph.curation import apply_curation, check_curation_folder, load_curation
from edugraph.errors import EduGraphError

EXTRACTED = {
    "persons": [{"name": "Вера Князева", "posts": [{"post": "директор", "org": "школа № 777"}]},
                {"name": "Вера Владимировна"}],
    "organisations": ["Отдел образования Администрации Кирвоского района"],
    "places": ["Санкт-Петербург"],
    "initiatives": ["Kvantorium"],
    "events": [{"name": "Заседание", "type": "meeting", "date": "2024", "participants": 100}],
}


def write(tmp_path, text, name="a1.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_curated_facts_win(tmp_path):
    path = write(tmp_path, """
article: a1
replace: {"Кирвоского": "Кировского"}
remove: {persons: ["вера   владимировна"], initiatives: [Kvantorium]}
add:
  events: [{name: "Заседание", type: meeting, date: "2024-08-29", participants: 120}]
  initiatives: [IT-cube]
""")
    merged = apply_curation(EXTRACTED, load_curation(path, "a1"))
    assert [p["name"] for p in merged["persons"]] == ["Вера Князева"]
    assert merged["organisations"] == ["Отдел образования Администрации Кировского района"]
    assert merged["initiatives"] == ["IT-cube"]
    assert merged["events"] == [{"name": "Заседание", "type": "meeting", "date": "2024-08-29", "participants": 120}]
    assert EXTRACTED["initiatives"] == ["Kvantorium"], "the extracted facts are not modified in place"


def test_missing_curation_file_changes_nothing(tmp_path):
    assert apply_curation(EXTRACTED, load_curation(tmp_path / "none.yaml", "none")) == EXTRACTED


@pytest.mark.parametrize("text, message, line", [
    ("add: [unclosed", "malformed curation file", 1),
    ("- just\n- a list\n", "must be a mapping", 1),
    ("note: x\narticle: other\n", "does not match the file name", 2),
    ("additions: {}\n", "unknown keys", 1),
    ("add:\n  events: [{type: meeting}]\n", "'name' is a required property", 2),
    ("add: {events: [{name: X, type: party}]}\n", "is not one of", 1),
    ("add: {people: []}\n", "'people' was unexpected", 1),
    ("replace: {a: 1}\n", "'replace.a': 1 is not of type 'string'", 1),
    # issue 11 item 4: wrong data that used to be written with exit 0
    ('replace: {"": "XX"}\n', "should be non-empty", 1),
    ("add:\n  events:\n    - {name: X, date: \"31.02.2023\"}\n", "does not match", 3),
    ("add:\n  events:\n    - name: X\n      date: 2023-02-31\n", "not a date that exists", 4),
    ("add: {events: [{name: X, date: '0000-00-00'}]}\n", "not a date that exists", 1),
    ("add: {events: [{name: X, participants: -5}]}\n", "less than the minimum of 0", 1),
    ("add: {persons: [{name: ''}]}\n", "should be non-empty", 1),
    ("add: {persons: [{name: '!!!'}]}\n", "has no letter or digit", 1),
    ("add:\n  organisations: [Школа, '🙂']\n", "has no letter or digit", 2),
    ("add: {persons: [{name: Вера, posts: [{post: x, org: '-'}]}]}\n", "has no letter or digit", 1),
    ("add: {events: [{name: X, participants: 1.5}]}\n", "is not of type", 1),
    ('note: "\\ud800"\n', "lone UTF-16 surrogate", 1),
    # issue 11 item 6: duplicate keys used to keep the last silently
    ("replace:\n  a: b\n  a: c\n", "duplicate key 'a' (first at line 2)", 3),
    ("remove: {persons: [X]}\nremove: {places: [Y]}\n", "duplicate key 'remove'", 2),
    # issue 11 item 3: an alias bomb, deep nesting
    ("a: &a [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1 if i else ''}, *a{i - 1 if i else ''}]\n" for i in range(60)),
     "more than 100 YAML aliases", 52),
    ("a: &a [x, x]\n" + "".join(f"a{i}: &a{i} [*a{i - 1 if i else ''}, *a{i - 1 if i else ''}]\n" for i in range(40)),
     "aliases expand to more than 100000 values", 1),
    ("note: " + "[" * 100 + "]" * 100 + "\n", "nested deeper than", 1),
])
def test_malformed_curation_is_refused_in_one_line(tmp_path, text, message, line):
    path = write(tmp_path, text)
    with pytest.raises(EduGraphError) as caught:
        load_curation(path, "a1")
    assert message in str(caught.value) and f"{path}:{line}:" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_aliases_within_the_limits_are_read(tmp_path):
    path = write(tmp_path, "note: &n text\nremove: {persons: [*n]}\n")
    assert load_curation(path, "a1").get("remove") == {"persons": ["text"]}


def test_dates_stay_strings(tmp_path):
    path = write(tmp_path, "add: {events: [{name: Заседание, date: 2024-08-29}]}\n")
    assert load_curation(path, "a1").get("add")["events"][0]["date"] == "2024-08-29"


def test_unmatched_replace_and_remove_are_warned_with_their_line(tmp_path, capsys):
    path = write(tmp_path, """article: a1
replace:
  "Кирвоского": "Кировского"
  "Нигде": "Никогда"
remove:
  persons: ["Вера Князева", "Иван Нет"]
""")
    merged = apply_curation(EXTRACTED, load_curation(path, "a1"))
    assert [p["name"] for p in merged["persons"]] == ["Вера Владимировна"]
    warnings = capsys.readouterr().err.splitlines()
    assert warnings == [f"edugraph: warning: {path}:4: replace 'Нигде' matches nothing extracted",
                        f"edugraph: warning: {path}:6: remove.persons 'Иван Нет' matches nothing extracted"]


@pytest.mark.parametrize("name, message", [
    ("a1.yml", "rename it to a1.yaml"),
    ("zz.yaml", "curation for an article that does not exist"),
])
def test_curation_folder_files_the_build_would_skip_are_refused(tmp_path, name, message):
    write(tmp_path, "note: x\n", name)
    with pytest.raises(EduGraphError, match=message):
        check_curation_folder(tmp_path, {"a1"})


def test_missing_or_non_folder_curation_is_refused(tmp_path):
    with pytest.raises(EduGraphError, match="does not exist"):
        check_curation_folder(tmp_path / "nope", {"a1"})
    with pytest.raises(EduGraphError, match="is not a folder"):
        check_curation_folder(write(tmp_path, "x"), {"a1"})


def test_shacl_catches_what_slips_past_the_curation_checks():
    """Facts that never went through a curation file (a negative count, a date that does not exist)
    still make the graph invalid, and the build fails unless --allow-invalid."""
    from edugraph.articles import read_article
    from edugraph.mapping import article_graph
    from edugraph.ontology import load_ontology, load_shapes
    from edugraph.output.write import union
    from edugraph.paths import ARTICLES, ONTOLOGY, SHAPES
    from edugraph.reasoning import infer
    from edugraph.resolve import resolve_article
    from edugraph.validation import validate

    article = read_article(ARTICLES / "002_413037bb6e5346a1.txt")
    ontology, shapes = load_ontology(ONTOLOGY), load_shapes(SHAPES)
    messages = []
    for event in ({"date": "2023-02-03", "participants": -5}, {"date": "2023-02-31", "participants": 5}):
        facts = {"persons": [], "organisations": [], "places": [], "initiatives": [],
                 "events": [{"name": "Заседание совета", "type": "meeting"} | event]}
        graph = article_graph(resolve_article(article, facts))
        report = validate(union([graph, infer(graph, ontology)[0]]), shapes, ontology)
        messages.append(report.text)
    assert "participantCount" in messages[0] and "MinInclusive" in messages[0]
    assert "eg:startDate" in messages[1]
