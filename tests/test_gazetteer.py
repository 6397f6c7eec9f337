"""Gazetteer look-ups."""

import pycountry
import pytest

from edugraph import gazetteer as g
from edugraph.extract import extract_facts


def test_all_89_federal_subjects_with_iso_codes():
    subjects = g.federal_subjects()
    assert len(subjects) == 89
    assert all(s["iso"] and s["iso"].startswith("RU-") for s in subjects)
    official = {s.code for s in pycountry.subdivisions.get(country_code="RU")}
    assert official <= {s["iso"] for s in subjects}
    assert len({s["id"] for s in subjects}) == 89


@pytest.mark.parametrize("name,ident", [
    ("Северная Осетия", "north-ossetia-alania"), ("Республики Северная Осетия — Алания", "north-ossetia-alania"),
    ("North Ossetia", "north-ossetia-alania"), ("Дагестане", "dagestan"), ("РД", "dagestan"),
    ("Republic of Dagestan", "dagestan"), ("Петербурга", "saint-petersburg"), ("СПб", "saint-petersburg"),
    ("St. Petersburg", "saint-petersburg"), ("Москва", "moscow"), ("Moscow", "moscow"), ("РФ", "russia"),
    ("Российской Федерации", "russia"), ("Кыргызстана", "kyrgyzstan"), ("Махачкале", "makhachkala"),
    ("Великого Новгорода", "veliky-novgorod"), ("города Владикавказа", "vladikavkaz"),
    ("Ямало-Ненецкому автономному округу", "yamalo-nenets-autonomous-okrug")])
def test_aliases_and_case_forms(name, ident):
    assert g.find_place(name)["id"] == ident


def test_city_records():
    spb = g.find_place("Санкт-Петербург")
    assert (spb["kind"], spb["iso"], spb["parent"], spb["also_federal_subject"]) == ("city", "RU-SPE", "russia", True)
    assert g.find_place("Моздок")["parent"] == "north-ossetia-alania"
    assert g.find_place("Владикавказ")["iso"] is None


def test_district_disambiguation_by_context():
    assert g.find_place("Кировского района", ["Санкт-Петербург"])["id"] == "saint-petersburg-kirovsky-district"
    kazan = g.find_place("Кировский район", ["Казань"])
    assert (kazan["id"], kazan["parent"]) == ("kazan-kirovsky-district", "kazan")
    assert g.find_place("Kalininsky district")["parent"] == "saint-petersburg"
    assert len([p for p in g.all_places() if p["parent"] == "saint-petersburg" and p["kind"] == "district"]) == 18


@pytest.mark.parametrize("name,ident", [
    ("Центральном федеральном округе", "central-federal-district"), ("ЦФО", "central-federal-district"),
    ("Central Federal District", "central-federal-district"), ("СЗФО", "northwestern-federal-district"),
    ("Северо-Западного федерального округа", "northwestern-federal-district"),
    ("North-Western Federal District", "northwestern-federal-district"), ("ЮФО", "southern-federal-district"),
    ("North Caucasus Federal District", "north-caucasian-federal-district"),
    ("СКФО", "north-caucasian-federal-district"),
    ("Приволжскому федеральному округу", "volga-federal-district"), ("ПФО", "volga-federal-district"),
    ("Urals Federal District", "ural-federal-district"), ("УФО", "ural-federal-district"),
    ("Сибирским федеральным округом", "siberian-federal-district"), ("СФО", "siberian-federal-district"),
    ("Far Eastern Federal District", "far-eastern-federal-district"), ("FEFD", "far-eastern-federal-district")])
def test_a_federal_district_in_any_case_abbreviation_or_english(name, ident):
    record = g.find_place(name)
    assert (record["id"], record["kind"], record["parent"]) == (ident, "federal_district", "russia")


def test_the_eight_federal_districts_enclose_no_place():
    """The federal subjects stay children of Russia: a district is no place's ancestor (region queries and the
    evaluation's place matching see the same places as before). "CFD", "SFD" name no district: ambiguous."""
    districts = {p["id"] for p in g.all_places() if p["kind"] == "federal_district"}
    assert len(districts) == 8
    assert not any(p["parent"] in districts for p in g.all_places())
    assert g.find_place("CFD") is None and g.find_place("SFD") is None and g.find_place("Федеральный округ") is None


