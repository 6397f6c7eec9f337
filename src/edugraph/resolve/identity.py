"""Identity keys: one deterministic key (hence IRI) per real-world entity, across articles and languages.

- people: surname + given name, whatever the spelling (`names.person_identity`: «Сергей Кравцов» = "Sergei
  Kravtsov"), surname + initials when only they are written («А. М. Воробьёв»), a public person's identity for
  his surname and initials («С. С. Кравцов»);
- organisations: `organisation_key` (type + number + city, or main words), so «ГБОУ СОШ № 608 … Кировского района»
  = «школа № 608» in an article about Saint Petersburg — computed here and nowhere else in resolution; a body named
  by its function only, a network centre or numbered school without a place: + the article's `Home`; a region's
  body: head + functions + place id in English words (`body_key`), whatever the language;
- federal bodies: the id of `data/gazetteers/federal_bodies.yaml` («Минпросвещения России» = "Ministry of
  Enlightenment of the Russian Federation");
- places, initiatives, roles and topics: the gazetteer id, whatever the case form or language;
- events: name + start date (+ place id, else article id, for a generic name such as «Экскурсия» and for an
  opening or visit not dated to the day; + its object when another event of the article would have the same key);
- posts: person + organisation + role + as-of date.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import URIRef

from .. import gazetteer
from ..extract import names
from ..namespaces import ID
from . import federal
from .labels import LEGAL_FORM, NETWORK_CENTRES, is_generic, own_adjectives, place_bound
from .places import Home, city_of, subject_of

MAX_SLUG = 80


def short_slug(text: str) -> str:
    return gazetteer.slug(text)[:MAX_SLUG].strip("-") or "x"


def person_key(name: str) -> str:
    """The key of a person (`names.person_identity`).

    >>> person_key("Sergei Kravtsov"), person_key("Айсен Николаев"), person_key("А. М. Воробьёв")
    ('kravtsov-sergey', 'nikolaev-aisen', 'vorobev-a-m')
    """
    return gazetteer.slug(names.person_identity(name)) or "unknown"


@functools.lru_cache(maxsize=1)
def _function_bodies() -> tuple[dict[str, str], dict[str, str], dict[str, str], frozenset[str]]:
    """(municipal heads, regional heads, functions: each lemma's English word; level words) of
    data/gazetteers/organisations.yaml `function_bodies`."""
    table = gazetteer.load("organisations")["function_bodies"]
    return table["municipal"], table["regional"], table["functions"], frozenset(table["words"])


def function_level(name: str) -> str | None:
    """"local" or "regional" for a body named by its function only (the body of the article's town or district, of
    its federal subject); None for any other name.

    >>> function_level("Управление образования"), function_level("the regional Ministry of Education")
    ('local', 'regional')
    >>> function_level("Управление образования Кировского района"), function_level("Кванториум")
    (None, None)
    """
    municipal, regional, functions, words = _function_bodies()
    lemmas = names.main_words(name)
    if not lemmas or not lemmas <= municipal.keys() | regional.keys() | functions.keys() | words:
        return None
    return "regional" if lemmas & regional.keys() else "local" if lemmas & municipal.keys() else None


SUBJECT_LEVEL = frozenset({"областной", "краевой", "республиканский", "окружной", "regional"})


def _head_and_functions(lemmas: frozenset[str]) -> tuple[list[str], str]:
    """The English words of the heads of a body's name and of its functions, joined ("ministry", "education")."""
    municipal, regional, functions, _ = _function_bodies()
    heads = {**municipal, **regional}
    return [heads[word] for word in lemmas if word in heads], "-".join(sorted({functions[w] for w in lemmas
                                                                               if w in functions}))


def function_key(name: str) -> str | None:
    """The key of a region's body named by its function only, in the English words `body_key` gives a body named
    with its place, so that the article's federal subject completes it into the same key ("the Ministry of Education
    in the region" of a Tula article = «Министерство образования Тульской области»); None for a name of several
    heads. (A municipal body keeps its words: a district's and a town's council of one article stay two.)

    >>> function_key("Ministry of Education in the region"), function_key("Минобрнауки")
    ('ministry|education', 'ministry|education-science')
    """
    head, functions = _head_and_functions(names.main_words(name))
    return f"{head[0]}|{functions}" if len(head) == 1 else None


def body_key(name: str, places: list[dict]) -> str | None:
    """The key of a body named by its head, functions and one place, in English words whatever the language of the
    name («Министерство образования Московской области» = "Ministry of Education of the Moscow region":
    ministry|education|moscow-oblast); None for any other name.

    >>> from edugraph.gazetteer import place
    >>> body_key("Правительство РФ", [place("russia")]), body_key("Government of Russia", [place("russia")])
    ('government||russia', 'government||russia')
    >>> volgograd = [place("volgograd")]
    >>> body_key("Волгоградская областная Дума", volgograd), body_key("Дума Волгограда", volgograd)
    ('duma||volgograd-oblast', 'duma||volgograd')
    """
    municipal, regional, functions, words = _function_bodies()
    lemmas = names.main_words(name)
    head, named_functions = _head_and_functions(lemmas)
    if len(places) != 1 or len(head) != 1:
        return None
    place = names.main_words(places[0]["ru"]) | names.main_words(places[0]["en"])  # «Ленинградской области»
    rest = lemmas - municipal.keys() - regional.keys() - functions.keys() - words - place
    if any(not gazetteer.find_place(word) for word in rest):
        return None
    where = places[0]["id"]
    where = subject_of(where) or where if lemmas & SUBJECT_LEVEL else where  # «Волгоградская областная Дума»
    return f"{head[0]}|{named_functions}|{where}"


@dataclass(frozen=True)
class OrganisationIdentity:
    """What `organisation_key` found: the `key`, the `city` it was qualified by, the federal `body` the name denotes
    (None for any other organisation), so that its labels need not be looked up again by the key, and the `home`
    level it was qualified at by the article's place (None: by its own name)."""

    key: str
    city: str | None = None
    body: federal.Body | None = None
    home: str | None = None  # the level ("local", "regional") the article's home qualified it at


def organisation_key(name: str, places: list[dict], default_city: str | None = None, when: str | int | None = None,
                     regional: Callable[[str], bool] = lambda name: True, home: Home = Home()) -> OrganisationIdentity:
    """The identity of an organisation: its key ("kind|number|city", "kind|city" or main words) and the gazetteer id
    it was qualified by: typed keys («школа № 1», «Кванториум») are qualified by the city of the places in the name,
    else by `default_city`, else by the article's `home`, so that school No. 1 of Kazan and school No. 1 of Omsk stay
    two organisations. A federal body's names (`federal.find`, at an article of date `when`) give its id and the body; a
    bare one («Министерство просвещения») only when the article does not mean a region's body (`regional`). A body
    named by its function only («Управление образования») and a centre of a network («Точка роста») that name no
    place are the article's `home`'s.

    >>> found = organisation_key("Минпросвещения России", [])
    >>> found.key, found.body.en
    ('ministerstvo-prosveshcheniye-rossiya', 'Ministry of Education of the Russian Federation')
    >>> organisation_key("Управление образования", [], home=Home("velikiye-luki", "velikiye-luki")).key
    'образование управление|velikiye-luki'
    """
    body = federal.find(name, when)
    if body and not (body.bare and regional(name)):
        return OrganisationIdentity(body.id, None, body)
    key = numbered(name, without_legal_form(names.organisation_key(name)))
    network = network_centre(name)
    if "|" not in key and network in NETWORK_CENTRES:  # «Центр цифрового образования детей» = «IT-куб»
        key = names.organisation_key(gazetteer.initiative(network)["ru"])
    elif key.startswith("kvantorium|") and not network and OWN_NAME.search(name):
        key = " ".join(sorted(names.main_words(name)))  # «Технопарк «Якутия»», «Детский технопарк «Наукоград»»
    structured = body_key(name, places)
    if structured:
        return OrganisationIdentity(structured, places[0]["id"])
    level = "regional" if body else function_level(name)  # a region's body by a bare federal name: one per region
    if level and body and places:
        region = next((subject_of(c) for c in map(city_of, places) if c), None)
        return OrganisationIdentity(f"{key}|{region}", region) if region else OrganisationIdentity(key)
    if level and not places or "|" not in key and not places and network:
        return _at_home(function_key(name) or key if level == "regional" else key, home, level or "local")
    rest = key.partition("|")[2]
    if "|" not in key or rest and not rest.isdigit():
        return OrganisationIdentity(key)  # main words, or a centre whose key already names its place
    key = "|".join([key.rstrip("|"), *own_adjectives(name)])
    city = next((c for c in map(city_of, places) if c), None) or (None if UNPLACED.search(name) else default_city)
    if not city:
        return _at_home(key, home, "local" if not UNPLACED.search(name) else "article")
    if not key.endswith(f"|{city}"):
        key = f"{key.rstrip('|')}|{city}"
    return OrganisationIdentity(key, city)


OWN_NAME = re.compile(r"«[^«»]+»")  # a technopark's own name: one that is no Kvantorium's is another technopark
NAMED_WORDS = 3  # main words that tell an organisation apart without its legal form


def without_legal_form(key: str) -> str:
    """A main-words key without the lemmas of a legal form (МБОУ, ФГАУ, ГБУ, АНО …), which says how an organisation
    is run, not which it is: «ФГАУ «Фонд развития новых форм образования»» is the «Фонд новых форм развития
    образования» another article names without it. A typed key is kept, and so is a key that would be left with
    fewer than `NAMED_WORDS` words: «МУ «Методический центр»», «ГБОУ СОШ» without theirs would be any article's.

    >>> without_legal_form("фгау фонд форма новый образование развитие"), without_legal_form("мкоу нагорский сош")
    ('фонд форма новый образование развитие', 'мкоу нагорский сош')
    """
    words = [word for word in key.split() if not LEGAL_FORM.fullmatch(word)]
    return " ".join(words) if "|" not in key and len(words) >= NAMED_WORDS else key


NUMBER = re.compile(r"(?:№|\bNo\.?)\s*(\d+)")  # «№ 11», "No. 11"


def numbered(name: str, key: str) -> str:
    """A main-words key with the number the name gives, as a typed key is («Образовательный комплекс № 11»,
    «Городской дом культуры №1»): two numbers are two organisations, each qualified by its place.

    >>> numbered("Образовательный комплекс № 11", "комплекс образовательный"), numbered("Дом культуры", "дом культура")
    ('комплекс образовательный|11', 'дом культура')
    """
    found = NUMBER.search(name)
    return f"{key}|{found.group(1)}" if found and "|" not in key else key


UNPLACED = re.compile(r"(?:№|No\.?)\s*\d+.*(?<![\w-])(?:столиц|город|сел[аеоу]|пос[её]лк|деревн|станиц|"
                      r"town|city|village)", re.I)  # «школы № 30 окружной столицы»: a place the gazetteer lacks


def _at_home(key: str, home: Home, level: str) -> OrganisationIdentity:
    """The identity of `key` qualified by the article's `home` at `level`."""
    qualifier, located = home.qualifier(level)
    return OrganisationIdentity(f"{key}|{qualifier}", located, home=level)


def network_centre(name: str) -> str | None:
    """The network (initiative id) of a centre of the national project («Точка роста», «IT-куб», «Центр цифрового
    образования детей»), by its name; None for any other organisation."""
    initiative = gazetteer.organisation_initiative(name)
    return initiative if (gazetteer.initiative(initiative or "") or {}).get("cls") == "CentreNetwork" else None


def typed(name: str) -> bool:
    """True for a name whose key is its kind and number or centre («школа № 24», «Кванториум»): its place qualifies
    it."""
    return "|" in names.organisation_key(name)


def event_key(name: str, date: str | None, place: str | None, article: str, about: str | None = None) -> str:
    """Name + start date; a generic name («Экскурсия», «Совещание») is one event only where place and date agree
    (name + date + place id), else it is the article's own (name + date + place id + article id: an article's
    excursions to two places stay two), told apart from another of the article by the same name by what it is
    `about` (its object: two undated openings «Открытие» of a Kvantorium and of a «Точка роста»). An opening or a
    visit dated to the year or month only, or undated, is keyed with its place, else it is the article's own.

    >>> event_key("Форум «Территория смыслов»", None, None, "a1"), event_key("Экскурсия", None, "balakhna", "a1")
    ('forum-territoriya-smyslov', 'ekskursiya-balakhna-a1')
    >>> event_key("Совещание", "2024-05-01", "kazan", "a1"), event_key("Открытие", None, None, "a1", "kvantorium")
    ('soveshchaniye-2024-05-01-kazan', 'otkrytiye-kvantorium-a1')
    >>> event_key("Открытие IT-куба", "2019", "omsk", "a1"), event_key("Открытие IT-куба", "2019", None, "a1")
    ('otkrytiye-it-kuba-2019-omsk', 'otkrytiye-it-kuba-2019-a1')
    """
    key = short_slug(name) + (f"-{date}" if date else "")
    generic = is_generic(name)
    if not generic and not place_bound(name, date):
        return key
    key += f"-{place}" if place else ""
    if place and (date or not generic):
        return key
    return key + (f"-{short_slug(about)}" if about else "") + f"-{short_slug(article)}"


def post_key(person: str, org: str | None, role_id: str, as_of: str | None) -> str:
    """Person + organisation + role, and the as-of date: two articles years apart give two posts."""
    return f"{person}--{org or 'unknown'}--{role_id}" + (f"--{as_of}" if as_of else "")


def place_iri(place_id: str) -> URIRef:
    return ID[f"place/{place_id}"]


def initiative_iri(initiative_id: str) -> URIRef:
    return ID[f"initiative/{initiative_id}"]
