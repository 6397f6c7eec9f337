"""Places named in free text: resolve a name (any case form) through the gazetteer, and walk up its hierarchy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer
from ..gazetteer import WIDE_KINDS
from ..extract.names import QUOTED_PROPER
from ..text import lemma, morph

WORD = re.compile(r"[A-Za-zА-Яа-яЁё][\w-]*")
MAX_WORDS = 3
RELATIVE_ADJECTIVE = ("ский", "цкий")  # «владикавказский», «моздокский»: the place an organisation belongs to
_DERIVED: dict[str, dict] = {}  # districts the gazetteer derives for cities without a district table, by id


@lru_cache(maxsize=100_000)
def nominative_word(word: str) -> str:
    """One Russian word in the nominative, memoised (organisation names repeat the same words)."""
    parse = morph().parse(word)[0]
    form = parse.inflect({"nomn"}) if parse.tag.case else None
    text = form.word if form else word
    return text.capitalize() if word[:1].isupper() else text


def nominative(words: list[str]) -> str:
    """Put a phrase of Russian words into the nominative («Кировского района» -> «Кировский район»)."""
    return " ".join(nominative_word(word) for word in words)


def _find_any_case(name: str, context: list[str] | None) -> dict | None:
    """The gazetteer record of a place name as written, else in the nominative («Кировского района»)."""
    return gazetteer.find_place(name, context) or gazetteer.find_place(nominative(name.split()), context)


def resolve_place(name: str, context: list[str] | None = None, settlement: bool = False) -> dict | None:
    """The gazetteer record for a place name as written or in the nominative; with `settlement` (a name extraction
    took for a place) also a town named like a word (`gazetteer.find_settlement`: Гай). A district's name
    («Кировский район») is a district of a city the article (`context`) names, never of another: a bare
    «Красногвардейский район» in an article that names no Saint Petersburg is a district the gazetteer lacks (None).
    So is a town of GeoNames (`_namesake`) in another federal subject than the one the article's other places lie in,
    and its districts, and a district of a town of GeoNames (a small town: no districts of its own) that is no
    municipal district of the town's federal subject (`_region_district`): «Никифоровский район» is no Ozyorsk's."""
    record = _find_any_case(name, context) or (gazetteer.find_settlement(name) if settlement else None)
    if record and record["kind"] == "district" and context is not None and not _district_fits(record, context):
        return None
    town = gazetteer.place(record["parent"]) if record and record["kind"] == "district" else record
    if town and context and _namesake(town, context):  # or a district derived for that town
        return None
    if record and gazetteer.place(record["id"]) is None:
        _DERIVED[record["id"]] = record  # «Кировский район» of a city whose districts are not tabled
    if record and record["kind"] == "district" and record["parent"] not in gazetteer.tabled_cities():
        record = _region_district(record) or (None if gazetteer.from_geonames(record["parent"]) else record)
    return record


TOWN_ENDINGS = ("", "о", "а", "ка", "ское", "ль")  # «Шебалинский» Шебалино, «Новоспасский» Новоспасское, «Ярославль»
TOWN_STEMS = ("ский", "овский", "евский")  # the kinds of adjective (`gazetteer.ADJECTIVE_STEMS`) a town is tried by


def _region_district(record: dict) -> dict | None:
    """A district derived for a city whose districts are not tabled, when its adjective names a town of the city's
    federal subject (the city itself included): the municipal district of that subject around the town, not one of
    the city («Смоленский район» and «Сафоновский район» of a Safonovo article, «Кизилюртовский район» of a Makhachkala
    one); None for any other district («Засвияжский район» of Ulyanovsk). «-ск» is tried for a town of GeoNames only:
    a big city's «Ленинский район» is no Leninsk's.

    >>> _region_district(gazetteer.find_place("Смоленский район", ["Сафоново"]))["parent"]
    'smolensk-oblast'
    >>> _region_district(gazetteer.find_place("Засвияжский район", ["Ульяновск"])) is None
    True
    """
    adjective, _, head = (record["ru"] or record["en"]).partition(" ")
    subject = subject_of(record["parent"])
    if head != "район" or not subject or subject == record["parent"]:
        return None
    if not adjective_town(lemma(adjective), subject, gazetteer.from_geonames(record["parent"])):
        return None
    ident = subject + record["id"][len(record["parent"]):]
    return _DERIVED.setdefault(ident, {**record, "id": ident, "parent": subject})


def adjective_town(adjective: str, subject: str, with_sk: bool = False) -> dict | None:
    """The town of the federal subject `subject` that a relative adjective's lemma names («далматовский» Далматово,
    «кизилюртовский» Кизилюрт, «ярославский» Ярославль; «-ск» only `with_sk`); None when it names none there.

    >>> [adjective_town(a, s)["id"] for a, s in (("далматовский", "kurgan-oblast"), ("кизилюртовский", "dagestan"),
    ...                                           ("ярославский", "yaroslavl-oblast"))]
    ['dalmatovo', 'kizilyurt', 'yaroslavl']
    >>> adjective_town("александровский", "perm-krai"), adjective_town("александровский", "perm-krai", True)["id"]
    (None, 'aleksandrovsk')
    """
    stems = [stem for _, stem in gazetteer.adjective_stems(adjective, TOWN_STEMS)]
    endings = TOWN_ENDINGS + (("ск",) if with_sk else ())
    for word in (stem + ending for stem in stems if len(stem) > 2 for ending in endings):
        town = gazetteer.find_place("-".join(part.capitalize() for part in word.split("-")))
        if town and town["kind"] == "city" and subject_of(town["id"]) == subject:
            return town
    return None


def _district_fits(record: dict, context: list[str]) -> bool:
    """True when the article names the city of a district: a tabled district's city is among the article's places; a
    district derived for a city without a table, only when the article names no other city (it may be any city's)."""
    named = [r for r in map(gazetteer.find_place, context) if r and r["kind"] != "district"]
    if record["parent"] in gazetteer.tabled_cities():
        return record["parent"] in {city_of(r) for r in named}
    return {r["id"] for r in named if r["kind"] == "city"} <= {record["parent"]}


def _namesake(record: dict, context: list[str]) -> bool:
    """True for a town of GeoNames outside the one federal subject that the article's federal subjects and
    hand-written cities (`context`) lie in: it is the article's own village of that name, which the gazetteer lacks
    («Андреевка» of a Novosibirsk article is no town of Moscow Oblast, «Кизляр» of a North Ossetian one not Dagestan's).
    An article of several federal subjects keeps it (a laureate "of Snezhinsk" in Moscow news)."""
    if record["kind"] != "city" or not gazetteer.from_geonames(record["id"]):
        return False
    return _elsewhere(record, context)


def _elsewhere(record: dict, context: list[str]) -> bool:
    """True for a place outside the one federal subject of the article's places (`context`) and outside the region
    around it or the federal city it surrounds (`gazetteer.cities_and_regions`); False when they give none or
    several."""
    subject, its_subject = _one_subject(context), subject_of(record["id"])
    return subject is not None and its_subject != subject and \
        frozenset((subject, its_subject)) not in gazetteer.cities_and_regions()


def _within(record: dict, context: list[str] | None) -> bool:
    """True for a place in the one federal subject of the article's places (`context`), or in the region around it
    or the federal city it surrounds; False when they give none or several."""
    return bool(context) and _one_subject(context) is not None and not _elsewhere(record, context)


def _one_subject(context: list[str]) -> str | None:
    """The one federal subject that the article's federal subjects and hand-written cities (`context`) lie in; None
    when they give none or several."""
    return _context_subject(tuple(context))


@lru_cache(maxsize=4096)
def _context_subject(context: tuple[str, ...]) -> str | None:
    others = (gazetteer.find_place(name, list(context)) for name in context)
    subjects = {subject_of(r["id"]) for r in others if r and (r["kind"] == "federal_subject" or r["kind"] == "city"
                                                              and not gazetteer.from_geonames(r["id"]))}
    subjects.discard(None)
    return next(iter(subjects)) if len(subjects) == 1 else None


def own_place_subject(name: str, context: list[str]) -> str | None:
    """The federal subject of a place the article names as its own that the gazetteer has only in another region,
    by the name of a town of GeoNames there (`_namesake`: the village «Кизляр» of a North Ossetian article) or, for
    a district, by the town its adjective names («Губкинский округ» of a Belgorod article, not Yamal's
    Gubkinsky): the one federal subject of the article's other places (`context`). None for any other name."""
    words = name.split()
    district = len(words) > 1 and _names_district(words[1:3])
    head = words[:1] if district else words
    record = _find_any_case(" ".join(head), context)
    if not record or record["kind"] != "city" or not (_elsewhere if district else _namesake)(record, context):
        return None
    return _one_subject(context)


def place_record(ident: str) -> dict | None:
    """The place record with this id: the gazetteer's, or a district derived while resolving."""
    return gazetteer.place(ident) or _DERIVED.get(ident)


def ancestors(record: dict | None) -> Iterator[dict]:
    """The place itself, then every enclosing place up to the country, derived districts included."""
    return gazetteer.ancestors(record, place_record)


def _phrase_place(phrase: list[str], context: list[str] | None) -> dict | None:
    """The place a capitalised phrase names, or a lower-case relative adjective («моздокский») stands for; a single
    adjective the gazetteer lacks, the town of the article's one federal subject it names («Далматовская СОШ №2» of a
    Kurgan article), unless it is that subject's own adjective («Алтайский институт …» of an Altai Krai article)."""
    if phrase[0][:1].isupper():
        record = resolve_place(" ".join(phrase), context)
    elif len(phrase) == 1 and lemma(phrase[0]).endswith(RELATIVE_ADJECTIVE):
        record = gazetteer.find_place(phrase[0], context)
    else:
        return None
    subject = _one_subject(context) if not record and len(phrase) == 1 and context else None
    adjective = lemma(phrase[0])
    if not subject or adjective == lemma(gazetteer.place(subject)["ru"].split()[0]):
        return record
    return adjective_town(adjective, subject)


def organisation_places(name: str, context: list[str] | None = None) -> list[dict]:
    """The most specific places named inside an organisation's name: «… Кировского района Санкт-Петербурга»,
    «владикавказский «Кванториум»», "Penza's Kvantorium". A city the name gives decides its districts. The country
    written only inside quotes is part of a proper name, not where the organisation is («школа №83, член партии
    «Единая Россия»», «Колледж «Народный учитель РФ»», "MIA «Russia Today»").

    >>> [r["id"] for r in organisation_places("Колледж «Народный учитель РФ»")]
    []
    >>> [r["id"] for r in organisation_places("Министерство просвещения РФ")]
    ['russia']
    """
    found = _named_places(name, context)
    cities = [r["ru"] for r in found if r["kind"] == "city"]
    found = _named_places(name, cities + list(context or [])) if cities else found
    if "«" in name and any(r["kind"] == "country" for r in found):
        outside = {r["id"] for r in _named_places(QUOTED_PROPER.sub(" ", name), context)}
        found = [r for r in found if r["kind"] != "country" or r["id"] in outside]
    return found


def _named_places(name: str, context: list[str] | None) -> list[dict]:
    words = WORD.findall(name)
    found: dict[str, dict] = {}
    i = 0
    while i < len(words):
        for size in range(min(MAX_WORDS, len(words) - i), 0, -1):
            record = _phrase_place(words[i:i + size], context)
            if record and _names_district(words[i + size:i + size + 2]) and not _district_of(
                    record, words[i + size:i + size + 2], context):
                record = None  # «Губкинского округа» of a Belgorod article: its district, not Yamal's Gubkinsky
            if record and record.get("also_federal_subject"):  # «Московская областная Дума»: not the city's
                record = _subject_named(words[i:i + size], words[i + size:i + size + 1], context) or record
            if record:
                found[record["id"]] = record
                i += size - 1
                break
        i += 1
    enclosing = {r["id"] for place in found.values() for r in list(ancestors(place))[1:]}
    named = {r["id"] for r in found.values() if r["kind"] == "federal_subject"}
    return [r for r in found.values() if r["id"] not in enclosing and not (named and r["kind"] == "district" and
                                                                          subject_of(r["id"]) not in named)]


DISTRICT_NOUNS = ("район", "округ")
DISTRICT_KINDS = ("городской", "муниципальный")  # «Губкинского городского округа»


def _names_district(following: list[str]) -> bool:
    """True when the words after a place's name make it a district's adjective: «… округа», «… городского округа».

    >>> _names_district(["городского", "округа"]), _names_district(["района"]), _names_district(["школа"])
    (True, True, False)
    """
    kinds = [lemma(word) for word in following]
    return bool(kinds) and (kinds[0] in DISTRICT_NOUNS or kinds[0] in DISTRICT_KINDS and kinds[1:2] != [] and
                            kinds[1] in DISTRICT_NOUNS)


def _district_of(record: dict, following: list[str], context: list[str] | None) -> bool:
    """True when the place whose adjective comes before a district's noun (`following`) is the district's: an okrug
    («Полысаевского городского округа») is its town's unless the article's one federal subject is another («Губкинского
    округа» of a Belgorod article is no Yamal's Gubkinsky); a «район» only in that subject (`_within`): «Северский
    район» of an article that names no region is no more Tomsk Oblast's Seversk's than any other region's.

    >>> _district_of(gazetteer.find_place("Северск"), ["района"], ["Томская область"])
    True
    >>> _district_of(gazetteer.find_place("Северск"), ["района"], ["Северский район"])
    False
    """
    if "район" in map(lemma, following):
        return _within(record, context)
    return not context or not _elsewhere(record, context)


SUBJECT_NOUNS = {"областной": ("область", "femn"), "краевой": ("край", "masc")}  # the adjective and its noun


def _subject_named(phrase: list[str], following: list[str], context: list[str] | None) -> dict | None:
    """The federal subject a place adjective names before «областной» or «краевой»: «Московская областная Дума» is
    Moscow Oblast's, not the city of Moscow's (a city that is a federal subject of its own, beside a region named
    alike); None for any other phrase.

    >>> _subject_named(["Московской"], ["областной"], None)["id"], _subject_named(["Московской"], ["Думы"], None)
    ('moscow-oblast', None)
    """
    noun, gender = SUBJECT_NOUNS.get(lemma(following[0]), (None, None)) if following else (None, None)
    if not noun or len(phrase) != 1:
        return None
    form = morph().parse(phrase[0])[0].inflect({"nomn", "sing", gender})
    record = resolve_place(f"{form.word.capitalize()} {noun}", context) if form else None
    return record if record and record["kind"] == "federal_subject" else None


def city_of(record: dict | None) -> str | None:
    """The city (or, failing that, the federal subject) a place lies in, as a gazetteer id."""
    chain = list(ancestors(record))
    city = next((r for r in chain if r["kind"] == "city" or r.get("also_federal_subject")), None)
    subject = next((r for r in chain if r["kind"] == "federal_subject"), None)
    return (city or subject or {}).get("id")


def subject_of(ident: str | None) -> str | None:
    """The federal subject the place `ident` lies in (a city of federal significance is its own), as a gazetteer id.

    >>> subject_of("vladikavkaz"), subject_of("russia"), subject_of(None)
    ('north-ossetia-alania', None, None)
    """
    chain = ancestors(place_record(ident)) if ident else ()
    return next((r["id"] for r in chain if r["kind"] == "federal_subject" or r.get("also_federal_subject")), None)


@dataclass(frozen=True)
class Home:
    """Where an article is, for the organisations it names without a place: its `local` place (town, else district:
    a gazetteer id, or the slug of one the gazetteer lacks, written `name`), the `known` gazetteer id of it (None for
    a place the gazetteer lacks), its federal `subject` and the `article` id (when it gives no place to go by);
    `unnamed` when its local place is none it names (a region's news of several towns)."""

    local: str | None = None
    known: str | None = None
    subject: str | None = None
    article: str = "unknown"
    name: str | None = None
    unnamed: bool = False

    def where(self, level: str) -> tuple[str | None, str | None]:
        """(gazetteer id, else the name of a place the gazetteer lacks) a body or centre of `level` lies in, for
        its labels."""
        if level == "local" and (self.known or self.local):
            return self.known, None if self.known else self.name
        return self.subject, None

    def qualifier(self, level: str) -> tuple[str, str | None]:
        """The key qualifier of a body or centre of the article's `level` ("local", "regional", or "article" for an
        organisation in a place the gazetteer lacks and the article does not give) and the gazetteer
        id it is located in: a place the gazetteer lacks goes with its federal subject, else with the article (two
        «Октябрьский район» of two regions stay two).

        >>> Home("balakhna", None, "nizhny-novgorod-oblast", "a1").qualifier("local")
        ('balakhna|nizhny-novgorod-oblast', 'nizhny-novgorod-oblast')
        >>> Home("oktyabrsky-rayon", None, None, "a1").qualifier("local"), Home().qualifier("regional")
        (('a1', None), ('unknown', None))
        """
        if level == "article" or level == "local" and self.unnamed:  # the article's, in its federal subject
            return self.article, self.subject
        if level == "local" and self.known:
            return self.known, self.known
        if level == "local" and self.local:
            return (f"{self.local}|{self.subject}", self.subject) if self.subject else (self.article, None)
        return (self.subject, self.subject) if self.subject else (self.article, None)


def article_home(context: list[str], place: str | None, article: str) -> tuple[str | None, Home]:
    """Where an article is: the default city of the organisations it names without a place (its own place's city,
    else its first city, else federal subject), and its `Home`: its own `place` (metadata), else the first town,
    else district its places (`context`) give, with the federal subject. Not one of several towns when its own place
    is their federal subject («Управление образования» of a Khabarovsk Krai article naming Mukhen and Pereyaslavka is
    the article's, in the krai), nor a town outside the one federal subject of the article's places when its own
    place is one the gazetteer lacks (then that place: «Никифоровский район» whose text names «Озёрск», a town of
    GeoNames, is no Ozyorsk article). An article of several federal subjects whose own place is not its first city
    («Gymnasium No. 2 of Sarov» and «No. 91 of Zheleznogorsk» in a Moscow agency's news) has neither: its
    organisations without a place are its own.

    >>> article_home(["Казань", "Татарстан"], "Казань", "a1")
    ('kazan', Home(local='kazan', known='kazan', subject='tatarstan', article='a1', name=None, unnamed=False))
    >>> article_home(["Ульяновская область", "Димитровград"], "Димитровград", "a1")[0]
    'dimitrovgrad'
    >>> article_home(["Железногорск", "Саров"], "Москва", "a1")
    (None, Home(local=None, known=None, subject=None, article='a1', name=None, unnamed=False))
    """
    found = [r for r in (resolve_place(name, context) for name in context) if r and r["kind"] not in WIDE_KINDS]
    own = resolve_place(place, context) if place else None
    if own and own["kind"] in WIDE_KINDS:
        own = place = None
    city = next(filter(None, map(city_of, found)), None)  # the first city (else federal subject)
    if len({subject_of(r["id"]) for r in found}) > 1 and city != city_of(own):
        return None, Home(article=article)
    local = own if own and own["kind"] in ("city", "district") else None
    city = city_of(local) or city  # an article about Dimitrovgrad that names its region first
    if own and own["kind"] == "federal_subject" and len({r["id"] for r in found if r["kind"] == "city"}) > 1:
        return city, Home(subject=own["id"], article=article, unnamed=True)  # a region's news of several towns
    local = local or next((r for kind in ("city", "district") for r in found if r["kind"] == kind), None)
    # an own place the gazetteer lacks, and a town or district not known to lie in the one federal subject of the
    # article's places: no home town of it; its own place, in that subject
    if place and not own and local and not _within(local, context):
        return None, Home(gazetteer.slug(place), None, _one_subject(context), article, place)
    if local:
        return city, Home(local["id"], local["id"], subject_of(local["id"]), article)
    subject = next((subject_of(r["id"]) for r in found), None) or (own and subject_of(own["id"]))
    unknown = gazetteer.slug(place) if place and not own else None
    return city, Home(unknown, None, subject, article, place if unknown else None)