def test_initiatives():
    assert g.find_initiative("Кванториумов")["id"] == "kvantorium"
    assert g.find_initiative("ИТ-куба")["en"] == "IT-cube"
    assert g.find_initiative("Point of Growth")["part_of"] == "national-project-education"
    assert g.find_initiative("школьного Кванториума")["part_of"] == "kvantorium"
    assert g.find_initiative("Город – среда развития образования")["cls"] == "CityProject"


@pytest.mark.parametrize("name,cls", [
    ("ГБОУ СОШ № 608", "School"), ("ГБУ ДО ДДЮТ Кировского района", "SupplementaryEducationCentre"),
    ("ИМЦ Кировского района", "MethodologicalCentre"), ("Отдел образования Администрации Кировского района", "GovernmentBody"),
    ("Дагестанский государственный университет народного хозяйства", "University"),
    ("Ассоциация образовательных организаций «Консорциум»", "Association"),
    ("Education Committee of St. Petersburg", "GovernmentBody"), ("центр «IT-куб»", "SupplementaryEducationCentre"),
    ("ООО «Ромашка»", "Company"), ("Фонд «Вдохновение»", "Organisation")])
def test_organisation_class(name, cls):
    assert g.organisation_class(name) == cls


def test_organisation_initiative():
    assert g.organisation_initiative("моздокский «Кванториум»") == "kvantorium"
    assert g.organisation_initiative("ГБОУ СОШ № 608") is None


@pytest.mark.parametrize("post,ident,head", [
    ("директор", "director", True), ("руководитель", "head", True), ("президент", "president", True),
    ("председатель", "chair", True), ("начальник отдела образования", "head-of-department", True),
    ("главный специалист", "chief-specialist", False), ("зам. директора по УВР", "deputy-director", False),
    ("доцент кафедры", "associate-professor", False), ("chief specialist", "chief-specialist", False),
    ("head", "head", True)])
def test_roles(post, ident, head):
    role = g.find_role(post)
    assert (role["id"], role["head"]) == (ident, head)


def test_unknown_role_gets_slug():
    assert g.find_role("эксперт") == {"id": "ekspert", "en": "ekspert", "ru": "эксперт", "head": False}


def test_topics_and_slugs():
    assert g.find_topics("кружок «Беспилотные летательные аппараты» и искусственный интеллект") == ["artificial intelligence", "drones"]
    assert g.slug("Вера Князева") == "vera-knyazeva"
    assert g.transliterate("Вера Князева") == "Vera Knyazeva"


@pytest.mark.parametrize("name,ident", [("Тобольске", "tobolsk"), ("Альметьевска", "almetyevsk"), ("Novokuznetsk", "novokuznetsk")])
def test_more_cities(name, ident):
    assert g.find_place(name)["id"] == ident


@pytest.mark.parametrize("post,ident", [("заместитель губернатора по социальной политике", "deputy-governor"),
                                        ("глава", "head"), ("заведующий кафедрой радиотехники", "head-of-department")])
def test_new_roles(post, ident):
    assert g.find_role(post)["id"] == ident


def test_innovation_sites_genitive_plural():
    assert g.find_initiatives("опыт региональных инновационных площадок") == ["innovation-site"]


def test_district_made_from_context_is_a_place_record():
    from edugraph import gazetteer

    record = gazetteer.find_place("Пластовский район", ["Миасс"])
    assert record and record["kind"] == "district"
    assert gazetteer.place(record["id"]) == record  # the build's gazetteer graph looks it up by id


def test_initiative_spans_each_stretch_of_text_once_in_text_order():
    # «школьный Кванториум» is claimed by school-kvantorium, so its «Кванториум» is not kvantorium again
    text = "В школьном Кванториуме и в Кванториуме, а также в центре «Точка роста» и снова школьный Кванториум. "
    spans = g.initiative_spans(text * 3)
    assert [ident for _, _, ident in spans] == ["school-kvantorium", "kvantorium", "point-of-growth",
                                                "school-kvantorium"] * 3
    assert [(text * 3)[start:end] for start, end, _ in spans[:3]] == ["школьном Кванториум", "Кванториум",
                                                                      "«Точка роста»"]
    assert all(end <= start for (_, end, _), (start, _, _) in zip(spans, spans[1:]))


