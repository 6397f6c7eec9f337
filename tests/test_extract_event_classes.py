"""Events, round 16e: one test per class of event error fixed (docs/EXTRACTION.md, "Round 16e"), each a synthetic
sentence in the construction's form, and the two review findings of events.py."""

from edugraph.extract import extract_facts


def _main_people(text: str, lang: str, date: str) -> list[str] | None:
    facts = extract_facts(text, lang, {"date": date})
    return facts["events"][0].get("participant_persons")


def test_persons_referred_and_dated_elsewhere_together_never_empty_the_main_event():
    # the only person is named in a sentence of another day: the guard applies to all the absent persons together
    text = ("15 мая в Томске прошла конференция учителей информатики. 3 мая Иван Петров открыл центр «IT-куб» в "
            "Северске.")
    assert _main_people(text, "ru", "2024-05-16") != []


def test_a_person_dated_elsewhere_beside_one_at_the_event_is_still_left_out():
    text = ("15 мая в Томске прошла конференция учителей информатики. Её открыл министр Сергей Смирнов. 3 мая Иван "
            "Петров открыл центр «IT-куб» в Северске.")
    assert _main_people(text, "ru", "2024-05-16") == ["Сергей Смирнов"]


def test_a_photographer_is_read_from_the_credit_lines_sources_reads():
    # the whole credit line, however long, as sources.py reads it (a copy of the pattern looked 160 characters back)
    credit = "Фото: " + ", ".join(f"пресс-служба управления образования района № {i}" for i in range(4))
    text = (f"15 мая в Томске прошла конференция учителей, её открыл министр Сергей Смирнов.\n{credit}, Дмитрий "
            "Куткин\n")
    assert _main_people(text, "ru", "2024-05-16") == ["Сергей Смирнов"]
