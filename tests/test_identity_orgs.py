"""One entity, one node, for organisations and places: a body named by its function only, a network centre and a
numbered school without a place are the article's own; an ambiguous district is the article's city's; federal
bodies by the article's date; one key for a region's body whatever the language; labels that name the entity."""

from __future__ import annotations

from pathlib import Path

from edugraph import gazetteer
from edugraph.articles import Article, read_article
from edugraph.build import article_facts
from edugraph.resolve import resolve_article
from support.articles import organisation, resolved

ARTICLES = Path(__file__).parent / "dev" / "articles"


def org(name: str, text: str = "", places: tuple[str, ...] = (), ident: str = "t1", date: str = "2023-10-30",
        place: str | None = None, language: str = "ru"):
    """The record of one organisation named in an article of that text, places and metadata."""
    article = Article(id=ident, text=text, title="", language=language, date=date, place=place)
    return resolve_article(article, {"organisations": [name], "places": list(places)}).organisations[0]


def test_a_body_named_by_its_function_only_is_the_one_of_the_articles_place():
    luki = org("Управление образования", place="Великие Луки", ident="a1")
    assert luki.key != org("Управление образования", place="Казань", ident="a2").key
    assert luki.key == org("управления образования", place="Великие Луки", ident="a3").key
    assert luki.place_ids == ("velikiye-luki",) and luki.labels.ru == "Управление образования (Великие Луки)"
    # a district the gazetteer lacks, in no known region: the article's own (two «Октябрьский район» stay two)
    assert org("отдел образования", place="Октябрьский район", ident="a1").key != \
        org("отдел образования", place="Октябрьский район", ident="a2").key
    assert org("администрация района", place="Казань").key != org("администрация района", place="Омск").key
    assert org("министерство образования", place="Казань").place_ids == ("tatarstan",)  # a regional head


def test_a_network_centre_without_a_place_is_keyed_by_the_articles_place():
    balakhna = org("IT-куб", place="Балахна", ident="a1")
    assert balakhna.key == "it-cube-balakhna" and balakhna.place_ids == ("balakhna",)
    assert org("IT-куб", place="Городец", ident="a2").key != org("IT-куб", place="Семёнов", ident="a3").key
    growth = org("Центр образования «Точка Роста»", places=("Красноярский край",), place="Шарыпово")
    assert growth.place_ids == ("sharypovo",) and "sharypovo" in growth.key  # a town of GeoNames (make_towns.py)


def test_a_digital_education_centre_is_an_it_cube():
    assert gazetteer.find_initiative("центр цифрового образования детей")["id"] == "it-cube"
    assert org("Центр цифрового образования детей", place="Балахна").key == org("IT-куб", place="Балахна").key


def test_an_ambiguous_district_is_one_of_a_city_the_article_names():
    biryuch = org("администрация Красногвардейского района", places=("Красногвардейский район",), place="Бирюч")
    assert "saint-petersburg-krasnogvardeysky-district" not in biryuch.place_ids
    spb = org("администрация Красногвардейского района", place="Санкт-Петербург")
    assert spb.place_ids == ("saint-petersburg-krasnogvardeysky-district",)
    shelekhov = org("школа № 14 Шелеховского района Иркутской области",
                    places=("Ростов-на-Дону", "Шелеховский район", "Иркутская область"), place="Ростов-на-Дону")
    assert shelekhov.key == "school-14-irkutsk-oblast"


def test_a_numbered_school_is_in_the_place_written_with_it_else_the_articles_own():
    text = "Ivan Serkin (Izmailovo School № 1508, Moscow), Daria (School № 234, St. Petersburg)."
    izmailovo = org("Izmailovo School № 1508", text, ("St. Petersburg", "Moscow"), place="St. Petersburg",
                    language="en")
    assert izmailovo.key == "school-1508-moscow"
    text = ("Winners: Comprehensive Secondary School No. 16 and Gymnasium No. 2 of Sarov, "
            "Lyceum No. 91 of Zheleznogorsk.")
    sarov = org("Comprehensive Secondary School No. 16", text, ("Zheleznogorsk", "Sarov"), place="Moscow",
                language="en")
    assert sarov.key == "school-16-sarov"
    unplaced = org("Lyceum No. 230", text, ("Zheleznogorsk", "Sarov"), place="Moscow", language="en")
    assert unplaced.key == "school-230-t1"  # an article of two regions that is neither's: the article's own
    stavropol = org("МБОУ СОШ №30 окружной столицы", places=("Ставрополь",), place="Ставрополь")
    assert "stavropol" not in stavropol.key  # «окружной столицы»: Pyatigorsk, a place the name gives, not the city
    vikulovo = org("Викуловской школы №2", place="Тюмень")
    assert vikulovo.key != org("Исетской СОШ № 2", place="Тюмень").key != org("школа № 2", place="Тюмень").key
    assert vikulovo.labels.en == "Vikulovsky School No. 2, Vikulovo"  # its adjective names a town of the region