# ---------------------------------------------------------------- towns from GeoNames (make_towns.py)

def _make_towns():
    import importlib.util

    from edugraph.paths import GAZETTEERS
    spec = importlib.util.spec_from_file_location("make_towns", GAZETTEERS / "make_towns.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name,alternates,russian", [  # the Cyrillic alternate names GeoNames gives (cities1000)
    ("Desnogorsk", ["Desnogors'k", "Desnogorsk", "Десногорск", "Десногорськ", "Дзяснагорск"], "Десногорск"),
    ("Pokrovsk", ["Pokrovka", "Pokrovsk", "Пакроўск", "Покровск", "Покровскай", "Покровськ"], "Покровск"),
    ("Kirovgrad", ["Kalata", "Kirovgrad", "Калата", "Кировград", "Кіраўград", "Кіровград"], "Кировград"),
])
def test_generator_picks_the_russian_form(name, alternates, russian):
    assert _make_towns()._russian_form(name, alternates) == russian


def test_generator_leaves_out_words_and_persons():
    towns = _make_towns()
    assert towns._safe("Удомля", "Udomlya", set())
    for ru, en in [("Грязи", "Gryazi"), ("Зима", "Zima"), ("Пушкин", "Pushkin"), ("Ольга", "Olga")]:
        assert not towns._safe(ru, en, set()), ru


def test_generated_town_found_with_its_region_in_russian_and_english():
    ru = extract_facts("В Удомле открыли новую школу.", "ru", {"id": "t"})
    en = extract_facts("A new school opened in Udomlya on Monday. Teachers from Snezhinsk came.", "en", {"id": "t"})
    assert ru["places"] == ["Удомля"] and en["places"] == ["Udomlya", "Snezhinsk"]
    assert [g.find_place(p)["parent"] for p in en["places"]] == ["tver-oblast", "chelyabinsk-oblast"]
    assert [r["id"] for r in g.ancestors(g.find_place("Удомли"))] == ["udomlya", "tver-oblast", "russia"]


def test_town_named_like_a_word_is_no_place_at_a_sentence_start():
    text = "Зима выдалась снежной. Грязи на дорогах много. Учителя из Удомли приехали."
    facts = extract_facts(text, "ru", {"id": "t"})
    assert facts["places"] == ["Удомля"] and g.find_place("Удомля")["parent"] == "tver-oblast"
    assert g.find_place("Зима") is None and g.find_place("Грязи") is None


# ---------------------------------------------------------------- regions by their nickname

@pytest.mark.parametrize("name,ident", [
    ("Оренбуржье", "orenburg-oblast"), ("Оренбуржья", "orenburg-oblast"), ("Брянщине", "bryansk-oblast"),
    ("Брянщины", "bryansk-oblast"), ("Смоленщине", "smolensk-oblast"), ("Тамбовщины", "tambov-oblast"),
    ("Вологодчине", "vologda-oblast"), ("Курщине", "kursk-oblast"), ("Тульщине", "tula-oblast"),
    ("Зауралья", "kurgan-oblast"), ("Янтарном крае", "kaliningrad-oblast"), ("Красноярье", "krasnoyarsk-krai"),
    ("Приангарью", "irkutsk-oblast"), ("Приамурьем", "amur-oblast"), ("Татарии", "tatarstan"),
    ("Кузбассе", "kemerovo-oblast"), ("Югры", "khanty-mansi-autonomous-okrug"), ("Kuzbass", "kemerovo-oblast"),
    ("Yugra", "khanty-mansi-autonomous-okrug"), ("Primorye", "primorsky-krai"), ("Kuban", "krasnodar-krai")])
def test_a_region_by_its_nickname_in_any_case(name, ident):
    assert g.find_place(name)["id"] == ident


@pytest.mark.parametrize("text,place", [  # real_ru_u_08, real_ru_a_05 (its title), real_ru_o_01
    ("Новые центры цифрового образования детей «IT-куб» в Оренбуржье откроются по нацпроекту «Образование» в 2024 "
     "году.", "Оренбургская область"),
    ("Технопарк для детей «Кванториум» откроют на Брянщине", "Брянская область"),
    ("229 млн рублей будет направлено в 2022 году на 146 новых центров образования «Точка роста» в Приангарье.",
     "Иркутская область")])
