"""Regenerate federal_subjects.yaml (committed data; run by hand, never at run time).

ISO 3166-2 codes and romanised names come from pycountry (country RU); the Russian
names, English names, id slugs and aliases are the table below. Subjects without an
RU ISO 3166-2 code (Crimea, Sevastopol, DPR, LPR, Zaporozhye, Kherson) get the
de-facto codes used in Russian statistics (RU-CR, RU-SEV, RU-DPR, RU-LPR, RU-ZAP, RU-KHE)
and `iso_official: false`.

Usage: python data/gazetteers/make_federal_subjects.py > data/gazetteers/federal_subjects.yaml
"""

import re
import sys

import pycountry
import yaml

from edugraph.gazetteer import transliterate

# code | id | English name | Russian name | aliases (;-separated)
# (an oblique form is an alias when the lemmatiser cannot bring it back: «Тверской области» reads as the masculine
# «тверской», so the lemma key misses «Тверская область»)
TABLE = """
RU-AD|adygea|Republic of Adygea|Республика Адыгея|Адыгея;Adygea;Adygeya
RU-AL|altai-republic|Altai Republic|Республика Алтай|Горный Алтай;Republic of Altai
RU-BA|bashkortostan|Republic of Bashkortostan|Республика Башкортостан|Башкортостан;Башкирия;Bashkortostan;Bashkiria
RU-BU|buryatia|Republic of Buryatia|Республика Бурятия|Бурятия;Buryatia
RU-CE|chechnya|Chechen Republic|Чеченская Республика|Чечня;Chechnya
RU-CU|chuvashia|Chuvash Republic|Чувашская Республика|Чувашия;Chuvashia;Чувашская Республика — Чувашия
RU-DA|dagestan|Republic of Dagestan|Республика Дагестан|Дагестан;РД;Dagestan
RU-IN|ingushetia|Republic of Ingushetia|Республика Ингушетия|Ингушетия;Ingushetia
RU-KB|kabardino-balkaria|Kabardino-Balkarian Republic|Кабардино-Балкарская Республика|Кабардино-Балкария;КБР;Kabardino-Balkaria
RU-KL|kalmykia|Republic of Kalmykia|Республика Калмыкия|Калмыкия;Kalmykia
RU-KC|karachay-cherkessia|Karachay-Cherkess Republic|Карачаево-Черкесская Республика|Карачаево-Черкесия;КЧР;Karachay-Cherkessia
RU-KR|karelia|Republic of Karelia|Республика Карелия|Карелия;Karelia
RU-KK|khakassia|Republic of Khakassia|Республика Хакасия|Хакасия;Khakassia
RU-KO|komi|Komi Republic|Республика Коми|Коми;Komi
RU-ME|mari-el|Mari El Republic|Республика Марий Эл|Марий Эл;Mari El
RU-MO|mordovia|Republic of Mordovia|Республика Мордовия|Мордовия;Mordovia
RU-SA|sakha-yakutia|Sakha Republic (Yakutia)|Республика Саха (Якутия)|Якутия;Республика Саха;Саха;Yakutia;Sakha Republic;Republic of Sakha (Yakutia);Republic of Sakha
RU-SE|north-ossetia-alania|Republic of North Ossetia–Alania|Республика Северная Осетия — Алания|Северная Осетия;Северная Осетия — Алания;Северная Осетия-Алания;РСО-Алания;РСО — Алания;North Ossetia;North Ossetia-Alania
RU-TA|tatarstan|Republic of Tatarstan|Республика Татарстан|Татарстан;Tatarstan;Татария
RU-TY|tuva|Tuva Republic|Республика Тыва|Тыва;Тува;Tuva
RU-UD|udmurtia|Udmurt Republic|Удмуртская Республика|Удмуртия;Udmurtia
RU-ALT|altai-krai|Altai Krai|Алтайский край|Алтайский край;Altai Territory;Altai Region
RU-KAM|kamchatka-krai|Kamchatka Krai|Камчатский край|Камчатка;Kamchatka;Kamchatka Territory
RU-KHA|khabarovsk-krai|Khabarovsk Krai|Хабаровский край|Khabarovsk Territory;Khabarovsk Region
RU-KDA|krasnodar-krai|Krasnodar Krai|Краснодарский край|Кубань;Kuban;Krasnodar Territory;Krasnodar Region
RU-KYA|krasnoyarsk-krai|Krasnoyarsk Krai|Красноярский край|Krasnoyarsk Territory;Krasnoyarsk Region;Красноярье;Красноярью
RU-PER|perm-krai|Perm Krai|Пермский край|Прикамье;Perm Territory;Perm Region
RU-PRI|primorsky-krai|Primorsky Krai|Приморский край|Приморье;Primorye;Primorye Region;Primorsky Region
RU-STA|stavropol-krai|Stavropol Krai|Ставропольский край|Ставрополье;Stavropol Territory;Stavropol Region
RU-ZAB|zabaykalsky-krai|Zabaykalsky Krai|Забайкальский край|Забайкалье;Transbaikalia;Trans-Baikal Territory
RU-AMU|amur-oblast|Amur Oblast|Амурская область|Amur Region;Приамурье;Приамурьем
RU-ARK|arkhangelsk-oblast|Arkhangelsk Oblast|Архангельская область|Arkhangelsk Region;Поморье
RU-AST|astrakhan-oblast|Astrakhan Oblast|Астраханская область|Astrakhan Region
RU-BEL|belgorod-oblast|Belgorod Oblast|Белгородская область|Belgorod Region;Белгородчина
RU-BRY|bryansk-oblast|Bryansk Oblast|Брянская область|Bryansk Region;Брянщина;Брянщине
RU-CHE|chelyabinsk-oblast|Chelyabinsk Oblast|Челябинская область|Chelyabinsk Region;Южный Урал;Челябинщина
RU-IRK|irkutsk-oblast|Irkutsk Oblast|Иркутская область|Irkutsk Region;Приангарье;Приангарью
RU-IVA|ivanovo-oblast|Ivanovo Oblast|Ивановская область|Ivanovo Region
RU-KGD|kaliningrad-oblast|Kaliningrad Oblast|Калининградская область|Kaliningrad Region;Янтарный край
RU-KLU|kaluga-oblast|Kaluga Oblast|Калужская область|Kaluga Region;Калужщина
RU-KEM|kemerovo-oblast|Kemerovo Oblast – Kuzbass|Кемеровская область — Кузбасс|Кемеровская область;Кузбасс;Kuzbass;Kemerovo Region
RU-KIR|kirov-oblast|Kirov Oblast|Кировская область|Kirov Region
RU-KOS|kostroma-oblast|Kostroma Oblast|Костромская область|Kostroma Region;Костромщина
RU-KGN|kurgan-oblast|Kurgan Oblast|Курганская область|Kurgan Region;Зауралье
RU-KRS|kursk-oblast|Kursk Oblast|Курская область|Kursk Region;Курщина;Курщине;Курщиной
RU-LEN|leningrad-oblast|Leningrad Oblast|Ленинградская область|Ленобласть;Leningrad Region
RU-LIP|lipetsk-oblast|Lipetsk Oblast|Липецкая область|Lipetsk Region;Липетчина
RU-MAG|magadan-oblast|Magadan Oblast|Магаданская область|Magadan Region
RU-MOS|moscow-oblast|Moscow Oblast|Московская область|Подмосковье;Moscow Region
RU-MUR|murmansk-oblast|Murmansk Oblast|Мурманская область|Murmansk Region
RU-NIZ|nizhny-novgorod-oblast|Nizhny Novgorod Oblast|Нижегородская область|Nizhny Novgorod Region;Нижегородчина
RU-NGR|novgorod-oblast|Novgorod Oblast|Новгородская область|Novgorod Region;Новгородчина
RU-NVS|novosibirsk-oblast|Novosibirsk Oblast|Новосибирская область|Novosibirsk Region
RU-OMS|omsk-oblast|Omsk Oblast|Омская область|Omsk Region
RU-ORE|orenburg-oblast|Orenburg Oblast|Оренбургская область|Orenburg Region;Оренбуржье
RU-ORL|oryol-oblast|Oryol Oblast|Орловская область|Oryol Region;Орловщина
RU-PNZ|penza-oblast|Penza Oblast|Пензенская область|Penza Region;Пензенщина
RU-PSK|pskov-oblast|Pskov Oblast|Псковская область|Pskov Region;Псковщина
RU-ROS|rostov-oblast|Rostov Oblast|Ростовская область|Rostov Region
RU-RYA|ryazan-oblast|Ryazan Oblast|Рязанская область|Ryazan Region;Рязанщина
RU-SAK|sakhalin-oblast|Sakhalin Oblast|Сахалинская область|Сахалин;Sakhalin;Sakhalin Region
RU-SAM|samara-oblast|Samara Oblast|Самарская область|Samara Region
RU-SAR|saratov-oblast|Saratov Oblast|Саратовская область|Saratov Region
RU-SMO|smolensk-oblast|Smolensk Oblast|Смоленская область|Smolensk Region;Смоленщина
RU-SVE|sverdlovsk-oblast|Sverdlovsk Oblast|Свердловская область|Sverdlovsk Region;Средний Урал;Свердловщина
RU-TAM|tambov-oblast|Tambov Oblast|Тамбовская область|Tambov Region;Тамбовщина
RU-TOM|tomsk-oblast|Tomsk Oblast|Томская область|Tomsk Region
RU-TUL|tula-oblast|Tula Oblast|Тульская область|Tula Region;Тульщина;Тульщине
RU-TVE|tver-oblast|Tver Oblast|Тверская область|Tver Region;Тверской области;Тверской областью
RU-TYU|tyumen-oblast|Tyumen Oblast|Тюменская область|Tyumen Region
RU-ULY|ulyanovsk-oblast|Ulyanovsk Oblast|Ульяновская область|Ulyanovsk Region
RU-VLA|vladimir-oblast|Vladimir Oblast|Владимирская область|Vladimir Region;Владимирщина
RU-VGG|volgograd-oblast|Volgograd Oblast|Волгоградская область|Volgograd Region
RU-VLG|vologda-oblast|Vologda Oblast|Вологодская область|Vologda Region;Вологодчина
RU-VOR|voronezh-oblast|Voronezh Oblast|Воронежская область|Voronezh Region;Воронежчина
RU-YAR|yaroslavl-oblast|Yaroslavl Oblast|Ярославская область|Yaroslavl Region;Ярославщина
RU-MOW|moscow|Moscow|Москва|Moscow City;г. Москва;город Москва
RU-SPE|saint-petersburg|Saint Petersburg|Санкт-Петербург|Петербург;СПб;С.-Петербург;St. Petersburg;St Petersburg;Saint-Petersburg;Sankt-Peterburg;Ленинград
RU-YEV|jewish-autonomous-oblast|Jewish Autonomous Oblast|Еврейская автономная область|ЕАО;Jewish Autonomous Region
RU-CHU|chukotka|Chukotka Autonomous Okrug|Чукотский автономный округ|Чукотка;ЧАО;Chukotka;Chukotka Autonomous District
RU-KHM|khanty-mansi-autonomous-okrug|Khanty-Mansi Autonomous Okrug – Yugra|Ханты-Мансийский автономный округ — Югра|ХМАО;Югра;ХМАО-Югра;Ханты-Мансийский автономный округ;Yugra;Khanty-Mansi Autonomous Okrug;Khanty-Mansi Autonomous District
RU-NEN|nenets-autonomous-okrug|Nenets Autonomous Okrug|Ненецкий автономный округ|Nenets Okrug;Nenets Autonomous District
RU-YAN|yamalo-nenets-autonomous-okrug|Yamalo-Nenets Autonomous Okrug|Ямало-Ненецкий автономный округ|ЯНАО;Ямал;Yamal;Yamalo-Nenets Autonomous District
RU-CR|crimea|Republic of Crimea|Республика Крым|Крым;Crimea
RU-SEV|sevastopol|Sevastopol|Севастополь|г. Севастополь
RU-DPR|donetsk-peoples-republic|Donetsk People's Republic|Донецкая Народная Республика|ДНР;Donetsk People's Republic;DPR
RU-LPR|luhansk-peoples-republic|Luhansk People's Republic|Луганская Народная Республика|ЛНР;Lugansk People's Republic;LPR
RU-ZAP|zaporozhye-oblast|Zaporozhye Oblast|Запорожская область|Zaporizhzhia Oblast;Zaporozhye Region
RU-KHE|kherson-oblast|Kherson Oblast|Херсонская область|Kherson Region
"""

