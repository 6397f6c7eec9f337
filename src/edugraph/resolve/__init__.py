"""Entity resolution: one deterministic IRI per real-world entity, across articles and languages.

- people: surname + first initial (`names.person_key`: «Вера Князева» = «Князева В.В.»;
  Russian names are transliterated, so «Сергей Кожевников» = "Sergey Kozhevnikov");
- organisations: `org_key` (type + number + city, or main words), so
  «ГБОУ СОШ № 608 … Кировского района» = «школа № 608» in an article about Saint Petersburg;
- places, initiatives, roles and topics: the gazetteer id, whatever the case form or language;
- events: name + start date; posts: person + organisation + role.
"""

from __future__ import annotations

from rdflib import URIRef

from .. import gazetteer
from ..extract import names
from ..namespaces import ID
from .places import city_of, organisation_places

MAX_SLUG = 80


def short_slug(text: str) -> str:
    return gazetteer.slug(text)[:MAX_SLUG].strip("-") or "x"


def person_key(name: str) -> str:
    return gazetteer.slug(names.person_key(name)) or "unknown"


def person_iri(name: str) -> URIRef:
    return ID[f"person/{person_key(name)}"]


def org_key(name: str, default_city: str | None = None, context: list[str] | None = None) -> str:
    """`organisation_key`, qualified by the city for typed keys («школа № 1», «Кванториум»), so that
    school No. 1 of Kazan and school No. 1 of Omsk stay two organisations."""
    key = names.organisation_key(name)
    if "|" not in key or not key.split("|")[1].isdigit() and key.split("|")[1]:
        return key  # main words, or a centre whose key already names its place
    city = next((c for c in (city_of(r) for r in organisation_places(name, context)) if c), None) or default_city
    return f"{key.rstrip('|')}|{city}" if city and not key.endswith(f"|{city}") else key


def org_iri(name: str, default_city: str | None = None, context: list[str] | None = None) -> URIRef:
    return ID[f"org/{short_slug(org_key(name, default_city, context))}"]


def place_iri(place_id: str) -> URIRef:
    return ID[f"place/{place_id}"]


def unknown_place_iri(name: str) -> URIRef:
    return ID[f"place/{short_slug(name)}"]


def initiative_iri(initiative_id: str) -> URIRef:
    return ID[f"initiative/{initiative_id}"]


def initiative_iri_for(name: str) -> URIRef:
    record = gazetteer.find_initiative(name)
    return initiative_iri(record["id"] if record else short_slug(name))


def role_iri(role_id: str) -> URIRef:
    return ID[f"role/{role_id}"]


def topic_iri(topic_id: str) -> URIRef:
    return ID[f"topic/{topic_id}"]


def event_iri(name: str, date: str | None) -> URIRef:
    return ID[f"event/{short_slug(name)}" + (f"-{date}" if date else "")]


def post_iri(person: str, org: str | None, role_id: str, default_city: str | None = None,
             context: list[str] | None = None) -> URIRef:
    org_part = short_slug(org_key(org, default_city, context)) if org else "unknown"
    return ID[f"post/{person_key(person)}--{org_part}--{role_id}"]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_id}"]