def test_the_ministry_of_education_and_science_is_not_its_successor():
    before = organisation("Министерство образования и науки РФ", date="2018-03-02")
    minobrnauki = organisation("Минобрнауки России", date="2018-03-02")
    after = organisation("Минобрнауки России", date="2020-01-10")
    assert before.key == minobrnauki.key == "ministerstvo-obrazovaniye-nauka-rossiya"
    assert after.key == "ministerstvo-nauka-obrazovaniye-rossiya"
    assert before.labels.en == "Ministry of Education and Science of the Russian Federation"
    assert organisation("Министерство образования РФ", date="2016-05-01").key == before.key  # in charge of schools


def test_a_regions_body_and_a_federal_body_have_one_key_whatever_the_language():
    english = organisation("Ministry of education of the Moscow region", language="en")
    assert english.key == organisation("Министерство образования Московской области").key
    assert organisation("Government of the Russian Federation", language="en").key == \
        organisation("Правительство РФ").key == organisation("Правительство России").key
    assert organisation("Правительство Ленобласти").key == organisation("Правительство Ленинградской области").key
    assert organisation("Волгоградская областная Дума").key != organisation("Волгоградская городская Дума").key
    assert organisation("Министерство образования и науки Московской области").key != english.key


def test_labels_name_the_organisation_and_tell_two_apart():
    names = ["Администрация Президента РФ", "Следственный комитет России", "Управление президента РФ по общественным "
             "проектам", "Департамент управления имущественным комплексом Министерства просвещения России"]
    labels = [organisation(name).labels.en for name in names]
    assert len(set(labels)) == len(labels) and not any(label.startswith("Government body") for label in labels)
    facts = {"organisations": ["Московский физико-технический институт",
                               "Московский финансово-юридический университет"]}
    mipt, mfua = resolved(facts, place="Москва").organisations
    assert mipt.labels.en != mfua.labels.en


def test_a_country_inside_quotes_is_a_proper_name_not_where_an_organisation_is():
    """real_ru_d_04: «С приветственным словом выступила директор школы №83, член партии «Единая Россия» Виктория
    Новикова»: the school (in Ногинск-9, Moscow Oblast) was located in Russia and labelled «Школа № 83 (Россия)»."""
    article = read_article(ARTICLES / "real_ru_d_04_noginsk9_tochka_rosta.txt")
    school = next(o for o in resolve_article(article, article_facts(article, {})).organisations
                  if o.key == "school-83-moscow-oblast")
    assert "russia" not in school.place_ids and school.labels.ru == "Школа № 83 (Московская область)"
    assert org("MIA «Russia Today»", language="en").place_ids == ()
    assert org("Министерство просвещения РФ").place_ids == ("russia",)  # written outside quotes: its country


def test_a_legal_form_does_not_tell_two_organisations_apart():
    """real_ru_c_02 «директор ФГАУ «Фонд развития новых форм образования» Марина Ракова» and real_ru_g_03 «директор
    «Фонда новых форм развития образования» Марина Ракова»: one fund, two nodes while «ФГАУ» was part of its key. A
    name left with too few words to tell it apart keeps its legal form («МУ «Методический центр»»)."""
    keys = []
    for ident in ("real_ru_c_02_izhevsk_kvantorium", "real_ru_g_03_voronezh_kvantorium_opening"):
        article = read_article(ARTICLES / f"{ident}.txt")
        keys.append({o.key for o in resolve_article(article, article_facts(article, {})).organisations
                     if "fond" in o.key and "forma" in o.key})
    assert len(keys[0]) == 1 and keys[0] == keys[1]
    assert org("МБОУ «Лицей казачества народов Юга России»").key == org("Лицей казачества народов Юга России").key
    assert org("МУ «Методический центр»").key != org("Методический центр").key


