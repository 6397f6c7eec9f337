"""Curated corrections: format checks and merge rules (curated facts win)."""

from __future__ import annotations

import pytest

from edugraph.curation import apply_curation, load_curation
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


@pytest.mark.parametrize("text, message", [
    ("add: [unclosed", "malformed curation file"),
    ("- just\n- a list\n", "must be a mapping"),
    ("article: other\n", "does not match the file name"),
    ("additions: {}\n", "unknown keys"),
    ("add: {events: [{type: meeting}]}\n", "'name' is a required property"),
    ("add: {events: [{name: X, type: party}]}\n", "is not one of"),
    ("add: {people: []}\n", "'add' must be a mapping with keys among"),
    ("replace: {a: 1}\n", "'replace' must map strings to strings"),
])
def test_malformed_curation_is_refused_in_one_line(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(EduGraphError) as caught:
        load_curation(path, "a1")
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