# English spellings besides the table's (English-language Russian news: TASS, Interfax, the regions' and universities'
# English pages; other transliterations and the older names of the republics); the kind words are added by
# `english_variants`
ENGLISH = """
RU-AD|Adyghea;Adygheya;Adygeya Republic
RU-AL|Altay Republic;Gorny Altai;Gorno-Altai Republic
RU-BA|Bashkiriya;Bashkir Republic
RU-BU|Buryatiya;Buryat Republic
RU-CE|Chechnia;Chechen Republic
RU-CU|Chuvashiya;Chuvash Republic
RU-DA|Daghestan
RU-IN|Ingushetiya;Ingush Republic
RU-KB|Kabardino-Balkariya;Kabardino-Balkar Republic;Kabardino-Balkarian Republic
RU-KL|Kalmykiya
RU-KC|Karachayevo-Cherkessia;Karachaevo-Cherkessia;Karachay-Cherkessiya;Karachai-Cherkessia;Karachay-Cherkess Republic
RU-KR|Kareliya
RU-KK|Khakasia;Khakassiya;Khakasiya
RU-KO|Komi Republic
RU-ME|Mari-El;Mariy El;Marii El;Mari El Republic
RU-MO|Mordoviya
RU-SA|Yakutiya;Sakha;Sakha (Yakutia);Republic of Sakha-Yakutia;Sakha-Yakutia
RU-SE|North Ossetia–Alania;North Ossetia – Alania;North Ossetia - Alania;Northern Ossetia;Republic of North Ossetia
RU-TA|Tataria
RU-TY|Tyva;Tyva Republic;Republic of Tyva
RU-UD|Udmurtiya;Udmurt Republic
RU-ALT|Altaysky Krai;Altay Krai;Altai Kray
RU-KAM|Kamchatka Region
RU-KHA|Khabarovsky Krai
RU-KDA|Kuban Region
RU-PER|Prikamye
RU-PRI|Primorskiy Krai;Primorsky Territory;Primorye Territory
RU-STA|Stavropolye
RU-ZAB|Zabaikalsky Krai;Zabaykalsky Territory;Zabaikalsky Territory;Transbaikal Territory;Trans-Baikal Krai;\
Zabaykalye;Zabaikalye;Transbaikal Region;Trans-Baikal Region
RU-KEM|Kemerovo Oblast;Kemerovo Region – Kuzbass;Kemerovo Region - Kuzbass;Kuzbass Region
RU-NIZ|Nizhniy Novgorod Region;Nizhni Novgorod Region;Nizhniy Novgorod Oblast
RU-ORL|Orel Region;Orel Oblast;Orlovskaya Oblast
RU-MOS|Podmoskovye
RU-CHE|Cheliabinsk Region
RU-ULY|Ulianovsk Region
RU-YAR|Jaroslavl Region
RU-SPE|St.Petersburg;City of St. Petersburg
RU-SEV|Sebastopol;City of Sevastopol;Sevastopol City
RU-CR|Crimean Republic;Republic of Crimea
RU-DPR|Donetsk Peoples Republic;Donetsk People’s Republic;Donetsk Republic
RU-LPR|Luhansk Peoples Republic;Lugansk Peoples Republic;Luhansk People’s Republic;Lugansk People’s Republic;\
Lugansk Republic;Luhansk Republic
RU-ZAP|Zaporizhzhia Region;Zaporozhie Region;Zaporozhye
RU-KHE|Kherson Region
RU-CHU|Chukotka Autonomous Area;Chukotka Region;Chukotsky Autonomous Okrug;Chukotka Okrug
RU-KHM|Khanty-Mansi Autonomous Area;Khanty-Mansiysk Autonomous Okrug;Khanty-Mansi Autonomous Okrug-Yugra;\
Khanty-Mansi Autonomous Okrug — Yugra;Khanty-Mansi Autonomous Area – Yugra;Khanty-Mansi Autonomous Area-Yugra;KhMAO;\
KhMAO-Yugra;Khanty-Mansi Okrug
RU-YAN|Yamal-Nenets Autonomous Okrug;Yamal-Nenets Autonomous District;Yamal-Nenets Autonomous Area;\
Yamalo-Nenets Autonomous Area;Yamal-Nenets;Yamalo-Nenets;Yamalo-Nenets Okrug
RU-NEN|Nenets Autonomous Area
RU-YEV|Jewish Autonomous Region;Jewish Autonomous Province
"""
ENGLISH_BY_CODE = dict(line.split("|") for line in ENGLISH.strip().splitlines())  # read once
# English kind words: an oblast is also written "Region" or "Province", a krai "Territory", "Region" or "Kray", an
# autonomous okrug "Autonomous District" or "Autonomous Area", a "Republic of X" "X Republic"
KIND_WORDS = {"Oblast": ("Oblast", "Region", "Province"), "Krai": ("Krai", "Kray", "Territory", "Region"),
              "Autonomous Okrug": ("Autonomous Okrug", "Autonomous District", "Autonomous Area", "Region")}


