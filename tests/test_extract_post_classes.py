"""Error classes of posts and organisations (round 16p), one test each, in synthetic sentences of the construction's
form: each fails on the extractor before the round."""

from edugraph.extract import extract_facts
from edugraph.extract.mentions import cut_word_start


def _posts(facts: dict) -> dict[str, list[tuple[str, str | None]]]:
    return {p["name"]: [(post["post"], post["org"]) for post in p["posts"]] for p in facts["persons"]}


def test_a_cut_excerpt_names_no_organisation_by_its_half_word():
    """The feed's excerpts are cut at a length (102 of the 172 real articles end in a letter): a post's organisation
    or a place that runs into the half word is incomplete (b_11, i_06, l_06, en_28)."""
    text = ("В совещании участвовали педагоги района. " * 15 + "Выступил Петров Иван Сергеевич, глава Усть-Кутского "
            "муниципального ра")
    facts = extract_facts(text, "ru")
    assert not any(o.endswith(" ра") for o in facts["organisations"])
    assert all(org is None for posts in _posts(facts).values() for _, org in posts)
    duma = extract_facts("Педагоги района собрались на совещание. " * 15 +
                         "Выступил Иван Петров, депутат Тверской областной Думы Миха", "ru")
    assert _posts(duma)["Иван Петров"] == [("депутат", "Тверская областная Дума")]  # what is left is a name
    english = extract_facts("Teachers of the region met at the forum. " * 15 +
                            "Olga Smirnova, a physics teacher at the Regional Physics and Mat", "en")
    assert not any(o.endswith("Mat") for o in english["organisations"])


def test_a_text_that_ends_in_a_whole_word_is_not_cut():
    """A credit line without a full stop ends in a dictionary word, a short text is no excerpt: nothing is cut."""
    lead = "Педагоги района собрались на совещание. " * 15
    assert cut_word_start(lead + "Фото: Пресс-служба Правительства области") is None
    assert cut_word_start(lead + "Выступил депутат Думы.") is None
    assert cut_word_start("How Moscow came to lure specialists from Tatarstan") is None  # a headline, not an excerpt
    text = lead + "Выступил депутат Московской областной Думы Миха"
    assert text[cut_word_start(text):] == "Миха"


def test_the_head_of_an_office_is_its_holder_not_a_second_post():
    """«Глава области» of one named «губернатор», «глава Минпросвещения» of the minister: one post (a_04, f_05,
    j_04)."""
    text = ("Глава Тверской области Игорь Руденя посетил школу. Губернатор Игорь Руденя осмотрел классы. "
            "Глава Минпросвещения Анна Смирнова и министр просвещения России Анна Смирнова открыли центр.")
    posts = _posts(extract_facts(text, "ru"))
    assert [title for title, _ in posts["Игорь Руденя"]] == ["губернатор"]
    assert all(title != "глава" for title, _ in posts["Анна Смирнова"])


def test_an_english_name_ends_at_a_blank_line():
    """A headline has no full stop: a capitalised name at its end does not run into the next paragraph (en_18,
    en_27, en_50: "International School Olympiads\\n\\nOn December")."""
    text = "Pupils met at Tomsk Lyceum Academy\n\nOn May 5 the pupils of Tomsk Lyceum Academy won the contest."
    assert all("\n" not in o for o in extract_facts(text, "en")["organisations"])


def test_an_english_title_case_headline_names_no_organisation():
    """Every word of a title-case headline is capitalised: its capitals found nowhere else name nothing (en_18)."""
    text = ("Region to Open New Hubs to Teach Robotics From School Age\n\nThe region plans to open twelve hubs. "
            "Pupils of Tomsk Lyceum No. 5 will study there.")
    organisations = extract_facts(text, "en")["organisations"]
    assert not any("Teach" in o for o in organisations) and any("Lyceum" in o for o in organisations)


def test_a_town_the_gazetteer_lacks_after_its_kind_word():
    """«города Майского», «города Грязи», «п.Созимский»: a town named after «город», «п.» that neither NER nor the
    gazetteer knows is a place in the nominative (f_03, k_07, l_07); a name after it («Глава города Дмитрий …»)
    or the plural «городов» is none."""
    text = ("Победила учитель школы № 5 города Заречного. В школе № 4 города Грязи прошёл урок. Участник из "
            "п.Созимский. Поздравил Глава города Дмитрий Юрьевич Волков. Союз городов Центра и Севера.")
    places = extract_facts(text, "ru")["places"]
    assert {"Заречный", "Грязи", "Созимский"} <= set(places)
    assert "Дмитрий" not in places and "Центра" not in places