def test_the_sirius_centre_is_one_node_whatever_an_english_article_calls_it():
    """"Sirius educational centre for gifted children" (real_en_32), "Sirius center for gifted children" (real_en_13),
    "The Sirius educational center for talented and gifted children … at the Sirius center and the Sirius
    university" (real_en_37): one centre, three nodes before; the university stays apart, keyed by its full name
    (institutions.yaml: "Sirius University of Science and Technology")."""
    keys = set()
    for ident in ("real_en_13_omsk_growth_point", "real_en_32_sochi_sirius_putin_lukashenko_visit",
                  "real_en_37_sirius_donetsk_center_talks"):
        article = read_article(ARTICLES / f"{ident}.txt")
        keys |= {o.key for o in resolve_article(article, article_facts(article, {})).organisations
                 if "sirius" in o.key}
    university = org("Sirius University of Science and Technology", language="en").key
    assert keys == {"obrazovatelny-tsentr-sirius", university}
    assert org("Образовательного центра «Сириус»").key == "obrazovatelny-tsentr-sirius"


def test_a_numbered_school_an_event_opens_is_in_the_events_place():
    """real_en_33 (new schools across Russia): «So, according to the Agency, 1 September in Kazan will open …
    multidisciplinary gymnasium №180», «In Naberezhnye Chelny on September 1 to open the secondary school №41»: the
    place is written before the school, which was keyed by the article id and located nowhere."""
    article = read_article(ARTICLES / "real_en_33_russia_76_new_schools_september.txt")
    schools = {o.key: o.place_ids for o in resolve_article(article, article_facts(article, {})).organisations}
    assert schools["school-180-kazan"] == ("kazan",)
    assert schools["school-41-naberezhnye-chelny"] == ("naberezhnye-chelny",)


def test_a_technopark_with_a_name_of_its_own_is_no_kvantorium():
    """real_ru_j_07 «Технопарк «Якутия» и ИТ-парк Якутска готовы оказывать в этом всестороннюю поддержку» and
    real_ru_j_06 «детский технопарк «Наукоград»» (Moscow's, on the premises of a university) were labelled
    «Кванториум (Республика Саха (Якутия))» and «Кванториум (Москва)», keyed as those regions' Kvantoriums."""
    for ident, wording in (("real_ru_j_07_pokrovsk_it_center_opening", "Технопарк «Якутия»"),
                           ("real_ru_j_06_moscow_naukograd_sobyanin", "Детский технопарк «Наукоград»")):
        article = read_article(ARTICLES / f"{ident}.txt")
        found = next(o for o in resolve_article(article, article_facts(article, {})).organisations
                     if o.wording.lower() == wording.lower())
        assert not found.key.startswith("kvantorium") and found.labels.ru == wording
    assert org("детский технопарк «Кванториум»", place="Пенза").key == "kvantorium-penza"


def test_a_name_the_sentence_quoted_in_the_genitive_is_labelled_in_the_nominative():
    """real_ru_g_03 «директор «Фонда новых форм развития образования» Марина Ракова»: the organisation was labelled
    «Фонда новых форм развития образования» in quotes, as the sentence put it."""
    article = read_article(ARTICLES / "real_ru_g_03_voronezh_kvantorium_opening.txt")
    fund = next(o for o in resolve_article(article, article_facts(article, {})).organisations if "fond" in o.key)
    assert fund.labels.ru == "Фонд новых форм развития образования"
    assert org("«БелПресса»").labels.ru == "«БелПресса»"  # a proper name in quotes keeps them


def _keys_of(ident: str, words: tuple[str, ...]) -> set[str]:
    """The keys of the organisations of a real article whose key holds every one of `words`."""
    article = read_article(ARTICLES / f"{ident}.txt")
    return {o.key for o in resolve_article(article, article_facts(article, {})).organisations
            if all(word in o.key for word in words)}


def test_a_national_institution_is_one_node_whatever_the_language():
    """real_en_27 "a student at the Moscow Institute of Physics and Technology" and real_ru_h_04 «в Московском
    физико-техническом институте … ректор МФТИ Дмитрий Ливанов»; real_en_30 "Chair of the State Duma Committee on
    Education Irina Belykh" and real_ru_e_04 «председатель Комитета Государственной Думы по просвещению»: one
    institute and one committee, an English and a Russian node each before."""
    mipt = _keys_of("real_en_27_kirov_vasilyeva_olympiad_winners", ("physics",)) | \
        _keys_of("real_en_27_kirov_vasilyeva_olympiad_winners", ("fiziko",))
    assert mipt == _keys_of("real_ru_h_04_mipt_olympiad_coaches_awards", ("fiziko",)) == \
        {"institut-moskovsky-fiziko-tekhnichesky"}
    assert org("МФТИ").key == org("Moscow Institute of Physics and Technology", language="en").key
    committee = _keys_of("real_en_30_all_russian_pedagogical_congress", ("duma",))
    assert committee == _keys_of("real_ru_e_04_teacher_of_year_russia_2023", ("duma", "komitet")) == \
        {"gosudarstvenny-duma-komitet-prosveshcheniye"}
    assert org("Комитет Государственной Думы").key != committee.pop()  # the Duma's other committees stay apart