def test_a_region_named_by_its_nickname_in_real_news_is_the_region(text, place):
    assert place in extract_facts(text, "ru", {"id": "t", "date": "2024-01-01"})["places"]


# ---------------------------------------------------------------- towns named like a word (marked_towns)

def test_a_town_named_like_a_word_is_found_only_as_a_settlement():
    assert g.find_place("Гай") is None and g.find_place("Ясный") is None  # «гай», «ясный день»: words
    found = {name: g.find_settlement(name) for name in ("Гая", "Ясном", "Грязи", "Москвы")}
    assert {name: (r["id"], r["parent"]) for name, r in found.items()} == {
        "Гая": ("gay", "orenburg-oblast"), "Ясном": ("yasnyy", "orenburg-oblast"),
        "Грязи": ("gryazi", "lipetsk-oblast"), "Москвы": ("moscow", "russia")}
    assert g.find_settlement("Ясной")["id"] != "yasnyy"  # a feminine form: the village Ясная, not the town Ясный
    assert g.find_settlement("Майского") is None  # the town Майский or the village Майское: no guess
    assert [(g.marked_town_of_adjective(a) or {}).get("id") for a in ("гайский", "ясненский", "детский", "советский")] \
        == ["gay", "yasnyy", None, None]


@pytest.mark.parametrize("text,place,region", [  # real_ru_u_08, real_ru_k_07, real_ru_m_07, real_ru_p_02
    ("А в 2022 году такой центр откроется в гайском филиале Орского индустриального колледжа", "Гай",
     "orenburg-oblast"),
    ("В школе №4 города Грязи состоялся телемост с министром просвещения.", "Грязи", "lipetsk-oblast"),
    ("Еще одну современную школу на 616 учеников открыли в селе Балгазын Тандинского района.", "Балгазын", "tuva"),
    ("Центры расположены в Кандалакшском районе в школах №6 и 19, в посёлке Коашва в школе №10, в Кольском районе в "
     "Шонгуйской и Урагубской школах, в Мончегорске в школе №7, в Оленегорске в школе №21, в Печенгском округе в школе "
     "№23 и в посёлке Африканда в школе №1.", "Африканда", "murmansk-oblast")])
def test_a_town_named_like_a_word_after_its_kind_word_or_by_its_branch(text, place, region):
    assert place in extract_facts(text, "ru", {"id": "t", "date": "2022-01-01"})["places"]
    assert g.find_settlement(place)["parent"] == region


@pytest.mark.parametrize("text,not_place", [  # real_ru_f_03, real_ru_j_08, real_ru_n_04
    ("Элен Кочарян, учитель английского языка школы № 5 города Майского", "Майское"),
    ("Абсолютным победителем финала регионального этапа гуманитарной олимпиады «Умники и Умницы» стала ученица "
     "гимназии города Старая Русса Ангелина Сидорова", "Старая"),
    ("В четырёх городах Алтайского края появятся центры цифрового образования.", "Алтайское")])
def test_a_settlement_word_before_a_longer_name_or_a_region_marks_no_town_named_like_a_word(text, not_place):
    assert not_place not in extract_facts(text, "ru", {"id": "t", "date": "2022-01-01"})["places"]


def test_generator_writes_towns_named_like_words_to_their_own_block_and_regenerates_the_file():
    towns = _make_towns()
    text = (towns.HERE / "cities.yaml").read_text(encoding="utf-8")
    body, tail = text.split(towns.TAIL)
    head = body.split(towns.MARKER)[0].rstrip("\n") + "\n"
    safe, marked = towns.rows(head)
    assert head + towns.MARKER + "".join(safe) + towns.MARKED + "".join(marked) + towns.TAIL + tail == text
    assert "  gay|Гай|Gay|orenburg-oblast||\n" in marked and not any("|Гай|" in row for row in safe)


def test_namesakes_of_foreign_cities_are_no_towns_even_after_a_settlement_word():
    # «из г. Варна» is Bulgaria's Varna, not a Chelyabinsk village; Sirius is named as its education centre is
    assert [g.find_settlement(n) for n in ("Варна", "Орши", "Парма", "Ромны", "Сириус")] == [None] * 5
    assert g.find_settlement("Парижа")["parent"] == "france"  # a capital abroad (marked_capitals), not the village