def english_variants(code: str, en: str, ru: str) -> list[str]:
    """The English forms of a subject's name: its kind in the other English words, the Russian name transliterated
    ("Sverdlovskaya Oblast", "Zabaykalsky Krai") and the spellings of `ENGLISH`."""
    out = []
    for kind, words in KIND_WORDS.items():
        base = re.fullmatch(rf"(.+?) {kind}(?: – .+)?", en)
        if base:
            out += [f"{base.group(1)} {word}" for word in words]
    republic = re.fullmatch(r"Republic of ([\w -]+)", en)  # not "Chechen Republic": an adjective
    if republic:
        out.append(f"{republic.group(1)} Republic")
    if re.search(r" (?:область|край)$", ru):
        out.append(transliterate(ru.split(" — ")[0]).title().replace("Kray", "Krai"))
    return out + ENGLISH_BY_CODE.get(code, "").split(";")


CITY_SUBJECTS = {"RU-MOW", "RU-SPE", "RU-SEV"}
# a federal city -> the region around it (`region_around`): news of one names the towns of the other («Зарайск» in
# Moscow news)
REGION_AROUND = {"RU-MOW": "moscow-oblast", "RU-SPE": "leningrad-oblast", "RU-SEV": "crimea"}


def rows():
    """Yield one record per federal subject, checked against pycountry."""
    iso = {s.code: s for s in pycountry.subdivisions.get(country_code="RU")}
    seen = set()
    for line in TABLE.strip().splitlines():
        code, ident, en, ru, aliases = line.split("|")
        seen.add(code)
        yield {
            "id": ident, "iso": code, "iso_official": code in iso,
            "iso_name": iso[code].name if code in iso else None,
            "en": en, "ru": ru, "kind": "city" if code in CITY_SUBJECTS else "federal_subject",
            "also_federal_subject": code in CITY_SUBJECTS,
            **({"region_around": REGION_AROUND[code]} if code in REGION_AROUND else {}),
            "parent": "russia", "aliases": list(dict.fromkeys(
                a for a in [*aliases.split(";"), *english_variants(code, en, ru)] if a and a not in (en, ru))),
        }
    missing = set(iso) - seen
    if missing:
        raise SystemExit(f"pycountry codes missing from TABLE: {sorted(missing)}")


if __name__ == "__main__":
    data = list(rows())
    sys.stdout.write("# Generated by make_federal_subjects.py - all 89 subjects of the Russian Federation.\n")
    yaml.safe_dump({"federal_subjects": data}, sys.stdout, allow_unicode=True, sort_keys=False, width=120)
