"""Initiatives, round 20e: one test per class of initiative error fixed (docs/EXTRACTION.md, "Round 20e"), each a
sentence of a real article."""

from edugraph.extract import extract_facts


def _initiatives(text: str, lang: str) -> list[str]:
    return extract_facts(text, lang, {"date": "2024-09-02"})["initiatives"]


def test_the_national_project_named_without_quotes_before_its_kind():
    # real_en_66 (and en_44): as the quoted "the national “Education” project" the list already read
    text = "Educational institutions appeared in 3 cities and 12 districts within the framework of the national " \
           "Education project."
    assert _initiatives(text, "en") == ["National project Education"]


def test_the_federal_state_programme_development_of_education_in_any_case():
    # real_ru_o_07 (genitive inside the quotes), real_ru_m_04 («программы РФ»), real_ru_d_05
    for text in ("Новая школа №1 в Ачхой-Мартановском районе построена в рамках государственной программы «Развития "
                 "образования» и рассчитана на 720 посадочных мест.",
                 "Школа построена благодаря национальному проекту «Образование» государственной программы РФ «Развитие "
                 "образования».",
                 "Такая возможность появилась благодаря государственной программе «Развитие образования»."):
        assert "Development of Education" in _initiatives(text, "ru"), text


def test_a_regions_programme_of_the_same_words_is_not_the_federal_one():
    text = "Школу построили по государственной программе Свердловской области «Развитие образования»."
    assert "Development of Education" not in _initiatives(text, "ru")


def test_the_presidential_programme_of_school_repairs_named_or_told_by_the_repairs():
    # real_ru_n_08 (named), real_ru_n_01 («отремонтированы по президентской программе»), real_en_71
    repairs = "Presidential programme of school capital repairs"
    for text, lang in (("На заседании Всероссийского штаба обсудили, как регионы реализуют президентскую программу "
                        "капремонта школ.", "ru"),
                       ("Оба образовательных учреждения в этом году были досрочно отремонтированы по президентской "
                        "программе.", "ru"),
                       ("We discussed with colleagues that the new building will be able to accommodate some middle "
                        "and high school students when we repair the main building of school No. 43 according to the "
                        "presidential program.", "en")):
        assert repairs in _initiatives(text, lang), text


def test_another_presidential_programme_is_not_the_repairs():
    text = "Директор школы прошла Президентскую программу подготовки управленческих кадров."
    assert "Presidential programme of school capital repairs" not in _initiatives(text, "ru")


def test_success_of_each_child_is_the_federal_project_of_every_child():
    # real_en_72: the other translation of «Успех каждого ребёнка», not a programme of its own
    text = ("A network of children's technoparks \"Kvantorium\" is being created throughout the country within the "
            "federal project \"Success of Each Child\" of the Education national project.")
    found = _initiatives(text, "en")
    assert "Success of Every Child" in found and "Success of Each Child" not in found


def test_a_childrens_technopark_in_english_is_the_kvantorium_network():
    """Round 22en: "children's technopark" and "children's science and technology parks" are the English of «детский
    технопарк», which already names the Kvantorium network (real sentences of en_55, en_90); one with a quoted name of
    its own is not, as in Russian."""
    tula = ("“One of the ideas that we wanted to discuss the establishment of a children’s Technopark on the territory "
            "of Tula region.")
    livanov = ("The \"New Model of System of Additional Education of Children\" project is realized together with "
               "Agency of strategic initiatives, and provides creation in the Russian Federation of a network of "
               "children's science and technology parks.")
    for text in (tula, livanov):
        assert "Kvantorium" in _initiatives(text, "en"), text
    assert "Kvantorium" not in _initiatives("Pupils visited the children's technopark «Sarov».", "en")  # our own