@pytest.mark.parametrize("text,person", [  # capitals named like a person: no place by the name alone
    ("Jack London wrote stories for children. The pupils of School No. 5 read them.", "Jack London"),
    ("Maria Paris, a teacher of School No. 5, opened the exhibition.", "Maria Paris"),
    ("Sofia said the school would open in September.", None)])
def test_capitals_named_like_a_person_are_no_place_by_the_name_alone(text, person):
    facts = extract_facts(text, "en")
    assert facts["places"] == [] and [p["name"] for p in facts["persons"]] == ([person] if person else [])
    assert [g.find_place(n) for n in ("London", "Paris", "Sofia", "Лондон")] == [None] * 4
    assert g.find_settlement("Лондон")["parent"] == "united-kingdom"  # «г. Лондон»: the settlement word marks it


YASNY = ("Три центра сформируют на базе горно-технологического техникума в Ясном, на площадках Бугурусланского "
         "нефтяного колледжа и Ташлинского политехнического техникума.")  # real_ru_u_08


@pytest.mark.parametrize("text,ident", [  # real_ru_u_08 (its first sentence and a later one), n_07, m_02
    ("Новые центры цифрового образования детей «IT-куб» в Оренбуржье откроются по нацпроекту «Образование» в 2024 "
     "году. " + YASNY, "yasnyy"),
    ("В Пермском крае в новом учебном году планируется открыть ещё 14 центров цифрового и гуманитарного профилей "
     "«Точка роста». Свой центр образования может появиться и в Чайковском.", "chaykovskiy"),
    ("В ходе торжественной церемонии Олег Кожемяко вручил государственные награды «Отличник образования» семи "
     "педагогам из Владивостока, Зарубино, Арсеньева и Артёма.", "artem")])
def test_a_town_named_like_a_word_after_a_preposition_in_a_region_the_text_names(text, ident):
    places = extract_facts(text, "ru", {"id": "t", "date": "2021-01-22"})["places"]
    assert ident in [(g.find_settlement(p) or {}).get("id") for p in places]


def test_a_town_named_like_a_word_after_a_preposition_alone_is_no_place():
    assert "Ясный" not in extract_facts(YASNY, "ru", {"id": "t", "date": "2024-01-01"})["places"]


# ---------------------------------------------------------------- settlements named after their kind word

def _places_ru(text: str) -> list[str]:
    return extract_facts(text, "ru", {"id": "t", "date": "2022-01-01"})["places"]


def test_every_village_of_a_list_after_a_plural_village_word_in_the_nominative():
    # real_ru_u_04: adjective names declined with «сёл» are neuter; noun names and two-word names stay as written
    text = ("Так, центры уже работают в школе города Светлограда и посёлке Рогатая Балка, а также в учреждениях "
            "образования сёл Гофицкого, Благодатного, Донская Балка, Константиновского, Сухая Буйвола и Шангала.")
    assert {"Рогатая Балка", "Гофицкое", "Благодатное", "Донская Балка", "Константиновское", "Сухая Буйвола",
            "Шангала"} <= set(_places_ru(text))
    assert {"Ладожская", "Каневская"} <= set(_places_ru("В станицах Ладожской и Каневской открыли новые школы."))
    assert {"Малиновка", "Березовка", "Сосновка"} <= set(_places_ru(
        "Глава района посетил школы деревень Малиновка, Березовка и Сосновка Тамбовской области."))


@pytest.mark.parametrize("text,place", [
    ("Новая школа открылась в селе Благодатном Петровского района.", "Благодатное"),  # not a town Благодатный
    ("Дети из хутора Ольховского ездят в школу на автобусе.", "Ольховский"),
    ("Школа открылась в с. Благодатное Петровского района.", "Благодатное"),
    ("Учеников из ст. Новоивановской привозят автобусом.", "Новоивановская"),
    ("В д. Малые Кабаны школа получила оборудование.", "Малые Кабаны"),
    ("Школа открылась в пгт Новоселицкое.", "Новоселицкое"),
    ("Дети из слободы Михайловка пришли в новую школу.", "Михайловка"),
    ("Село Красный Яр стало центром района.", "Красный Яр")])
def test_a_settlement_word_names_the_settlement_after_it_in_the_nominative(text, place):
    assert place in _places_ru(text)