def test_a_universitys_abbreviation_is_the_university():
    """real_en_10 "representatives of Pskov state university … Rector of PskovSU Yury Demyanenko": one university, two
    nodes, the rector heading the one the abbreviation named."""
    assert _keys_of("real_en_10_pskov_august_council", ("pskovsu",)) | \
        _keys_of("real_en_10_pskov_august_council", ("pskov", "university")) == {"pskov-state-university"}
    assert org("ПсковГУ").key == org("Псковский государственный университет").key == "pskov-state-university"
    # of the class its own name gives, not a plain organisation by its abbreviation (one row per kind in a query)
    assert org("PskovSU", language="en").cls == "University" and org("Минпрос").cls == "GovernmentBody"


def test_a_regional_body_of_moscow_oblast_is_not_in_the_city_of_moscow():
    """real_ru_i_06 (Ivanteevka, Moscow Oblast) «депутат Московской областной Думы»: the regional Duma was located in
    the city of Moscow, a federal subject of its own; a city Duma of Moscow and Volgograd's regional Duma keep
    theirs."""
    article = read_article(ARTICLES / "real_ru_i_06_ivanteevka_teacher_of_year_contest.txt")
    duma = next(o for o in resolve_article(article, article_facts(article, {})).organisations if "duma" in o.key)
    assert duma.place_ids == ("moscow-oblast",)
    assert org("Московская городская Дума").place_ids == ("moscow",)
    assert org("Волгоградская областная Дума").place_ids == ("volgograd",)


def test_a_numbered_organisation_of_no_known_kind_keeps_its_number_and_place():
    """real_ru_i_06 «учитель … образовательного комплекса № 11», beside «Конкурс проходил в образовательном комплексе
    № 8»; real_ru_b_16 «в Пятигорске в городском доме культуры №1»: the key was the main words without the number,
    so every «Образовательный комплекс № N» of every town was one node, located nowhere."""
    article = read_article(ARTICLES / "real_ru_i_06_ivanteevka_teacher_of_year_contest.txt")
    complex_11 = next(o for o in resolve_article(article, article_facts(article, {})).organisations
                      if "kompleks" in o.key)
    assert "11" in complex_11.key and complex_11.labels.ru.startswith("Образовательный комплекс № 11")
    assert complex_11.place_ids == ("ivanteyevka",)  # a town of GeoNames (make_towns.py)
    assert org("образовательный комплекс № 8", place="Ивантеевка", ident="real_ru_i_06").key != complex_11.key
    article = read_article(ARTICLES / "real_ru_b_16_pyatigorsk_august_conference.txt")
    house = next(o for o in resolve_article(article, article_facts(article, {})).organisations if "kultura" in o.key)
    assert house.place_ids == ("pyatigorsk",)
    assert org("Городской дом культуры", place="Пятигорск").key == "gorodskoy-dom-kultura"  # no number: as before


def test_a_regions_body_named_by_its_function_only_is_the_one_named_with_its_region():
    """real_en_23 (Tula) "the Ministry of Education in the region" and real_ru_f_07 «министр образования Тульской
    области»; real_ru_b_09 «пресс-служба Минобразования Подмосковья» and «Министерство образования Московской
    области»: one ministry each, two nodes before (`education-ministry-region-tula-oblast`, keyed by its words)."""
    tula = _keys_of("real_en_23_tula_teaching_as_calling", ("ministry", "tula"))
    assert tula == _keys_of("real_ru_f_07_tula_kvantorium_marathon", ("ministry", "tula")) == \
        {"ministry-education-tula-oblast"}
    assert org("Минобразования", place="Химки").key == org("Министерство образования Московской области").key
    # a municipal body keeps its words: a district's and a town's council of one article stay two
    assert org("районный совет", place="Гай").key != org("городской совет", place="Гай").key
