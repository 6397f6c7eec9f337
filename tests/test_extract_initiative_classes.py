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


def test_every_federal_project_of_the_education_national_project_by_its_quoted_name():
    """The gazetteer holds every federal project of «Образование» (2019–2024), not only those the articles named."""
    for text, lang, project in (
            ("Консультационные центры работают в рамках федерального проекта «Поддержка семей, имеющих детей» "
             "национального проекта «Образование».", "ru", "Support for Families with Children"),
            ("Конкурс проходит в рамках федерального проекта «Социальные лифты для каждого».", "ru",
             "Social Lifts for Everyone"),
            ("Число иностранных студентов выросло благодаря проекту «Экспорт образования».", "ru",
             "Export of Education"),
            ("The centres were created under the Support for Families with Children federal project.", "en",
             "Support for Families with Children")):
        assert project in _initiatives(text, lang), text


def test_the_federal_projects_of_youth_and_children_in_russian_and_english():
    found = _initiatives("Школа отремонтирована по федеральному проекту «Всё лучшее детям» национального проекта "
                         "«Молодёжь и дети», учителя прошли курсы по проекту «Педагоги и наставники».", "ru")
    assert {"All the Best for Children", "Teachers and Mentors", "National project Youth and Children"} <= set(found)
    found = _initiatives("Teachers receive the payments under the federal project \"Teachers and Mentors\" of the "
                         "national project \"Youth and Children\".", "en")
    assert "Teachers and Mentors" in found and "National project Youth and Children" in found


def test_the_slogan_and_the_year_are_not_the_federal_projects_of_their_words():
    assert "All the Best for Children" not in _initiatives("Девиз лагеря прост: «Всё лучшее — детям!»", "ru")
    found = _initiatives("The forum opened the Year of Teachers and Mentors in the region.", "en")
    assert found == ["Year of the Teacher and Mentor"]


def test_the_other_national_projects_after_their_kind_word():
    # real_en_44 (a quoted single word, named "Demography" before) and real_en_68 (the name before its kind)
    for text, lang, project in (
            ("He emphasized that pre-school education is also developing in the region - thanks to the national "
             "project “Demography”, the government managed to attract a billion rubles.", "en",
             "National project Demography"),
            ("The development of normative and technical documents is being carried out within the framework of the "
             "Housing and Urban Environment national project.", "en", "National project Housing and Urban Environment"),
            ("Детская школа искусств получила инструменты по нацпроекту «Культура».", "ru", "National project Culture"),
            ("Лаборатории открыты в рамках национального проекта «Наука и университеты».", "ru",
             "National project Science and Universities")):
        assert project in _initiatives(text, lang), text
    assert _initiatives("Культура речи и семья — темы классного часа; the national project staff met.", "ru") == []


def test_named_federal_programmes_of_education():
    for text, programme in (
            ("Гимназия № 2 получила статус «Школа Минпросвещения России».",
             "School of the Ministry of Education of Russia"),
            ("Университет вошёл в программу «Приоритет-2030».", "Priority 2030"),
            ("В регионе откроются две передовые инженерные школы.", "Advanced Engineering Schools"),
            ("Старшеклассники учатся программированию на курсах проекта «Код будущего».", "Code of the Future"),
            ("Первоклассники стали участниками программы «Орлята России».", "Eaglets of Russia"),
            ("Центры опережающей профессиональной подготовки созданы в 80 регионах.",
             "Centres for Advanced Vocational Training"),
            ("Две школы отремонтируют по программе модернизации школьных систем образования.",
             "Presidential programme of school capital repairs")):
        assert programme in _initiatives(text, "ru"), text


def test_the_project_of_advisers_for_upbringing_not_an_advisers_post():
    text = ("С сентября 2023 года во Владимирской области стартует проект «Советник директора по воспитанию и "
            "взаимодействию с детскими общественными объединениями», реализуемый в рамках федерального проекта "
            "«Патриотическое воспитание граждан Российской Федерации».")  # real_ru_k_08
    assert "Advisers to School Directors for Upbringing" in _initiatives(text, "ru")
    post = "Советник директора по воспитанию Анна Петрова провела классный час."
    assert "Advisers to School Directors for Upbringing" not in _initiatives(post, "ru")


def test_one_centre_or_school_of_a_programme_is_not_the_programme():
    for text in ("Директор передовой инженерной школы ТПУ выступил на форуме.",
                 "Методист Центра непрерывного повышения профессионального мастерства педагогических работников "
                 "Кузбасса провела семинар.",  # dev06: the reader lists the centre, an organisation, only
                 "ЦОПП Тюменской области провёл чемпионат."):
        assert _initiatives(text, "ru") == [], text


def test_english_federal_projects_unquoted_after_their_kind_or_in_another_translation():
    for text, project in (
            ("The centres were opened within the federal project Modern School of the national project Education.",
             "Modern School"),
            ("Colleges received workshops under the federal project Young Professionals.", "Young Professionals"),
            ("The technopark was created under the Success for Every Child federal project.", "Success of Every Child"),
            ("The college joined the Professionalism federal project this year.", "Professionalitet")):
        assert project in _initiatives(text, "en"), text


# ---- round 22 (s22en): data completed, each test a sentence of a real article

def test_a_national_project_of_technological_leadership_after_np():
    # real_en_81: "NP", the English rendering of «НП», before a national project of 2025–2030 the list lacked
    text = 'Within the framework of the NP "Unmanned Aviation Systems", work is underway to equip educational ' \
           'organizations with equipment.'
    assert _initiatives(text, "en") == ["National project Unmanned Aircraft Systems"]
    assert _initiatives('Within the framework of the "Education" NP, the Ministry is implementing 3 federal '
                        'projects.', "en") == ["National project Education"]
    assert _initiatives("Школы получат оборудование по нацпроекту «Беспилотные авиационные системы».", "ru") == \
        ["National project Unmanned Aircraft Systems"]


def test_the_patriotic_education_project_by_its_english_renderings():
    # real_en_81: "of Russian citizens" as well as "of citizens of the Russian Federation"
    text = 'Within the framework of the project "Patriotic education of Russian citizens", equipment with state ' \
           'symbols is being supplied to 1,177 schools.'
    assert _initiatives(text, "en") == ["Patriotic Education"]