@pytest.mark.parametrize("text", [
    "За парту сел Иванов, Петров остался стоять.",  # «сел» the verb
    "Дело возбуждено по ст. Уголовного кодекса.",  # «ст.» an article of a code
    "ООО «Село Зелёное» поставило молоко в школу.",  # a firm's name in quotes
    "Он посетил новую школу в микрорайоне Солнечный."])  # a town's quarter: the golds list no microdistrict
def test_no_settlement_where_the_kind_word_is_another_word_or_a_name(text):
    assert _places_ru(text) == []


def test_an_english_list_of_villages_names_each_but_not_districts():
    places = extract_facts("Growth points opened in the villages of Andreevka and Lepokurovo. Schools in the "
                           "villages of Kizilyurtovsky and Tabasaransky districts were repaired.", "en",
                           {"id": "t", "date": "2022-01-01"})["places"]
    assert {"Andreevka", "Lepokurovo"} <= set(places) and "Kizilyurtovsky" not in places


def test_geonames_villages_of_500_people_have_their_region_and_namesakes_are_left_out():
    assert g.find_place("Коашва")["parent"] == "murmansk-oblast"  # real_ru_p_02: a village of about 800 people
    assert g.find_place("Оймякон")["parent"] == "sakha-yakutia"
    assert [g.find_settlement(n) for n in ("Пулково", "Николаев", "Каменское", "Новое Село")] == [None] * 4


# ---------------------------------------------------------------- English names of places and programmes (den)

@pytest.mark.parametrize("name,ident", [
    ("Sverdlovskaya Oblast", "sverdlovsk-oblast"), ("Nizhniy Novgorod Region", "nizhny-novgorod-oblast"),
    ("Kursk Province", "kursk-oblast"), ("Krasnoyarsk Territory", "krasnoyarsk-krai"), ("Perm Kray", "perm-krai"),
    ("Trans-Baikal Region", "zabaykalsky-krai"), ("Bashkiria", "bashkortostan"), ("Adyghea", "adygea"),
    ("Chuvash Republic", "chuvashia"), ("Tatarstan Republic", "tatarstan"), ("Sakha", "sakha-yakutia"),
    ("Tyva", "tuva"), ("Chukotka Region", "chukotka"),
    ("Yamal-Nenets Autonomous Area", "yamalo-nenets-autonomous-okrug"),
    ("Khanty-Mansi Autonomous Okrug-Yugra", "khanty-mansi-autonomous-okrug"), ("Kemerovo Region", "kemerovo-oblast"),
    ("Sebastopol", "sevastopol"), ("St.Petersburg", "saint-petersburg"),
    ("Lugansk People’s Republic", "luhansk-peoples-republic"),
    ("Nizhni Novgorod", "nizhny-novgorod"), ("Maikop", "maykop"), ("Toliatti", "tolyatti"), ("Feodosiya", "feodosia"),
    ("Horlivka", "gorlovka"), ("UAE", "united-arab-emirates"), ("Republic of Abkhazia", "abkhazia")])
def test_english_spellings_of_regions_towns_and_countries(name, ident):
    assert g.find_place(name)["id"] == ident


def test_every_oblast_and_krai_by_its_english_kind_words():
    for subject in g.federal_subjects():
        for kind, other in (("Oblast", "Region"), ("Krai", "Territory")):
            if subject["en"].endswith(f" {kind}"):
                assert g.find_place(subject["en"].replace(kind, other))["id"] == subject["id"]


@pytest.mark.parametrize("text,idents", [
    ("“Growth Point” education centers will open in Alushta, Armyansk, Saki, Sudak and Feodosia.",
     {"alushta", "armyansk", "saki", "sudak", "feodosia"}),
    ("The delegation of the DPR visited the UAE and the UK.",
     {"donetsk-peoples-republic", "united-arab-emirates", "united-kingdom"}),
    ("Teachers from the Donetsk People’s Republic came to the Trans-Baikal Territory.",
     {"donetsk-peoples-republic", "zabaykalsky-krai"})])
def test_english_news_names_the_places_by_their_english_spellings(text, idents):
    places = extract_facts(text, "en", {"id": "t", "date": "2024-01-01"})["places"]
    assert idents <= {g.find_place(p)["id"] for p in places}


