"""Identity keys: one deterministic key (hence IRI) per real-world entity, across articles and languages.

- people: surname + given name, whatever the spelling (`names.person_identity`: «Сергей Кравцов» = "Sergei
  Kravtsov"), surname + initials when only they are written («А. М. Воробьёв»), a public person's identity for
  his surname and initials («С. С. Кравцов»);
- organisations: `organisation_key` (type + number + city, or main words), so «ГБОУ СОШ № 608 … Кировского района»
  = «школа № 608» in an article about Saint Petersburg — computed here and nowhere else in resolution;
- federal bodies: the id of `data/gazetteers/federal_bodies.yaml` («Минпросвещения России» = "Ministry of
  Enlightenment of the Russian Federation");
- places, initiatives, roles and topics: the gazetteer id, whatever the case form or language;
- events: name + start date (+ place id, else article id, for a generic name such as «Экскурсия» and for an
  opening or visit not dated to the day; + its object when another event of the article would have the same key);
- posts: person + organisation + role + as-of date.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import URIRef

from .. import gazetteer
from ..extract import names
from ..extract.actions import actions
from ..namespaces import ID
from ..text import fold
from . import federal
from .labels import is_generic
from .places import city_of, subject_of

MAX_SLUG = 80


def short_slug(text: str) -> str:
    return gazetteer.slug(text)[:MAX_SLUG].strip("-") or "x"


def person_key(name: str) -> str:
    """The key of a person (`names.person_identity`).

    >>> person_key("Sergei Kravtsov"), person_key("Айсен Николаев"), person_key("А. М. Воробьёв")
    ('kravtsov-sergey', 'nikolaev-aisen', 'vorobev-a-m')
    """
    return gazetteer.slug(names.person_identity(name)) or "unknown"


@dataclass(frozen=True)
class OrganisationIdentity:
    """What `organisation_key` found: the `key`, the `city` it was qualified by, and the federal `body` the name
    denotes (None for any other organisation), so that its labels need not be looked up again by the key."""

    key: str
    city: str | None = None
    body: federal.Body | None = None


def organisation_key(name: str, places: list[dict], default_city: str | None = None, year: int | None = None,
                     regional: Callable[[str], bool] = lambda name: True) -> OrganisationIdentity:
    """The identity of an organisation: its key ("kind|number|city", "kind|city" or main words) and the city it was
    qualified by: typed keys («школа № 1», «Кванториум») are qualified by the city of the places in the name, else
    by `default_city`, so that school No. 1 of Kazan and school No. 1 of Omsk stay two organisations. A federal
    body's names (`federal.find`, at an article of `year`) give its id and the body; a bare one («Министерство
    просвещения») only when the article does not mean a region's body (`regional`).

    >>> found = organisation_key("Минпросвещения России", [])
    >>> found.key, found.body.en
    ('ministerstvo-prosveshcheniye-rossiya', 'Ministry of Education of the Russian Federation')
    """
    body = federal.find(name, year)
    if body and not (body.bare and regional(name)):
        return OrganisationIdentity(body.id, None, body)
    key = names.organisation_key(name)
    if body:  # a region's body by a bare federal name: one per federal subject, never one for all regions
        region = next((subject_of(c) for c in map(city_of, places) if c), None) or subject_of(default_city)
        return OrganisationIdentity(f"{key}|{region}", region) if region else OrganisationIdentity(key)
    rest = key.partition("|")[2]
    if "|" not in key or rest and not rest.isdigit():
        return OrganisationIdentity(key)  # main words, or a centre whose key already names its place
    city = next((c for c in map(city_of, places) if c), None) or default_city
    if city and not key.endswith(f"|{city}"):
        key = f"{key.rstrip('|')}|{city}"
    return OrganisationIdentity(key, city)


def typed(name: str) -> bool:
    """True for a name whose key is its kind and number or centre («школа № 24», «Кванториум»): its place qualifies
    it."""
    return "|" in names.organisation_key(name)


PLACE_BOUND_ACTIONS = ("opening", "visit")  # actions of data/gazetteers/actions.yaml that happen at one place


@functools.lru_cache(maxsize=1)
def _place_bound_names() -> tuple[str, ...]:
    """The words that begin the name of an opening or a visit («Открытие», "Visit to"), folded."""
    return tuple(fold(action[f"name_{lang}"]) + " " for action in actions() if action["kind"] in PLACE_BOUND_ACTIONS
                 for lang in ("ru", "en"))


def _place_bound(name: str, date: str | None) -> bool:
    """An opening or a visit («Открытие IT-куба») not dated to the day: two cities' openings of one year are two."""
    return not (date and len(date) == 10) and fold(name).startswith(_place_bound_names())


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
    if not generic and not _place_bound(name, date):
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