def test_an_abbreviation_that_is_no_country_or_region_is_no_place():
    places = extract_facts("The RAS and the IT department of MGIMO met in KAZAN.", "en",
                           {"id": "t", "date": "2024-01-01"})["places"]
    assert {g.find_place(p)["id"] for p in places} <= {"kazan"}


@pytest.mark.parametrize("text,ident", [
    ("In 2023, 29 Point of Growth centers will be opened in the region.", "point-of-growth"),
    ("The new Growth Points offer lessons in physics and chemistry.", "point-of-growth"),
    ("The \"New Model of System of Additional Education of Children\" project is running.",
     "new-model-supplementary-education"),
    ("Under the Sovremennaya Shkola project new schools were built.", "modern-school"),
    ("The Obrazovanie national project funds the centres.", "national-project-education")])
def test_english_and_transliterated_names_of_programmes(text, ident):
    assert ident in g.find_initiatives(text)


def test_a_figurative_point_of_growth_is_no_programme():
    assert g.find_initiatives("Tourism became a point of growth for the economy; new growth points appear.") == []


@pytest.mark.parametrize("text,places,initiatives", [  # real_en_37, real_en_57, real_en_74; real_en_34, real_en_49
    ("We now have schoolchildren and students from the Lugansk and Donetsk People’s Republics.",
     {"Lugansk People's Republic", "Donetsk People's Republic"}, set()),
    ("Two new schools opened in the Megino-Kangalassky district.", {"Megino-Kangalassky district"}, set()),
    ("The olympiad was won by a pupil of the Artinsky urban district.", {"Artinsky urban district"}, set()),
    ("The federal budget funds the second stage of our national initiative “Our New School.”", set(),
     {"our-new-school"}),
    ("A technopark opened in the framework of the national technology initiative.", set(),
     {"national-technology-initiative"})])
def test_english_plural_republics_district_names_and_federal_programmes(text, places, initiatives):
    facts = extract_facts(text, "en", {"id": "t", "date": "2024-01-01"})
    assert places <= set(facts["places"])
    assert initiatives <= {g.find_initiative(i)["id"] for i in facts["initiatives"]}


def test_pupils_of_our_new_school_building_name_no_programme():
    assert extract_facts("Pupils of our new school building met the mayor.", "en",
                         {"id": "t", "date": "2024-01-01"})["initiatives"] == []


@pytest.mark.parametrize("name,ident", [  # round xen: the spellings of English transliterations
    ("Nizhniy Tagil", "nizhny-tagil"), ("Nizhnii Tagil", "nizhny-tagil"), ("Kamensk-Uralskii", "kamensk-uralsky"),
    ("Egorievsk", "yegoryevsk"), ("Mytischi", "mytishchi"), ("Piatigorsk", "pyatigorsk"), ("Ljubertsy", "lyubertsy"),
    ("Ussurijsk", "ussuriysk"), ("Tuimazy", "tuymazy"), ("Stariy Oskol", "stary-oskol")])
def test_a_latin_town_name_in_another_transliteration(name, ident):
    assert g.find_place(name)["id"] == ident


def test_spelling_keys_leave_names_like_words_or_persons_unfound():
    assert g.spelling_key("Nizhniy Tagil") == g.spelling_key("Nizhny Tagil") == g.spelling_key("Nizhnii Tagil")
    assert g.find_place("Korolyov") is None and g.find_place("Ivanov") is None  # a marked town, a surname


@pytest.mark.parametrize("name,ident,country", [
    ("Helsinki", "helsinki", "finland"), ("Sukhumi", "sukhum", "abkhazia"), ("Kiev", "kyiv", "ukraine"),
    ("Ulan Bator", "ulaanbaatar", "mongolia"), ("в Пекине", None, None), ("Пекине", "beijing", "china")])
def test_capitals_of_countries_in_both_languages(name, ident, country):
    record = g.find_place(name)
    assert (record and (record["id"], record["parent"])) == ((ident, country) if ident else None)


@pytest.mark.parametrize("text,ident", [
    ("The Federal Target Program for the Development of Education for 2016-2020 financed the repairs.",
     "federal-target-programme-development-of-education"),
    ("The Rural Teacher program brought 40 teachers to villages.", "zemsky-teacher")])
def test_english_names_of_the_education_target_programme_and_zemsky_teacher(text, ident):
    assert ident in g.find_initiatives(text)
